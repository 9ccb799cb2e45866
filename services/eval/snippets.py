"""The hand-written snippets (handwritten/*.txt), parsed and split into tune and check.

Read at run time, so a new snippet counts without regenerating anything. Snippets are
separated by a line holding `---` and labelled inline as `[[TYPE:value]]` (see markup.py
and LABELLING.md). Within each file, even-numbered snippets go to tune and odd ones to
check: every kind of text (file) is on both sides, no snippet on both.
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


def load(folder: Path = HERE / "handwritten") -> dict[str, list[dict[str, Any]]]:
    """{"tune": [...], "check": [...]} from every *.txt file in `folder`, in name order."""
    parts: dict[str, list[dict[str, Any]]] = {"tune": [], "check": []}
    for path in sorted(folder.glob("*.txt")):
        chunks = [c.strip("\n") for c in SEPARATOR.split(path.read_text("utf-8"))]
        for i, chunk in enumerate(c for c in chunks if c.strip()):
            try:
                text, spans = parse(chunk)
            except ValueError as exc:
                raise ValueError(f"{path.name}, snippet {i + 1}: {exc}") from exc
            row = {
                "id": f"{path.stem}-{i:03d}",
                "source": "handwritten",
                "kind": path.stem,
                "text": text,
                "spans": spans,
            }
            parts["tune" if i % 2 == 0 else "check"].append(row)
    return parts
