"""Detection-quality harness: stock Presidio vs Redacta's engine on the labelled set.

Run from services/: `python eval/run_eval.py [--repeat N] [--json PATH] [--model NAME]`
(`nox -s eval` runs it). Both engines use the same spaCy model (`--model`, default: the
engine's configured model, i.e. REDACTA_MODEL or Settings' default) and see exactly the same
texts, one `analyze` call per sample. Prints, side by side:

* per entity type precision, recall and F2 on each part: generated tune, generated check,
  hand-written tune, hand-written check;
* overall scores per part with the tune-check gap (F2 tune - check, both engines) next to
  them: a small gap means what was tuned generalises, a large one means it was memorised;
  two mixed diagnostic parts (only the locale unseen / only the kind of text unseen) show
  which axis a gap comes from; `fresh` (template families and locales of its own plus
  hand-written snippets, all made after the detection work and never tuned on) shows
  whether gains hold beyond check, with its generated and hand-written halves beside it;
  `fresh-2026-11-28` (the previous fresh part, only with `--parts`) compares across rounds;
  `dev` (tune's template families in locales no other part uses) is a tuning part: its
  errors may be read (`--errors`), and tune - dev is shown as information, not as a gap;
  `dev-family` (template families of its own in tune locales: only the kind of text is
  new) is a tuning part too, with tune - dev-family shown as information, and so is
  `dev-family-2` (more families of its own, in tune's and dev's locales);
* overall scores per locale group, tune, check, fresh, dev and the dev-family parts;
* chars/s of each engine (median of N timed passes over all samples, passes alternating);
* the targets, checked on the check parts.

Scoring: a gold entity is found when a prediction of the same (normalised) type overlaps it;
a prediction is correct when it overlaps a gold entity of its type. Predictions of types the
set does not label (NRP, US_DRIVER_LICENSE, ...) are counted on a separate line, not scored.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Offline before Presidio/tldextract are imported (same as redacta.offline does).
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
os.environ.setdefault("PRESIDIO_DEVICE", "cpu")

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import snippets  # noqa: E402
from values import GROUPS  # noqa: E402

# Types that mean the same thing for scoring purposes.
EQUIVALENT = {"ADDRESS": "LOCATION", "GPE": "LOCATION", "LOC": "LOCATION", "ORG": "ORGANIZATION"}
OLD_FRESH = "fresh-2026-11-28"
PARTS = ("tune", "check", "hand-tune", "hand-check", "mixed-locale", "mixed-family", "fresh",
         OLD_FRESH, "dev", "dev-family", "dev-family-2")  # fmt: skip
MAIN_PARTS = PARTS[:4]
# Scored by default: the previous fresh part only when asked for (`--parts`), to keep the
# default run short; it is there to compare rounds, no longer to predict unseen text.
DEFAULT_PARTS = tuple(p for p in PARTS if p != OLD_FRESH)
# The two halves of fresh, scored apart as well: (sample source, row name, tuned baseline).
FRESH_SOURCES = (("generated", "fresh/generated", "tune"),
                 ("handwritten", "fresh/hand-written", "hand-tune"))  # fmt: skip
# Parts printed per entity type (the mixed diagnostics only overall).
TYPE_TABLE_PARTS = (*MAIN_PARTS, "fresh", OLD_FRESH, "dev", "dev-family", "dev-family-2")
# Parts whose errors --errors may print: never a fresh part, which nobody may tune on.
ERROR_PARTS = tuple(p for p in PARTS if not p.startswith("fresh"))
# The tuning parts: --errors prints theirs unless told otherwise.
TUNING_PARTS = ("tune", "hand-tune", "dev", "dev-family", "dev-family-2")
# dev shares tune's template families, dev-family tune's locales, dev-family-2 tune's and
# dev's locales, and nothing in any of them is unseen by tuning once its errors are read, so
# tune - dev and tune - dev-family(-2) are not gaps; they are printed as information: how
# much of tune's score depends on tune's own locales (dev) or on tune's own kinds of text
# (the dev-family parts).
DEV_BASELINE = "tune"
DEV_PARTS = ("dev", "dev-family", "dev-family-2")
# Which tuned part each unseen part is compared with for the gap.
BASELINE = {"check": "tune", "hand-check": "hand-tune", "mixed-locale": "tune",
            "mixed-family": "tune", "fresh": "tune", OLD_FRESH: "tune",
            **{name: base for _, name, base in FRESH_SOURCES}}  # fmt: skip
ENGINES = ("stock", "redacta")

Prediction = tuple[int, int, str]
Analyze = Callable[[str], list[Prediction]]


@dataclass
class Counts:
    """Per-type tallies: gold entities found, predictions that were right."""

    gold: int = 0
    found: int = 0
    pred: int = 0
    correct: int = 0

    def precision(self) -> float | None:
        return self.correct / self.pred if self.pred else None

    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None

    def f2(self) -> float | None:
        p, r = self.precision() or 0.0, self.recall()
        if r is None:
            return None
        return 0.0 if p + r == 0 else 5 * p * r / (4 * p + r)

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "pred": self.pred,
            "precision": self.precision(),
            "recall": self.recall(),
            "f2": self.f2(),
        }


@dataclass
class Score:
    """An engine's score on some samples: per-type counts and other-type predictions."""

    per_type: dict[str, Counts] = field(default_factory=dict)
    other: Counter[str] = field(default_factory=Counter)

    def overall(self) -> Counts:
        total = Counts()
        for c in self.per_type.values():
            total.gold += c.gold
            total.found += c.found
            total.pred += c.pred
            total.correct += c.correct
        return total

    def as_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall().as_dict(),
            "per_type": {t: c.as_dict() for t, c in sorted(self.per_type.items())},
            "unscored_types": dict(sorted(self.other.items())),
        }


