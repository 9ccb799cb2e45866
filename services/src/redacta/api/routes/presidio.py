"""Presidio-compatible routes: same paths, fields and JSON as Presidio 2.2.366's analyzer and
anonymizer REST services, so existing Presidio clients work against Redacta unchanged.

Errors have Presidio's shape, `{"error": "<what to fix>"}`, with Presidio's status where
Presidio answers a 4xx: an invalid or malformed body on `/anonymize` and `/deanonymize` is 400
(`{}` or no body: "Invalid request json"), a custom operator 400, bad operator parameters
422, `/analyze` without `language` "No language provided". Differences, all on error paths or
defaults: where Presidio answers 500 (empty text, unknown language, bad ad-hoc recognizer,
invalid `/analyze` body, wrong key length, wrongly typed findings) these answer 400/422;
`entities` defaults to the enabled entity types (`REDACTA_ENTITIES`); `GET /health` answers
a JSON object instead of a plain string; `/recognizers` lists names sorted.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine, Sequence
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException

from redacta import __version__
from redacta.api.cancellable import run_cancellable
from redacta.api.deps import get_engine
from redacta.api.errors import NOT_UTF8, ErrorJSONResponse, not_utf8
from redacta.api.presidio_schemas import (
    PresidioAnalyzeRequest,
    PresidioAnalyzeResponse,
    PresidioAnonymizeRequest,
    PresidioDeanonymizeRequest,
    PresidioEngineResult,
    PresidioErrorResponse,
    PresidioHealth,
    PresidioOperatorJson,
)
from redacta.engine import (
    AnalyzeOptions,
    Engine,
    InvalidRequestError,
    pattern_recognizers_from_dicts,
)
from redacta.settings import RequestLanguage

if TYPE_CHECKING:
    from presidio_anonymizer.entities import OperatorConfig

#: Routes of Presidio's anonymizer service, which answers an invalid body with 400.
ANONYMIZER_PATHS = frozenset({"/anonymize", "/deanonymize"})

INVALID_JSON = "Invalid request json"


def _describe(errors: Sequence[Any]) -> str:
    """One message for a body's validation errors, naming the fields (never the input)."""
    locations = [tuple(str(p) for p in error.get("loc", ())) for error in errors]
    if any(loc[:1] == ("body",) and len(loc) == 1 for loc in locations):
        return f"{INVALID_JSON}: send a JSON object."
    if any(error.get("type") == "json_invalid" for error in errors):
        return f"{INVALID_JSON}: the body is not valid JSON."
    if ("body", "language") in locations:
        return "No language provided"
    return "; ".join(
        f"{'.'.join(loc[1:] if loc[:1] == ('body',) else loc)}: {error.get('msg', '')}"
        for loc, error in zip(locations, errors, strict=True)
    )


class PresidioRoute(APIRoute):
    """Request validation errors in Presidio's shape and with its status."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()
        status = 400 if self.path in ANONYMIZER_PATHS else 422

        async def route(request: Request) -> Response:
            try:
                return await handler(request)
            except RequestValidationError as exc:
                return _error(status, _describe(exc.errors()))
            except HTTPException as exc:  # e.g. a body that cannot be read at all
                if not_utf8(exc):
                    return _error(status, NOT_UTF8)
                return _error(exc.status_code, str(exc.detail))

        return route


router = APIRouter(tags=["presidio"], route_class=PresidioRoute)

EngineDep = Annotated[Engine, Depends(get_engine)]
LanguageQuery = Annotated[
    RequestLanguage | None, Query(description="Default: the server's language.")
]

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {
        "model": PresidioErrorResponse,
        "description": "Invalid input; `error` says what to fix.",
    },
    422: {
        "model": PresidioErrorResponse,
        "description": "Invalid parameters; `error` says what to fix.",
    },
}


def _presidio_json(value: object) -> Response:
    """Serialize exactly like Presidio's services (`to_dict()` objects, sorted keys)."""
    body = json.dumps(value, default=lambda o: o.to_dict(), sort_keys=True)
    return Response(content=body, media_type="application/json")


def _error(status: int, message: str) -> JSONResponse:
    return ErrorJSONResponse({"error": message}, status_code=status)


@router.get("/health", response_model=PresidioHealth)
def health() -> PresidioHealth:
    """Service health. Presidio answers a plain string; only the 200 matters to clients."""
    return PresidioHealth(status="ok", version=__version__)


