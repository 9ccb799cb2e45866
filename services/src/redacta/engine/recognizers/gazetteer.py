"""Real place names: towns of 5,000 people or more, countries, US states and counties.

A town the NER model has never seen ("Thalwil", "Chrzanów", "Tangerang Selatan", "София") is
still a town: `gazetteer.txt.gz` lists about 145,000 names of GeoNames places (CC BY 4.0,
built by `packaging/build_gazetteer.py`; the notice ships in `licenses/`). Many place names
are also words or people ("Nice", "Reading", "Jackson", "Florence"), so a listed town alone
is never enough:

* after a place word ("in", "near", "from", "to", "via", "->"), before an arrow
  or a country ("Omiš, Croatia"), in a list that goes on from such a name ("in Leeds, York
  and Hull"), and a listed country, US state or county anywhere, a listed name is a LOCATION
  that outweighs the model's guess (the model often calls an unknown town a person);
* anywhere else the name must stand alone as a proper noun: every word tagged PROPN by the
  tagger, not part of a longer capitalised run ("Carlos Lima", "FOR SALE"), not a given name,
  month, common word or form label ("Mobile:"). Then it only fills in where nothing else
  found anything.
Lower-case names count only after a place word, and only when the model reads them as a
proper noun or does not know the word at all ("-> eskişehir", not "to reading").
"""

from __future__ import annotations

import gzip
import unicodedata
from functools import cache
from pathlib import Path

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redacta.engine.recognizers.address_intl import COUNTRY_NAMES
from redacta.engine.recognizers.base import TaggedTextRecognizer, result
from redacta.engine.recognizers.dates import MONTH, WEEKDAY
from redacta.engine.recognizers.given_names import is_given_name
from redacta.engine.recognizers.vocabulary import is_common_word, is_product

NAME = "LocationGazetteerRecognizer"
ALONE_NAME = "LocationGazetteerAloneRecognizer"
COUNTRY_NAME = "LocationCountryNameRecognizer"
LIST_NAME = "LocationGazetteerListRecognizer"
DATA = Path(__file__).with_name("gazetteer.txt.gz")
MAX_WORDS = 4
CUED_SCORE = 0.6
ALONE_SCORE = 0.5


def fold(name: str) -> str:
    """The lookup key of a name: case and accents removed, runs of spaces and hyphens as one
    space ("Zürich" -> "zurich", "Baia-Sprie" -> "baia sprie")."""
    if not name.isascii():
        name = "".join(
            c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
        )
    return " ".join(name.replace("-", " ").casefold().split())


KINDS = ("country", "city", "town")
"""The blocks of the list, in file order: countries, US states and counties; towns of
15,000 people or more; smaller towns (5,000 or more), which count only after a place word
or before a country."""


_FIRM_COUNTRY_WORDS = frozenset({"nippon", "hellas"})
"""Country names that start more firms' names than they name the country ("Nippon Steel")."""


@cache
def places() -> dict[str, str]:
    """Folded name -> "country", "city" or "town", read once on first use; the address
    patterns' country names in their own languages ("Österreich", "Suomi") count too."""
    blocks = gzip.decompress(DATA.read_bytes()).decode("utf-8").split("\n\n")
    table = dict.fromkeys(blocks[2].split("\n"), "town")
    table.update(dict.fromkeys(blocks[1].split("\n"), "city"))
    table.update(dict.fromkeys(blocks[0].split("\n"), "country"))
    table.update(dict.fromkeys({fold(c) for c in COUNTRY_NAMES} - _FIRM_COUNTRY_WORDS, "country"))
    table.pop("", None)
    return table


@cache
def first_words() -> frozenset[str]:
    """The first word of every listed name, also without a final dot ("st. louis": "st")."""
    firsts = {name.split(" ", 1)[0] for name in places()}
    return frozenset(firsts | {word.rstrip(".") for word in firsts})


def kind_of(name: str) -> str | None:
    """ "country", "city", "town" or None for a name as written."""
    return places().get(fold(name))


