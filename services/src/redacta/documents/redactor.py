"""The engine-backed `TextRedactor`: batch analysis, overlap resolution, per-entity operators.

Format handlers hand over all text units of a file at once; this analyzes them in batches
(`Engine.analyze_batch`, i.e. spaCy's `nlp.pipe`), merges overlapping findings so each
character is replaced at most once, and asks Presidio's anonymizer for each span's new text.
Returned spans are in the original unit's coordinates, which the docx and PDF writers need
to map replacements back onto runs and glyphs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from redacta.documents.model import RedactedText, Replacement, apply_replacements
from redacta.redaction.operators import OperatorSpec
from redacta.redaction.vault import Vault

if TYPE_CHECKING:
    from presidio_analyzer import RecognizerResult

    from redacta.engine import Engine

BATCH_SIZE = 64


class Cancelled(Exception):  # noqa: N818 - it is a signal, not an error
    """Raised between batches when the job was cancelled."""


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    entity_type: str
    score: float


def resolve_overlaps(results: Sequence[RecognizerResult]) -> list[Span]:
    """Merge overlapping findings into their union (redact more, never less).

    The merged span keeps the entity type and score of its highest-scoring member.
    """
    ordered = sorted(results, key=lambda r: (r.start, -r.end))
    spans: list[Span] = []
    for res in ordered:
        if res.end <= res.start:
            continue
        if spans and res.start < spans[-1].end:
            last = spans[-1]
            best = last if last.score >= res.score else res
            spans[-1] = Span(
                last.start, max(last.end, res.end), best.entity_type, max(last.score, res.score)
            )
        else:
            spans.append(Span(res.start, res.end, res.entity_type, res.score))
    return spans


@dataclass
class EngineRedactor:
    """Redacts text units with one engine and per-entity operators (`DEFAULT` for the rest).

    `vault` gives pseudonymize labels (`<PERSON_1>`) that stay consistent across all units
    redacted with this instance; `salt` makes `hash` stable across files and runs.
    """

    engine: Engine
    operators: dict[str, OperatorSpec] = field(default_factory=dict)
    salt: bytes = b""
    entities: list[str] | None = None
    score_threshold: float | None = None
    language: str | None = None
    cancelled: Callable[[], bool] | None = None
    vault: Vault = field(default_factory=Vault)
    _anonymizer: Any = field(default=None, init=False, repr=False)
    _configs: dict[str, Any] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        from redacta.redaction.redact import build_anonymizer, presidio_operators

        self._anonymizer = build_anonymizer()
        self._configs = presidio_operators(self.operators, salt=self.salt, vault=self.vault)

    def _check_cancel(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled

    def _new_texts(self, text: str, spans: list[Span]) -> list[tuple[str, str]]:
        """(operator name, new text) of each disjoint span, in one anonymizer pass."""
        from presidio_anonymizer.entities import RecognizerResult as AnonResult

        results = [AnonResult(s.entity_type, s.start, s.end, s.score) for s in spans]
        engine_result = self._anonymizer.anonymize(
            text=text,
            analyzer_results=results,
            operators=self._configs,
            merge_entities_with_spaces=False,
        )
        items = sorted(engine_result.items, key=lambda it: it.start)
        if len(items) != len(spans):  # pragma: no cover - disjoint spans map one to one
            raise RuntimeError("the anonymizer merged spans unexpectedly")
        return [(str(item.operator), str(item.text)) for item in items]

    def redact(self, texts: Sequence[str]) -> list[RedactedText]:
        """Analyze + anonymize every unit; blank units are passed through untouched."""
        redacted: list[RedactedText] = [RedactedText(t, t, ()) for t in texts]
        todo = [i for i, t in enumerate(texts) if t.strip()]
        for pos in range(0, len(todo), BATCH_SIZE):
            self._check_cancel()
            chunk = todo[pos : pos + BATCH_SIZE]
            analyzed = self.engine.analyze_batch(
                [texts[i] for i in chunk],
                language=self.language,
                entities=self.entities,
                score_threshold=self.score_threshold,
            )
            for i, results in zip(chunk, analyzed, strict=True):
                text = texts[i]
                spans = resolve_overlaps(results)
                if not spans:
                    continue
                reps = tuple(
                    Replacement(s.start, s.end, s.entity_type, s.score, op, new)
                    for s, (op, new) in zip(spans, self._new_texts(text, spans), strict=True)
                )
                redacted[i] = RedactedText(text, apply_replacements(text, reps), reps)
        return redacted
