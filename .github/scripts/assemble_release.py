#!/usr/bin/env python3
"""Gather every build leg's files into one release folder with a SHA256SUMS file.

Each leg of the release matrix uploads its installers and electron-updater's `latest*.yml`.
Both macOS legs (x64, arm64) write a `latest-mac.yml` that lists only their own architecture;
electron-updater needs one file listing both, so the two are merged here. Any other file name
that two legs produce with different content is an error (one would silently replace the
other on the release). Spaces in file names become `-`, as electron-builder's own GitHub
publisher does (GitHub would turn them into `.` and break the update infos' URLs). Every file
a `latest*.yml` lists must be present with the sha512 it claims, or the updater would reject
the download on users' machines.

Usage: assemble_release.py LEGS_DIR OUT_DIR   (LEGS_DIR/<artifact>/<files>, as
actions/download-artifact lays them out). Needs PyYAML.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped,unused-ignore]

MERGED = "latest-mac.yml"


class AssembleError(Exception):
    """The legs' outputs do not fit together into one release."""


def digest(path: Path, algorithm: str) -> bytes:
    """Hash a (possibly large) file in chunks."""
    hasher = hashlib.new(algorithm)
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            hasher.update(chunk)
    return hasher.digest()


def merge_update_infos(infos: list[dict[str, Any]]) -> dict[str, Any]:
    """One electron-updater info listing every leg's files (same version required)."""
    versions = {str(info.get("version")) for info in infos}
    if len(versions) != 1:
        raise AssembleError(f"{MERGED}: the legs built different versions {sorted(versions)}")
    merged = dict(infos[0])
    files: list[dict[str, Any]] = []
    seen: set[str] = set()
    for info in infos:
        for entry in info.get("files", []):
            if entry["url"] not in seen:
                seen.add(entry["url"])
                files.append(entry)
    merged["files"] = files
    dates = [str(info["releaseDate"]) for info in infos if "releaseDate" in info]
    if dates:
        merged["releaseDate"] = max(dates)
    return merged


def asset_name(name: str) -> str:
    """The name a file gets on the release (no spaces)."""
    return name.replace(" ", "-")


def normalize_update_info(info: dict[str, Any]) -> dict[str, Any]:
    """Point an update info's URLs at the release's (space-free) asset names."""
    info = dict(info)
    info["files"] = [{**e, "url": asset_name(str(e["url"]))} for e in info.get("files", [])]
    if "path" in info:
        info["path"] = asset_name(str(info["path"]))
    return info


def check_update_info(out: Path, info_path: Path) -> None:
    """Every file an update info lists exists here with the sha512 (base64) it claims."""
    info = yaml.safe_load(info_path.read_text(encoding="utf-8"))
    for entry in info.get("files", []):
        target = out / entry["url"]
        if not target.is_file():
            raise AssembleError(f"{info_path.name} lists {entry['url']}, which no leg built")
        actual = base64.b64encode(digest(target, "sha512")).decode()
        if actual != entry["sha512"]:
            raise AssembleError(f"{info_path.name}: sha512 of {entry['url']} does not match")


def assemble(legs: Path, out: Path) -> list[str]:
    """Copy, merge, verify, write SHA256SUMS; return the release's file names."""
    out.mkdir(parents=True, exist_ok=True)
    mac_infos: list[dict[str, Any]] = []
    for source in sorted(p for p in legs.rglob("*") if p.is_file()):
        if source.name == MERGED:
            mac_infos.append(yaml.safe_load(source.read_text(encoding="utf-8")))
            continue
        target = out / asset_name(source.name)
        if target.exists():
            if digest(target, "sha256") != digest(source, "sha256"):
                raise AssembleError(f"two legs built different files named {source.name}")
            continue
        shutil.copy2(source, target)
    if mac_infos:
        merged = merge_update_infos(mac_infos)
        (out / MERGED).write_text(yaml.safe_dump(merged, sort_keys=False), encoding="utf-8")
    for info_path in sorted(out.glob("latest*.yml")):
        info = yaml.safe_load(info_path.read_text(encoding="utf-8"))
        normalized = normalize_update_info(info)
        if normalized != info:
            info_path.write_text(yaml.safe_dump(normalized, sort_keys=False), encoding="utf-8")
        check_update_info(out, info_path)
    names = sorted(p.name for p in out.iterdir() if p.is_file() and p.name != "SHA256SUMS")
    if not names:
        raise AssembleError(f"no files found under {legs}")
    sums = "".join(f"{digest(out / name, 'sha256').hex()}  {name}\n" for name in names)
    (out / "SHA256SUMS").write_text(sums, encoding="utf-8")
    return names


def main(argv: list[str] | None = None) -> int:
    """Assemble and list the result; exit 1 with the reason when the legs do not fit."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("legs", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    try:
        names = assemble(args.legs, args.out)
    except (AssembleError, KeyError, yaml.YAMLError) as exc:
        print(f"assemble_release: {exc}", file=sys.stderr)
        return 1
    print("\n".join([*names, "SHA256SUMS"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