_WORD = r"[\p{L}\p{M}][\p{L}\p{M}'\u2019.]*(?<![.'\u2019])"
WORD = regex.compile(_WORD, regex.VERSION1)
CUE_BEFORE = regex.compile(
    r"(?:(?<![\p{L}\-])(?i:in|near|from|to|via|outside|towards?|around|across|throughout|between|"
    r"visit(?:ing|ed)?|reach(?:ed)?)|->|\u2192|[\u2013\u2014]>)[ \t]+$",
    regex.VERSION1,
)
"""A place word right before the name: "lives in", "flight to", "route: bursa -> izmir"."""
_NOT_PLACE = regex.compile(rf"(?:{MONTH}|{WEEKDAY})", regex.VERSION1)
_CONNECTORS = frozenset(
    {"de", "del", "la", "le", "les", "sur", "am", "an", "im", "upon", "on", "and", "of", "the"}
)
"""Lower-case words inside a listed name ("Bosnia and Herzegovina", "Isle of Man")."""
_NOT_ALONE_WORDS = frozenset(
    {"ok", "sale", "union", "commerce", "enterprise", "independence", "liberty", "industry"}
    | {"temple", "normal", "mobile", "reading", "bath", "split", "nice", "orange", "victoria"}
    | {"florence", "surprise", "deal", "hope", "cork", "derby", "chance", "harmony", "unity"}
    | {"concord", "paradise", "eden", "providence", "progress", "opportunity", "welcome"}
    | {"success", "mission", "lincoln", "jackson", "charlotte", "madison", "austin", "marion"}
    | {"carmel"}
)
"""Listed places that are far more often a word, a firm or a person than the town when
nothing around them says place."""


def _is_cased(words: list[str]) -> bool:
    return (
        all(w[:1].isupper() or w.lower() in _CONNECTORS for w in words) and words[0][:1].isupper()
    )


def _is_caseless(name: str) -> bool:
    first = name[0]
    return not first.isupper() and not first.islower()


def _excluded(name: str, following: str) -> bool:
    """A date word, common word, product, form label or a name too short to trust."""
    return bool(
        (len(name) < 3 and not _is_caseless(name))
        or _NOT_PLACE.fullmatch(name)
        or is_common_word(name)
        or is_product(name, following)
        or following.lstrip(" \t").startswith(":")
    )


