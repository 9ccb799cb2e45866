"""People named next to words that say "this is a person", which NER alone misses.

A title ("Mrs Doyle", "Dr. Amina Yusuf"), a greeting or sign-off ("Dear Priya,", "Thanks,
Tom", "Kind regards,\\nOlivia Grant"), a form label ("Name:", "Patient", "Tenant", "Witness:")
or a self-introduction ("my name is ...", "I'm ...", "this is ..."), followed by one to three
capitalised words. The cue sets the score; capitalised common words after a cue ("Dear
Customer", "Hi Team") are not reported.
"""

from __future__ import annotations

from collections import Counter

import regex
from presidio_analyzer import RecognizerResult

from redacta.engine.recognizers.base import TextRecognizer, result
from redacta.engine.recognizers.person_shape import is_place_or_org_word
from redacta.engine.recognizers.vocabulary import is_common_word, is_product

NAME = "PersonCueRecognizer"

CASELESS_WORD = (
    r"(?:(?![\u00aa\u00ba])[\p{Lo}\p{Script=Georgian}]"
    r"[\p{Lo}\p{Lm}\p{M}\p{Script=Georgian}'\u2019\-]{0,15})"
)
"""A word of a script without capitals (Han, kana, Hangul, Arabic, Hebrew, Devanagari, Thai,
Georgian...): there capitalisation cannot mark a name, so after a cue any such word can be
one ("Name: 马淑兰", "Witness: ციალა ბალიაშვილი", "Dear 민준,")."""
NAME_WORD = (
    r"(?:\p{Lu}[\p{Ll}'\u2019]+(?:-\p{Lu}[\p{Ll}'\u2019]+)?|Mc\p{Lu}\p{Ll}+|Mac\p{Lu}\p{Ll}+|"
    r"O['\u2019]\p{Lu}\p{Ll}+|Ó\s\p{Lu}\p{Ll}+|\p{Lu}{2,}(?:[\-'\u2019]\p{Lu}{2,})?(?![\p{Ll}\d])|"
    rf"{CASELESS_WORD})"
)
"""A name word: capitalised, Mc/Mac/O' forms, ALL-CAPS as forms and labels print names, or a
word of a caseless script."""
# Name words are joined by exactly one space: a double space or a tab ends a form field.
FULL_NAME = rf"{NAME_WORD}(?: (?:(?:van|von|de|da|del|di|le|la|bin|al) )?{NAME_WORD}){{0,2}}"
TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Rev|Fr|Sr|Lady|Lord)\.?"
GREETING = r"(?:Dear|Hi|Hello|Hey|Hiya|Morning|Good\s+(?:morning|afternoon|evening))"
SIGNOFF = (
    r"(?:Thanks|Thank\s+you|Many\s+thanks|Cheers|Regards|Kind\s+regards|Best\s+regards|"
    r"Warm\s+regards|Best\s+wishes|Best|Sincerely|Yours\s+sincerely|Yours\s+faithfully|Yours|"
    r"Love|Ta)"
)
LABEL = (
    r"(?:Name|Full\s+name|Patient|Pt|Employee|Customer|Caller|Candidate|Applicant|Tenant|"
    r"Landlord|Vendor|Purchaser|Buyer|Seller|Witness(?:\s+name)?|Signed|Signature|Card\s?holder|"
    r"Account\s+holder|Referee|Next\s+of\s+kin|Reporter|Reported\s+by|Client|Passenger|"
    r"Manager|Technician|Guardian|Pupil|Assignee|Approver|Referred\s+by|Escalated\s+by|"
    r"Prepared\s+by|Approved\s+by|Signed\s+by|spoke\s+(?:with|to)|met\s+with|"
    r"(?:son|daughter|child|wife|husband|widow|mother|father|parent|sister|brother)\s+of|"
    r"supervised|collected\s+by|emergency\s+contact|contact\s+person|ICE|Surname|"
    r"Given\s+names?|Forenames?|First\s+name|Last\s+name|Family\s+name|Policyholder|"
    r"Parent/guardian|Dependent|Insured|assigned\s+to|interview(?:ed)?\s+with|"
    r"(?:meeting|call|chat)\s+with|pick-?up\s+by|picked\s+up\s+by)"
)
"""Words after which a capitalised name is a person, with or without a colon."""
HEADER = (
    r"(?:From|To|Cc|Bcc|Attn|Attention|Contact|Host|Agent|Driver|Recipient|Sender|Owner|"
    r"Parent|Child|Student|Member|Guest|Visitor)"
)
"""Words that name a person only as a form/e-mail header, i.e. followed by a colon."""
ADDRESSEE = r"(?:(?:ship|deliver|send|bill|sold|post)(?:ped)?\s+to|return\s+address|addressee)"
"""Labels of an address block whose first line is the person it goes to."""
SPEECH = r"(?:said|says|wrote|asked|told|replied|mentioned|called|emailed|texted|will|would)"
SALUTATION = regex.compile(rf"(?:(?:{GREETING}|{TITLE})[ \t]+)+", regex.VERSION1)
"""Greetings and titles before a name: cues, never part of the name to redact."""


