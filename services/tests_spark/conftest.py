"""A real local Spark (`local[2]`: two executor threads, two Python workers) for the tests.

Needs Java 17+ on PATH and the `spark` extra; `nox -s spark` installs both the extra and the
test tools. Spark binds to loopback only and its UI is off.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from local_spark import MASTER, spark_env

if TYPE_CHECKING:
    from pyspark.sql import SparkSession


@pytest.fixture(scope="session")
def spark() -> Iterator[SparkSession]:
    from pyspark.sql import SparkSession

    os.environ.update(spark_env())
    session = (
        SparkSession.builder.master(MASTER)
        .appName("redacta-tests")
        .config("spark.driver.memory", "2g")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
