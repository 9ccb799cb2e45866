"""Cells of pasted tables whose column header says what they hold.

Tables copied out of spreadsheets, CSV exports and Markdown ("Name<TAB>City<TAB>Phone",
"ID;Name;Town;Amount", "| name | email | joined |") carry their own labels: every cell under
a "Name" column is a person, under "City"/"Town" a place, under "Company" an organisation,
whatever script or spelling the value has, and a number under "Phone" a phone number in
whatever national format. The header is the first line with two or more
cells on the same delimiter; rows are the following lines with the same number of cells.
A quoted key of pasted JSON or dict text is the same label in a programmer's spelling
(`"name": "Chidi Okafor"`, `"customerName"`, `"employer"`): its value gets the same type.
"""

from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redacta.engine.recognizers.base import result
from redacta.engine.recognizers.quoted_field import QUOTED_PAIR, field_key

NAME = "TableColumnRecognizer"

HEADER_TYPES: dict[str, str] = {
    **dict.fromkeys(
        [
            "name",
            "full_name",
            "fullname",
            "customer",
            "client",
            "employee",
            "patient",
            "contact",
            "student",
            "member",
            "guest",
            "owner",
            "person",
            "surname",
            "first_name",
            "last_name",
            "given_name",
            "given_names",
            "family_name",
            "forename",
            "forenames",
            "attendee",
            "participant",
            "tenant",
            "driver",
            "passenger",
            "cardholder",
            "holder",
            "applicant",
            "candidate",
            "recipient",
            "sender",
            "author",
            "assignee",
            "manager",
            "supervisor",
            "spouse",
            "next_of_kin",
            "emergency_contact",
            "referee",
            "landlord",
            "beneficiary",
            "witness",
        ],
        "PERSON",
    ),
    **dict.fromkeys(
        [
            "city",
            "town",
            "place",
            "location",
            "country",
            "address",
            "region",
            "state",
            "municipality",
            "village",
            "district",
            "province",
            "county",
            "birthplace",
            "place_of_birth",
            "office",
            "site",
            "branch",
            "street",
            "street_address",
            "address_line",
            "suburb",
            "locality",
            "postcode",
            "post_code",
            "postal_code",
            "zip",
            "zip_code",
            "zipcode",
        ],
        "LOCATION",
    ),
    **dict.fromkeys(
        [
            "company",
            "organisation",
            "organization",
            "employer",
            "firm",
            "bank",
            "school",
            "university",
        ],
        "ORGANIZATION",
    ),
}
PHONE_HEADERS = frozenset(
    {
        "phone",
        "telephone",
        "tel",
        "mobile",
        "cell",
        "phone_number",
        "phone_no",
        "mobile_number",
        "fax",
        "landline",
        "telefon",
        "telefono",
        "handy",
    }
)
"""Headers of phone-number columns. Only pasted text uses them: in a spreadsheet or CSV file
each number cell is analysed with its row, and a cell with letters under "Phone" ("n/a",
"ask reception") is no phone number."""
DELIMITERS = ("\t", ";", "|", ",")
SCORE = 0.6
_SEPARATOR_ROW = re.compile(r"^[\s|:\-+]+$")
_PHONE_CELL = re.compile(r"\+?[\d ()\-./]+(?:[ ]?(?:x|ext\.?)[ ]?\d{1,5})?")
"""A cell that can be a phone number: digits and the signs phone numbers are written with."""


_POSTCODE_CELL = re.compile(r"\d[\d \-]{1,8}\d")
"""A cell of digits that a place column can hold: a postcode ("10435", "111 43", "1000-205")
under "Postcode" or "Zip", or a house number under "Address"."""


def cell_fits(kind: str, value: str) -> bool:
    """Whether a cell's value can be of its column's type: a name has letters, a place
    letters or a postcode's digits (neither is an e-mail address), a phone number 6 to 15
    digits and no letters. Pasted tables and the tables of documents both ask this."""
    if kind == "PHONE_NUMBER":
        return bool(_PHONE_CELL.fullmatch(value)) and 6 <= sum(c.isdigit() for c in value) <= 15
    if "@" in value:
        return False
    if kind == "LOCATION" and _POSTCODE_CELL.fullmatch(value):
        return True
    return any(c.isalpha() for c in value)