def salutation_length(span: str) -> int:
    """Length of the greetings/titles that open `span` ("Dear ", "Hi Dr. "), 0 if none."""
    m = SALUTATION.match(span)
    return m.end() if m else 0


PATTERNS: list[tuple[str, regex.Pattern[str], float]] = [
    ("title", regex.compile(rf"\b{TITLE}[ \t]+({FULL_NAME})", regex.VERSION1), 0.85),
    (
        "greeting",
        regex.compile(
            rf"(?:^|(?<=[\n.!?]\s*))\s*{GREETING}[ \t]+({FULL_NAME})\s*[,!\n]",
            regex.VERSION1 | regex.MULTILINE,
        ),
        0.7,
    ),
    (
        "sign-off",
        regex.compile(
            rf"\b{SIGNOFF}[,!]?[ \t]*\n?[ \t]*(?:-|\u2014|\u2013)?[ \t]*({FULL_NAME})"
            r"[ \t]*(?:$|\n|[.!])",
            regex.VERSION1 | regex.MULTILINE,
        ),
        0.65,
    ),
    (
        "form label",
        regex.compile(
            rf"(?:^|(?<=[\n(,;]\s*)|\b)(?i:{LABEL})(?:\s*[:\-]?[ \t]+|[ \t]*=[ \t]*[\"']?)"
            rf"({FULL_NAME})",
            regex.VERSION1 | regex.MULTILINE,
        ),
        0.6,
    ),
    (
        "header",
        regex.compile(rf"\b(?i:{HEADER}):[ \t]*({FULL_NAME})", regex.VERSION1),
        0.6,
    ),
    (
        "label above",
        regex.compile(
            rf"\b(?i:{LABEL}|{HEADER}|{ADDRESSEE})[ \t]*:[ \t]*\n[ \t]*({FULL_NAME})[ \t]*$",
            regex.VERSION1 | regex.MULTILINE,
        ),
        0.6,
    ),
    (
        "lower-case form value",
        regex.compile(
            rf"^[ \t]*(?i:{LABEL}|{HEADER})[ \t]*:[ \t]*"
            r"(\p{Ll}{2,}(?:[ \t]\p{Ll}{2,}){1,2})[ \t]*$",
            regex.VERSION1 | regex.MULTILINE,
        ),
        0.55,
    ),
    (
        "vocative",
        regex.compile(
            rf"(?:^|(?<=[\n.!?]\s*))({FULL_NAME}),\s+(?:I|I['\u2019]ve|I['\u2019]ll|we|can|could|"
            r"would|please|pls|thanks|just|hope|your|you|did|are|have)\b",
            regex.VERSION1 | regex.MULTILINE,
        ),
        0.55,
    ),
    (
        "family",
        regex.compile(
            rf"\b({NAME_WORD})[ \t]+family\b|\b(?:Familie|famille|familia|famiglia|rodzina)"
            rf"[ \t]+({NAME_WORD})",
            regex.VERSION1,
        ),
        0.55,
    ),
    (
        "log user field",
        regex.compile(
            r"\b(?:user(?:name)?|login|uid)=[\"']?(?!(?:root|admin|administrator|system|guest|"
            r"nobody|service|daemon|www-data|postgres|test|anonymous|unknown|none|null)\b)"
            r"(\p{Ll}[\p{Ll}\d._\-]{2,30})",
            regex.VERSION1,
        ),
        0.5,
    ),
    (
        "chat speaker",
        regex.compile(
            rf"^(?:\[[\d:]+\]\s*)?({FULL_NAME}):[ \t]+\S", regex.VERSION1 | regex.MULTILINE
        ),
        0.5,
    ),
    (
        "timestamped chat speaker",
        regex.compile(
            r"^[ \t]*\[[\d/.,:\- ]{4,25}\][ \t]*"
            rf"({FULL_NAME}|\p{{Ll}}[\p{{Ll}}\d._\-]{{1,30}}):[ \t]+\S",
            regex.VERSION1 | regex.MULTILINE,
        ),
        0.55,
    ),
    (
        "signature under a valediction",
        regex.compile(
            r"^[ \t]*\p{L}[\p{L}\p{M}'\u2019]*(?:[ \t]+[\p{L}&][\p{L}\p{M}'\u2019]*){0,2},[ \t]*\n"
            rf"[ \t]*({FULL_NAME})[ \t]*$",
            regex.VERSION1 | regex.MULTILINE,
        ),
        0.55,
    ),
    (
        "reported speech",
        regex.compile(
            rf"(?<![\p{{L}}\d] )(?:^|(?<=[\n.!?,;]\s*)|\b)({FULL_NAME})\s+{SPEECH}\b",
            regex.VERSION1 | regex.MULTILINE,
        ),
        0.5,
    ),
    (
        "dash sign-off",
        regex.compile(
            rf"(?:^|\s)[\u2014\u2013-][ \t]*({FULL_NAME})[ \t]*$", regex.VERSION1 | regex.MULTILINE
        ),
        0.55,
    ),
    (
        "self-introduction",
        regex.compile(
            rf"(?i:\bmy\s+name\s+is|\bI['\u2019]m|\bI\s+am|\bthis\s+is|\bit['\u2019]?s)[ \t]+"
            rf"({FULL_NAME})",
            regex.VERSION1,
        ),
        0.6,
    ),
]


