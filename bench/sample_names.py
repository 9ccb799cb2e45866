"""The people in the generated inputs of the review and Spark benchmarks (`review.py`,
`spark.py`): one list, so both write the same kind of names and e-mail addresses."""

from __future__ import annotations

FIRST = ["John", "Mary", "Ahmed", "Laura", "Kenji", "Olivia", "Pedro", "Grace", "Ivan", "Chloe"]
LAST = ["Smith", "Johnson", "Garcia", "Nguyen", "Okafor", "Rossi", "Kowalski", "Brown"]
