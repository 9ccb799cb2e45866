"""The one redaction pipeline: find with the options, settle overlaps, apply the operators.

Every path that removes findings from a text goes through `apply_findings`: pasted text
(`/api/v1/redact`), the document handlers and thus jobs and the CLI (`Redactor.redact`), and
Presidio's `/anonymize`. So one overlap rule and one pseudonym numbering hold everywhere:

- Overlapping findings are merged into their union, typed by the surer one (higher score;
  on a tie the longer finding, then the alphabetically first type), so a character that any
  accepted finding covers is never left in clear. A finding whose type the user keeps never
  names such a union: it would leave in clear the value of the finding it overlaps.
- Pseudonym labels are minted in reading order, from a `LabelSource` shared by everything
  redacted together (a session's vault for pasted text, one per job across all its files).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from redacta import offline
from redacta.engine.errors import InvalidRequestError
from redacta.engine.options import AnalyzeOptions
from redacta.redaction.operators import (
    DEFAULT_OPERATOR,
    OperatorSpec,
    ReplaceOp,
    to_presidio_params,
)
from redacta.redaction.options import RedactionOptions
from redacta.redaction.pseudonymize import OPERATOR_NAME, Pseudonymize
from redacta.redaction.recognizers import user_recognizers
from redacta.redaction.vault import LabelSource, Vault

if TYPE_CHECKING:
    from presidio_analyzer import RecognizerResult
    from presidio_anonymizer import AnonymizerEngine
    from presidio_anonymizer.entities import EngineResult, OperatorConfig

    from redacta.engine import Engine
    from redacta.engine.control import AnalysisControl

KEEP = "keep"
"""Presidio's operator that leaves a finding's text as it is."""

BATCH_SIZE = 64
"""Text units analyzed per engine call (one `nlp.pipe` stream); cancel is checked between."""


class Cancelled(Exception):  # noqa: N818 - it is a signal, not an error
    """Raised between batches when the work was cancelled."""


@dataclass(frozen=True)
class Span:
    """A finding to remove: entity type, offsets into the text, and how sure it is."""

    entity_type: str
    start: int
    end: int
    score: float = 1.0

    @classmethod
    def of(cls, result: RecognizerResult) -> Span:
        """The span of an analyzer result."""
        return cls(str(result.entity_type), result.start, result.end, float(result.score))


def _surer(a: Span, b: Span) -> Span:
    """The span whose type a merged span takes: higher score, then longer, then type name."""
    return min(a, b, key=lambda s: (-s.score, -(s.end - s.start), s.entity_type))


def merge_overlaps(spans: Iterable[Span]) -> list[Span]:
    """Disjoint spans, sorted: overlapping ones merged into their union, typed by the surer.

    Spans that only touch (one ends where the next starts) stay apart; empty ones are dropped.
    """
    merged: list[Span] = []
    best: Span | None = None  # the surer member of the span being built
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.end <= span.start:
            continue
        if merged and best is not None and span.start < merged[-1].end:
            best = _surer(best, span)
            last = merged[-1]
            merged[-1] = Span(best.entity_type, last.start, max(last.end, span.end), best.score)
        else:
            best = span
            merged.append(span)
    return merged


@dataclass(frozen=True)
class Replacement:
    """One removed span, in the coordinates of the ORIGINAL text."""

    start: int
    end: int
    entity_type: str
    score: float
    operator: str
    new_text: str


@dataclass(frozen=True)
class RedactedText:
    """A text after redaction, with the spans it replaced (sorted, disjoint)."""

    original: str
    text: str
    replacements: tuple[Replacement, ...]

    def output_items(self) -> list[tuple[int, int, Replacement]]:
        """Each replacement with its start and end in the redacted text."""
        items: list[tuple[int, int, Replacement]] = []
        shift = 0
        for rep in self.replacements:
            start = rep.start + shift
            items.append((start, start + len(rep.new_text), rep))
            shift += len(rep.new_text) - (rep.end - rep.start)
        return items


@dataclass(frozen=True)
class Applied:
    """`RedactedText` plus Presidio's own result (for its `/anonymize` JSON)."""

    redacted: RedactedText
    presidio: EngineResult