LABEL_ONLY = regex.compile(rf"(?i:{LABEL}|{HEADER})", regex.VERSION1)
"""A form label on its own ("GIVEN NAMES", "Full name"): never the speaker of a chat line."""
SPEAKER = regex.compile(rf"^({NAME_WORD}):[ \t]+\S", regex.VERSION1 | regex.MULTILINE)
"""A one-word "Name: text" line: a chat speaker, or a form label ("City:", "Due:")."""


_LABEL_SUFFIX = regex.compile(
    r"(?:tion|sion|ence|ance|ment|ship|ity|ness|ure|ory|ery|acy|ics|ing|ive|age|ate|ist)$"
)


def _is_speaker(line: str, name: str, speakers: Counter[str]) -> bool:
    """Whether a "Word: ..." line is a chat speaker rather than a form label ("Results:",
    "Lessee: Ngozi Obi"): after a timestamp, when the word speaks twice, or in a conversation
    of two or more speakers when the message is lower-case chat ("Sinead: cheers") and the word
    is not shaped like an English label noun ("Relationship: sister")."""
    if " " in name or line.startswith("[") or speakers[name] >= 2:
        return True
    message = line.split(":", 1)[1].lstrip()
    return (
        len(speakers) >= 2
        and message[:1].islower()
        and not _LABEL_SUFFIX.search(name.lower())
        and not is_common_word(name)
    )


class PersonCueRecognizer(TextRecognizer):
    """Names after titles, greetings, sign-offs, form labels and self-introductions."""

    ENTITY = "PERSON"
    NAME = NAME

    def find(self, text: str) -> list[RecognizerResult]:
        """Every cued name; the same span found by two cues is reported once (best score)."""
        best: dict[tuple[int, int], RecognizerResult] = {}
        speakers = Counter(m.group(1) for m in SPEAKER.finditer(text, timeout=1.0))
        for cue, pattern, score in PATTERNS:
            for m in pattern.finditer(text, timeout=1.0):
                name_group = m.lastindex or 1  # "family" has two ways to write it
                start, end = m.start(name_group), m.end(name_group)
                if cue == "chat speaker" and (
                    not _is_speaker(m.group(0), m.group(1), speakers)
                    or LABEL_ONLY.fullmatch(m.group(1))
                ):
                    continue
                # "Dear Maria Gonzalez, thanks": the name is "Maria Gonzalez".
                start += salutation_length(text[start:end])
                name = text[start:end]
                if not name:
                    continue
                # After a title any word is a name ("Dr. Ward", "Mrs Summer").
                if cue != "title" and (
                    is_common_word(name) or is_product(name, text[end : end + 12])
                ):
                    continue
                # Under a line ending in a comma may also be the next line of an address.
                if cue == "signature under a valediction" and is_place_or_org_word(name):
                    continue
                prev = best.get((start, end))
                if prev is None or prev.score < score:
                    best[(start, end)] = result(
                        NAME, "PERSON", start, end, score, f"name after a {cue}", cue
                    )
        return list(best.values())
