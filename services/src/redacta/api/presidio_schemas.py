"""Request and response models of the Presidio-compatible routes.

They mirror Presidio 2.2.366's own REST services: the analyzer's `AnalyzerRequest`,
`RecognizerResult.to_dict()` and `AnalysisExplanation.to_dict()`, the anonymizer's
`/anonymize` and `/deanonymize` bodies (`AppEntitiesConvertor`) and `EngineResult.to_json()`.
Unknown request fields are ignored, as Presidio does. Names carry a `Presidio` prefix so they
never collide with `/api/v1` models in the OpenAPI schema.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel

from redacta.settings import DEFAULT_LANGUAGE, NOT_BLANK


class _Lenient(BaseModel):
    model_config = ConfigDict(extra="ignore")


class PresidioAdHocPattern(_Lenient):
    """One regex of an ad-hoc recognizer (Presidio's `Pattern.to_dict()`)."""

    name: str
    regex: str = Field(json_schema_extra={"format": "regex"})
    score: float = Field(ge=0, le=1)


def _require(*names: str) -> Any:
    """A `json_schema_extra` marking fields required in the schema that the model lets
    through to the route (which answers their absence in Presidio's words)."""

    def extra(schema: dict[str, Any]) -> None:
        required = schema.setdefault("required", [])
        required.extend(name for name in names if name not in required)

    return extra


class PresidioAdHocRecognizer(BaseModel):
    """Presidio's `PatternRecognizer.to_dict()`: a recognizer used for one request only."""

    model_config = ConfigDict(
        extra="allow", json_schema_extra=_require("supported_entity", "patterns")
    )

    name: str | None = None
    supported_language: str | None = None
    # Required here (Presidio also takes `supported_entities`; the schema shows one way).
    supported_entity: str | None = Field(default=None, json_schema_extra={"minLength": 1})
    patterns: list[PresidioAdHocPattern] | None = Field(
        default=None, json_schema_extra={"minItems": 1}
    )
    deny_list: list[str] | None = None
    context: list[str] | None = None
    deny_list_score: float | None = None


class PresidioAnalyzeRequest(_Lenient):
    """Body of `POST /analyze` (Presidio's `AnalyzerRequest`)."""

    text: str | list[str] = Field(
        description="A text (not blank), or a non-empty list of texts (batch).",
        json_schema_extra={
            "anyOf": [
                {"type": "string", "pattern": NOT_BLANK},
                {"type": "array", "minItems": 1, "items": {"type": "string"}},
            ]
        },
    )
    language: str = Field(
        min_length=1,
        description="Language code: one the server has a model for.",
        # The schema describes the default build, which has an English model.
        json_schema_extra={"enum": [DEFAULT_LANGUAGE]},
    )
    entities: list[str] | None = Field(
        default=None, description="Entity types to look for. Default: the enabled types."
    )
    correlation_id: str | None = None
    score_threshold: float | None = Field(default=None, ge=0, le=1)
    return_decision_process: bool | None = False
    ad_hoc_recognizers: list[PresidioAdHocRecognizer] | None = None
    context: list[str] | None = None
    allow_list: list[str] | None = None
    allow_list_match: Literal["exact", "regex"] = "exact"
    regex_flags: int | None = Field(
        default=None, ge=0, description="Flags for regex allow lists (default DOTALL|M|I = 26)."
    )


class PresidioAnalysisExplanation(BaseModel):
    """Presidio's `PresidioAnalysisExplanation.to_dict()` (present with return_decision_process)."""

    recognizer: str
    pattern_name: str | None = None
    pattern: str | None = None
    original_score: float
    score: float
    textual_explanation: str | None = None
    score_context_improvement: float
    supportive_context_word: str
    validation_result: bool | None = None
    regex_flags: int | None = None


class PresidioRecognizerResult(BaseModel):
    """Presidio's `PresidioRecognizerResult.to_dict()`; `text[start:end]` is the finding."""

    analysis_explanation: PresidioAnalysisExplanation | None = None
    end: int
    entity_type: str
    recognition_metadata: dict[str, Any] | None = None
    score: float
    start: int


class PresidioAnalyzeResponse(
    RootModel[list[PresidioRecognizerResult] | list[list[PresidioRecognizerResult]]]
):
    """One list of results for a text; a list of lists for a list of texts."""


Offset = Annotated[int, Field(strict=True, ge=0)]
"""A position in the text (a JSON integer: `true` is not 1)."""


class PresidioAnalyzerResult(_Lenient):
    """A finding to anonymize (the fields of `/analyze`'s results that `/anonymize` reads)."""

    start: Offset
    end: Offset
    score: float = Field(default=1.0, strict=True, allow_inf_nan=False)
    entity_type: str = Field(min_length=1)


#: Operators the Presidio-compatible routes run (Presidio's, without the network-bound ones
#: and `custom`, which the service refuses), and the one deanonymizer.
PRESIDIO_OPERATORS: list[Any] = ["replace", "redact", "mask", "hash", "encrypt", "keep", "decrypt"]


class PresidioOperatorJson(BaseModel):
    """An operator: `{"type": "replace", "new_value": "..."}`, `{"type": "mask", ...}`, ..."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(json_schema_extra={"enum": PRESIDIO_OPERATORS})


class PresidioAnonymizeRequest(_Lenient):
    """Body of `POST /anonymize`."""

    model_config = ConfigDict(extra="ignore", json_schema_extra=_require("analyzer_results"))

    text: str = ""
    anonymizers: dict[str, PresidioOperatorJson] | None = Field(
        default=None, description="Operator per entity type; key DEFAULT for all others."
    )
    analyzer_results: list[PresidioAnalyzerResult] | None = None


class PresidioAnonymizerResultJson(_Lenient):
    """An item of `/anonymize`'s response, as sent back to `/deanonymize`."""

    start: Offset
    end: Offset
    entity_type: str = Field(min_length=1)
    text: str | None = None
    operator: str | None = None


class PresidioDeanonymizeRequest(_Lenient):
    """Body of `POST /deanonymize`."""

    text: str = ""
    deanonymizers: dict[str, PresidioOperatorJson] | None = None
    anonymizer_results: list[PresidioAnonymizerResultJson] | None = None


class PresidioOperatorResultItem(BaseModel):
    """Presidio's `OperatorResult`: where the operator wrote what."""

    start: int
    end: int
    entity_type: str
    text: str
    operator: str
    score: float | None = None


class PresidioEngineResult(BaseModel):
    """Presidio's `PresidioEngineResult.to_json()`: the new text and one item per replaced span."""

    text: str
    items: list[PresidioOperatorResultItem]


class PresidioErrorResponse(BaseModel):
    """What Presidio's services answer on errors; the message says what to fix."""

    error: str


class PresidioHealth(BaseModel):
    """`GET /health`. Presidio answers a plain string; Redacta answers this JSON object."""

    status: Literal["ok"]
    version: str
