"""Build `dist/backend/` from `services/redacta-backend.spec`, unless it is already up to date.

Run by `nox -s freeze` (and `nox -s frozen` before its smoke tests) inside the session's venv,
which holds the locked backend dependencies plus PyInstaller. The build is skipped when the
manifest's `input_hash` matches the current inputs; `--force` or `FREEZE_FORCE=1` rebuilds.

    python services/packaging/freeze.py [--force] [--dist DIR]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import manifest
from bundle import MODEL

SPEC = manifest.SERVICES / "redacta-backend.spec"
DIST = manifest.REPO / "dist"
WORK = manifest.REPO / "build" / "pyinstaller"
EXE_NAME = "redacta-backend.exe" if sys.platform == "win32" else "redacta-backend"


def is_up_to_date(backend_dir: Path, inputs: str) -> bool:
    """True when the build in `backend_dir` was made from exactly these inputs."""
    built = manifest.read(backend_dir)
    return (
        built is not None
        and built.get("input_hash") == inputs
        and (backend_dir / EXE_NAME).is_file()
    )


def freeze(dist: Path = DIST, *, force: bool = False) -> Path:
    """Build (or reuse) `<dist>/backend/`; returns the executable's path."""
    backend_dir = dist / "backend"
    inputs = manifest.input_hash()
    if not force and is_up_to_date(backend_dir, inputs):
        print(f"freeze: {backend_dir} is up to date ({inputs[:19]}…); --force to rebuild")
        return backend_dir / EXE_NAME
    started = time.monotonic()
    # Drop the old manifest first: a failed build must not look up to date.
    (backend_dir / manifest.MANIFEST_NAME).unlink(missing_ok=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(WORK),
            str(SPEC),
        ],
        check=True,
    )
    path = manifest.write(backend_dir, manifest.build_manifest(MODEL, inputs))
    print(f"freeze: built {backend_dir} in {time.monotonic() - started:.0f} s; manifest {path}")
    return backend_dir / EXE_NAME


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="Rebuild even if up to date.")
    parser.add_argument("--dist", type=Path, default=DIST, help="Output folder (default: dist/).")
    args = parser.parse_args()
    force = args.force or os.environ.get("FREEZE_FORCE", "") not in ("", "0")
    freeze(args.dist.resolve(), force=force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