def norm(entity_type: str) -> str:
    """Map equivalent type names onto the gold set's names."""
    return EQUIVALENT.get(entity_type, entity_type)


def load_generated(part: str) -> list[dict[str, Any]]:
    """The committed generated samples of one part (tune, check, mixed-*, fresh*)."""
    path = HERE / "data" / f"{part}.jsonl"
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]


def load_all() -> dict[str, list[dict[str, Any]]]:
    """Every part: generated tune/check (+ the mixed diagnostics), hand-written tune/check,
    fresh (generated and hand-written), the previous fresh part, dev and the dev-family
    parts."""
    hand = snippets.load()
    parts = {part: load_generated(part) for part in ("tune", "check")}
    parts |= {"hand-tune": hand["tune"], "hand-check": hand["check"]}
    parts |= {part: load_generated(part) for part in ("mixed-locale", "mixed-family")}
    parts["fresh"] = load_generated("fresh") + snippets.load_fresh()
    parts[OLD_FRESH] = load_generated(OLD_FRESH)
    parts["dev"] = load_generated("dev")
    parts["dev-family"] = load_generated("dev-family")
    parts["dev-family-2"] = load_generated("dev-family-2")
    return parts


def load(side: str) -> list[dict[str, Any]]:
    """Generated and hand-written samples of one side ("tune" or "check") in one list."""
    parts = load_all()
    return parts[side] + parts[f"hand-{side}"]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(
    samples: Sequence[dict[str, Any]],
    preds: Sequence[list[Prediction]],
    types: Sequence[str] | None = None,
) -> Score:
    """Tally overlap matches of predictions against gold spans, per type."""
    if types is None:
        types = sorted({s["type"] for sample in samples for s in sample["spans"]})
    result = Score(per_type={t: Counts() for t in types})
    for sample, predicted in zip(samples, preds, strict=True):
        gold = [(s["start"], s["end"], s["type"]) for s in sample["spans"]]
        for g_start, g_end, g_type in gold:
            c = result.per_type.setdefault(g_type, Counts())
            c.gold += 1
            if any(t == g_type and overlaps((g_start, g_end), (s, e)) for s, e, t in predicted):
                c.found += 1
        for p_start, p_end, p_type in predicted:
            if p_type not in result.per_type:
                result.other[p_type] += 1
                continue
            c = result.per_type[p_type]
            c.pred += 1
            if any(t == p_type and overlaps((p_start, p_end), (s, e)) for s, e, t in gold):
                c.correct += 1
    return result


