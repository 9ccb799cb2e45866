"""The hand-written snippets (handwritten/*.txt), parsed and split into tune and check.

Read at run time, so a new snippet counts without regenerating anything. Snippets are
separated by a line holding `---` and labelled inline as `[[TYPE:value]]` (see markup.py
and LABELLING.md). Within each file, even-numbered snippets go to tune and odd ones to
check: every kind of text (file) is on both sides, no snippet on both. The snippets of
fresh/*.txt belong to the fresh part only (`load_fresh`).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from markup import parse  # noqa: E402

SEPARATOR = re.compile(r"^---[ \t]*$", re.MULTILINE)


def read(path: Path, prefix: str = "") -> list[dict[str, Any]]:
    """The snippets of one file as samples, in file order."""
    chunks = [c.strip("\n") for c in SEPARATOR.split(path.read_text("utf-8"))]
    rows: list[dict[str, Any]] = []
    for i, chunk in enumerate(c for c in chunks if c.strip()):
        try:
            text, spans = parse(chunk)
        except ValueError as exc:
            raise ValueError(f"{path.name}, snippet {i + 1}: {exc}") from exc
        rows.append(
            {
                "id": f"{prefix}{path.stem}-{i:03d}",
                "source": "handwritten",
                "kind": path.stem,
                "text": text,
                "spans": spans,
            }
        )
    return rows


def load(folder: Path = HERE / "handwritten") -> dict[str, list[dict[str, Any]]]:
    """{"tune": [...], "check": [...]} from every *.txt file in `folder`, in name order."""
    parts: dict[str, list[dict[str, Any]]] = {"tune": [], "check": []}
    for path in sorted(folder.glob("*.txt")):
        for i, row in enumerate(read(path)):
            parts["tune" if i % 2 == 0 else "check"].append(row)
    return parts


def load_fresh(folder: Path = HERE / "fresh") -> list[dict[str, Any]]:
    """The hand-written snippets of the fresh part (fresh/*.txt), all of them: nothing of
    fresh goes to tune."""
    return [row for path in sorted(folder.glob("*.txt")) for row in read(path, "fresh-")]
