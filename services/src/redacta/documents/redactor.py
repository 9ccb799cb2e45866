"""The engine-backed `TextRedactor`: batch analysis, overlap resolution, per-entity operators.

Format handlers hand over all text units of a file at once; this analyzes them in batches
(`Engine.analyze_batch`, i.e. spaCy's `nlp.pipe`), merges overlapping findings so each
character is replaced at most once, and asks Presidio's anonymizer for each span's new text.
Returned spans are in the original unit's coordinates, which the docx and PDF writers need
to map replacements back onto runs and glyphs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from redacta.documents.model import RedactedText, Replacement, apply_replacements

if TYPE_CHECKING:
    from presidio_analyzer import RecognizerResult

    from redacta.engine import Engine

DEFAULT_OPERATOR = "DEFAULT"
PSEUDONYMIZE = "pseudonymize"
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
    """Redacts text units with one engine; `operators` maps entity type (or DEFAULT) to a
    Presidio-style operator spec such as `{"type": "mask", "masking_char": "*"}`."""

    engine: Engine
    entities: list[str] | None = None
    score_threshold: float | None = None
    language: str | None = None
    operators: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    cancelled: Any = None  # optional zero-arg callable returning True when cancelled
    _labels: dict[tuple[str, str], str] = field(default_factory=dict, init=False, repr=False)

    def _check_cancel(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled

    def _analyze(self, texts: Sequence[str]) -> list[list[RecognizerResult]]:
        settings = self.engine.settings
        kwargs: dict[str, Any] = {
            "language": self.language or settings.language,
            "entities": self.entities or settings.entities,
            "score_threshold": (
                settings.score_threshold if self.score_threshold is None else self.score_threshold
            ),
        }
        batch = getattr(self.engine, "analyze_batch", None)
        if batch is not None:
            return list(batch(list(texts), **kwargs))
        # Engine without batch support yet: one call per text (same results, slower).
        return [self.engine.analyzer.analyze(text=t, **kwargs) for t in texts]

    def _operator_for(self, entity_type: str) -> tuple[str, dict[str, Any]]:
        spec = self.operators.get(entity_type) or self.operators.get(DEFAULT_OPERATOR)
        if not spec:
            return "replace", {}
        params = {k: v for k, v in spec.items() if k != "type"}
        return str(spec.get("type", "replace")), params

    def _pseudonym(self, entity_type: str, value: str) -> str:
        """`<PERSON_1>`-style label, the same value always getting the same label."""
        key = (entity_type, value)
        label = self._labels.get(key)
        if label is None:
            n = sum(1 for t, _ in self._labels if t == entity_type) + 1
            label = f"<{entity_type}_{n}>"
            self._labels[key] = label
        return label

    def _new_texts(self, text: str, spans: list[Span]) -> list[tuple[str, str]]:
        """(operator name, new text) for each span, via Presidio's anonymizer operators."""
        from presidio_anonymizer.entities import (
            OperatorConfig,
        )
        from presidio_anonymizer.entities import (
            RecognizerResult as AnonResult,
        )

        out: list[tuple[str, str] | None] = [None] * len(spans)
        presidio_idx: list[int] = []
        configs: dict[str, Any] = {}
        for i, span in enumerate(spans):
            op, params = self._operator_for(span.entity_type)
            if op == PSEUDONYMIZE:
                out[i] = (op, self._pseudonym(span.entity_type, text[span.start : span.end]))
            else:
                presidio_idx.append(i)
                configs[span.entity_type] = OperatorConfig(op, params)
        if presidio_idx:
            results = [
                AnonResult(spans[i].entity_type, spans[i].start, spans[i].end, spans[i].score)
                for i in presidio_idx
            ]
            engine_result = self.engine.anonymizer.anonymize(
                text=text,
                analyzer_results=results,
                operators=configs,
                merge_entities_with_spaces=False,
            )
            items = sorted(engine_result.items, key=lambda it: it.start)
            if len(items) != len(presidio_idx):  # pragma: no cover - disjoint spans map 1:1
                raise RuntimeError("anonymizer merged spans unexpectedly")
            for i, item in zip(presidio_idx, items, strict=True):
                out[i] = (str(item.operator), str(item.text))
        return [o for o in out if o is not None]

    def redact(self, texts: Sequence[str]) -> list[RedactedText]:
        """Analyze + anonymize every unit; empty/blank units are passed through untouched."""
        redacted: list[RedactedText] = [RedactedText(t, t, ()) for t in texts]
        todo = [i for i, t in enumerate(texts) if t.strip()]
        for pos in range(0, len(todo), BATCH_SIZE):
            self._check_cancel()
            chunk = todo[pos : pos + BATCH_SIZE]
            analyzed = self._analyze([texts[i] for i in chunk])
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
