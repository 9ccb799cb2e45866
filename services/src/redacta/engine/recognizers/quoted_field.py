"""Places written as quoted key-value pairs in pasted JSON, Python dicts or config text:
`"city": "Ibadan"`, `'country': 'Japan'`, `"placeOfBirth": "Belo Horizonte"`; also as XML
elements (`<town>Žulová</town>`) and config lines (`city = Leeds`) under the same keys.

A form label ("City: Ibadan") is a cue that `places.LocationCueRecognizer` reads; a quoted key
is the same cue in a programmer's spelling, but the quotes kept it from matching, and spaCy
read the value alone as a name or nothing. The keys are those the JSON document handler
types LOCATION (`PLACE_KEYS`), so a pasted object and the same object in a `.json` file get
the same findings. Keys such as "status" or "region" are left alone: their values are as
often a state or a cloud region as a place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from redacta.engine.recognizers.base import TextRecognizer, result

if TYPE_CHECKING:
    from presidio_analyzer import RecognizerResult

NAME = "QuotedPlaceFieldRecognizer"

PLACE_KEYS = frozenset(
    {"city", "town", "village", "municipality", "locality", "country", "county", "province"}
    | {"district", "suburb", "address", "street", "street_address", "address_line_1"}
    | {"address_line_2", "address1", "address2", "home_address", "postal_address"}
    | {"mailing_address", "billing_address", "shipping_address", "birthplace", "hometown"}
    | {"place_of_birth", "city_of_birth", "country_of_birth", "country_of_residence"}
    | {"residence", "home_town", "birth_city", "birth_place"}
)
"""Keys whose string value names a place. Not "state", "region", "site", "location" or
"office": in JSON those are as often a status, a cloud region or a URL as a place."""
_CAMEL_BREAK = regex.compile(r"(?<=[a-z])(?=[A-Z])")
_NOT_KEY_CHARACTERS = regex.compile(r"[^a-z0-9]+")


def field_key(key: str) -> str:
    """A field key or column header in one spelling: lower case, words joined by "_", digits
    kept ("placeOfBirth", "Place of birth", "place-of-birth" -> "place_of_birth";
    "address_line_1"). The spelling of `PLACE_KEYS` and of `table`'s header words."""
    return _NOT_KEY_CHARACTERS.sub("_", _CAMEL_BREAK.sub("_", key.strip()).lower()).strip("_")


_PLACE_KEY_ENDS = frozenset(
    {"city", "town", "village", "country", "county", "province", "municipality", "suburb"}
)
"""Last words of keys that name a place whatever comes before ("billing_city",
"ip_country", "homeTown")."""


def key_type(key: str) -> str | None:
    """LOCATION when a key asks for a place ("city", "placeOfBirth", "Country",
    "billing_city"): camelCase, kebab-case and spaces are read as snake_case."""
    name = field_key(key)
    last = name.rsplit("_", 1)[-1]
    return "LOCATION" if name in PLACE_KEYS or last in _PLACE_KEY_ENDS else None


QUOTED_PAIR = regex.compile(
    r"""(?P<kq>["'])(?P<key>[A-Za-z][A-Za-z0-9_\- ]{0,40})(?P=kq)[ \t]*[:=][ \t]*"""
    r"""(?P<vq>["'])[ \t]*(?P<value>(?:(?!(?P=vq))[^\\\n]){1,120}?)[ \t]*(?P=vq)""",
    regex.VERSION1,
)
"""A quoted key, a colon (or "=") and a quoted value on the same line."""
KEY_VALUE = regex.compile(
    r"""(?<![\w.\-&?/"'])(?P<key>[A-Za-z][A-Za-z0-9_\-]{0,40})="""
    r"""(?:"(?P<dq>[^"\n\\]{1,120})"|'(?P<sq>[^'\n\\]{1,120})'|(?P<bare>[^\s"',;&=]{1,60}))""",
    regex.VERSION1,
)
"""A log line's key=value pair: `city="Zásmuky"`, `country=ZA`."""
XML_ELEMENT = regex.compile(
    r"<(?P<key>[A-Za-z][A-Za-z0-9_\-]{0,40})(?:[ \t][^<>\n]{0,80})?>[ \t]*"
    r"(?P<value>[^<>\n]{1,120}?)[ \t]*</(?P=key)>",
    regex.VERSION1,
)
"""An XML element whose tag asks for a place: `<town>Žulová</town>`."""
INI_LINE = regex.compile(
    r"^[ \t]*(?P<key>[A-Za-z][A-Za-z0-9_\-]{0,40})[ \t]+=[ \t]+"
    r"(?P<value>[^\s\"'=;#][^\n\"'=;#]{0,118}?)[ \t]*$",
    regex.VERSION1 | regex.MULTILINE,
)
"""A config line with spaces around "=": `city = Leeds` (INI, TOML without quotes)."""
_EMPTY_VALUES = frozenset({"null", "none", "nil", "unknown", "n/a", "na", "-", "undefined"})
SCORE = 0.65


_WHY_XML = "text of an XML element whose tag asks for a place"
_WHY_INI = "value of a config line whose key asks for a place"


class QuotedPlaceFieldRecognizer(TextRecognizer):
    """LOCATION for the quoted value of a quoted place key ("city": "Sapporo")."""

    ENTITY = "LOCATION"
    NAME = NAME

    def find(self, text: str) -> list[RecognizerResult]:
        """Every quoted value under a place key that holds a letter."""
        found: list[RecognizerResult] = []
        for m in QUOTED_PAIR.finditer(text, timeout=1.0):
            if key_type(m.group("key")) is None:
                continue
            if not any(c.isalpha() for c in m.group("value")):
                continue
            found.append(
                result(
                    NAME,
                    "LOCATION",
                    m.start("value"),
                    m.end("value"),
                    SCORE,
                    "quoted value under a key that asks for a place",
                )
            )
        for pattern, why in ((XML_ELEMENT, _WHY_XML), (INI_LINE, _WHY_INI)):
            if (pattern is XML_ELEMENT and "</" not in text) or (
                pattern is INI_LINE and " = " not in text
            ):
                continue  # a cheap test first: most texts have no XML or config lines
            for m in pattern.finditer(text, timeout=1.0):
                value = m.group("value")
                if key_type(m.group("key")) is None or value.strip().lower() in _EMPTY_VALUES:
                    continue
                if any(c.isalpha() for c in value):
                    found.append(
                        result(NAME, "LOCATION", m.start("value"), m.end("value"), SCORE, why)
                    )
        for m in KEY_VALUE.finditer(text, timeout=1.0):
            group = next(g for g in ("dq", "sq", "bare") if m.group(g) is not None)
            value = m.group(group)
            if key_type(m.group("key")) is None or value.strip().lower() in _EMPTY_VALUES:
                continue
            if not any(c.isalpha() for c in value) or value != value.strip():
                continue
            found.append(
                result(
                    NAME,
                    "LOCATION",
                    m.start(group),
                    m.end(group),
                    SCORE,
                    "value of a key=value pair whose key asks for a place",
                )
            )
        return found
