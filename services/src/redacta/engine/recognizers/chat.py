"""People in chat-like and machine-like text: speakers, handles and lower-case given names.

Chats, forum posts, reviews and call transcripts name people without the capitals and cues
the other recognizers read:

* speaker labels at the start of a line ("farah: ok", "[9:05 AM] renata: on my way",
  "#2 bilginur_a1978: train is faster", "<jakub> hi"), in a text of two or more such lines
  none of which is a form label or a config key, and at least one of which is named like a
  person (a given name, a handle, a speaker who talks twice); a lone "handle42: message"
  line too;
* handles written as handles: "@dritan62", "u/patrick_b43", "Reviewed by rafaela84",
  "thanks brekke.b48 and roar.d", "> lola_vanginkel wrote:", "driver=gisela_kaser" (a
  log key that names a person);
* lower-case given names that are not also English words ("ping liam instead", "marta
  raised it", "farah's on leave"), where the tagger reads the word as a proper noun or
  the line is written in lower case;
* in a line written in lower case, a word the tagger reads as a proper noun (or does not
  know) right before a verb or a possessive "'s", the subject of the line ("ruwan is
  driving", "priya said", "whats daksha's number"), or right after a word that speaks to
  a person ("say hi to tharindu", "thanks jpastor");
* lower-case place names after "in", "from", "to", "near" in a line written in lower case
  ("just landed in hurwenen", "anyone from howardton?", "calling from ying xian"): words
  the tagger reads as proper nouns or does not know, never English words (LOCATION).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redacta.engine.recognizers.base import TaggedTextRecognizer, TextRecognizer, result
from redacta.engine.recognizers.dates import MONTH, WEEKDAY
from redacta.engine.recognizers.given_names import GIVEN_NAMES, fold, is_given_name
from redacta.engine.recognizers.person import (
    CHAT_ROLES,
    ENGLISH_WORDS,
    FILE_EXTENSION,
    LABEL_ONLY,
    LABEL_SUFFIX,
    LABEL_WORD,
    NOT_SPEAKERS,
)
from redacta.engine.recognizers.person_shape import PLACE_NAME_ENDS, PLACE_NAME_OPENERS
from redacta.engine.recognizers.table import name_key_type
from redacta.engine.recognizers.vocabulary import is_common_word

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SPEAKER_NAME = "ChatSpeakerRecognizer"
LOWER_NAME = "LowerCaseNameRecognizer"
LOWER_PLACE = "LowerCasePlaceRecognizer"

_PREFIX = (
    r"(?:\[[^\]\n]{1,30}\]|\(\d[^)\n]{0,24}\)|#\d{1,4}|[\-*\u2022]"
    r"|\d{1,2}[:.]\d{2}(?::\d{2})?(?:[ \t]?(?i:[ap]\.?m\.?))?(?:[ \t]+-)?)"
)
"""What chat logs write before the speaker: a timestamp ("[9:05 AM]", "12:03", "(14:02)"),
a post number ("#2") or a bullet."""
_SPEAKER = (
    r"[\p{L}\p{M}][\p{L}\p{M}\d._\-'\u2019]{0,31}(?<![._\-'\u2019])"
    r"(?:[ \t]\p{L}[\p{L}\p{M}'\u2019\-]{1,20})?"
)
SPEAKER_LINE = regex.compile(
    rf"^[ \t]*(?:(?P<prefix>{_PREFIX})[ \t]*)?"
    rf"(?:<(?P<irc>[\p{{L}}\p{{M}}\d._\-]{{2,32}})>|(?P<name>{_SPEAKER})[ \t]*[:\uff1a])"
    r"[ \t]+(?P<message>\S[^\n]*)$",
    regex.VERSION1 | regex.MULTILINE,
)
"""A line that starts with a speaker ("renata: on my way", "<jakub> hi") or a form field
("Phone: 0123"): which of the two the rest of the text says."""

STRONG_HANDLE = r"\p{L}[\p{L}\p{M}]{2,24}(?:[._\-]?\p{L}{1,3})?\d{1,4}(?![\p{L}\p{M}\d])"
"""A user name that ends in digits ("rafaela84", "bryan_l49", "brekke.b48"): how sites make
a taken name unique; no word of prose is written so."""
WEAK_HANDLE = r"\p{L}[\p{L}\p{M}\d]{0,24}(?:[._]\p{L}[\p{L}\p{M}\d]{0,24}){1,2}(?![\p{L}\p{M}\d])"
"""A user name of words joined by a dot or underscore ("jakub.novak", "roar.d"): also how
code names things, so only after a cue that speaks to people."""
_HANDLE = rf"(?:{STRONG_HANDLE}|{WEAK_HANDLE})"
AT_MENTION = regex.compile(
    r"(?<![\p{L}\p{M}\d_.@/\\])@(\p{L}[\p{L}\p{M}\d_.\-]{1,30}(?<![._\-]))(?![\p{L}\p{M}\d_@])",
    regex.VERSION1,
)
REDDIT_USER = regex.compile(r"(?<![\p{L}\p{M}\d/])u/([\p{L}\d_\-]{3,24})", regex.VERSION1)
HANDLE_CUE = re.compile(r"(?i)\b(by|thanks|thank\s+you|thx|ty|cc|ping|msg|dm)[ \t]+")
HANDLE_LIST = regex.compile(
    rf"(?P<handle>{_HANDLE})(?:(?:,[ \t]*|[ \t]+(?:and|&)[ \t]+)(?P<handle>{_HANDLE}))*",
    regex.VERSION1,
)
"""Handles after words said to or about a person ("Reviewed by rafaela84", "thanks
despoina21 and roar.d"). After "by" only a handle with digits: "sorted by created_at" is
code."""
WROTE = regex.compile(
    r"^[ \t>]*(\p{Ll}[\p{Ll}\p{M}\d._\-]{1,31}|\p{L}[\p{L}\p{M}]{1,24}[._\-]?\d{1,4})"
    r"[ \t]+wrote\b",
    regex.VERSION1 | regex.MULTILINE,
)
"""The quoted poster of a forum reply ("> lola_vanginkel wrote:")."""
KEY_VALUE = regex.compile(
    r"(?<![\p{L}\d_])(?P<key>[A-Za-z][A-Za-z_]{1,30})=[\"']?"
    r"(?P<value>\p{L}[\p{L}\p{M}\d._\-]{1,30}(?<![._\-]))(?![\p{L}\p{M}\d@])",
    regex.VERSION1,
)
"""`key=value` of a log line; the key says whether the value is a person ("driver=nika")."""
_NO_ONE = frozenset(
    """all here channel everyone team teams group mods moderators admins admin staff ops
    devops oncall support everybody anyone none null unknown root system guest nobody bot
    param return returns throws see since deprecated override property staticmethod
    classmethod dataclass media import font-face keyframes mixin include extend interface
    end implementation synthesize test fixture app route""".split()  # noqa: SIM905
)
"""@-words that are no one's handle: whole channels and teams, code decorators and CSS
at-rules."""
_TECH_STEMS = frozenset(
    """server node host db test step phase item line error port vlan eth sha md utf ipv base
    win python php http version build rev run job task worker pod vm disk dev prod stage env
    app web api client user zone region rack room floor case ticket order row col field
    section chapter part page question answer option sample group team level grade class
    year day week month covid windows iphone ps xbox""".split()  # noqa: SIM905
)
"""Words that take a number as a name of a thing ("server01", "step2", "covid19")."""

NOT_NAMES = frozenset(
    """carol dean else line per max nick robin roger roman rune sandy urban valentine viola
    marina flora jay jean nada nova fanny vera jan edit ester german imam jasmine pero ella
    mira rosa luz isa ira alma erica melissa jenny henry levi chelsea douglas hector harry
    martin madeleine liana lea gemma ada kay ole oscar victor romeo milan lourdes kent
    lorraine ron bo""".split()  # noqa: SIM905
)
"""Given names that are first of all English words or places when written in lower case
("per", "else", "line", "edit", "robin", "milan"): never a name on their own."""

_LOWER_WORD = regex.compile(
    r"(?<![\p{L}\p{M}\d_@./\\#\-])\p{Ll}[\p{Ll}\p{M}]{2,20}"
    r"(?![\p{L}\p{M}\d_@]|[./\\\-][\p{L}\p{M}\d])",
    regex.VERSION1,
)
_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'\u2019]*", regex.VERSION1)


def _longest_first(word: str) -> tuple[int, str]:
    return (-len(word), word)


_MORE_PLACE_OPENERS = "sao sainte la el los las le de del della da do di du des of"
"""Also before a lower-case given name in a place's name or a date: "sao" without its accent,
"sainte", articles and particles ("la paz", "santa maria da feira", "16 de março"). Not in
`PLACE_NAME_OPENERS`: a capitalised particle opens people's names too ("De Souza")."""
_MORE_PLACE_ENDS = "ville burg borough shire field ford mouth view heights springs creek"
"""Also after a lower-case given name in a place's name ("ashley ville", "maria heights"). Not
in `PLACE_NAME_ENDS`: capitalised, some are family names ("Ford", "Field")."""
PLACE_OPENERS = frozenset({*PLACE_NAME_OPENERS, *_MORE_PLACE_OPENERS.split()})
"""Lower-case words that open a place's name ("san juan", "west matthew", "la paz")."""
PLACE_ENDS = frozenset({*PLACE_NAME_ENDS, *_MORE_PLACE_ENDS.split()})
"""Lower-case words that end a place's or street's name ("ashley ville", "maria street")."""
_PLACE_BEFORE = regex.compile(
    r"(?:^|[^\p{L}\p{M}])(?i:"
    + "|".join(sorted(PLACE_OPENERS, key=_longest_first))
    + r")\.?[ \t]+$",
    regex.VERSION1,
)
"""Words before a given name that make it part of a place's name ("san juan", "west matthew",
"santa maria") or of a date in another language ("16 de março")."""
_PLACE_AFTER = regex.compile(
    r"[ \t]+(?i:" + "|".join(sorted(PLACE_ENDS, key=_longest_first)) + r")(?![\p{L}\p{M}])",
    regex.VERSION1,
)
"""Words after a given name that make it a place's or street's name ("ashley ville")."""
_DATE_WORD = regex.compile(rf"(?i:{WEEKDAY}|{MONTH})", regex.VERSION1)
LOWER_LINE_SHARE = 0.8
"""A line of at least three words, this share of them starting lower case, is written all
in lower case (chat, a transcript): there a name has no capital to show it."""
SPEAKER_SCORE = 0.6
HANDLE_SCORE = 0.6
LOWER_NAME_SCORE = 0.5
LOWER_PLACE_SCORE = 0.5


def _is_label(speaker: str, *, logged: bool = False) -> bool:
    """Whether a line-start word is a form label or config key ("Phone", "note", "Sunday",
    "max_retries", "Place of birth") rather than who speaks; a given name never is. In a log
    whose lines open with a timestamp or a post number (`logged`), a word shaped like an
    English label noun ("jsihombing") can be a user name."""
    words = speaker.split()
    if is_given_name(words[0]):
        return False
    parts = [p for p in regex.split(r"[._\-\s]+", speaker.casefold()) if p]
    return (
        is_common_word(speaker)
        or LABEL_ONLY.fullmatch(speaker) is not None
        or LABEL_WORD.search(speaker) is not None
        or _DATE_WORD.fullmatch(speaker) is not None
        or FILE_EXTENSION.search(speaker) is not None
        or any(p in NOT_SPEAKERS or p in ENGLISH_WORDS or is_common_word(p) for p in parts)
        or (
            not logged
            and not any(c.isdigit() for c in speaker)
            and LABEL_SUFFIX.search(parts[-1]) is not None
        )
    )


def _is_strong_handle(word: str) -> bool:
    """A name with digits that is no numbered thing ("sabine1969", not "server01", "sha256")."""
    if regex.fullmatch(STRONG_HANDLE, word, regex.VERSION1) is None:
        return False
    stem = regex.match(r"\p{L}+", word, regex.VERSION1)
    letters = stem.group().casefold() if stem else ""
    return not (letters in _TECH_STEMS or letters in NOT_SPEAKERS or is_common_word(letters))


def _is_named(speaker: str, count: int) -> bool:
    """Whether a speaker looks like a person: a given name, a handle, a word of a script
    without capitals, or someone who talks twice."""
    return (
        count >= 2
        or is_given_name(speaker.split()[0])
        or _is_strong_handle(speaker)
        or regex.search(r"[\p{L}\d][._][\p{L}]", speaker, regex.VERSION1) is not None
        or regex.search(r"\p{Lo}", speaker, regex.VERSION1) is not None
    )


_CHATTY = regex.compile(
    r"(?<![\p{L}\d])(?:u|ur|you|your|ya|yeah|yep|nah|lol|ok|okay|ty|thx|thanks|pls|hi|hey|"
    r"i|im|i['\u2019]m|we|me|my|whats|anyone)(?![\p{L}\d])",
    regex.VERSION1 | regex.IGNORECASE,
)
"""Words of people talking to each other ("r u coming", "ty, meet u at", "I'm late"): the
lower-case words before the colons are who talks, not the terms of a glossary."""


def _speaks(message: str) -> bool:
    """Whether a line's text after the speaker is said rather than a field value: two or more
    words of letters ("r u coming", not "5432" or "on file")."""
    return len(_WORD.findall(message)) >= 2


def find_speakers(text: str) -> list[RecognizerResult]:
    """Speakers at the start of the lines of a chat (see the module's docstring)."""
    if ":" not in text and "<" not in text and "\uff1a" not in text:
        return []
    lines = list(SPEAKER_LINE.finditer(text, timeout=1.0))
    if not lines:
        return []
    prefixed = [m for m in lines if m.group("prefix") and not m.group("prefix").isspace()]
    logged = len(prefixed) >= 2
    if logged:
        lines = prefixed  # a timestamped or numbered log: the prefix marks who speaks
    group_of = {id(m): ("irc" if m.group("irc") else "name") for m in lines}
    speakers = [(m, m.group(group_of[id(m)]), group_of[id(m)]) for m in lines]
    counts = Counter(s.casefold() for _, s, _ in speakers)
    # An ALL-CAPS word before a colon is a heading or a news dateline ("PHILIPPINES: turnout
    # was 50%"); chats write who speaks as they write names.
    people = [
        (m, s, g)
        for m, s, g in speakers
        if s.casefold() not in CHAT_ROLES and not (s.isupper() and len(s) > 1)
    ]
    labels = [s for _, s, _ in people if _is_label(s, logged=logged)]
    chat = (
        len(lines) >= 2
        and len(people) >= 1
        and len(counts) >= 2  # two people talk; one word repeated is a log's source
        and not labels
        and (
            any(_is_named(s, counts[s.casefold()]) for _, s, _ in people)
            or (
                all(s[:1].islower() for _, s, _ in people)
                and any(_CHATTY.search(m.group("message")) for m in lines)
            )
        )
        and any(_speaks(m.group("message")) for m in lines)
    )
    found: list[RecognizerResult] = []
    for m, speaker, group in people:
        if chat:
            why = "speaker of a chat line"
        elif _is_strong_handle(speaker) and _speaks(m.group("message")):
            why = "user name with digits speaking at the start of a line"
        else:
            continue
        found.append(
            result(SPEAKER_NAME, "PERSON", m.start(group), m.end(group), SPEAKER_SCORE, why)
        )
    return found


def find_handles(text: str) -> list[RecognizerResult]:
    """User names written as handles (see the module's docstring)."""
    found: list[RecognizerResult] = []

    def add(start: int, end: int, why: str) -> None:
        found.append(result(SPEAKER_NAME, "PERSON", start, end, HANDLE_SCORE, why))

    if "@" in text:
        for m in AT_MENTION.finditer(text, timeout=1.0):
            if m.group(1).casefold() not in _NO_ONE and not is_common_word(m.group(1)):
                add(m.start(1), m.end(1), "@-mention of a user")
    if "u/" in text:
        for m in REDDIT_USER.finditer(text, timeout=1.0):
            add(m.start(1), m.end(1), "u/ user name")
    for cue in HANDLE_CUE.finditer(text):
        handles = HANDLE_LIST.match(text, cue.end(), timeout=1.0)
        if handles is None:
            continue
        by = cue.group(1).casefold() == "by"
        for start, end in handles.spans("handle"):
            handle = text[start:end]
            if _is_strong_handle(handle) or (not by and not _is_label(handle)):
                add(start, end, "user name after a word said to or about a person")
    if "wrote" in text:
        for m in WROTE.finditer(text, timeout=1.0):
            if not _is_label(m.group(1)):
                add(m.start(1), m.end(1), "user name of a quoted post")
    if "=" in text:
        for m in KEY_VALUE.finditer(text, timeout=1.0):
            value = m.group("value")
            if (
                name_key_type(m.group("key")) == "PERSON"
                and value[:1].islower()
                and value.casefold() not in _NO_ONE
                and value not in ENGLISH_WORDS
                and not is_common_word(value)
            ):
                add(m.start("value"), m.end("value"), "value of a log key that names a person")
    return found


def _lower_case_line(text: str, start: int) -> bool:
    """Whether the line around `start` is written in lower case (see `LOWER_LINE_SHARE`)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    words = _WORD.findall(text, line_start, len(text) if line_end < 0 else line_end)
    cased = [w for w in words if w[0].isupper() or w[0].islower()]
    lower = sum(1 for w in cased if w[0].islower())
    return len(cased) >= 3 and lower >= LOWER_LINE_SHARE * len(cased)


def _opens_in_lower_case(text: str, start: int) -> bool:
    """Whether the line around `start` opens in lower case, as chat lines do ("ruwan is
    driving", "[9:05] sabine: ..."): a line of prose opens with a capital ("The quiet harbour
    watch starts soon."), and there an English noun the tagger reads as a proper noun is no
    name."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    for word in _WORD.finditer(text, line_start, len(text) if line_end < 0 else line_end):
        if word.group()[0].isupper():
            return False
        if word.group()[0].islower():
            return True
    return False


def _is_lower_name(word: str) -> bool:
    # Most words are plain ASCII, and a set lookup is far cheaper than folding each one.
    key = word if word.isascii() else fold(word)
    return key in GIVEN_NAMES and key not in NOT_NAMES and not is_common_word(word)


def _surname_end(text: str, doc: Doc, token: Token) -> int:
    """Where the name that `token` opens ends: after the next word too when that is a
    lower-case word the tagger reads as a proper noun and no English, date or place word
    ("josefine strid from ...", not "hanna just landed")."""
    end = token.idx + len(token.text)
    if token.i + 1 >= len(doc):
        return end
    following = doc[token.i + 1]
    word = following.text
    if (
        following.idx == end + 1
        and text[end] == " "
        and following.pos_ == "PROPN"
        and word.isalpha()
        and word.islower()
        and word not in ENGLISH_WORDS
        and not is_common_word(word)
        and not _DATE_WORD.fullmatch(word)
        and not _PLACE_AFTER.match(text, end)
    ):
        return following.idx + len(word)
    return end


def find_lower_case_names(text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
    """Lower-case given names (see the module's docstring), with a lower-case surname after
    them when the tagger reads it as a proper noun too."""
    doc: Doc | None = getattr(nlp_artifacts, "tokens", None)
    found: list[RecognizerResult] = []
    for m in _LOWER_WORD.finditer(text, timeout=1.0):
        if not _is_lower_name(m.group()):
            continue
        before = text[max(0, m.start() - 12) : m.start()]
        if (
            _PLACE_BEFORE.search(before)
            or _PLACE_AFTER.match(text, m.end())
            or regex.search(r"\d[ \t]+$", before)
        ):
            continue  # part of a place's name or of a date ("16 março")
        span = doc.char_span(m.start(), m.end()) if doc is not None else None
        token = span[0] if span is not None and len(span) == 1 else None
        proper = token is not None and token.pos_ == "PROPN"
        if not (proper or _lower_case_line(text, m.start())):
            continue
        end = _surname_end(text, doc, token) if doc is not None and token is not None else m.end()
        why = (
            "lower-case given name read as a proper noun"
            if proper
            else "given name in a line written in lower case"
        )
        found.append(result(LOWER_NAME, "PERSON", m.start(), end, LOWER_NAME_SCORE, why))
    return found


_PLACE_CUE = regex.compile(
    r"(?<![\p{L}\p{M}\-])(?:in|from|to|near|towards|via|outside|around)[ \t]+"
    r"(\p{Ll}[\p{Ll}\p{M}]*)",
    regex.VERSION1,
)
"""A lower-case place word right before a lower-case word: where a place's name may follow."""
MAX_PLACE_WORDS = 3


def _unknown_name_word(token: Token) -> bool:
    """A lower-case word that can be part of a place's name: read as a proper noun, or a
    noun the model has no vector for, and no English, date or common word."""
    word = token.text
    return (
        word.isalpha()
        and word.islower()
        and len(word) >= 3
        and (token.pos_ == "PROPN" or (token.is_oov and token.pos_ == "NOUN"))
        and word not in ENGLISH_WORDS
        and not is_common_word(word)
        and not _DATE_WORD.fullmatch(word)
    )


_TO_A_PERSON = frozenset(
    {"hi", "hello", "hey", "bye", "thanks", "talk", "talked", "talking", "speak", "spoke"}
    | {"say", "said", "tell", "told", "send", "sent", "reply", "replied", "give", "gave"}
    | {"wave", "introduce", "introduced", "married", "engaged", "listen", "write", "wrote"}
)
"""Words before "to" that make what follows a person ("say hi to", "talked to")."""
_WORD_BEFORE = regex.compile(r"(\p{L}+)[ \t]+$", regex.VERSION1)
_ADDRESSING = frozenset({"hi", "hey", "hello", "thanks", "thx", "ty", "ask", "tell", "ping"})
"""Words right before a name that speak to or about a person ("thanks jpastor", "ask kasun")."""
_CUE_WORDS = frozenset({"in", "from", "to", "near", "towards", "via", "outside", "around", "at"})
"""Place words: a proper noun after them is where, not who ("anyone in kreuzberg got...")."""
_POSSESSIVE = frozenset({"'s", "\u2019s"})


def find_lower_case_subjects(
    text: str, nlp_artifacts: NlpArtifacts | None
) -> list[RecognizerResult]:
    """Lower-case names that are not in the list of given names, told by their place in a
    lower-case line: a proper noun or unknown word right before a verb (an adverb between
    is allowed: "barbro just landed") or before a possessive "'s", or right after a word
    that speaks to a person ("thanks", "say hi to"). Words after a place word or inside a
    place's name are left to the place finder."""
    doc: Doc | None = getattr(nlp_artifacts, "tokens", None)
    found: list[RecognizerResult] = []
    if doc is None:
        return found
    for token in doc:
        if not _unknown_name_word(token) or _is_lower_name(token.text):
            continue  # known given names are `find_lower_case_names`'s
        before = doc[token.i - 1].text.lower() if token.i > 0 else ""
        addressed = before in _ADDRESSING or (
            before == "to" and token.i > 1 and doc[token.i - 2].text.lower() in _TO_A_PERSON
        )
        if not addressed and (before in _CUE_WORDS or before in PLACE_OPENERS):
            continue
        following = doc[token.i + 1 : token.i + 4]
        if not addressed and not following:
            continue
        if not addressed and following[0].text not in _POSSESSIVE:
            verb = next((t for t in following if t.pos_ != "ADV"), None)
            between = text[token.idx + len(token.text) : verb.idx] if verb is not None else ""
            if (
                verb is None
                or verb.pos_ not in ("VERB", "AUX")
                or verb.i - token.i > 2
                or not all(c.isalpha() or c in " \t" for c in between)
            ):
                continue  # "ruwan is driving", "barbro just landed"; not across punctuation
        if not (_lower_case_line(text, token.idx) and _opens_in_lower_case(text, token.idx)):
            continue
        found.append(
            result(
                LOWER_NAME,
                "PERSON",
                token.idx,
                token.idx + len(token.text),
                LOWER_NAME_SCORE,
                "lower-case proper noun before a verb or possessive, or after 'hi', 'thanks'",
            )
        )
    return found


def find_lower_case_places(text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
    """Lower-case place names after a place word in lower-case lines (see the module's
    docstring). A lone given name there is a person ("talked to maria"), unless a place word
    opens or closes it ("west matthew", "ricky ville")."""
    doc: Doc | None = getattr(nlp_artifacts, "tokens", None)
    found: list[RecognizerResult] = []
    if doc is None:
        return found
    for m in _PLACE_CUE.finditer(text, timeout=1.0):
        if m.group(1) in ENGLISH_WORDS:
            continue  # "to the", "in which": the cheap test first, most cues end here
        said = _WORD_BEFORE.search(text, max(0, m.start() - 24), m.start())
        if text.startswith("to", m.start()) and said and said.group(1).lower() in _TO_A_PERSON:
            continue  # "say hi to xiu yun", "talked to kasun": someone, not somewhere
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None or span[0].idx != m.start(1) or not _lower_case_line(text, m.start(1)):
            continue
        words: list[Token] = []
        for token in doc[span[0].i : span[0].i + MAX_PLACE_WORDS]:
            if words and token.idx != words[-1].idx + len(words[-1].text) + 1:
                break  # the name ends at punctuation or a line break
            lower = token.text.lower()
            if (
                (not words and lower in PLACE_OPENERS)
                or (words and lower in PLACE_ENDS)
                or _unknown_name_word(token)
            ):
                words.append(token)
            else:
                break
        while words and words[-1].text.lower() in PLACE_OPENERS:
            words.pop()
        if not words:
            continue
        named = [w.text for w in words]
        placed = named[0].lower() in PLACE_OPENERS or named[-1].lower() in PLACE_ENDS
        if not placed and any(_is_lower_name(w) for w in named):
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        found.append(
            result(
                LOWER_PLACE,
                "LOCATION",
                start,
                end,
                LOWER_PLACE_SCORE,
                "lower-case proper noun or unknown word after a place word",
            )
        )
    return found


class ChatSpeakerRecognizer(TextRecognizer):
    """Chat speakers and user handles (PERSON), whatever their case or digits."""

    ENTITY = "PERSON"
    NAME = SPEAKER_NAME

    def find(self, text: str) -> list[RecognizerResult]:
        """Speakers at line starts and `@`/`u/` handles."""
        return find_speakers(text) + find_handles(text)


class LowerCaseNameRecognizer(TaggedTextRecognizer):
    """Given names written in lower case (PERSON), read with the tagger."""

    ENTITY = "PERSON"
    NAME = LOWER_NAME

    def find_tagged(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        """Lower-case given names, and unknown names before a verb or possessive."""
        return find_lower_case_names(text, nlp_artifacts) + find_lower_case_subjects(
            text, nlp_artifacts
        )


class LowerCasePlaceRecognizer(TaggedTextRecognizer):
    """Place names written in lower case after a place word (LOCATION), read with the tagger."""

    ENTITY = "LOCATION"
    NAME = LOWER_PLACE

    def find_tagged(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        """Lower-case place names after a place word."""
        return find_lower_case_places(text, nlp_artifacts)
