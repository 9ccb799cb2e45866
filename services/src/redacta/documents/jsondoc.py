"""`.json` / `.jsonl`: string VALUES only; keys, numbers and the file's formatting untouched.

Instead of re-serializing (which would reformat the file), each string token of the validated
document is located with a regex (a JSON string cannot contain a raw quote) and only value
tokens are swapped for their redacted, re-escaped form.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

from redacta.documents.encoding import DecodedText, decode
from redacta.documents.errors import CorruptFileError
from redacta.documents.model import DocumentOptions, Extraction, RedactedText, TextUnit

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"(\s*:)?', re.DOTALL)


def _value_tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, decoded value) of every string that is not an object key."""
    tokens: list[tuple[int, int, str]] = []
    for m in _STRING.finditer(text):
        if m.group(1) is None:
            start, end = m.start(), m.end()
            tokens.append((start, end, json.loads(text[start:end])))
    return tokens


class JsonExtraction(Extraction):
    """Each string value of the document is a unit; keys and formatting are kept."""

    kind = "text"

    def __init__(self, decoded: DecodedText, tokens: list[tuple[int, int, str]]) -> None:
        text = decoded.text
        super().__init__(
            [
                TextUnit(value, f"line {text.count(chr(10), 0, start) + 1}", part="value")
                for start, _, value in tokens
            ]
        )
        self.decoded, self.tokens = decoded, tokens

    def write_units(self, dst: Path, redacted: Sequence[RedactedText]) -> list[str]:
        text = self.decoded.text
        out: list[str] = []
        pos = 0
        for (start, end, _), red in zip(self.tokens, redacted, strict=True):
            if not red.replacements:
                continue
            out.append(text[pos:start])
            out.append(json.dumps(red.text, ensure_ascii=text[start:end].isascii()))
            pos = end
        out.append(text[pos:])
        dst.write_bytes(self.decoded.encode("".join(out)))
        return []


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
            raise CorruptFileError(f"Invalid JSON at line {where}: {exc.msg}.") from None
    return JsonExtraction(decoded, _value_tokens(text))
