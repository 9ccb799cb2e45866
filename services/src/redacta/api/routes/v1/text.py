"""`/api/v1/analyze`, `/api/v1/redact`, `/api/v1/restore`: the UI's text workflow.

Responses carry offsets, never the detected values: the UI already has the text.
"""

from __future__ import annotations

from typing import Annotated, Literal, Self

from fastapi import APIRouter, Depends, HTTPException, Request
from presidio_analyzer import RecognizerResult
from presidio_anonymizer import AnonymizerEngine
from pydantic import BaseModel, ConfigDict, Field, RootModel, model_validator

from redacta.api.cancellable import (
    NDJSONResponse,
    StreamError,
    StreamProgress,
    ndjson_analysis,
    run_cancellable,
)
from redacta.api.deps import (
    get_anonymizer,
    get_engine,
    get_salt,
    get_user_settings,
    get_vaults,
)
from redacta.engine import Engine, explanation_of
from redacta.engine.control import AnalysisControl
from redacta.redaction.operators import OperatorSpec, uses_pseudonymize
from redacta.redaction.options import RedactionOptions
from redacta.redaction.pipeline import Redactor, Span
from redacta.redaction.restore import restore
from redacta.redaction.user_settings import UserSettings
from redacta.redaction.vault import Vault, VaultStore
from redacta.settings import NOT_BLANK, RequestLanguage

router = APIRouter(tags=["text"])

MAX_FINDINGS = 100_000
#: A request's text: the engine refuses a blank one (422 saying so).
NotBlankText = Annotated[str, Field(min_length=1, json_schema_extra={"pattern": NOT_BLANK})]


class AnalyzeRequest(BaseModel):
    """Text to analyze; omitted options come from the user settings, then the server's."""

    model_config = ConfigDict(extra="forbid")

    text: NotBlankText = Field(description="The text to analyze (not blank).")
    language: RequestLanguage | None = Field(
        default=None, description="Language code; default: the server's language."
    )
    entities: list[str] | None = Field(
        default=None, description="Entity types to detect; default: the enabled ones."
    )
    score_threshold: float | None = Field(default=None, ge=0.0, le=1.0)


class Finding(BaseModel):
    """One detected entity: its type, offsets in the text, score and why it was found."""

    entity_type: str
    start: int = Field(description="Offset of the first character (Python string index).")
    end: int = Field(description="Offset after the last character.")
    score: float
    recognizer: str = Field(description="Name of the recognizer that found it.")
    explanation: str = Field(description="Why it was detected, in words.")


class AnalyzeResponse(BaseModel):
    """Findings sorted by position."""

    findings: list[Finding]


def _finding(result: RecognizerResult) -> Finding:
    metadata = result.recognition_metadata or {}
    recognizer = metadata.get("recognizer_name") or (
        result.analysis_explanation.recognizer if result.analysis_explanation else "unknown"
    )
    return Finding(
        entity_type=result.entity_type,
        start=result.start,
        end=result.end,
        score=round(float(result.score), 4),
        recognizer=str(recognizer),
        explanation=explanation_of(result),
    )


def _analyze(
    engine: Engine, user: UserSettings, body: AnalyzeRequest, control: AnalysisControl
) -> AnalyzeResponse:
    options = RedactionOptions.from_user_settings(user).overridden(
        language=body.language, entities=body.entities, score_threshold=body.score_threshold
    )
    results = Redactor(engine, options).analyze([body.text], explain=True, control=control)[0]
    return AnalyzeResponse(findings=[_finding(r) for r in results])


@router.post(
    "/analyze",
    summary="Find personal data in a text",
    description="Runs the engine with the user's settings (allow list, deny lists, custom "
    "recognizers, enabled entities, threshold) and returns offsets and explanations. "
    "Closing the connection cancels the analysis.",
)
async def analyze(
    body: AnalyzeRequest,
    request: Request,
    engine: Annotated[Engine, Depends(get_engine)],
    user: Annotated[UserSettings, Depends(get_user_settings)],
) -> AnalyzeResponse:
    """Findings in the text."""
    return await run_cancellable(
        request, lambda control: _analyze(engine, user, body, control), len(body.text)
    )


class AnalyzeStreamResult(BaseModel):
    """The last line of a successful analysis stream."""

    type: Literal["result"]
    result: AnalyzeResponse = Field(description="What `POST /api/v1/analyze` answers.")


class AnalyzeStreamLine(RootModel[StreamProgress | AnalyzeStreamResult | StreamError]):
    """One line of `POST /api/v1/analyze/stream` (NDJSON), told apart by `type`."""


@router.post(
    "/analyze/stream",
    summary="Find personal data in a text, with progress",
    description="Same body and findings as `POST /api/v1/analyze`, answered as "
    "`application/x-ndjson`: `progress` lines (`done`/`total` characters) while the engine "
    "works, then exactly one `result` line (`result` is what `/api/v1/analyze` answers) or "
    "one `error` line (`status` is the HTTP status `/api/v1/analyze` would answer). Closing "
    "the connection cancels the analysis. An invalid body is refused before the stream "
    "starts (422, as `/api/v1/analyze`).",
    response_class=NDJSONResponse,
    responses={
        200: {
            "model": AnalyzeStreamLine,
            "description": "NDJSON lines: progress, then one result or error.",
        }
    },
)
def analyze_stream(
    body: AnalyzeRequest,
    engine: Annotated[Engine, Depends(get_engine)],
    user: Annotated[UserSettings, Depends(get_user_settings)],
) -> NDJSONResponse:
    """Progress lines, then the findings."""
    return ndjson_analysis(lambda control: _analyze(engine, user, body, control), len(body.text))


