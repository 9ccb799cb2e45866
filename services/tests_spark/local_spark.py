"""How the tests run Spark here: `local[2]`, loopback only, workers on this Python."""

from __future__ import annotations

import sys

MASTER = "local[2]"


def spark_env() -> dict[str, str]:
    """Environment for a Spark driver started by a test (in process or as a subprocess)."""
    return {"SPARK_LOCAL_IP": "127.0.0.1", "PYSPARK_PYTHON": sys.executable}
