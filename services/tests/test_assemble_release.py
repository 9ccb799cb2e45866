"""The release workflow's assembly step (.github/scripts/assemble_release.py), run for real.

Legs are laid out as actions/download-artifact lays them out; the installers are small files
made here (the real ones are built on GitHub's runners), the update infos are shaped like
electron-builder's `latest*.yml`.
"""

from __future__ import annotations

import base64
import hashlib
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / ".github" / "scripts" / "assemble_release.py"


def run_assemble(legs: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(legs), str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def leg_file(legs: Path, leg: str, name: str, content: bytes) -> dict[str, object]:
    """Write one built file into a leg; return its electron-updater `files` entry."""
    path = legs / leg / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    sha512 = base64.b64encode(hashlib.sha512(content).digest()).decode()
    return {"url": name, "sha512": sha512, "size": len(content)}


def update_info(
    legs: Path, leg: str, name: str, version: str, entries: list[dict[str, object]]
) -> None:
    info = {
        "version": version,
        "files": entries,
        "path": entries[0]["url"],
        "sha512": entries[0]["sha512"],
        "releaseDate": f"2026-11-2{len(leg) % 9}T00:00:00.000Z",
    }
    (legs / leg / name).write_text(yaml.safe_dump(info), encoding="utf-8")


def make_legs(legs: Path, arm_version: str = "1.0.0") -> None:
    win = leg_file(legs, "installers-windows-x64", "Redacta-Setup-1.0.0.exe", b"MZ windows")
    update_info(legs, "installers-windows-x64", "latest.yml", "1.0.0", [win])
    for arch, version in (("x64", "1.0.0"), ("arm64", arm_version)):
        leg = f"installers-macos-{arch}"
        zipped = leg_file(legs, leg, f"Redacta-1.0.0-{arch}-mac.zip", f"zip {arch}".encode())
        leg_file(legs, leg, f"Redacta-1.0.0-{arch}.dmg", f"dmg {arch}".encode())
        update_info(legs, leg, "latest-mac.yml", version, [zipped])
    image = leg_file(legs, "installers-linux-x64", "Redacta-1.0.0.AppImage", b"\x7fELF app")
    leg_file(legs, "installers-linux-x64", "redacta_1.0.0_amd64.deb", b"!<arch> deb")
    update_info(legs, "installers-linux-x64", "latest-linux.yml", "1.0.0", [image])
    leg_file(legs, "sbom", "redacta-backend-v1.0.0.cdx.json", b'{"bomFormat": "CycloneDX"}')


def test_assembles_one_folder_with_merged_mac_info_and_valid_sums(tmp_path: Path) -> None:
    make_legs(tmp_path / "legs")
    out = tmp_path / "release"
    result = run_assemble(tmp_path / "legs", out)
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        [
            "Redacta-Setup-1.0.0.exe",
            "latest.yml",
            "Redacta-1.0.0-x64-mac.zip",
            "Redacta-1.0.0-x64.dmg",
            "Redacta-1.0.0-arm64-mac.zip",
            "Redacta-1.0.0-arm64.dmg",
            "latest-mac.yml",
            "Redacta-1.0.0.AppImage",
            "redacta_1.0.0_amd64.deb",
            "latest-linux.yml",
            "redacta-backend-v1.0.0.cdx.json",
            "SHA256SUMS",
        ]
    )
    mac = yaml.safe_load((out / "latest-mac.yml").read_text(encoding="utf-8"))
    assert sorted(entry["url"] for entry in mac["files"]) == [
        "Redacta-1.0.0-arm64-mac.zip",
        "Redacta-1.0.0-x64-mac.zip",
    ]
    # What `sha256sum --check --strict SHA256SUMS` (the publish job) checks, in Python.
    for line in (out / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        hexdigest, name = line.split("  ", 1)
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == hexdigest, name
    assert len((out / "SHA256SUMS").read_text(encoding="utf-8").splitlines()) == 11


def test_mac_legs_with_different_versions_are_refused(tmp_path: Path) -> None:
    make_legs(tmp_path / "legs", arm_version="1.0.1")
    result = run_assemble(tmp_path / "legs", tmp_path / "release")
    assert result.returncode == 1
    assert "different versions" in result.stderr


def test_update_info_pointing_at_a_changed_file_is_refused(tmp_path: Path) -> None:
    make_legs(tmp_path / "legs")
    (tmp_path / "legs" / "installers-linux-x64" / "Redacta-1.0.0.AppImage").write_bytes(b"other")
    result = run_assemble(tmp_path / "legs", tmp_path / "release")
    assert result.returncode == 1
    assert "sha512 of Redacta-1.0.0.AppImage does not match" in result.stderr


def test_same_name_different_content_from_two_legs_is_refused(tmp_path: Path) -> None:
    make_legs(tmp_path / "legs")
    leg_file(tmp_path / "legs", "installers-macos-arm64", "redacta_1.0.0_amd64.deb", b"clash")
    result = run_assemble(tmp_path / "legs", tmp_path / "release")
    assert result.returncode == 1
    assert "different files named redacta_1.0.0_amd64.deb" in result.stderr


def test_spaces_in_names_become_dashes_in_files_and_update_info(tmp_path: Path) -> None:
    legs = tmp_path / "legs"
    entry = leg_file(legs, "installers-windows-x64", "Redacta Setup 1.0.0.exe", b"MZ")
    update_info(legs, "installers-windows-x64", "latest.yml", "1.0.0", [entry])
    out = tmp_path / "release"
    result = run_assemble(legs, out)
    assert result.returncode == 0, result.stderr
    assert (out / "Redacta-Setup-1.0.0.exe").read_bytes() == b"MZ"
    info = yaml.safe_load((out / "latest.yml").read_text(encoding="utf-8"))
    assert info["files"][0]["url"] == info["path"] == "Redacta-Setup-1.0.0.exe"
    assert "Redacta-Setup-1.0.0.exe" in (out / "SHA256SUMS").read_text(encoding="utf-8")
