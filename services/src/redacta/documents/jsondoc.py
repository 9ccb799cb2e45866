"""`.json` / `.jsonl`: string values, object keys and long numbers; the file's formatting is
kept.

Instead of re-serializing (which would reformat the file), each string and number token of
the validated document is located with a regex (a JSON string cannot contain a raw quote,
and a number outside a string is a plain token) and only tokens with findings are swapped
for their redacted, re-escaped form.

A key is analyzed together with the scalar value it names (one text, "phone" then the number),
so the key is context for the value and a key that is itself an e-mail address or a name is
found like any value (a key written as a field name, "customerId", is never taken for a name,
place or firm: `enhancer.CODE_IDENTIFIER`). A string value under a key that asks for a place
("city", "country", "placeOfBirth", `quoted_field.PLACE_KEYS`) is typed LOCATION as a whole,
like a table cell under a "City" column: a town name alone in a value has no sentence around it
for the model; under a key that asks for a person or a firm ("name", "fullName", "employer":
`table.name_key_type`) it is typed PERSON or ORGANIZATION, as the same object pasted as text
is. Numbers of at least `MIN_NUMBER_DIGITS` digits are analyzed (a phone number or a card
number stored as a number); shorter ones cannot hold the kinds of identifiers the engine finds.
A number with a finding becomes a JSON string holding its replacement: a label is not a number.
Two keys of one object redacted to the same label stay two keys in the file (duplicate keys are
valid JSON; most parsers keep the last).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from redacta.documents.encoding import DecodedText, decode
from redacta.documents.errors import CorruptFileError
from redacta.documents.model import DocumentOptions, Extraction, RedactedText, TextUnit
from redacta.engine.recognizers.quoted_field import key_type
from redacta.engine.recognizers.table import name_key_type

_TOKEN = re.compile(
    r'(?P<string>"(?:[^"\\]|\\.)*")(?P<colon>\s*:)?'
    r"|(?P<number>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)",
    re.DOTALL,
)
MIN_NUMBER_DIGITS = 6


def _value_type(key: str) -> str | None:
    """The type a key asks its string value to hold: a place by `key_type`, a person or firm
    by the column headers' words (`name_key_type`)."""
    return key_type(key) or name_key_type(key)


@dataclass(frozen=True)
class _Token:
    """A string or number of the document: where it is, what it says, what it is."""

    start: int
    end: int
    value: str
    part: str  # "key" | "value" | "number"


def _tokens(text: str) -> list[tuple[_Token, int | None]]:
    """Every key, string value and long number, with the group shared by a key and the
    scalar value that follows it (None where a token stands alone)."""
    out: list[tuple[_Token, int | None]] = []
    open_key: int | None = None  # index in `out` of a key whose value may come next
    groups = 0
    for m in _TOKEN.finditer(text):
        if m.group("string") is not None:
            start, end = m.span("string")
            token = _Token(start, end, json.loads(m.group("string")), "value")
            if m.group("colon") is not None:
                token = _Token(start, end, token.value, "key")
        else:
            start, end = m.span("number")
            if sum(c.isdigit() for c in m.group("number")) < MIN_NUMBER_DIGITS:
                open_key = None
                continue
            token = _Token(start, end, m.group("number"), "number")
        group = None
        if token.part != "key" and open_key is not None:
            key, _ = out[open_key]
            if not text[key.end : start].replace(":", "", 1).strip():
                groups += 1
                group = groups
                out[open_key] = (key, group)
        out.append((token, group))
        open_key = len(out) - 1 if token.part == "key" else None
    return out


class JsonExtraction(Extraction):
    """Each key, string value and long number of the document is a unit; formatting kept."""

    kind = "text"

    def __init__(self, decoded: DecodedText, tokens: list[tuple[_Token, int | None]]) -> None:
        text = decoded.text
        keys: dict[int, str] = {}  # group -> the key that opened it
        units: list[TextUnit] = []
        for token, group in tokens:
            if group is not None and token.part == "key":
                keys[group] = token.value
            named = keys.get(group) if group is not None and token.part == "value" else None
            units.append(
                TextUnit(
                    token.value,
                    f"line {text.count(chr(10), 0, token.start) + 1}",
                    part=token.part,
                    group=group,
                    column_type=_value_type(named) if named is not None else None,
                )
            )
        super().__init__(units)
        self.decoded, self.tokens = decoded, [token for token, _ in tokens]

    def write_units(self, dst: Path, redacted: Sequence[RedactedText]) -> list[str]:
        text = self.decoded.text
        out: list[str] = []
        pos = 0
        numbers = 0
        for token, red in zip(self.tokens, redacted, strict=True):
            if not red.replacements:
                continue
            out.append(text[pos : token.start])
            out.append(json.dumps(red.text, ensure_ascii=text[token.start : token.end].isascii()))
            numbers += token.part == "number"
            pos = token.end
        out.append(text[pos:])
        dst.write_bytes(self.decoded.encode("".join(out)))
        return [f"{numbers} number(s) replaced by a string label."] if numbers else []


def read_json_file(src: Path, options: DocumentOptions) -> JsonExtraction:
    del options
    decoded = decode(src.read_bytes())
    text = decoded.text
    lines = text.splitlines(keepends=True) if src.suffix.lower() == ".jsonl" else [text]
    for number, line in enumerate(lines, 1):
        try:
            if line.strip():
                json.loads(line)
        except json.JSONDecodeError as exc:
            where = number if len(lines) > 1 else exc.lineno
            raise CorruptFileError(
                f"Invalid JSON at line {where}: {exc.msg}; correct that line and add the file "
                "again (JSON Lines: one whole JSON value a line)."
            ) from None
    return JsonExtraction(decoded, _tokens(text))
