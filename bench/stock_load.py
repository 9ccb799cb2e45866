"""The floor for start-up: how long a fresh Python takes to build stock Presidio's engine.

A process that imports Presidio and builds `AnalyzerEngine` on a spaCy model (no server, no
Redacta recognizers) is what any Presidio-based app pays before its first request; Redacta's
ready time is compared with it (`bench/freeze.py`) and models are compared by it
(`bench/models.py`). Run in a child process so nothing this process imported helps.
"""

from __future__ import annotations

import subprocess
import sys
import time

PROBE = """
import sys
from redacta import offline
offline.enforce()
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpEngineProvider
from redacta.engine.nlp import resolve_model
conf = {"nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": resolve_model(sys.argv[1])}]}
AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=conf).create_engine())
"""


def stock_load_seconds(model: str) -> float:
    """Seconds from starting a fresh Python to its exit right after stock Presidio's engine is
    built on `model` (as REDACTA_MODEL takes it): like a server's process start → ready."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", PROBE, model], capture_output=True, check=True)
    return time.perf_counter() - started
