"""Document review: the findings of a file kept after analysis, and the user's decisions.

A review job analyzes each file once and keeps its text units and findings (in memory, like
the pseudonym vaults); the user's decisions (rejected ids, added spans or boxes, new types)
are then applied to those STORED findings through the one pipeline, so nothing is analyzed
twice and what is written is exactly what was accepted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from redacta.documents import Box, Extraction, TextUnit, UnitFinding
from redacta.jobs.model import count_by_entity
from redacta.redaction.pipeline import Span

Kind = Literal["text", "table", "docx", "pages"]
EntityType = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Z][A-Z0-9_]*$")]
Decision = Literal["accepted", "rejected", "added", "retyped"]
DRAWN_TYPE = "REDACTED"
"""Entity type of a box drawn on a page without one."""


class Location(BaseModel):
    """Where a finding is: `unit` + `start`/`end` (offsets into that unit's text) for text
    units; `page` + `box` (union) + `boxes` (one per line) in PDF points, origin top-left,
    for pages. Findings from a page's text layer carry both."""

    unit: int | None = None
    start: int | None = None
    end: int | None = None
    page: int | None = None
    box: list[float] | None = None
    boxes: list[list[float]] | None = None


class ReviewFinding(BaseModel):
    id: str = Field(description="Stable for the job's lifetime; name it in decisions.")
    entity_type: str = Field(description="The type it was found as.")
    score: float
    explanation: str
    location: Location
    decision: Literal["accepted", "rejected", "retyped"] | None = Field(
        default=None, description="Once the file is reviewed: what the user decided."
    )
    retyped_as: str | None = Field(
        default=None, description="For a retyped finding: the type it was redacted as."
    )


class AddedFinding(BaseModel):
    """A span or box the user added to a reviewed file (where and as what; never the value)."""

    entity_type: str
    location: Location


class FileFindings(BaseModel):
    """A file's stored findings (`state` says whether it still needs review)."""

    index: int
    name: str
    kind: Kind
    state: str
    findings: list[ReviewFinding]
    counts: dict[str, int]
    added: list[AddedFinding] | None = Field(
        default=None, description="Once the file is reviewed: the spans and boxes the user added."
    )


class PreviewUnit(BaseModel):
    unit: int
    text: str
    part: str = Field(description="body | table | header | footer | comment | note | cell | ...")
    sheet: str | None = None
    row: int | None = Field(default=None, description="1-based, as the file numbers rows.")
    column: int | None = Field(default=None, description="1-based.")
    column_header: str | None = None
    page: int | None = Field(default=None, description="1-based.")


class PageSize(BaseModel):
    page: int
    width: float = Field(description="Points.")
    height: float = Field(description="Points.")


class FilePreview(BaseModel):
    """The text units of a file; pages (for `kind: pages`) are rendered one by one with
    `?page=N`."""

    kind: Kind
    units: list[PreviewUnit]
    sheets: list[str] | None = None
    pages: list[PageSize] | None = None


class AddedSpan(BaseModel):
    """Characters `start:end` of text unit `unit` to redact as `entity_type`."""

    model_config = ConfigDict(extra="forbid")

    unit: int = Field(ge=0)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    entity_type: EntityType

    @model_validator(mode="after")
    def _ordered(self) -> AddedSpan:
        if self.end <= self.start:
            raise ValueError("end must be greater than start")
        return self


class AddedBox(BaseModel):
    """An area of page `page` to paint over: `[x0, y0, x1, y1]` in PDF points, origin at the
    top-left of the page as rendered."""

    model_config = ConfigDict(extra="forbid")

    page: int = Field(ge=1)
    box: list[float] = Field(min_length=4, max_length=4)
    entity_type: EntityType = DRAWN_TYPE

    @model_validator(mode="after")
    def _ordered(self) -> AddedBox:
        x0, y0, x1, y1 = self.box
        if not (x1 > x0 and y1 > y0):
            raise ValueError("box must be [x0, y0, x1, y1] with x1 > x0 and y1 > y0")
        return self


class Decisions(BaseModel):
    """What the user decided; findings not named are accepted as found."""

    model_config = ConfigDict(extra="forbid")

    rejected: list[str] = Field(default_factory=list, description="Finding ids to leave.")
    added: list[AddedSpan | AddedBox] = Field(default_factory=list)
    retyped: dict[str, EntityType] = Field(
        default_factory=dict, description="Finding id -> the entity type to redact it as."
    )


class DecisionResult(BaseModel):
    index: int
    state: str
    counts: dict[str, int]
    output: str | None


class ReviewError(ValueError):
    """Decisions that cannot apply to this file; the message says what to send instead."""


class ReviewConflictError(ReviewError):
    """The file is not (or no longer) in a state to review: not analyzed yet, already
    written, not a review job, or changed on disk since its analysis."""


@dataclass
class FileReview:
    """What a review keeps of one analyzed file (in memory, for the job's lifetime)."""

    kind: Kind
    units: list[TextUnit]
    findings: list[ReviewFinding]
    pages: list[tuple[float, float]] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)
    decided: Resolved | None = None
    """The decisions the file was written with, once it is reviewed."""

    def file_findings(self, index: int, name: str, state: str) -> FileFindings:
        """The stored findings; once reviewed, with each one's decision and the user's
        additions, so a reopened file shows what was written."""
        decided = self.decided
        if decided is None:
            findings, added = self.findings, None
        else:
            findings = [
                f.model_copy(update=decided.decisions.get(f.id, {"decision": "accepted"}))
                for f in self.findings
            ]
            added = decided.added
        return FileFindings(
            index=index,
            name=name,
            kind=self.kind,
            state=state,
            findings=findings,
            counts=count_by_entity([f.entity_type for f in self.findings]),
            added=added,
        )

    def preview(self) -> FilePreview:
        return FilePreview(
            kind=self.kind,
            units=[
                PreviewUnit.model_validate({"unit": i, **unit.described()})
                for i, unit in enumerate(self.units)
            ],
            sheets=self.sheets or None,
            pages=[PageSize(page=n, width=w, height=h) for n, (w, h) in enumerate(self.pages, 1)]
            or None,
        )