class GazetteerRecognizer(TaggedTextRecognizer):
    """Listed place names: strong after a place word or before a country, weak alone. The list
    loads lazily on the first text (a few tens of milliseconds)."""

    ENTITY = "LOCATION"
    NAME = NAME

    def find_tagged(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        """Every listed place name with enough around it to say it is a place."""
        table = places()
        doc = getattr(nlp_artifacts, "tokens", None)
        words = list(WORD.finditer(text, timeout=1.0))
        found: list[RecognizerResult] = []
        has_arrow = _ARROW.search(text) is not None
        # The end of the last place named after a place word, and whether a list that goes
        # on from it ("in Leeds, York and Hull") is a list of places, not a firm's name.
        listed_end, listed_strong = -1, False
        i = 0
        while i < len(words):
            head = words[i].group()[0]
            if (
                head.islower()
                and not has_arrow
                and not CUE_BEFORE.search(text[max(0, words[i].start() - 12) : words[i].start()])
                and not _continues_list(text, listed_end, words[i].start())
            ):
                i += 1  # a lower-case name counts only after a place word: skip the lookups
                continue
            hit = self._longest(text, words, i, table)
            if hit is None:
                i += 1
                continue
            first, (last, kind) = i, hit
            i = last + 1
            start, end = words[first].start(), words[last].end()
            name = text[start:end]
            if _excluded(name, text[end : end + 12]) and not _capitals_label(text, start, end):
                continue
            names = [w.group() for w in words[first : last + 1]]
            in_list = _continues_list(text, listed_end, start)
            cue_before = bool(CUE_BEFORE.search(text[max(0, start - 12) : start]))
            after_place_word = (
                cue_before
                or in_list
                or bool(has_arrow and _ARROW_AFTER.match(text, end))
                or _PLACE_NOUN_AFTER.match(text, end) is not None
            )
            caseless = _is_caseless(name)
            if not caseless and not _is_cased(names):
                # a lower-case name only after a place word, and never an English word
                if after_place_word and _all_proper(doc, start, end, unknown_word=True):
                    found.append(result(NAME, "LOCATION", start, end, CUED_SCORE, _WHY_CUED))
                    listed_end, listed_strong = end, cue_before or (in_list and listed_strong)
                continue
            if after_place_word or kind == "country" or _before_country(text, end, table):
                if after_place_word and is_given_name(names[0]) and kind != "country":
                    continue  # "a letter from Florence", "talk to Jackson"
                whole = _whole_name(text, start, end)
                of_before = _OF_BEFORE.search(text[max(0, start - 8) : start])
                if in_list and listed_strong:
                    # "across Poland, Czechia and Slovakia", "in Leeds, York or Hull": a list
                    # of places, not the partners of a firm, the first item included
                    if found and found[-1].end == listed_end:
                        found[-1] = _as_list_item(found[-1])
                    found.append(result(LIST_NAME, "LOCATION", start, end, CUED_SCORE, _WHY_LIST))
                elif kind == "country" and len(name.split()) > 1 and whole and not of_before:
                    found.append(
                        result(COUNTRY_NAME, "LOCATION", start, end, CUED_SCORE, _WHY_COUNTRY)
                    )
                else:
                    found.append(result(NAME, "LOCATION", start, end, CUED_SCORE, _WHY_CUED))
                listed_end = end
                listed_strong = (
                    (in_list and listed_strong) or cue_before or (kind == "country" and whole)
                )
            elif _capitals_place(text, start, end, name, kind):
                found.append(result(ALONE_NAME, "LOCATION", start, end, ALONE_SCORE, _WHY_CAPS))
            elif (
                kind != "town"
                and _stands_alone(text, start, end, name)
                and (caseless or _all_proper(doc, start, end))
            ):
                found.append(result(ALONE_NAME, "LOCATION", start, end, ALONE_SCORE, _WHY_ALONE))
        return found

    @staticmethod
    def _longest(
        text: str, words: list[regex.Match[str]], i: int, table: dict[str, str]
    ) -> tuple[int, str] | None:
        """The last word index and kind of the longest listed name starting at word `i`."""
        if fold(words[i].group()) not in first_words():
            return None  # most capitalised words start no listed name: one lookup, not four
        best: tuple[int, str] | None = None
        for j in range(i, min(i + MAX_WORDS, len(words))):
            if j > i and text[words[j - 1].end() : words[j].start()] not in (" ", "-", ". "):
                break
            kind = table.get(fold(text[words[i].start() : words[j].end()]))
            if kind is not None:
                best = (j, kind)
        return best


_WHY_CUED = "listed place name after a place word or before a country"
_WHY_LIST = "listed place name in a list of places after a place word or of countries"
_ARROW = regex.compile(r"->|\u2192|[\u2013\u2014]>")
_ARROW_AFTER = regex.compile(r"[ \t]*(?:->|\u2192|[\u2013\u2014]>)")
"""An arrow after the name: "route: bursa -> izmir" names a place on both sides."""
_PLACE_NOUN_AFTER = regex.compile(
    r"[ \t]+(?:office|offices|branch|site|campus|plant|factory|warehouse|depot|hub)(?![\p{L}])",
    regex.VERSION1,
)
"""A word after the name that makes it the place of a firm's site: "the Samarqand office"."""
_LIST_JOIN = regex.compile(
    r"(?:,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+|[ \t]*/[ \t]*)(?=\p{L})",
    regex.VERSION1,
)
"""What joins the places of a list: "Leeds, York and Hull", "Oslo/Bergen"."""


def _as_list_item(found: RecognizerResult) -> RecognizerResult:
    """The first place of a list, found again as a list item (a country name of several
    words already outweighs a firm)."""
    if found.recognition_metadata and found.recognition_metadata.get(
        RecognizerResult.RECOGNIZER_NAME_KEY
    ) in (LIST_NAME, COUNTRY_NAME):
        return found
    return result(LIST_NAME, "LOCATION", found.start, found.end, CUED_SCORE, _WHY_LIST)


def _continues_list(text: str, listed_end: int, start: int) -> bool:
    """Whether the name at `start` is the next item of a list whose last item, a listed
    place after a place word or a country, ends at `listed_end`."""
    if listed_end < 0 or start - listed_end > 7:
        return False
    join = _LIST_JOIN.match(text, listed_end)
    return join is not None and join.end() == start


_WHY_COUNTRY = "country name of several words"
_OF_BEFORE = regex.compile(r"(?<![\p{L}])(?i:of|de|di|da|do|des|du|del)[ \t]+$", regex.VERSION1)
"""A country name after "of" is part of an institution's name ("Bank of Papua New Guinea")."""


_WHY_ALONE = "listed place name standing alone as a proper noun"


_COMMA_NAME = regex.compile(
    r",[ \t]*(\p{Lu}[\p{L}\p{M}]+(?:[ \t](?:(?:and|of|the)[ \t])?\p{Lu}[\p{L}\p{M}]+){0,2})",
    regex.VERSION1,
)
"""A comma and up to three capitalised words: where a town's country follows it ("Omiš,
Croatia", "Tuzla, Bosnia and Herzegovina")."""


def _before_country(text: str, end: int, table: dict[str, str]) -> bool:
    """Whether ", <country or US state>" follows the name ("Omiš, Croatia")."""
    m = _COMMA_NAME.match(text, end)
    return bool(m and table.get(fold(m.group(1))) == "country")


_NAME_BEFORE = regex.compile(r"\p{Lu}[\p{L}\p{M}'\u2019.\-]*[ \t]$", regex.VERSION1)
_NAME_AFTER = regex.compile(
    r"[ \t]*(?:&|\d)|[ \t](?:\p{Lu}|(?:y|e|i|and|und|et|och|og)[ \t]+\p{Lu})|-\p{L}",
    regex.VERSION1,
)


def _whole_name(text: str, start: int, end: int) -> bool:
    """Whether the listed name is not part of a longer name: no capitalised word right
    before it, no capitalised word, "&", number or hyphen right after it ("to Dali
    Nasqidashvili", "Timor-Leste Credit Union")."""
    return not (
        _NAME_BEFORE.search(text[max(0, start - 40) : start]) or _NAME_AFTER.match(text, end)
    )


def _stands_alone(text: str, start: int, end: int, name: str) -> bool:
    """Whether a listed name with no place word around it can only be a place.

    Not a given name, a short ALL-CAPS word (acronyms: "ATM", "HTN") or a listed-but-ambiguous
    word; not part of a longer name: no capitalised word or hyphen right before it, no
    capitalised word, "&", "y"/"and" + name, hyphen or number right after it ("Carlos Lima",
    "Moody-Mendoza", "Sevilla y Murillo", "Day 1"), not after "of" ("University of X").
    """
    first = name.split()[0]
    if (
        (name.isupper() and len(name) <= 4)
        or is_given_name(first)
        or fold(name) in _NOT_ALONE_WORDS
    ):
        return False
    before = text[max(0, start - 40) : start]
    if _NAME_BEFORE.search(before) or before.endswith(("-", "of ", "Of ")):
        return False
    return not _NAME_AFTER.match(text, end)


_WHY_CAPS = "listed town or country written in capitals, standing apart"
_CAPS_BEFORE = regex.compile(r"(?:\p{Lu}[\p{L}\p{M}'\u2019.\-]*|(?i:of)|-)[ \t]$", regex.VERSION1)
_CAPS_AFTER = regex.compile(r"[ \t](?:\p{L}|&)|-\p{L}|'", regex.VERSION1)
_CAPS_HEADING = regex.compile(r":[ \t]+\p{Ll}", regex.VERSION1)
_CAPS_COLUMN = regex.compile(r"[ \t]{2,}\d", regex.VERSION1)


def _capitals_label(text: str, start: int, end: int) -> bool:
    """Whether an ALL-CAPS name is a news brief's heading ("TORUŃ: the council approved
    ...": a colon at line start, then running text, unlike a form label) or a column of a
    load list ("1  VARNA  141 PLT": the number after it is the next column, no model number)."""
    if not text[start:end].isupper():
        return False
    if _CAPS_COLUMN.match(text, end):
        return True
    return (start == 0 or text[start - 1] == "\n") and _CAPS_HEADING.match(text, end) is not None


def _capitals_place(text: str, start: int, end: int, name: str, kind: str) -> bool:
    """Whether an ALL-CAPS listed city or country can only be the place: manifests, load
    lists, court lists and news briefs write town names in capitals ("1  VARNA  141 PLT",
    "DEST: TINGLEV", "change at VEJLE"), where the tagger no longer reads them as proper
    nouns and a number after them is a count, not part of a name.

    Not a smaller town, a word of three letters or fewer (codes and acronyms), a given name
    or a listed-but-ambiguous word; not part of a longer capitalised run (a person's
    "DAMLANUR DURAN", "UNIVERSITY OF X", "X & SONS", "LIMA-MENDES").
    """
    if kind == "town" or not name.isupper() or sum(c.isalpha() for c in name) < 4:
        return False
    if (
        is_given_name(name.split()[0])
        or fold(name) in _NOT_ALONE_WORDS
        or is_common_word(name)
        or _NOT_PLACE.fullmatch(name.title())
    ):
        return False
    if _CAPS_BEFORE.search(text[max(0, start - 40) : start]):
        return False
    return not _CAPS_AFTER.match(text, end)


def _all_proper(doc: object, start: int, end: int, *, unknown_word: bool = False) -> bool:
    """Whether the tagger reads every word of the span as a proper noun (with
    `unknown_word`, a word the model has no vector for also counts: "eskişehir" is no
    English word, "reading" is)."""
    char_span = getattr(doc, "char_span", None)
    if char_span is None:
        return False
    span = char_span(start, end, alignment_mode="expand")
    tokens = [t for t in span or () if t.is_alpha]
    return bool(tokens) and all(t.pos_ == "PROPN" or (unknown_word and t.is_oov) for t in tokens)
