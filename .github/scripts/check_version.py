#!/usr/bin/env python3
"""Fail a release whose tag, desktop app and backend disagree about the version.

The installers take their version from `desktop/package.json`, the backend reports
`services/pyproject.toml`'s `project.version` (via its package metadata), and the GitHub
release is named after the `v*` tag. Shipping a `v1.2.0` release whose app says 1.1.0 breaks
electron-updater (it compares these numbers), so the release workflow runs this first.

Usage: check_version.py [--tag vX.Y.Z] [--root REPO] [--allow-missing-desktop]

Standard library only (runs on a bare runner Python >= 3.12). Versions are compared after
mapping npm pre-release spelling to PEP 440 (`1.2.0-rc.1` == `1.2.0rc1`); anything other than
`X.Y.Z` with an optional alpha/beta/rc number is refused rather than guessed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from pathlib import Path

_SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)(?:-(alpha|beta|rc)\.(\d+))?$")
_PEP440 = re.compile(r"^(\d+)\.(\d+)\.(\d+)(?:(a|b|rc)(\d+))?$")
_PRE_SEMVER_TO_PEP440 = {"alpha": "a", "beta": "b", "rc": "rc"}


class VersionError(Exception):
    """A version source is missing, unreadable or spelled in a way we do not support."""


def normalize(raw: str, source: str) -> str:
    """Return the PEP 440 spelling of a release version, or raise VersionError."""
    text = raw.strip()
    match = _PEP440.match(text)
    if match:
        major, minor, patch, pre, num = match.groups()
        return f"{int(major)}.{int(minor)}.{int(patch)}" + (f"{pre}{int(num)}" if pre else "")
    match = _SEMVER.match(text)
    if match:
        major, minor, patch, pre, num = match.groups()
        suffix = f"{_PRE_SEMVER_TO_PEP440[pre]}{int(num)}" if pre else ""
        return f"{int(major)}.{int(minor)}.{int(patch)}{suffix}"
    raise VersionError(
        f"{source}: version {text!r} is not X.Y.Z or X.Y.Z-(alpha|beta|rc).N / X.Y.Z(a|b|rc)N"
    )


def backend_version(root: Path) -> str:
    """`project.version` of services/pyproject.toml."""
    path = root / "services" / "pyproject.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return str(data["project"]["version"])
    except FileNotFoundError as exc:
        raise VersionError(f"{path}: not found") from exc
    except (KeyError, tomllib.TOMLDecodeError) as exc:
        raise VersionError(f"{path}: no readable project.version ({exc})") from exc


def desktop_version(root: Path) -> str | None:
    """`version` of desktop/package.json, or None when the desktop app does not exist."""
    path = root / "desktop" / "package.json"
    if not path.is_file():
        return None
    try:
        return str(json.loads(path.read_text(encoding="utf-8"))["version"])
    except (KeyError, json.JSONDecodeError) as exc:
        raise VersionError(f"{path}: no readable version ({exc})") from exc


def tag_version(tag: str) -> str:
    """The version in a `vX.Y.Z` tag (also accepts `refs/tags/vX.Y.Z`)."""
    name = tag.removeprefix("refs/tags/")
    if not name.startswith("v"):
        raise VersionError(f"tag {tag!r}: release tags must look like vX.Y.Z")
    return name[1:]


def check(root: Path, tag: str | None, allow_missing_desktop: bool) -> list[str]:
    """Compare every version source; return the problems found (empty list = they agree)."""
    found: dict[str, str] = {"services/pyproject.toml": backend_version(root)}
    desktop = desktop_version(root)
    if desktop is None:
        if not allow_missing_desktop:
            return [
                "desktop/package.json: not found; the installers take their version from it "
                "(pass --allow-missing-desktop to check only the backend and the tag)"
            ]
    else:
        found["desktop/package.json"] = desktop
    if tag is not None:
        found[f"tag {tag}"] = tag_version(tag)
    normalized = {source: normalize(raw, source) for source, raw in found.items()}
    if len(set(normalized.values())) == 1:
        return []
    listing = ", ".join(f"{source} = {found[source]}" for source in found)
    return [f"versions disagree: {listing}"]


def main(argv: list[str] | None = None) -> int:
    """Print what was compared and exit 1 on any disagreement or unreadable source."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tag", help="release tag, e.g. v1.2.0 (omit to compare files only)")
    parser.add_argument(
        "--root",
        type=Path,
        default=Path(__file__).resolve().parents[2],
        help="repository root (default: the checkout holding this script)",
    )
    parser.add_argument(
        "--allow-missing-desktop",
        action="store_true",
        help="do not fail when desktop/package.json does not exist",
    )
    args = parser.parse_args(argv)
    try:
        problems = check(args.root, args.tag, args.allow_missing_desktop)
    except VersionError as exc:
        problems = [str(exc)]
    if problems:
        for problem in problems:
            print(f"check_version: {problem}", file=sys.stderr)
        return 1
    print(f"check_version: OK, version {backend_version(args.root)} everywhere")
    return 0


if __name__ == "__main__":
    sys.exit(main())
