"""Build the generated part of the evaluation set (data/*.jsonl).

Run: `python eval/generate.py` from services/. Fixed seed -> byte-identical files, committed so
every run of the harness scores the same samples.

The split is by template family AND by locale, so `check` is unseen on both axes:

* `CHECK_LOCALES` (about a third, at least one per locale group where the group has two or
  more) appear only in check; every other locale only in tune;
* a seeded third of the PII families (and two of the PII-free families) appear only in
  check, the rest only in tune;
* tune = tune families x tune locales, check = check families x check locales. Two small
  diagnostic parts hold the mixed cells: mixed-locale (tune families in check locales: only
  the locale is unseen) and mixed-family (check families in tune locales: only the kind of
  text is unseen), so a tune-check gap can be traced to one axis.
* fresh = `templates_fresh.FRESH_FAMILIES` (kinds of text no other part has) x
  `values.FRESH_LOCALES` (locales no other part uses, plus some check locales, never tune
  ones), made after the detection work it measures; with the hand-written snippets of
  fresh/*.txt it is the part nobody has tuned on. Check's families and locales have been
  public in the repository all along, and rules written from general knowledge of them
  drift check toward seen; fresh shows whether gains generalise further.
* dev = tune families x `values.DEV_LOCALES` (locales no other part uses): a second
  tuning part with check's locale diversity, so errors on unseen-style names, places and
  phones can be read there instead of in check. Its families are tune's, so it tells
  nothing about unseen kinds of text; tune - dev is information, the gap stays tune - check.
* dev-family = `templates_dev_family.DEV_FAMILY_FAMILIES` (kinds of text no other part
  has) x the tune locales: a tuning part where only the kind of text is new, so errors that
  unseen families cause (addresses inside sentences, in table cells, after keys) can be read
  there instead of in check; tune - dev-family is information, the gap stays tune - check.
* dev-family-2 = `templates_dev_family_2.DEV_FAMILY_2_FAMILIES` (more kinds of text no
  other part has: news, forums, court lists, manifests, configs, transcripts, ...) x the
  tune locales and `values.DEV_LOCALES`: a second tuning part of new kinds of text, where
  places and names stand alone, in capitals, in lower case and in lists; tune -
  dev-family-2 is information, the gap stays tune - check.
* fresh-2026-11-28 = the previous fresh part (check families x
  `values.FRESH_2026_11_28_LOCALES`), kept byte-identical so its numbers can be compared
  across rounds; after the work of 2026-11-29 it is no longer unseen.

Hand-written snippets are not generated: `snippets.py` reads them from handwritten/*.txt at
run time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from itertools import cycle
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from templates import FAMILIES, NEGATIVE  # noqa: E402
from templates_dev_family import DEV_FAMILY_FAMILIES  # noqa: E402
from templates_dev_family_2 import DEV_FAMILY_2_FAMILIES  # noqa: E402
from templates_fresh import FRESH_FAMILIES  # noqa: E402
from values import (  # noqa: E402
    ALL_LOCALES,
    DEV_LOCALES,
    FRESH_2026_11_28_LOCALES,
    FRESH_LOCALES,
    LOCALES,
    LocaleValues,
    Value,
)

SEED = 20261128
TUNE_SAMPLES = 1300
CHECK_SAMPLES = 900
MIXED_SAMPLES = 150
FRESH_SAMPLES = 540
FRESH_2026_11_28_SAMPLES = 600
DEV_SAMPLES = 600
DEV_FAMILY_SAMPLES = 450
DEV_FAMILY_2_SAMPLES = 525
#: Value seeds of the 2026-11-28 fresh locales start here, away from the per-locale seeds of
#: LOCALES, so adding them changed no existing part.
FRESH_2026_11_28_SEED = SEED + 1_000_000
#: Value seeds of the current fresh part: its check locales get values of their own too, so
#: the check part keeps its bytes and fresh shares no value stream with it.
FRESH_SEED = SEED + 2_000_000
#: Value seeds of the dev locales, away from every other part's.
DEV_SEED = SEED + 3_000_000
#: Value seeds of dev-family: tune locales, but value streams of their own, so tune keeps its
#: bytes and dev-family shares no values with it.
DEV_FAMILY_SEED = SEED + 4_000_000
#: Value seeds of dev-family-2 (tune and dev locales), away from every other part's.
DEV_FAMILY_2_SEED = SEED + 5_000_000
PART_ID = {"tune": "t", "check": "c", "mixed-locale": "ml", "mixed-family": "mf",
           "fresh-2026-11-28": "fr", "fresh": "fg", "dev": "d",
           "dev-family": "df", "dev-family-2": "df2-"}  # fmt: skip
CHECK_LOCALES = frozenset(
    {
        "en_NZ", "en_IE",  # English
        "de_AT", "fr_CH", "nl_BE", "fi_FI", "pt_PT",  # Western European
        "hu_HU", "sk_SK", "sl_SI",  # Central/Eastern European
        "el_GR", "uk_UA",  # Greek/Cyrillic
        "ko_KR", "zh_TW",  # East Asian
        "vi_VN", "th_TH",  # South/South-East Asian
        "pt_BR", "es_CO",  # Latin American
        "he_IL", "en_NG",  # Middle East/Africa
    }
)  # fmt: skip
SLOT = re.compile(r"\{([a-z_]+)(\d*)\}")


def family_types() -> dict[str, set[str]]:
    """The gold types each family's templates carry (filled once with en_US values)."""
    probe = LocaleValues("en_US", SEED)
    return {
        family: {span["type"] for t in templates for span in fill(t, probe)[1]}
        for family, templates in FAMILIES.items()
    }