def run(
    engines: dict[str, Analyze], samples: Sequence[dict[str, Any]], repeat: int
) -> dict[str, tuple[list[list[Prediction]], float]]:
    """Analyze every sample with every engine, `repeat` rounds; per engine the predictions
    and the median chars/s. Passes alternate between engines within each round so a change
    in machine load hits both alike (other jobs may share the cores)."""
    chars = sum(len(s["text"]) for s in samples)
    rates: dict[str, list[float]] = {name: [] for name in engines}
    preds: dict[str, list[list[Prediction]]] = {}
    for analyze in engines.values():
        analyze(samples[0]["text"])  # warm-up outside the timed passes
    for _ in range(repeat):
        for name, analyze in engines.items():
            t0 = time.perf_counter()
            preds[name] = [analyze(s["text"]) for s in samples]
            rates[name].append(chars / (time.perf_counter() - t0))
    return {name: (preds[name], statistics.median(rates[name])) for name in engines}


def stock_analyzer(model: str) -> Analyze:
    """Stock Presidio, default recognizers and threshold, on the given spaCy model."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    from redacta.engine.nlp import resolve_model

    # A package without its own load() (the default) is loaded from its pipeline folder.
    model = resolve_model(model)
    conf = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": model}]}
    engine = AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=conf).create_engine())

    def analyze(text: str) -> list[Prediction]:
        return [(r.start, r.end, norm(r.entity_type)) for r in engine.analyze(text, "en")]

    return analyze


def redacta_engine(model: str | None) -> Any:
    """Redacta's engine exactly as the app builds it (default settings), in this process."""
    from redacta.engine import Engine
    from redacta.settings import Settings

    settings = Settings() if model is None else Settings(model=model)
    return Engine.create(settings)


def redacta_analyzer(engine: Any) -> Analyze:
    """Per-text analysis with the engine's default threshold (what users get)."""

    def analyze(text: str) -> list[Prediction]:
        return [(r.start, r.end, norm(r.entity_type)) for r in engine.analyze(text)]

    return analyze


BANDS = (0.0, 0.2, 0.35, 0.5, 0.65, 0.8, 0.9, 1.01)


def calibration(engine: Any, samples: Sequence[dict[str, Any]]) -> str:
    """Precision of Redacta's findings per score band, threshold off (is the default sane?)."""
    from redacta.engine import AnalyzeOptions

    scored = {s["type"] for sample in samples for s in sample["spans"]}
    hits: Counter[int] = Counter()
    totals: Counter[int] = Counter()
    for sample in samples:
        gold = [(s["start"], s["end"], s["type"]) for s in sample["spans"]]
        for r in engine.analyze(sample["text"], AnalyzeOptions(score_threshold=0.0)):
            kind = norm(r.entity_type)
            if kind not in scored:
                continue
            band = next(i for i in range(len(BANDS) - 1) if r.score < BANDS[i + 1])
            totals[band] += 1
            hits[band] += any(t == kind and overlaps((r.start, r.end), (s, e)) for s, e, t in gold)
    lines = ["| score band | findings | precision |", "|---|---:|---:|"]
    for i in range(len(BANDS) - 1):
        hi = min(BANDS[i + 1], 1.0)
        prec = hits[i] / totals[i] if totals[i] else None
        lines.append(f"| {BANDS[i]:.2f}-{hi:.2f} | {totals[i]} | {fmt(prec)} |")
    return "\n".join(lines)


def fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def prf(c: Counts) -> str:
    return f"{fmt(c.precision())} | {fmt(c.recall())} | {fmt(c.f2())}"


def type_table(part: str, n: int, stock: Score, redacta: Score) -> str:
    """A Markdown table comparing both engines per entity type on one part."""
    lines = [
        f"**{part}** ({n} samples)",
        "",
        "| entity | gold | stock P | stock R | stock F2 | Redacta P | Redacta R | Redacta F2 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for t in sorted(redacta.per_type):
        r, s = redacta.per_type[t], stock.per_type.get(t, Counts())
        lines.append(f"| {t} | {r.gold} | {prf(s)} | {prf(r)} |")
    s_all, r_all = stock.overall(), redacta.overall()
    lines.append(f"| **overall** | {r_all.gold} | {prf(s_all)} | {prf(r_all)} |")
    lines.append(
        f"| unscored types | | | | {sum(stock.other.values())} | | | "
        f"{sum(redacta.other.values())} |"
    )
    return "\n".join(lines)


def f2(score_: Score) -> float:
    return score_.overall().f2() or 0.0


def gaps(scores: dict[str, dict[str, Score]], engine: str) -> dict[str, float]:
    """An engine's F2 on each tuned part minus on the unseen part compared with it."""
    by_engine = scores[engine]
    return {
        part: f2(by_engine[base]) - f2(by_engine[part])
        for part, base in BASELINE.items()
        if part in by_engine and base in by_engine
    }


def dev_difference(scores: dict[str, dict[str, Score]], part: str = "dev") -> dict[str, float]:
    """Each engine's F2 on tune minus on a dev part (dev: same families, locales of no other
    part; dev-family: families of its own, same locales; dev-family-2: more families of its
    own, in tune's and dev's locales)."""
    return {
        engine: f2(scores[engine][DEV_BASELINE]) - f2(scores[engine][part]) for engine in ENGINES
    }


def summary_table(scores: dict[str, dict[str, Score]], sizes: dict[str, int]) -> str:
    """Overall scores of every part, with the tune-check gaps next to the unseen parts.

    Stock Presidio was never tuned on any part, so its gap is how much harder the unseen
    part is by itself; Redacta's gap beyond stock's is what tuning did not carry over.
    mixed-locale (tune families, check locales) and mixed-family (check families, tune
    locales) show which of the two unseen axes a gap comes from."""
    gap, stock_gap = gaps(scores, "redacta"), gaps(scores, "stock")
    lines = [
        "| part | samples | gold | stock P | stock R | stock F2 | Redacta P | Redacta R "
        "| Redacta F2 | Redacta - stock | gap Redacta | gap stock |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    rows = [
        p for part in PARTS for p in (part, *(n for _, n, _ in FRESH_SOURCES if part == "fresh"))
    ]
    for part in rows:
        if part not in scores["redacta"]:
            continue
        s, r = scores["stock"][part].overall(), scores["redacta"][part].overall()
        delta = (r.f2() or 0.0) - (s.f2() or 0.0)
        g = f"{gap[part]:+.2f} | {stock_gap[part]:+.2f}" if part in gap else " | "
        lines.append(
            f"| {part} | {sizes[part]} | {r.gold} | {prf(s)} | {prf(r)} | {delta:+.2f} | {g} |"
        )
    return "\n".join(lines)


def group_table(
    parts: dict[str, list[dict[str, Any]]], preds: dict[str, dict[str, list[list[Prediction]]]]
) -> tuple[str, dict[str, Any]]:
    """Overall F2 per locale group (generated parts), tune, check, fresh, dev and dev-family(-2),
    both engines; the gaps (for the dev parts the difference, not a gap) are against the
    group's tune F2."""
    others = [p for p in ("check", "fresh", *DEV_PARTS) if p in parts]
    head = "| locale group | tune locales | tune gold | stock F2 | Redacta F2 "
    rule = "|---|---|---:|---:|---:"
    for part in others:
        head += f"| {part} locales | {part} gold | stock F2 | Redacta P | Redacta R | Redacta F2 "
        head += f"| tune - {part} " if part in DEV_PARTS else f"| gap {part} "
        rule += "|---|---:|---:|---:|---:|---:|---:"
    lines = [head + "|", rule + "|"]
    out: dict[str, Any] = {}
    for group in GROUPS:
        cells: list[str] = []
        out[group] = {}
        tune_f2: float | None = None
        for part in ("tune", *others):
            idx = [i for i, s in enumerate(parts[part]) if s.get("group") == group]
            locs = sorted({parts[part][i]["locale"] for i in idx})
            sub = [parts[part][i] for i in idx]
            st = score(sub, [preds["stock"][part][i] for i in idx])
            rd = score(sub, [preds["redacta"][part][i] for i in idx])
            out[group][part] = {"locales": locs, "stock": st.as_dict(), "redacta": rd.as_dict()}
            r_all = rd.overall()
            cells.append(", ".join(locs) or "-")
            cells.append(str(r_all.gold))
            cells.append(fmt(st.overall().f2()))
            if part == "tune":
                tune_f2 = r_all.f2()
                cells.append(fmt(tune_f2))
                continue
            part_f2 = r_all.f2()
            cells.extend([fmt(r_all.precision()), fmt(r_all.recall()), fmt(part_f2)])
            if tune_f2 is not None and part_f2 is not None:
                cells.append(f"{tune_f2 - part_f2:+.2f}")
            else:
                cells.append("-")
        lines.append(f"| {group} | " + " | ".join(cells) + " |")
    return "\n".join(lines), out


def targets(scores: dict[str, dict[str, Score]], rates: dict[str, float]) -> list[str]:
    """The detection targets, checked on the check parts, each as a PASS/MISS line."""
    out: list[str] = []

    def line(ok: bool, text: str) -> None:
        out.append(f"{'PASS' if ok else 'MISS'} {text}")

    st, rd = scores["stock"]["check"], scores["redacta"]["check"]
    line(f2(rd) >= 0.70, f"check overall F2 {f2(rd):.3f} >= 0.70 (stock {f2(st):.3f})")
    for part in ("check", "hand-check"):
        tune = "tune" if part == "check" else "hand-tune"
        g = f2(scores["redacta"][tune]) - f2(scores["redacta"][part])
        sg = f2(scores["stock"][tune]) - f2(scores["stock"][part])
        line(g <= 0.05, f"{part}: tune - check gap {g:+.3f} <= 0.05 (stock's gap {sg:+.3f})")
    hand = f2(scores["redacta"]["hand-check"])
    line(hand >= 0.80, f"hand-check overall F2 {hand:.3f} >= 0.80")
    for kind, goal in (("PERSON", 0.80), ("LOCATION", 0.60)):
        r = rd.per_type.get(kind, Counts()).recall() or 0.0
        line(r >= goal, f"check {kind} recall {r:.2f} >= {goal:.2f}")
    for kind in ("PHONE_NUMBER", "DATE_TIME"):
        s_f2 = st.per_type.get(kind, Counts()).f2() or 0.0
        r_f2 = rd.per_type.get(kind, Counts()).f2() or 0.0
        line(r_f2 >= s_f2, f"check {kind} F2 {r_f2:.2f} >= stock {s_f2:.2f}")
    for t, s in sorted(st.per_type.items()):
        sp, rp = s.precision(), rd.per_type[t].precision()
        if sp is None:
            continue
        ok = rp is None or rp >= sp - 0.05
        line(ok, f"check {t} precision {fmt(rp)} >= stock {sp:.2f} - 0.05")
    if "fresh" in scores["redacta"]:
        fr, fs = scores["redacta"]["fresh"], scores["stock"]["fresh"]
        line(f2(fr) >= 0.70, f"fresh overall F2 {f2(fr):.3f} >= 0.70 (stock {f2(fs):.3f})")
        g = f2(scores["redacta"]["tune"]) - f2(fr)
        sg = f2(scores["stock"]["tune"]) - f2(fs)
        line(g <= 0.05, f"fresh: tune - fresh gap {g:+.3f} <= 0.05 (stock's gap {sg:+.3f})")
    if rates.get("stock"):
        ratio = rates["redacta"] / rates["stock"]
        line(ratio >= 0.8, f"throughput {ratio:.2f}x stock (>= 0.8x)")
    return out


def add_fresh_sources(
    parts: dict[str, list[dict[str, Any]]],
    preds: dict[str, dict[str, list[list[Prediction]]]],
    scores: dict[str, dict[str, Score]],
) -> None:
    """Score fresh's generated and hand-written samples apart too (rows "fresh/generated",
    "fresh/hand-written"), each with the types of the whole part."""
    samples = parts["fresh"]
    types = sorted({s["type"] for sample in samples for s in sample["spans"]})
    for source, name, _ in FRESH_SOURCES:
        idx = [i for i, s in enumerate(samples) if s["source"] == source]
        if not idx:  # e.g. cut off by --limit
            continue
        for engine in ENGINES:
            p = preds[engine]["fresh"] if engine in preds else [[] for _ in samples]
            scores[engine][name] = score([samples[i] for i in idx], [p[i] for i in idx], types)


def errors(samples: Sequence[dict[str, Any]], preds: Sequence[list[Prediction]], kind: str) -> None:
    """Print misses and false alarms of one type (synthetic/hand-written data only)."""
    for sample, predicted in zip(samples, preds, strict=True):
        text = sample["text"]
        gold = [(s["start"], s["end"], s["type"]) for s in sample["spans"]]
        for s, e, t in gold:
            if t == kind and not any(
                pt == t and overlaps((s, e), (ps, pe)) for ps, pe, pt in predicted
            ):
                print(f"MISS {sample['id']}: {text[s:e]!r} in {text!r}")
        for s, e, t in predicted:
            if t == kind and not any(gt == t and overlaps((s, e), (gs, ge)) for gs, ge, gt in gold):
                print(f"FALSE {sample['id']}: {text[s:e]!r} in {text!r}")


def main(argv: Sequence[str] | None = None) -> int:
    """Score both engines on every part and print the tables and target checks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=3, help="timed passes (median reported)")
    parser.add_argument("--engine", choices=["both", "redacta"], default="both")
    parser.add_argument("--model", help="spaCy model for both engines (default: the engine's)")
    parser.add_argument(
        "--parts",
        nargs="+",
        choices=PARTS,
        default=list(DEFAULT_PARTS),
        help=f"parts to score (default: all but {OLD_FRESH}, the previous fresh part)",
    )
    parser.add_argument("--limit", type=int, help="only the first N samples of each part")
    parser.add_argument("--errors", metavar="TYPE", help="print Redacta's misses/false alarms")
    parser.add_argument(
        "--errors-in",
        nargs="+",
        choices=ERROR_PARTS,
        default=list(TUNING_PARTS),
        help="parts whose errors --errors prints (default: the tuning parts only, tune, "
        "hand-tune, dev, dev-family and dev-family-2, so the unseen parts stay unseen; fresh "
        "never)",
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write results as JSON")
    parser.add_argument(
        "--calibration", action="store_true", help="precision per score band (threshold off)"
    )
    args = parser.parse_args(argv)
    parts = {k: v[: args.limit] for k, v in load_all().items() if k in args.parts}
    engine = redacta_engine(args.model)
    model = engine.settings.model
    engines: dict[str, Analyze] = {"redacta": redacta_analyzer(engine)}
    if args.engine == "both":
        engines["stock"] = stock_analyzer(model)
    everything = [s for samples in parts.values() for s in samples]
    results = run(engines, everything, args.repeat)
    rates = {name: rate for name, (_, rate) in results.items()}
    # Split the flat predictions back into parts.
    preds: dict[str, dict[str, list[list[Prediction]]]] = {}
    for name, (flat, _) in results.items():
        preds[name], pos = {}, 0
        for part, samples in parts.items():
            preds[name][part] = flat[pos : pos + len(samples)]
            pos += len(samples)
    scores: dict[str, dict[str, Score]] = {name: {} for name in ENGINES}
    for part, samples in parts.items():
        types = sorted({s["type"] for sample in samples for s in sample["spans"]})
        for name in ENGINES:
            p = preds[name][part] if name in preds else [[] for _ in samples]
            scores[name][part] = score(samples, p, types)
        if args.errors and part in args.errors_in and part in ERROR_PARTS:
            errors(samples, preds["redacta"][part], args.errors)
    if "fresh" in parts:
        add_fresh_sources(parts, preds, scores)
    print(f"Model: {model}. Stock = Presidio defaults on the same model.\n")
    report: dict[str, Any] = {"model": model, "chars_per_s": rates, "parts": {}}
    for part, samples in parts.items():
        if part in TYPE_TABLE_PARTS:
            print(type_table(part, len(samples), scores["stock"][part], scores["redacta"][part]))
            print()
        report["parts"][part] = {
            "samples": len(samples),
            "stock": scores["stock"][part].as_dict(),
            "redacta": scores["redacta"][part].as_dict(),
        }
    for source, name, _ in FRESH_SOURCES:
        if name in scores["redacta"]:
            report["parts"][name] = {
                "samples": sum(s["source"] == source for s in parts["fresh"]),
                "stock": scores["stock"][name].as_dict(),
                "redacta": scores["redacta"][name].as_dict(),
            }
    sizes = {p: len(s) for p, s in parts.items()}
    sizes |= {
        name: report["parts"][name]["samples"]
        for _, name, _ in FRESH_SOURCES
        if name in report["parts"]
    }
    print("**Overall** (gap = F2 on the tuned part minus F2 on the unseen part)\n")
    print(summary_table(scores, sizes))
    print()
    report["gap"] = {engine: gaps(scores, engine) for engine in ENGINES}
    what = {
        "dev": "tune's families in new locales",
        "dev-family": "new families in tune's locales",
        "dev-family-2": "more new families in tune's and dev's locales",
    }
    for part in DEV_PARTS:
        if {part, DEV_BASELINE} <= set(scores["redacta"]):
            key = "tune_minus_" + part.replace("-", "_")
            report[key] = dev_difference(scores, part)
            print(
                f"tune - {part} (information, not a gap: {part} has {what[part]}): "
                f"Redacta {report[key]['redacta']:+.3f}, stock {report[key]['stock']:+.3f}\n"
            )
    if "stock" in preds and {"tune", "check"} <= set(parts):
        text, report["groups"] = group_table(parts, preds)
        print(
            "**Per locale group** (generated samples; check, fresh and dev locales are unseen "
            "in tune; dev-family's are tune's, dev-family-2's tune's and dev's)\n"
        )
        print(text)
        print()
    chars = ", ".join(f"{n} {r:,.0f}" for n, r in rates.items())
    print(f"chars/s (median of {args.repeat} passes over all {len(everything)} samples): {chars}")
    print()
    if args.calibration:
        check = [s for p in ("check", "hand-check") for s in parts.get(p, [])]
        print(
            f"Redacta score calibration on check + hand-check (default threshold: "
            f"{engine.settings.score_threshold}):\n"
        )
        print(calibration(engine, check))
        print()
    if "stock" in preds and set(MAIN_PARTS) <= set(parts):
        report["targets"] = targets(scores, rates)
        print("Targets (on the check parts):")
        print("\n".join(report["targets"]))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