def _union(boxes: list[Box]) -> list[float]:
    return [
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    ]


def build_review(document: Extraction, found: list[list[UnitFinding]]) -> FileReview:
    """The review of an analyzed document: its units and its findings with stable ids
    (numbered in reading order) and, on pages, the rectangles they cover."""
    findings: list[ReviewFinding] = []
    for unit_index, unit_found in enumerate(found):
        unit = document.units[unit_index]
        for f in unit_found:
            location = Location(unit=unit_index, start=f.start, end=f.end, page=unit.page)
            if document.kind == "pages":
                lines = document.unit_boxes(unit_index, f.start, f.end)
                if lines:
                    location.boxes = [list(b) for b in lines]
                    location.box = _union(lines)
            findings.append(
                ReviewFinding(
                    id=f"f{len(findings) + 1}",
                    entity_type=f.entity_type,
                    score=f.score,
                    explanation=f.explanation,
                    location=location,
                )
            )
    sheets = getattr(document, "sheets", [])
    return FileReview(
        kind=document.kind,  # type: ignore[arg-type]
        units=list(document.units),
        findings=findings,
        pages=document.pages,
        sheets=list(sheets),
    )


@dataclass
class Resolved:
    """Decisions checked against a file's review: the spans per unit and the boxes per
    page to redact, and one report row per finding (no values)."""

    spans: list[list[Span]]
    boxes: dict[int, list[Box]]
    rows: list[dict[str, object]]
    decisions: dict[str, dict[str, str]] = field(default_factory=dict)
    """Finding id -> its decision (and new type) where it is not accepted as found."""
    added: list[AddedFinding] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return count_by_entity(
            [str(r["entity_type"]) for r in self.rows if r["decision"] != "rejected"]
        )


