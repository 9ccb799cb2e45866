"""Finding the entities of a document's text units, once, in unit coordinates.

Units of one group (a table row) are analyzed as one text, cells joined by a newline, so
the model sees the row's context at the cost of one text per row; each finding is then cut
back into the cells it covers. A cell whose column header names an entity type ("Name",
"Customer" -> PERSON; "City", "Address" -> LOCATION) takes that type: the header is better
evidence than the model's guess on two words out of context.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from redacta.documents.model import TextRedactor, TextUnit
from redacta.engine import explanation_of
from redacta.engine.recognizers.person import leading_common_words
from redacta.engine.recognizers.table import cell_fits
from redacta.redaction.pipeline import Span, merge_overlaps

CELL_SEPARATOR = "\n"
KEY_SEPARATOR = ": "
COLUMN_SCORE = 0.85
"""Score of a cell typed by its column header: above default thresholds, below checksummed
patterns (so an e-mail address in a "Contact" column stays an e-mail address)."""
NAMED_TYPES = frozenset({"PERSON", "LOCATION", "ORGANIZATION", "NRP"})


@dataclass(frozen=True)
class UnitFinding:
    """One finding in one unit: offsets into that unit's text."""

    unit: int
    start: int
    end: int
    entity_type: str
    score: float
    explanation: str


def _column_evidence(
    index: int,
    unit: TextUnit,
    found: list[UnitFinding],
    wanted: frozenset[str],
    allowed: frozenset[str],
) -> list[UnitFinding]:
    """Type a cell by its column header: unless the model found an e-mail, phone, ID... in
    it, the whole (stripped) cell becomes one finding of that type, replacing the name-like
    findings inside it (a name the model took for a place, or only the surname of a full
    name: the given name left beside it would be a leak). A name keeps out the label words
    before it that the model left out too ("Contact Ana Lima")."""
    kind = unit.column_type
    value = unit.text.strip()
    if (
        kind is None
        or kind not in wanted
        or not value
        or value in allowed
        or not cell_fits(kind, value)
        or (kind == "PERSON" and any(c.isdigit() for c in value))
    ):
        return found
    start = len(unit.text) - len(unit.text.lstrip())
    end = start + len(value)
    if any(f.entity_type not in NAMED_TYPES for f in found):
        return found  # an e-mail, phone, ID: the cell holds more than one value
    same = [f for f in found if f.entity_type == kind]
    if kind == "PERSON" and same:
        start = min(start + leading_common_words(value), *(f.start for f in same))
    if any(f.start <= start and f.end >= end for f in same):
        return found  # the model found the header's type over the whole cell itself
    kept = [f for f in found if f.end <= start or f.start >= end]
    why = f"cell of a column headed as {kind}"
    kept.append(UnitFinding(index, start, end, kind, COLUMN_SCORE, why))
    return sorted(kept, key=lambda f: (f.start, -f.end, f.entity_type))


def _one_per_spot(found: list[UnitFinding]) -> list[UnitFinding]:
    """Findings of one type that overlap become one: their union, with the surest one's score
    and explanation. Two recognizers often both report a name ("Zofia Wiśniewska" and
    "Wiśniewska"), and a review would list it twice and draw two boxes over one name, where
    keeping one and redacting the other cannot mean anything. The union is what the pipeline
    (`merge_overlaps`) redacts anyway. Findings of different types stay apart: which type a
    value is, is the reviewer's choice."""
    by_type: dict[str, list[UnitFinding]] = {}
    for f in found:
        by_type.setdefault(f.entity_type, []).append(f)
    merged: list[UnitFinding] = []
    for entity, same in by_type.items():
        for span in merge_overlaps(Span(entity, f.start, f.end, f.score) for f in same):
            members = [f for f in same if span.start <= f.start and f.end <= span.end]
            surest = max(members, key=lambda f: (f.score, f.end - f.start))
            merged.append(
                UnitFinding(
                    surest.unit, span.start, span.end, entity, surest.score, surest.explanation
                )
            )
    if len(merged) == len(found):
        return found
    return sorted(merged, key=lambda f: (f.start, -f.end, f.entity_type))


def find_in_units(
    redactor: TextRedactor,
    units: Sequence[TextUnit],
    *,
    explain: bool = False,
) -> list[list[UnitFinding]]:
    """The findings of every unit, sorted by position, one per spot and type
    (`_one_per_spot`). A column header only adds its type when the redactor looks for that
    type, and never to an allow-listed value."""
    wanted, allowed = frozenset(redactor.entities()), redactor.allowed()
    texts: list[str] = []
    members: list[list[tuple[int, int]]] = []  # per analyzed text: (unit, offset in text)
    open_group: dict[int, int] = {}
    for index, unit in enumerate(units):
        if unit.group is not None and unit.group in open_group:
            at = open_group[unit.group]
            # A number after its key (JSON) reads "phone: 390612345678": across a newline the
            # key is no cue for the phone recognizers, and a number without a country prefix
            # needs that cue; so does a string of digits ("phone": "239 857 112"). (Strings
            # with letters keep the newline: after "name: " the cued-name recognizer would
            # take a leading word such as "Contact" into the name.)
            numeric = unit.part == "number" or (
                unit.part == "value" and not any(c.isalpha() for c in unit.text)
            )
            after_key = units[members[at][-1][0]].part == "key" and numeric
            separator = KEY_SEPARATOR if after_key else CELL_SEPARATOR
            offset = len(texts[at]) + len(separator)
            texts[at] += separator + unit.text
            members[at].append((index, offset))
            continue
        if unit.group is not None:
            open_group[unit.group] = len(texts)
        texts.append(unit.text)
        members.append([(index, 0)])
    per_unit: list[list[UnitFinding]] = [[] for _ in units]
    for results, parts in zip(redactor.find(texts, explain=explain), members, strict=True):
        for result in results:
            for index, offset in parts:
                lo = max(result.start, offset) - offset
                hi = min(result.end, offset + len(units[index].text)) - offset
                if lo < hi:
                    entity = str(result.entity_type)
                    per_unit[index].append(
                        UnitFinding(
                            index,
                            lo,
                            hi,
                            entity,
                            round(float(result.score), 4),
                            explanation_of(result) if explain else "",
                        )
                    )
    return [
        _one_per_spot(_column_evidence(i, unit, found, wanted, allowed))
        for i, (unit, found) in enumerate(zip(units, per_unit, strict=True))
    ]
