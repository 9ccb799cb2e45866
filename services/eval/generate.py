"""Build the labelled evaluation set (data/tune.jsonl, data/check.jsonl), deterministically.

Run: `python eval/generate.py` from services/. Same seed -> byte-identical files, which are
committed so every run of the harness scores the same samples. Two sources:

* template samples: `templates.TEMPLATES` filled with `values` across five English locales;
  whole templates go to one part (tune or check) so the check part has unseen sentence shapes;
* hand-written samples: `handwritten/*.txt`, inline `[[TYPE:value]]` markup, samples separated
  by a line holding `---`; alternate samples go to tune and check.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path
from typing import Any

from faker import Faker

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from markup import Span, parse  # noqa: E402
from templates import TEMPLATES  # noqa: E402
from values import LOCALES, slot_makers  # noqa: E402

SEED = 20261126
TEMPLATE_SAMPLES = 1600
SLOT = re.compile(r"\{([a-z0-9]+)\}")


def fill(template: str, makers: dict[str, Any]) -> tuple[str, list[Span]]:
    """Fill every `{slot}` with a fresh value and record the spans of the labelled ones."""
    out: list[str] = []
    spans: list[Span] = []
    pos = 0
    length = 0
    for m in SLOT.finditer(template):
        literal = template[pos : m.start()]
        out.append(literal)
        length += len(literal)
        value = makers[m.group(1)]()
        if value.type is not None:
            spans.append(
                {
                    "start": length,
                    "end": length + len(value.text),
                    "type": value.type,
                    "text": value.text,
                }
            )
        out.append(value.text)
        length += len(value.text)
        pos = m.end()
    out.append(template[pos:])
    return "".join(out), spans


def template_samples(rng: random.Random) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Fill templates round-robin over locales; split by template index (seeded shuffle)."""
    order = list(range(len(TEMPLATES)))
    rng.shuffle(order)
    check_ids = set(order[: len(order) // 2])
    fakers = {}
    for i, loc in enumerate(LOCALES):
        fake = Faker(loc)
        fake.seed_instance(SEED + i)
        fakers[loc] = slot_makers(fake, random.Random(SEED + 100 + i), loc)  # noqa: S311
    tune: list[dict[str, Any]] = []
    check: list[dict[str, Any]] = []
    for n in range(TEMPLATE_SAMPLES):
        t_id = n % len(TEMPLATES)
        locale = LOCALES[(n // len(TEMPLATES) + t_id) % len(LOCALES)]
        text, spans = fill(TEMPLATES[t_id], fakers[locale])
        record = {
            "id": f"t{n:04d}",
            "source": "template",
            "template": t_id,
            "locale": locale,
            "text": text,
            "spans": spans,
        }
        (check if t_id in check_ids else tune).append(record)
    return tune, check


def handwritten_samples() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Parse every hand-written file; even samples go to tune, odd ones to check."""
    tune: list[dict[str, Any]] = []
    check: list[dict[str, Any]] = []
    for path in sorted((HERE / "handwritten").glob("*.txt")):
        chunks = [c.strip("\n") for c in re.split(r"^---$", path.read_text("utf-8"), flags=re.M)]
        for i, chunk in enumerate(c for c in chunks if c.strip()):
            text, spans = parse(chunk)
            record = {
                "id": f"{path.stem}-{i:03d}",
                "source": "handwritten",
                "kind": path.stem,
                "text": text,
                "spans": spans,
            }
            (tune if i % 2 == 0 else check).append(record)
    return tune, check


def main() -> None:
    """Write data/tune.jsonl and data/check.jsonl and print their sizes."""
    rng = random.Random(SEED)  # noqa: S311 - reproducible data, not secrets
    t_tune, t_check = template_samples(rng)
    h_tune, h_check = handwritten_samples()
    out = HERE / "data"
    out.mkdir(exist_ok=True)
    for name, rows in (("tune", t_tune + h_tune), ("check", t_check + h_check)):
        with (out / f"{name}.jsonl").open("w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        n_spans = sum(len(r["spans"]) for r in rows)
        n_hand = sum(r["source"] == "handwritten" for r in rows)
        print(f"{name}: {len(rows)} samples ({n_hand} hand-written), {n_spans} gold spans")


if __name__ == "__main__":
    main()