def check_families() -> frozenset[str]:
    """A seeded third of the PII families and two of the PII-free ones, drawn so that both
    sides carry every gold type (the first seed in order whose draw does)."""
    types = family_types()
    every = set().union(*types.values())
    for attempt in range(1000):
        rng = random.Random(SEED + attempt)  # noqa: S311 - reproducible split, not secrets
        positive = sorted(f for f in FAMILIES if f not in NEGATIVE)
        negative = sorted(NEGATIVE)
        rng.shuffle(positive)
        rng.shuffle(negative)
        check = positive[: len(positive) // 3]
        tune = positive[len(positive) // 3 :]
        if all(set().union(*(types[f] for f in side)) == every for side in (check, tune)):
            return frozenset(check + negative[:2])
    raise RuntimeError("no family split covers every gold type on both sides")


def fill(template: str, values: LocaleValues) -> tuple[str, list[dict[str, Any]]]:
    """Fill every `{slot}` (a trailing digit only makes a second value of the same kind)."""
    makers = values.makers()
    parts: list[Value] = []
    pos = 0
    for m in SLOT.finditer(template):
        parts.append(Value(template[pos : m.start()]))
        parts.append(makers[m.group(1)]())
        pos = m.end()
    parts.append(Value(template[pos:]))
    text, spans, offset = [], [], 0
    for part in parts:
        spans.extend(
            {"start": s + offset, "end": e + offset, "type": k, "text": part.text[s:e]}
            for s, e, k in part.spans
        )
        text.append(part.text)
        offset += len(part.text)
    return "".join(text), spans


def generate(
    families: list[str],
    locales: list[str],
    count: int,
    values: dict[str, LocaleValues],
    templates: dict[str, list[str]] = FAMILIES,
) -> list[dict[str, Any]]:
    """`count` samples over every (family, locale) cell in seeded order, templates in turn."""
    rng = random.Random(f"{SEED}-{families[0]}-{count}")  # noqa: S311
    cells = [(f, loc) for f in families for loc in locales]
    rng.shuffle(cells)
    next_template = dict.fromkeys(families, 0)
    rows: list[dict[str, Any]] = []
    for n, (family, locale) in zip(range(count), cycle(cells), strict=False):
        index = next_template[family] % len(templates[family])
        next_template[family] += 1
        text, spans = fill(templates[family][index], values[locale])
        rows.append(
            {
                "id": f"g{n:04d}",
                "source": "generated",
                "family": family,
                "template": f"{family}/{index}",
                "locale": locale,
                "group": ALL_LOCALES[locale].group,
                "text": text,
                "spans": spans,
            }
        )
    return rows


def build() -> dict[str, list[dict[str, Any]]]:
    """The generated parts, deterministically: tune, check, the two mixed diagnostics, the
    2026-11-28 fresh part, the current fresh part, the dev part and the two dev-family
    parts."""
    values = {loc: LocaleValues(loc, SEED + 1000 * i) for i, loc in enumerate(sorted(LOCALES))}
    old_fresh = sorted(FRESH_2026_11_28_LOCALES)
    values |= {
        loc: LocaleValues(loc, FRESH_2026_11_28_SEED + 1000 * i) for i, loc in enumerate(old_fresh)
    }
    fresh_values = {
        loc: LocaleValues(loc, FRESH_SEED + 1000 * i) for i, loc in enumerate(sorted(FRESH_LOCALES))
    }
    dev_values = {
        loc: LocaleValues(loc, DEV_SEED + 1000 * i) for i, loc in enumerate(sorted(DEV_LOCALES))
    }
    in_check = check_families()
    dev_family_values = {
        loc: LocaleValues(loc, DEV_FAMILY_SEED + 1000 * i)
        for i, loc in enumerate(sorted(loc for loc in LOCALES if loc not in CHECK_LOCALES))
    }
    dev_family_2_values = {
        loc: LocaleValues(loc, DEV_FAMILY_2_SEED + 1000 * i)
        for i, loc in enumerate(
            sorted([*(loc for loc in LOCALES if loc not in CHECK_LOCALES), *DEV_LOCALES])
        )
    }
    tune_fams = [f for f in FAMILIES if f not in in_check]
    check_fams = [f for f in FAMILIES if f in in_check]
    tune_locs = [loc for loc in LOCALES if loc not in CHECK_LOCALES]
    check_locs = [loc for loc in LOCALES if loc in CHECK_LOCALES]
    parts = {
        "tune": generate(tune_fams, tune_locs, TUNE_SAMPLES, values),
        "check": generate(check_fams, check_locs, CHECK_SAMPLES, values),
        # Drawn last, so tune and check do not change with them.
        "mixed-locale": generate(tune_fams, check_locs, MIXED_SAMPLES, values),
        "mixed-family": generate(check_fams, tune_locs, MIXED_SAMPLES, values),
        "fresh-2026-11-28": generate(
            check_fams, list(FRESH_2026_11_28_LOCALES), FRESH_2026_11_28_SAMPLES, values
        ),
        "fresh": generate(
            list(FRESH_FAMILIES), list(FRESH_LOCALES), FRESH_SAMPLES, fresh_values, FRESH_FAMILIES
        ),
        "dev": generate(tune_fams, list(DEV_LOCALES), DEV_SAMPLES, dev_values),
        "dev-family": generate(
            list(DEV_FAMILY_FAMILIES),
            tune_locs,
            DEV_FAMILY_SAMPLES,
            dev_family_values,
            DEV_FAMILY_FAMILIES,
        ),
        "dev-family-2": generate(
            list(DEV_FAMILY_2_FAMILIES),
            tune_locs + list(DEV_LOCALES),
            DEV_FAMILY_2_SAMPLES,
            dev_family_2_values,
            DEV_FAMILY_2_FAMILIES,
        ),
    }
    for name, rows in parts.items():
        for row in rows:
            row["id"] = PART_ID[name] + row["id"][1:]
    return parts


def main() -> None:
    """Write data/<part>.jsonl (or into --out DIR) and print the sizes."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--out", type=Path, default=HERE / "data", help="output folder")
    out = parser.parse_args().out
    if os.environ.get("PYTHONHASHSEED") != "0":
        # Some Faker locales (it_IT towns) draw from sets, whose order follows str hashing:
        # fixing the hash seed is what makes regeneration byte-identical.
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        os.execve(sys.executable, [sys.executable, *sys.argv], env)  # noqa: S606
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in build().items():
        with (out / f"{name}.jsonl").open("w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        n_spans = sum(len(r["spans"]) for r in rows)
        n_loc = len({r["locale"] for r in rows})
        n_fam = len({r["family"] for r in rows})
        print(
            f"{name}: {len(rows)} samples, {n_spans} gold spans, {n_loc} locales, {n_fam} families"
        )


if __name__ == "__main__":
    main()
