"""A text unit past spaCy's 1,000,000-character limit is redacted through the engine's chunking.

One line of ~1.1 M characters (no line breaks, so `plaintext` cannot split it) is a single
text unit; `Redactor` must hand it to `Engine.analyze_batch`, which cuts it into
sentence-aligned windows with exact offsets, instead of giving it to spaCy in one piece.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import docsamples as d
from redacta.documents import redact_document
from redacta.engine import Engine
from redacta.redaction.pipeline import Redactor

SPACY_MAX_LENGTH = 1_000_000
# Short sentences with no entities in them: cheap for the model, easy to check afterwards.
FILLER = "The quarterly invoice was approved without changes. "


@pytest.fixture(scope="module")
def engine(redacta_engine: Engine) -> Engine:
    """The session's engine (loading spaCy takes seconds)."""
    return redacta_engine


def _one_long_line() -> str:
    """~1.1 M characters on one line, PII at the start, in the middle and at the end."""
    half = FILLER * (550_000 // len(FILLER))
    pii = [
        f"Contact {d.NAME} at {d.EMAIL} about the renewal. ",
        f"Escalations go to {d.NAME2} ({d.EMAIL2}). ",
        f"Final copy sent to {d.EMAIL} by {d.NAME2}.",
    ]
    return pii[0] + half + pii[1] + half + pii[2] + "\n"


@pytest.mark.slow  # ~35 s on 2 cores: 1.1 M characters through the real model
def test_text_unit_longer_than_spacy_limit_is_redacted(tmp_path: Path, engine: Engine) -> None:
    text = _one_long_line()
    # Presidio would raise spaCy's E088 on this unit if it got it whole.
    nlp = getattr(engine.analyzer.nlp_engine, "nlp", {})[engine.settings.language]
    assert nlp.max_length == SPACY_MAX_LENGTH
    assert len(text) > SPACY_MAX_LENGTH
    assert text.count("\n") == 1  # one text unit, not split by the line-aligned chunker
    src = tmp_path / "long.txt"
    src.write_text(text, encoding="utf-8")
    dst = tmp_path / "long-redacted.txt"

    result = redact_document(src, dst, Redactor(engine, salt=b"s" * 32))

    out = dst.read_text(encoding="utf-8")
    for value in d.PII:
        assert value not in out, f"{value!r} survived"
    # Findings carry exact offsets into the original: each covers one PII value.
    found = {text[f.start : f.end] for f in result.findings}
    assert {d.EMAIL, d.EMAIL2} <= found
    # Only the PII changed: the filler between the findings is intact, in place.
    assert out.startswith("Contact <PERSON> at <EMAIL_ADDRESS>")
    assert out.endswith("Final copy sent to <EMAIL_ADDRESS> by <PERSON>.\n")
    assert out.count(FILLER) == text.count(FILLER)
    assert "Escalations go to <PERSON> (<EMAIL_ADDRESS>). " in out
