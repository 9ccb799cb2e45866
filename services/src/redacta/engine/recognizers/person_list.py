"""Surnames and names listed after words that say the list is of people, and the authors
of a reference.

"Founders: Kovács, Virtanen and Tanaka", "founded in 1991 by Nagy, Flores and Sato",
"We thank Mukherjee, Joshi and Chauhan", "Volunteers for the food bank: Šibalić, Grba":
NER sees a comma-separated run of capitalised words with "and" and calls it an organisation
(the partnership form of a law firm) or nothing. When the words before the list are a
person cue, each item is a PERSON; the list form alone (without a cue) stays a firm name.
The authors that open a line of a reference list ("Albu R, Georgescu M, Pop R (1967).",
"Dahl, B. and Bech, B. (1984)", "[12] Pisani P, Siffredi P, \"Field notes\"") are people
by the form of the line: surnames with their initials before the year or the quoted title.
"""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult

from redacta.engine.recognizers.base import TextRecognizer, result
from redacta.engine.recognizers.person import CASELESS_WORD
from redacta.engine.recognizers.vocabulary import is_common_word

NAME = "PersonListRecognizer"

WORD = rf"(?:\p{{Lu}}\.|\p{{Lu}}[\p{{L}}\p{{M}}'\u2019\-]*|{CASELESS_WORD})"
PARTICLE = r"(?:de|da|van|von|der|den|del|della|di|du|le|la|al|bin|ibn|ter|ten)"
ITEM = rf"(?:(?:{PARTICLE}[ \t]+){{0,2}}{WORD}(?:[ \t]+(?:{PARTICLE}[ \t]+)?{WORD}){{0,2}})"
"""One person in a list: a surname, or up to three name words ("de Leeuw", "Ana Sousa")."""
LIST = rf"({ITEM}(?:[ \t]*,[ \t]*{ITEM})*(?:,?[ \t]+(?:and|&|und|et|e|y|i|og|och|en)[ \t]+{ITEM}))"
"""Two or more items joined by commas and a final "and"/"&"."""
COMMA_LIST = rf"({ITEM}(?:[ \t]*,[ \t]*{ITEM}){{1,}})"
"""Two or more items joined by commas only (after a colon cue)."""