def apply_replacements(text: str, replacements: Sequence[Replacement]) -> str:
    """Rebuild `text` with each span swapped for its new text (spans sorted, disjoint)."""
    out: list[str] = []
    pos = 0
    for rep in replacements:
        out.append(text[pos : rep.start])
        out.append(rep.new_text)
        pos = rep.end
    out.append(text[pos:])
    return "".join(out)


def build_anonymizer() -> AnonymizerEngine:
    """Presidio's offline operators plus Redacta's `pseudonymize` operator.

    Redacta's own paths use this one; the Presidio-compatible routes keep exactly Presidio's
    operator set (the engine's anonymizer). Both have the network operators removed.
    """
    from presidio_anonymizer import AnonymizerEngine

    anonymizer = AnonymizerEngine()  # type: ignore[no-untyped-call]
    offline.remove_network_operators(anonymizer)
    anonymizer.add_anonymizer(Pseudonymize)
    return anonymizer


def presidio_operators(
    specs: dict[str, OperatorSpec], *, salt: bytes, vault: LabelSource | None
) -> dict[str, OperatorConfig]:
    """Presidio operator configs per entity type; DEFAULT falls back to `<ENTITY_TYPE>`."""
    from presidio_anonymizer.entities import OperatorConfig

    specs = {DEFAULT_OPERATOR: ReplaceOp(), **specs}
    configs: dict[str, OperatorConfig] = {}
    for entity, spec in specs.items():
        name, params = to_presidio_params(spec, salt=salt, vault=vault)
        configs[entity] = OperatorConfig(name, params)
    return configs


def _operator_name(operators: dict[str, OperatorConfig], entity_type: str) -> str:
    config = operators.get(entity_type) or operators.get(DEFAULT_OPERATOR)
    return str(config.operator_name) if config is not None else "replace"


def _settle(spans: list[Span], operators: dict[str, OperatorConfig]) -> list[Span]:
    """`merge_overlaps` over the findings that remove text; a kept finding (operator `keep`)
    stays only where it overlaps none of them, so keeping one type cannot let another type's
    value through."""
    kept: list[Span] = []
    removing: list[Span] = []
    for span in spans:
        (kept if _operator_name(operators, span.entity_type) == KEEP else removing).append(span)
    removed = merge_overlaps(removing)
    if not kept:
        return removed
    # `removed` is sorted and disjoint: the only one a kept span can overlap without the one
    # before it overlapping too is the last one starting before the kept span ends.
    starts = [r.start for r in removed]
    clear = [
        k
        for k in merge_overlaps(kept)
        if not (i := bisect_left(starts, k.end)) or removed[i - 1].end <= k.start
    ]
    return sorted([*removed, *clear], key=lambda s: s.start)


def apply_findings(
    anonymizer: AnonymizerEngine,
    text: str,
    spans: Iterable[Span],
    operators: dict[str, OperatorConfig],
    *,
    labels: LabelSource | None = None,
) -> Applied:
    """Replace `spans` of `text` with each entity type's operator, in one anonymizer pass.

    The one place findings are applied: overlaps are merged first (`merge_overlaps`), and
    values that get pseudonymized are given their labels in reading order before Presidio,
    which works from the end of the text backwards, asks for them.
    """
    from presidio_anonymizer.entities import RecognizerResult as AnonymizerResult

    spans = list(spans)
    for span in spans:  # Presidio's own checks (negative or reversed offsets) and errors
        AnonymizerResult(span.entity_type, span.start, span.end, span.score)
    disjoint = _settle(spans, operators)
    if labels is not None:
        for span in disjoint:
            if _operator_name(operators, span.entity_type) == OPERATOR_NAME:
                labels.label_for(span.entity_type, text[span.start : span.end])
    result = anonymizer.anonymize(
        text=text,
        analyzer_results=[
            AnonymizerResult(s.entity_type, s.start, s.end, s.score) for s in disjoint
        ],
        operators=operators,
        merge_entities_with_spaces=False,
    )
    items = sorted(result.items, key=lambda item: item.start)
    if len(items) != len(disjoint):  # pragma: no cover - disjoint spans map one to one
        raise RuntimeError("the anonymizer merged spans unexpectedly")
    replacements = tuple(
        Replacement(s.start, s.end, s.entity_type, s.score, str(item.operator), str(item.text))
        for s, item in zip(disjoint, items, strict=True)
    )
    return Applied(RedactedText(text, str(result.text), replacements), result)