def resolve(review: FileReview, decisions: Decisions, *, include_values: bool) -> Resolved:
    """Apply `decisions` to the stored findings; `ReviewError` for ids, units or pages that
    do not exist in this file. Report rows carry values only with `include_values`."""
    known = {f.id for f in review.findings}
    unknown = sorted({*decisions.rejected, *decisions.retyped} - known)
    if unknown:
        shown = ", ".join(repr(i) for i in unknown[:5])
        raise ReviewError(
            f"Unknown finding id(s) {shown}: use the ids from GET .../findings of this file."
        )
    rejected = set(decisions.rejected)
    spans: list[list[Span]] = [[] for _ in review.units]
    boxes: dict[int, list[Box]] = {}
    rows: list[dict[str, object]] = []
    decided: dict[str, dict[str, str]] = {}
    added_findings: list[AddedFinding] = []
    for f in review.findings:
        loc = f.location
        decision: Decision = "accepted"
        entity = f.entity_type
        if f.id in rejected:
            decision = "rejected"
            decided[f.id] = {"decision": decision}
        elif f.id in decisions.retyped:
            decision, entity = "retyped", decisions.retyped[f.id]
            decided[f.id] = {"decision": decision, "retyped_as": entity}
        if (
            decision != "rejected"
            and loc.unit is not None
            and loc.start is not None
            and loc.end is not None
        ):
            spans[loc.unit].append(Span(entity, loc.start, loc.end, f.score))
        rows.append(_row(review, loc, entity, f.score, decision, f.id, include_values))
    for added in decisions.added:
        if isinstance(added, AddedSpan):
            if added.unit >= len(review.units):
                raise ReviewError(
                    f"added: unit {added.unit} does not exist; this file has units "
                    f"0-{len(review.units) - 1} (see GET .../preview)."
                )
            length = len(review.units[added.unit].text)
            if added.end > length:
                raise ReviewError(
                    f"added: end {added.end} is past the end of unit {added.unit} "
                    f"({length} characters)."
                )
            spans[added.unit].append(Span(added.entity_type, added.start, added.end, 1.0))
            loc = Location(unit=added.unit, start=added.start, end=added.end)
            loc.page = review.units[added.unit].page
        else:
            if review.kind != "pages":
                raise ReviewError(
                    "added: boxes can only be drawn on pages (PDF); add text spans with "
                    "unit/start/end instead."
                )
            if added.page > len(review.pages):
                raise ReviewError(
                    f"added: page {added.page} is out of range; this file has pages "
                    f"1-{len(review.pages)}."
                )
            width, height = review.pages[added.page - 1]
            x0, y0, x1, y1 = added.box
            box: Box = (max(x0, 0.0), max(y0, 0.0), min(x1, width), min(y1, height))
            if box[2] <= box[0] or box[3] <= box[1]:
                raise ReviewError(
                    f"added: the box {added.box} lies outside page {added.page} "
                    f"({width} x {height} points, origin top-left)."
                )
            boxes.setdefault(added.page, []).append(box)
            loc = Location(page=added.page, box=list(box), boxes=[list(box)])
        added_findings.append(AddedFinding(entity_type=added.entity_type, location=loc))
        rows.append(_row(review, loc, added.entity_type, 1.0, "added", None, include_values))
    return Resolved(spans, boxes, rows, decided, added_findings)


def _row(
    review: FileReview,
    loc: Location,
    entity: str,
    score: float,
    decision: Decision,
    finding_id: str | None,
    include_values: bool,
) -> dict[str, object]:
    """A report row: type, where, score and decision; the value only with `include_values`."""
    unit = review.units[loc.unit] if loc.unit is not None else None
    row: dict[str, object] = {
        "id": finding_id or "",
        "entity_type": entity,
        "location": f"page {loc.page}" if unit is None else unit.location_at(loc.start or 0),
        "start": None if unit is None else unit.offset + (loc.start or 0),
        "end": None if unit is None else unit.offset + (loc.end or 0),
        "score": round(score, 4),
        "decision": decision,
        "box": loc.box,
    }
    if include_values:
        row["value"] = "" if unit is None else unit.text[loc.start : loc.end]
    return row