GROUP_NOUN = (
    r"(?:founders?|co-?founders?|volunteers?|team[ \t]+sheet|team|squad|line-?up|authors?|"
    r"co-?authors?|members?|attendees?|participants?|present|speakers?|panel(?:ists)?|"
    r"guests?|shortlist(?:ed)?|candidates?|winners?|finalists?|nominees?|signator(?:y|ies)|"
    r"witnesses|players?|cast|partners|directors|trustees|hosts?|organi[sz]ers?|referees|"
    r"invitees|recipients|contributors|reviewers|examiners|supervisors|students|pupils|"
    r"residents|tenants|owners|heirs|children|siblings|parents|family|staff|crew|"
    r"interviewees|applicants|passengers|patients|cc|to|attendance|apologies)"
)
"""Nouns for groups of people; a list after them (and a colon) is a list of people."""
VERB_CUE = (
    r"(?:(?:founded|co-?founded|started|established|set[ \t]+up|run|owned|led|written|"
    r"authored|edited|signed|supervised|reviewed|approved|presented|hosted|organi[sz]ed|"
    r"attended|coached|managed|taught|interviewed|witnessed|created)[ \t]+"
    r"(?:in[ \t]+\d{4}[ \t]+)?by|(?:we|I)[ \t]+(?:would[ \t]+like[ \t]+to[ \t]+)?thank|"
    r"thanks[ \t]+to|grateful[ \t]+to|between|with[ \t]+(?:colleagues|friends)|"
    r"joined[ \t]+by|accompanied[ \t]+by)"
)
"""Verbs after which a list of capitalised names is a list of people."""
AFTER_GROUP = regex.compile(
    rf"\b(?i:{GROUP_NOUN})\b(?:[^.\n:;]{{0,40}}:[ \t]*(?:{LIST}|{COMMA_LIST})|[ \t]+{LIST})",
    regex.VERSION1,
)
AFTER_VERB = regex.compile(rf"\b(?i:{VERB_CUE})[ \t]+{LIST}", regex.VERSION1)
ITEM_RE = regex.compile(ITEM, regex.VERSION1)
_SURNAME = r"\p{Lu}[\p{Ll}\p{M}'\u2019]+(?:-\p{Lu}[\p{Ll}\p{M}'\u2019]+)?"
AUTHOR = (
    rf"(?:{_SURNAME},[ \t]+\p{{Lu}}\.(?:[ \t]?\p{{Lu}}\.){{0,2}}"
    rf"|{_SURNAME}[ \t]+\p{{Lu}}{{1,3}}(?![\p{{L}}\p{{M}}.]))"
)
"""A reference's author: a surname and initials, "Dahl, B.", "Nylander L", "Sysoev GA"."""
AUTHORS = regex.compile(
    rf"(?:^|(?<=\][ \t]))[ \t]*(?P<author>{AUTHOR})"
    rf"(?:(?:,[ \t]+(?:(?:and|&)[ \t]+)?|[ \t]+(?:and|&)[ \t]+)(?P<author>{AUTHOR}))*"
    r"(?=,?[ \t]+(?:\((?:1[5-9]|20)\d{2}[a-z]?[),]|[\"\u201c]|et[ \t]+al\b))",
    regex.VERSION1 | regex.MULTILINE,
)
"""The authors that open a line of a reference list or a numbered reference, before the
year in brackets, the quoted title or "et al."; a lone "Word X" there is an author only with
the comma and dot of one ("Quinlan, M. (2003)", not "Figure S (2019)")."""
SCORE = 0.65
_ORG_WORDS = regex.compile(
    r"(?i:\b(?:ltd|llc|inc|plc|gmbh|ag|sa|s\.a\.|bv|nv|oy|ab|as|kft|spa|srl|sarl|ltda|k\.k\.|"
    r"group|holding|holdings|bank|university|college|hospital|foundation|trust|company|"
    r"corporation|corp|partners)\b)"
)


class PersonListRecognizer(TextRecognizer):
    """Each name in a list introduced by a group noun ("Founders:") or a verb ("by", "thank")."""

    ENTITY = "PERSON"
    NAME = NAME

    def find(self, text: str) -> list[RecognizerResult]:
        """Every listed person after a person cue."""
        found: list[RecognizerResult] = []
        seen: set[tuple[int, int]] = set()
        for pattern, why in (
            (AFTER_GROUP, "name in a list after a group of people ('Founders:')"),
            (AFTER_VERB, "name in a list after 'founded by', 'we thank'..."),
        ):
            for m in pattern.finditer(text, timeout=1.0):
                group = next(i for i in range(1, (m.lastindex or 0) + 1) if m.group(i))
                start, end = m.start(group), m.end(group)
                span = text[start:end]
                if _ORG_WORDS.search(span):
                    continue
                for item in ITEM_RE.finditer(span):
                    name = item.group(0).rstrip(".")
                    if name in {"and", "&"} or is_common_word(name):
                        continue
                    key = (start + item.start(), start + item.start() + len(name))
                    if key in seen:
                        continue
                    seen.add(key)
                    found.append(result(NAME, "PERSON", key[0], key[1], SCORE, why, "list"))
        for m in AUTHORS.finditer(text, timeout=1.0):
            authors = m.captures("author")
            if len(authors) == 1 and "," not in authors[0]:
                continue
            for start, end in zip(m.starts("author"), m.ends("author"), strict=True):
                surname = regex.split(r",?[ \t]", text[start:end], maxsplit=1)[0]
                if (start, end) in seen or is_common_word(surname):
                    continue
                seen.add((start, end))
                found.append(
                    result(NAME, "PERSON", start, end, SCORE, "author of a reference", "list")
                )
        return found