@router.post(
    "/analyze",
    response_model=PresidioAnalyzeResponse,
    responses=_ERRORS,
    summary="Find PII in a text or a list of texts (Presidio's /analyze)",
)
async def analyze(body: PresidioAnalyzeRequest, request: Request, engine: EngineDep) -> Response:
    """Run the analyzer; a list of texts is analyzed as one batch. Any text length works.

    Closing the connection cancels the analysis."""
    if not body.language:
        raise InvalidRequestError("No language provided")
    recognizers = pattern_recognizers_from_dicts(
        [r.model_dump(exclude_none=True) for r in body.ad_hoc_recognizers]
        if body.ad_hoc_recognizers
        else None
    )
    if body.entities:
        # Presidio ignores unknown names beside known ones, but fails when none is known:
        # an empty answer would read as "no PII here".
        ad_hoc = {e for r in recognizers or () for e in r.supported_entities}
        if not {*engine.supported_entities(body.language), *ad_hoc} & set(body.entities):
            raise InvalidRequestError(
                "No matching recognizers were found to serve the request: none of the "
                "requested entities is detected here (GET /supportedentities lists them)."
            )
    options = AnalyzeOptions(
        language=body.language,
        entities=body.entities or None,
        score_threshold=body.score_threshold,
        return_decision_process=bool(body.return_decision_process),
        ad_hoc_recognizers=recognizers,
        context=body.context,
        allow_list=body.allow_list,
        allow_list_match=body.allow_list_match,
        regex_flags=body.regex_flags,
    )
    texts = body.text
    if isinstance(texts, list):
        if not texts:
            raise InvalidRequestError("No text provided: 'text' is an empty list.")
        batch = texts
        return await run_cancellable(
            request,
            lambda control: _presidio_json(engine.analyze_batch(batch, options, control=control)),
            sum(len(t) for t in batch),
        )
    if not texts.strip():
        raise InvalidRequestError("No text provided: 'text' is empty.")
    text = texts
    return await run_cancellable(
        request,
        lambda control: _presidio_json(engine.analyze(text, options, control=control)),
        len(text),
    )


@router.get("/recognizers", response_model=list[str], responses=_ERRORS)
def recognizers(engine: EngineDep, language: LanguageQuery = None) -> list[str]:
    """Names of the loaded recognizers for `language`."""
    return sorted({str(r.name) for r in engine.recognizers(language)})  # type: ignore[has-type]


@router.get("/supportedentities", response_model=list[str], responses=_ERRORS)
def supported_entities(engine: EngineDep, language: LanguageQuery = None) -> list[str]:
    """Entity types the loaded recognizers can detect in `language`."""
    return engine.supported_entities(language)


def _operators(data: dict[str, PresidioOperatorJson] | None) -> dict[str, OperatorConfig]:
    from presidio_anonymizer.entities import OperatorConfig

    operators = {key: OperatorConfig.from_json(op.model_dump()) for key, op in (data or {}).items()}
    if any(config.operator_name == "custom" for config in operators.values()):
        raise InvalidRequestError("Custom type anonymizer is not supported")
    return operators


def _run_operators(kind: str, call: Callable[[], Any]) -> Response:
    """Run an anonymizer call (converting the request's entities included); Presidio's
    parameter errors become 422 with its message, other bad values 400."""
    from presidio_anonymizer.entities import InvalidParamError

    try:
        result = call()
    except InvalidRequestError:
        raise
    except InvalidParamError as exc:
        return _error(422, str(exc.err_msg))
    except (ValueError, TypeError, KeyError) as exc:
        detail = str(exc)[:200]
        return _error(
            400, f"Could not {kind}: check the operators and their parameters ({detail})."
        )
    return Response(content=result.to_json(), media_type="application/json")


@router.post("/anonymize", response_model=PresidioEngineResult, responses=_ERRORS)
def anonymize(body: PresidioAnonymizeRequest, engine: EngineDep) -> Response:
    """Replace the given findings with each entity type's operator (or DEFAULT's).

    Overlapping findings are merged into their union (Redacta's one overlap rule) instead of
    Presidio's trimming, so no character of an overlapping finding stays in clear.
    """
    from presidio_anonymizer.entities import InvalidParamError

    from redacta.redaction.pipeline import Span, apply_findings

    if not body.model_fields_set:
        return _error(400, f"{INVALID_JSON}: send 'text' and 'analyzer_results'.")

    def run() -> Any:  # in Presidio's order: operators, custom operator, findings
        operators = _operators(body.anonymizers)
        if body.analyzer_results is None:
            raise InvalidParamError("Invalid input, request must contain analyzer results")
        spans = [Span(r.entity_type, r.start, r.end, r.score) for r in body.analyzer_results]
        return apply_findings(engine.anonymizer, body.text, spans, operators).presidio

    return _run_operators("anonymize", run)


@router.post("/deanonymize", response_model=PresidioEngineResult, responses=_ERRORS)
def deanonymize(body: PresidioDeanonymizeRequest, engine: EngineDep) -> Response:
    """Reverse reversible operators (decrypt) on the spans `/anonymize` reported."""
    from presidio_anonymizer.entities import InvalidParamError, OperatorResult

    if not body.model_fields_set:
        return _error(400, f"{INVALID_JSON}: send 'text' and 'anonymizer_results'.")

    def run() -> Any:
        entities = [OperatorResult.from_json(r.model_dump()) for r in body.anonymizer_results or []]
        operators = _operators(body.deanonymizers)
        if "DEFAULT" not in operators and any(e.entity_type not in operators for e in entities):
            # Presidio's engine fails on such an entity (a 500 in Presidio's service).
            raise InvalidParamError(
                "Every item of 'anonymizer_results' needs a deanonymizer: add one for its "
                "entity_type, or a DEFAULT, to 'deanonymizers'."
            )
        return engine.deanonymizer.deanonymize(
            text=body.text, entities=entities, operators=operators
        )

    return _run_operators("deanonymize", run)


@router.get("/anonymizers", response_model=list[str])
def anonymizers(engine: EngineDep) -> list[str]:
    """Names of the available anonymizers (operators)."""
    names: list[str] = engine.anonymizer.get_anonymizers()
    return names


@router.get("/deanonymizers", response_model=list[str])
def deanonymizers(engine: EngineDep) -> list[str]:
    """Names of the available deanonymizers."""
    names: list[str] = engine.deanonymizer.get_deanonymizers()
    return names