class AcceptedFinding(BaseModel):
    """A finding the user accepted (offsets into the request's text)."""

    model_config = ConfigDict(extra="ignore")

    entity_type: str = Field(min_length=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    score: float = Field(default=1.0, ge=0.0, le=1.0)


class RedactRequest(BaseModel):
    """Text plus how to anonymize each entity type; optionally the exact findings to use."""

    model_config = ConfigDict(extra="forbid")

    text: NotBlankText = Field(
        description="The text to redact (not blank: a blank text has nothing to find)."
    )
    operators: dict[str, OperatorSpec] | None = Field(
        default=None,
        description="Entity type (or DEFAULT) → operator. Omitted: the user's default "
        "operators; anything not covered is replaced by `<ENTITY_TYPE>`.",
    )
    findings: list[AcceptedFinding] | None = Field(
        default=None,
        max_length=MAX_FINDINGS,
        description="If given, no analysis runs: exactly these spans are anonymized.",
    )
    session_id: str | None = Field(
        default=None,
        description="Session whose vault pseudonymize uses; a new one is created if omitted.",
    )
    language: RequestLanguage | None = None
    entities: list[str] | None = None
    score_threshold: float | None = Field(default=None, ge=0.0, le=1.0)

    @model_validator(mode="after")
    def _spans_inside_text(self) -> Self:
        for index, finding in enumerate(self.findings or []):
            if not finding.start < finding.end <= len(self.text):
                raise ValueError(
                    f"findings[{index}]: start must be < end <= the text length ({len(self.text)})"
                )
        return self


class AppliedItemOut(BaseModel):
    """One replacement: offsets in the OUTPUT text, entity type, operator used."""

    start: int
    end: int
    entity_type: str
    operator: str


class RedactResponse(BaseModel):
    """The anonymized text, the replacements, and the session used by pseudonymize."""

    text: str
    items: list[AppliedItemOut]
    session_id: str | None = Field(
        description="Session holding the pseudonym labels (null when none were used)."
    )


def _session_vault(
    vaults: VaultStore, session_id: str | None, needed: bool
) -> tuple[str | None, Vault | None]:
    if session_id is not None:
        vault = vaults.get(session_id)
        if vault is None:
            raise HTTPException(
                404,
                "Unknown session: it was deleted, or the app was restarted. "
                "Create a new session or import an exported vault.",
            )
        return session_id, vault
    if not needed:
        return None, None
    new_id = vaults.create()
    return new_id, vaults.get(new_id)


@router.post(
    "/redact",
    name="redact",
    summary="Anonymize a text",
    description="Analyzes the text (or takes the accepted findings) and applies the operator "
    "configured for each entity type in one pass.",
)
async def redact_text(
    body: RedactRequest,
    request: Request,
    engine: Annotated[Engine, Depends(get_engine)],
    user: Annotated[UserSettings, Depends(get_user_settings)],
    anonymizer: Annotated[AnonymizerEngine, Depends(get_anonymizer)],
    vaults: Annotated[VaultStore, Depends(get_vaults)],
    salt: Annotated[bytes, Depends(get_salt)],
) -> RedactResponse:
    """Redacted text and the replacements applied."""

    def work(control: AnalysisControl) -> RedactResponse:
        options = RedactionOptions.from_user_settings(user).overridden(
            language=body.language,
            entities=body.entities,
            score_threshold=body.score_threshold,
            operators=body.operators,
        )
        session_id, vault = _session_vault(
            vaults, body.session_id, uses_pseudonymize(options.operators)
        )
        redactor = Redactor(
            engine,
            options,
            salt=salt,
            labels=vault if vault is not None else Vault(),
            anonymizer=anonymizer,
        )
        if body.findings is not None:
            spans = [Span(f.entity_type, f.start, f.end, f.score) for f in body.findings]
        else:
            spans = [Span.of(r) for r in redactor.analyze([body.text], control=control)[0]]
        result = redactor.apply(body.text, spans)
        return RedactResponse(
            text=result.text,
            items=[
                AppliedItemOut(
                    start=start, end=end, entity_type=rep.entity_type, operator=rep.operator
                )
                for start, end, rep in result.output_items()
            ],
            session_id=session_id,
        )

    return await run_cancellable(request, work, len(body.text))


class RestoreRequest(BaseModel):
    """Text containing `<ENTITY_n>` labels, and the session that minted them."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    session_id: str


class RestoreResponse(BaseModel):
    """The text with original values back."""

    text: str
    restored: int = Field(description="How many labels were replaced.")
    unknown_labels: list[str] = Field(
        description="Labels in the text this session never issued (left unchanged)."
    )


@router.post(
    "/restore",
    name="restore",
    summary="Put original values back for pseudonym labels",
    description="E.g. an AI assistant's answer pasted back: every `<PERSON_1>`-style label "
    "issued by the session is replaced by its original value.",
)
def restore_text(
    body: RestoreRequest, vaults: Annotated[VaultStore, Depends(get_vaults)]
) -> RestoreResponse:
    """The restored text."""
    vault = vaults.get(body.session_id)
    if vault is None:
        raise HTTPException(
            404,
            "Unknown session: it was deleted, or the app was restarted. "
            "Import the exported vault to restore.",
        )
    result = restore(body.text, vault)
    return RestoreResponse(
        text=result.text, restored=result.restored, unknown_labels=result.unknown_labels
    )
