"""The frozen build's manifest (`build-manifest.json` next to the executable), when there is one.

The freeze step writes it (version, commit, model, build time); `--version` and
`GET /api/v1/info` show it so a bug report names the exact build.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

MANIFEST_NAME = "build-manifest.json"


def manifest_path() -> Path | None:
    """Where the manifest would be: beside the frozen executable; None when not frozen."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(sys.executable).resolve().parent / MANIFEST_NAME


def read_manifest() -> dict[str, Any] | None:
    """The manifest as a dict, or None when not frozen, missing or unreadable."""
    path = manifest_path()
    if path is None or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
