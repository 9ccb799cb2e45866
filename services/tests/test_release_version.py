"""The release's version-agreement check (.github/scripts/check_version.py), run for real.

The release workflow refuses to publish when the `v*` tag, `desktop/package.json` and the
backend's `project.version` disagree; these tests run the real script on small repo trees made
here and on this repository itself.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / ".github" / "scripts" / "check_version.py"


def run_check(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the script with this interpreter, as `python .github/scripts/check_version.py ...`."""
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def make_tree(root: Path, backend: str, desktop: str | None) -> Path:
    """A minimal repo: services/pyproject.toml and, optionally, desktop/package.json."""
    (root / "services").mkdir(parents=True)
    (root / "services" / "pyproject.toml").write_text(
        f'[project]\nname = "redacta"\nversion = "{backend}"\n', encoding="utf-8"
    )
    if desktop is not None:
        (root / "desktop").mkdir()
        (root / "desktop" / "package.json").write_text(
            json.dumps({"name": "redacta-desktop", "version": desktop}), encoding="utf-8"
        )
    return root


def test_agreeing_files_pass_without_tag(tmp_path: Path) -> None:
    root = make_tree(tmp_path, "1.2.3", "1.2.3")
    result = run_check("--root", str(root))
    assert result.returncode == 0, result.stderr
    assert "1.2.3" in result.stdout


def test_matching_tag_passes(tmp_path: Path) -> None:
    root = make_tree(tmp_path, "1.2.3", "1.2.3")
    result = run_check("--root", str(root), "--tag", "v1.2.3")
    assert result.returncode == 0, result.stderr


def test_mismatching_tag_fails_and_names_every_source(tmp_path: Path) -> None:
    root = make_tree(tmp_path, "1.2.3", "1.2.3")
    result = run_check("--root", str(root), "--tag", "v1.2.4")
    assert result.returncode == 1
    assert "versions disagree" in result.stderr
    assert "tag v1.2.4 = 1.2.4" in result.stderr
    assert "desktop/package.json = 1.2.3" in result.stderr


def test_desktop_disagreeing_with_backend_fails(tmp_path: Path) -> None:
    root = make_tree(tmp_path, "1.2.3", "1.3.0")
    result = run_check("--root", str(root))
    assert result.returncode == 1
    assert "services/pyproject.toml = 1.2.3" in result.stderr


def test_prerelease_spellings_of_npm_and_pep440_are_the_same_version(tmp_path: Path) -> None:
    root = make_tree(tmp_path, "2.0.0rc1", "2.0.0-rc.1")
    assert run_check("--root", str(root), "--tag", "v2.0.0-rc.1").returncode == 0
    assert run_check("--root", str(root), "--tag", "v2.0.0-rc.2").returncode == 1


@pytest.mark.parametrize("tag", ["1.2.3", "release-1.2.3", "v1.2", "vlatest"])
def test_malformed_tags_fail(tmp_path: Path, tag: str) -> None:
    root = make_tree(tmp_path, "1.2.3", "1.2.3")
    result = run_check("--root", str(root), "--tag", tag)
    assert result.returncode == 1
    assert result.stderr.strip()


def test_missing_desktop_package_is_reported_not_ignored(tmp_path: Path) -> None:
    root = make_tree(tmp_path, "1.2.3", None)
    result = run_check("--root", str(root), "--tag", "v1.2.3")
    assert result.returncode == 1
    assert "desktop/package.json: not found" in result.stderr
    allowed = run_check("--root", str(root), "--tag", "v1.2.3", "--allow-missing-desktop")
    assert allowed.returncode == 0, allowed.stderr
    assert run_check("--root", str(root), "--tag", "v9.9.9", "--allow-missing-desktop").returncode


def test_this_repository_agrees_with_its_own_tag() -> None:
    version = tomllib.loads((REPO / "services" / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"
    ]["version"]
    result = run_check("--tag", f"v{version}")
    assert result.returncode == 0, result.stderr
    assert run_check("--tag", "v999.0.0").returncode == 1
