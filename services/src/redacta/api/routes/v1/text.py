"""`/api/v1/analyze`, `/api/v1/redact`, `/api/v1/restore`: the UI's text workflow.

Responses carry offsets, never the detected values: the UI already has the text.
"""

from __future__ import annotations

from typing import Annotated, Self

from fastapi import APIRouter, Depends, HTTPException
from presidio_analyzer import RecognizerResult
from presidio_anonymizer import AnonymizerEngine
from pydantic import BaseModel, ConfigDict, Field, model_validator

from redacta.api.deps import (
    get_anonymizer,
    get_engine,
    get_salt,
    get_user_settings,
    get_vaults,
)
from redacta.engine import Engine
from redacta.redaction.analysis import analyze_text
from redacta.redaction.operators import OperatorSpec, uses_pseudonymize
from redacta.redaction.redact import Span, redact
from redacta.redaction.restore import restore
from redacta.redaction.user_settings import UserSettings
from redacta.redaction.vault import Vault, VaultStore

router = APIRouter(tags=["text"])

MAX_FINDINGS = 100_000


class AnalyzeRequest(BaseModel):
    """Text to analyze; omitted options come from the user settings, then the server's."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The text to analyze.")
    language: str | None = Field(default=None, description="Language code, e.g. `en`.")
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


def _explanation(result: RecognizerResult) -> str:
    expl = result.analysis_explanation
    parts: list[str] = []
    if expl is not None:
        if expl.textual_explanation:
            parts.append(str(expl.textual_explanation))
        if expl.score_context_improvement:
            parts.append(
                f"score raised by {expl.score_context_improvement:.2f} by context words nearby"
            )
    return "; ".join(parts) or f"Detected as {result.entity_type}"


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
        explanation=_explanation(result),
    )


@router.post(
    "/analyze",
    summary="Find personal data in a text",
    description="Runs the engine with the user's settings (allow list, deny lists, custom "
    "recognizers, enabled entities, threshold) and returns offsets and explanations.",
)
def analyze(
    body: AnalyzeRequest,
    engine: Annotated[Engine, Depends(get_engine)],
    user: Annotated[UserSettings, Depends(get_user_settings)],
) -> AnalyzeResponse:
    """Findings in the text."""
    results = analyze_text(
        engine,
        user,
        body.text,
        language=body.language,
        entities=body.entities,
        score_threshold=body.score_threshold,
    )
    return AnalyzeResponse(findings=[_finding(r) for r in results])


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

    text: str = Field(min_length=1)
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
    language: str | None = None
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
def redact_text(
    body: RedactRequest,
    engine: Annotated[Engine, Depends(get_engine)],
    user: Annotated[UserSettings, Depends(get_user_settings)],
    anonymizer: Annotated[AnonymizerEngine, Depends(get_anonymizer)],
    vaults: Annotated[VaultStore, Depends(get_vaults)],
    salt: Annotated[bytes, Depends(get_salt)],
) -> RedactResponse:
    """Redacted text and the replacements applied."""
    specs = body.operators if body.operators is not None else dict(user.default_operators)
    session_id, vault = _session_vault(vaults, body.session_id, uses_pseudonymize(specs))
    if body.findings is not None:
        spans = [Span(f.entity_type, f.start, f.end, f.score) for f in body.findings]
    else:
        results = analyze_text(
            engine,
            user,
            body.text,
            language=body.language,
            entities=body.entities,
            score_threshold=body.score_threshold,
            explain=False,
        )
        spans = [Span(r.entity_type, r.start, r.end, float(r.score)) for r in results]
    result = redact(anonymizer, body.text, spans, specs, salt=salt, vault=vault)
    return RedactResponse(
        text=result.text,
        items=[AppliedItemOut(**vars(item)) for item in result.items],
        session_id=session_id,
    )


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
