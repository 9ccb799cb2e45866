"""The people in the generated inputs of the document benchmarks (`review.py`, `spark.py`,
`documents.py`): one list, so they write the same kind of names and e-mail addresses."""

from __future__ import annotations

FIRST = ["John", "Mary", "Ahmed", "Laura", "Kenji", "Olivia", "Pedro", "Grace", "Ivan", "Chloe"]
LAST = ["Smith", "Johnson", "Garcia", "Nguyen", "Okafor", "Rossi", "Kowalski", "Brown"]
