"""Opening a large PDF's review: how long the first page takes to show.

    cd services && .venv/bin/python ../bench/review.py [--pages 200] [--runs 5]

Writes a `--pages`-page PDF with a real text layer (names, e-mail addresses and phone numbers
in filler prose, 40 lines a page), starts `python -m redacta serve --port 0`, runs a review
job over it (`review: true`) and waits until the file needs review (the analysis itself is
reported on its own line: it happens once, before the review opens). Then, `--runs` times,
it times what the review view fetches to show the first page:

    GET .../files/0/findings  +  GET .../files/0/preview  +  GET .../files/0/preview?page=1

each over HTTP (keep-alive, JSON decoding included) and reports the median and the range.
Target: <= 2 s on this machine. Not a test: the figure depends on the machine and its load.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from redacta.launch import start_backend
from sample_names import FIRST, LAST

TARGET_S = 2.0
PROSE = [
    "The quarterly invoice was approved without changes.",
    "Please review the attached contract before Friday.",
    "The shipment left the warehouse this morning.",
    "Our team discussed the roadmap for the next release.",
]
LINES_PER_PAGE = 40


def _line(rng: random.Random) -> str:
    if rng.random() < 0.3:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        return (
            f"Contact {first} {last} at {first.lower()}.{last.lower()}@example.com "
            f"or +1 (212) 555-{rng.randint(1000, 9999)}."
        )
    return rng.choice(PROSE)


def make_pdf(path: Path, pages: int) -> None:
    """A PDF whose pages hold Helvetica text operators (a real, extractable text layer)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "services" / "tests"))
    import docsamples

    rng = random.Random(14)  # noqa: S311 - a reproducible corpus, not a secret
    lines = [[_line(rng) for _ in range(LINES_PER_PAGE)] for _ in range(pages)]
    docsamples.make_pdf(path, lines, font_size=10, leading=18, left=50, top=750)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="redacta-bench-review-"))
    pdf = work / "in" / "large.pdf"
    pdf.parent.mkdir()
    started = time.perf_counter()
    make_pdf(pdf, args.pages)
    print(
        f"wrote a {args.pages}-page PDF ({pdf.stat().st_size / 1e6:.1f} MB) in "
        f"{time.perf_counter() - started:.1f} s"
    )

    token = secrets.token_urlsafe(24)
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDACTA_")}
    env.update(REDACTA_TOKEN=token, REDACTA_DATA_DIR=str(work / "data"))
    backend = start_backend(
        [sys.executable, "-m", "redacta"], "--port", "0", env=env, stderr=subprocess.DEVNULL
    )
    try:
        with httpx.Client(
            base_url=f"http://127.0.0.1:{backend.port}",
            headers={"Authorization": f"Bearer {token}"},
            timeout=600,
        ) as client:
            started = time.perf_counter()
            job = client.post(
                "/api/v1/jobs",
                json={"inputs": [str(pdf)], "output_dir": str(work / "out"), "review": True},
            ).json()
            while job["state"] not in ("awaiting_review", "completed", "failed", "cancelled"):
                time.sleep(0.5)
                job = client.get(f"/api/v1/jobs/{job['id']}").json()
            if job["state"] != "awaiting_review":
                print(f"the job ended {job['state']}: {job['files'][0].get('error')}")
                return 1
            print(
                f"analysis (once, before the review opens; worker start included): "
                f"{time.perf_counter() - started:.1f} s, {job['findings']} findings"
            )
            base = f"/api/v1/jobs/{job['id']}/files/0"
            timings: list[float] = []
            for _ in range(args.runs):
                started = time.perf_counter()
                findings = client.get(f"{base}/findings")
                preview = client.get(f"{base}/preview")
                page = client.get(f"{base}/preview", params={"page": 1})
                findings.raise_for_status()
                preview.raise_for_status()
                page.raise_for_status()
                count = len(findings.json()["findings"])
                units = len(preview.json()["units"])
                timings.append(time.perf_counter() - started)
            median = statistics.median(timings)
            print(
                f"first page of the review ({count} findings, {units} page units, "
                f"{len(page.content) / 1e3:.0f} KB PNG): median {median:.3f} s over "
                f"{args.runs} runs (min {min(timings):.3f}, max {max(timings):.3f}); "
                f"target <= {TARGET_S:.1f} s: {'met' if median <= TARGET_S else 'MISSED'}"
            )
            client.post(f"/api/v1/jobs/{job['id']}/cancel")
    finally:
        backend.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