def _cells(line: str, delimiter: str) -> list[tuple[int, int]]:
    """(start, end) of each stripped cell of `line` (Markdown's outer bars removed; a quoted
    CSV cell without its quotes)."""
    if delimiter != "|" and '"' in line:
        return _quoted_cells(line, delimiter)
    spans: list[tuple[int, int]] = []
    pos = 0
    parts = line.split(delimiter)
    if delimiter == "|" and parts and not parts[0].strip():
        pos = len(parts[0]) + 1
        parts = parts[1:]
        if parts and not parts[-1].strip():
            parts = parts[:-1]
    for part in parts:
        lead = len(part) - len(part.lstrip())
        spans.append((pos + lead, pos + len(part.rstrip())))
        pos += len(part) + 1
    return spans


def _quoted_cells(line: str, delimiter: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a CSV line whose cells may be quoted
    (`"Mäder","Elmar","Maurerstrasse 386, 3187 Wallisellen"`): a delimiter inside quotes is
    part of the cell, and a quoted cell's span leaves its quotes out."""
    spans: list[tuple[int, int]] = []
    pos, size = 0, len(line)
    while True:
        start = pos
        while start < size and line[start] in " \t" and line[start] != delimiter:
            start += 1
        if start < size and line[start] == '"':
            end = start + 1
            while end < size and not (line[end] == '"' and line[end + 1 : end + 2] != '"'):
                end += 2 if line[end] == '"' else 1  # "" is a quote inside the cell
            spans.append((start + 1, min(end, size)))
            after = line.find(delimiter, end)
        else:
            after = line.find(delimiter, start)
            end = size if after < 0 else after
            spans.append((start, len(line[:end].rstrip(" \t"))))
        if after < 0:
            return spans
        pos = after + 1


_WORD_JOINS = re.compile(r"[\d_]+")
"""What stands between the words of a key once its digits go."""


def header_key(cell: str) -> str:
    """A column header or field key as `quoted_field.field_key` spells it, without digits
    ("Full name", "firstName", "Phone 2" -> "full_name", "first_name", "phone"): a numbered
    column holds what its word names. The spelling of `HEADER_TYPES` and `PHONE_HEADERS`."""
    return "_".join(word for word in _WORD_JOINS.split(field_key(cell)) if word)


def header_type(cell: str) -> str | None:
    """The entity type a column header or field key names ("Full name", "firstName",
    "customer_name" -> PERSON; "company_name" -> ORGANIZATION), if any."""
    key = header_key(cell)
    kind = HEADER_TYPES.get(key)
    if kind is None and key.endswith("_name"):
        # "customer_name", "employer_name": the name of what the prefix names.
        kind = HEADER_TYPES.get(key.removesuffix("_name"))
    return kind


NAME_KEY_TYPES = frozenset({"PERSON", "ORGANIZATION"})
"""The header types a quoted key (pasted JSON) or a `.json` file's key gives its value here.
Place keys are `quoted_field.key_type`'s: the headers' place words ("state", "site",
"office") are in JSON as often a status, a cloud region or a URL."""


def name_key_type(key: str) -> str | None:
    """PERSON or ORGANIZATION when a field key names one ("name", "customerName",
    "employer"), by the same words as column headers."""
    kind = header_type(key)
    return kind if kind in NAME_KEY_TYPES else None


def find_quoted_fields(text: str) -> list[RecognizerResult]:
    """PERSON/ORGANIZATION values of quoted keys in pasted JSON, dicts or config text
    (`"name": "Chidi Okafor"`, `'employer': 'Dangote'`): the key is the same label as a column
    header, in a programmer's spelling. Place keys are `quoted_field`'s."""
    found: list[RecognizerResult] = []
    if '"' not in text and "'" not in text:
        return found
    for m in QUOTED_PAIR.finditer(text, timeout=1.0):
        kind = name_key_type(m.group("key"))
        value = m.group("value")
        if kind is None or "@" in value:
            continue
        if not any(c.isalpha() for c in value):
            continue
        found.append(
            result(
                NAME,
                kind,
                m.start("value"),
                m.end("value"),
                SCORE,
                f"quoted value under a key that asks for a {kind.lower()}",
                "quoted_key",
            )
        )
    return found


def _column_type(cell: str) -> str | None:
    """The entity type a header of a pasted table names: `header_type`, or a phone column."""
    kind = header_type(cell)
    if kind is None and header_key(cell) in PHONE_HEADERS:
        return "PHONE_NUMBER"
    return kind


def typed_header_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the header line of each pasted table whose header names a column's
    type and that has rows: its words ("Nombre", "customerId", "Ort") are labels, no names."""
    headers: list[tuple[int, int]] = []
    find_table_cells(text, headers)
    return headers


def find_table_cells(
    text: str, headers: list[tuple[int, int]] | None = None
) -> list[RecognizerResult]:
    """PERSON/LOCATION/ORGANIZATION/PHONE_NUMBER cells under a column header naming their type;
    the header lines of such tables are added to `headers` when it is given."""
    found: list[RecognizerResult] = []
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    i = 0
    while i < len(lines):
        line = lines[i][1]
        delimiter = next((d for d in DELIMITERS if line.count(d) >= 1), None)
        header = _cells(line, delimiter) if delimiter else []
        types = [_column_type(line[s:e]) for s, e in header]
        if delimiter is None or len(header) < 2 or not any(types):
            i += 1
            continue
        j = i + 1
        while j < len(lines):
            row_start, row = lines[j]
            if _SEPARATOR_ROW.match(row) and row.strip():
                j += 1
                continue
            cells = _cells(row, delimiter)
            if len(cells) != len(header):
                break
            for (s, e), kind in zip(cells, types, strict=True):
                value = row[s:e]
                if kind is None or not value or not cell_fits(kind, value):
                    continue
                found.append(
                    result(
                        NAME,
                        kind,
                        row_start + s,
                        row_start + e,
                        SCORE,
                        f"cell of a table column headed as {kind}",
                        "table_column",
                    )
                )
            j += 1
        if headers is not None and j > i + 1:
            headers.append((lines[i][0], lines[i][0] + len(line)))
        i = j
    return found


class TableColumnRecognizer(LocalRecognizer):
    """People, places, organisations and phone numbers in table columns whose header names
    them, and people and organisations under quoted keys that name them."""

    ENTITIES = ("PERSON", "LOCATION", "ORGANIZATION", "PHONE_NUMBER")

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entities=list(self.ENTITIES),
            name=NAME,
            supported_language=supported_language,
        )

    def load(self) -> None:
        """Nothing to load."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Table cells of the requested types."""
        del nlp_artifacts
        found = find_table_cells(text) + find_quoted_fields(text)
        return [r for r in found if not entities or r.entity_type in entities]


def is_header_cell(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` is a whole cell of a line that heads a pasted table: a line of
    two or more cells on one delimiter, one of them a column header of a known type, followed
    by a row of as many cells. Its other cells are labels too ("Straße", "Nombre", "Ort"
    beside "Telefon"), never a person, place or firm."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    delimiter = next((d for d in DELIMITERS if d in line), None)
    if delimiter is None or line_end >= len(text):
        return False
    cells = _cells(line, delimiter)
    if len(cells) < 2 or (start - line_start, end - line_start) not in cells:
        return False
    next_end = text.find("\n", line_end + 1)
    following = text[line_end + 1 : len(text) if next_end < 0 else next_end]
    return len(_cells(following, delimiter)) == len(cells) and any(
        _column_type(line[s:e]) for s, e in cells
    )