def refuse_unknown_entities(engine: Engine, options: RedactionOptions) -> None:
    """Raise `InvalidRequestError` when `options` name entity types nothing can find.

    The engine ignores such names as Presidio does, so a misspelt type ("PERSONS") would
    answer as if the text held none and leave every value of that type in clear. Checked
    before any analysis; the message names the unknown types and the valid ones.
    """
    supported = engine.supported_entities(options.language)
    unknown = options.unknown_entities(supported)
    if unknown:
        raise InvalidRequestError(
            f"Unknown entity type(s) {', '.join(map(repr, unknown))}: nothing would be found "
            f"for them. Use the types the engine detects ({', '.join(supported)}) or the type "
            "of one of your deny lists or custom recognizers."
        )


@dataclass
class Redactor:
    """Redacts texts with one `RedactionOptions`: analysis, overlap rule, operators, labels.

    `labels` keeps pseudonyms consistent across every text this redactor (and anything sharing
    the same label source) handles; `salt` makes `hash` stable across files and runs.
    `anonymizer` defaults to Presidio's offline operators plus `pseudonymize`.
    """

    engine: Engine
    options: RedactionOptions = field(default_factory=RedactionOptions)
    salt: bytes = b""
    labels: LabelSource = field(default_factory=Vault)
    anonymizer: AnonymizerEngine | None = None
    cancelled: Callable[[], bool] | None = None
    _configs: dict[str, OperatorConfig] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        if self.anonymizer is None:
            self.anonymizer = build_anonymizer()
        self._configs = presidio_operators(
            self.options.operators, salt=self.salt, vault=self.labels
        )

    def _check_cancel(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled

    def entities(self) -> list[str]:
        """The entity types these options look for."""
        return self.options.entities_to_find(list(self.engine.settings.entities))

    def allowed(self) -> frozenset[str]:
        """The allow-listed values (never reported)."""
        return frozenset(self.options.allow_list)

    def analyze(
        self,
        texts: Sequence[str],
        *,
        explain: bool = False,
        control: AnalysisControl | None = None,
    ) -> list[list[RecognizerResult]]:
        """Findings per text with these options, sorted by position (longest first).

        `control` follows and can cancel the analysis (see `Engine.analyze`)."""
        refuse_unknown_entities(self.engine, self.options)
        settings = self.engine.settings
        language = self.options.language or settings.language
        options = AnalyzeOptions(
            language=language,
            entities=self.entities(),
            score_threshold=self.options.threshold(settings),
            return_decision_process=explain,
            ad_hoc_recognizers=user_recognizers(self.options, language) or None,
            allow_list=list(self.options.allow_list) or None,
        )
        results = self.engine.analyze_batch(texts, options, control=control)
        return [sorted(found, key=lambda r: (r.start, -r.end, r.entity_type)) for found in results]

    def apply(self, text: str, spans: Iterable[Span]) -> RedactedText:
        """Replace exactly `spans` of `text` (e.g. the findings a user accepted)."""
        assert self.anonymizer is not None  # set in __post_init__
        return apply_findings(
            self.anonymizer, text, spans, self._configs, labels=self.labels
        ).redacted

    def find(self, texts: Sequence[str], *, explain: bool = False) -> list[list[RecognizerResult]]:
        """Findings per text, analyzed in batches with a cancel check between them; blank
        texts are not analyzed."""
        found: list[list[RecognizerResult]] = [[] for _ in texts]
        todo = [i for i, t in enumerate(texts) if t.strip()]
        for pos in range(0, len(todo), BATCH_SIZE):
            self._check_cancel()
            chunk = todo[pos : pos + BATCH_SIZE]
            results = self.analyze([texts[i] for i in chunk], explain=explain)
            for i, text_results in zip(chunk, results, strict=True):
                found[i] = text_results
        return found

    def redact(self, texts: Sequence[str]) -> list[RedactedText]:
        """Analyze and anonymize every text; blank ones are passed through untouched."""
        return [
            self.apply(text, (Span.of(r) for r in results))
            if results
            else RedactedText(text, text, ())
            for text, results in zip(texts, self.find(texts), strict=True)
        ]
