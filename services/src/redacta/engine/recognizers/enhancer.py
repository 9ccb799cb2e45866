"""Context enhancer that also settles conflicts between findings and cleans NER spans.

Presidio runs one context enhancer over all findings of a text before the score threshold is
applied, so this is where findings can see each other. After Presidio's own lemma-based
context boost it:

1. cleans spaCy's PERSON/ORGANIZATION/LOCATION spans: cuts them at line breaks and form
   gaps, and drops capitalised common words, field acronyms and product names;
2. retypes spaCy's organisation/place spans as PERSON when the same words are a person's
   name elsewhere in the text;
3. resolves overlaps between different entity types by how specific the evidence is: a
   checksum-validated IBAN beats the "phone number" inside it, an e-mail address beats the
   "URL" of its domain, a street address beats the "person" its street is named after, a
   firm name beats the surnames in it;
4. completes lists of places: the other names of a list one of whose names is a place
   ("offices in Leeds, Hexham and Alnwick") are places too.

Dropped findings get score 0 (Presidio removes them); kept ones say why in their
explanation (`return_decision_process=True`).
"""

from __future__ import annotations

import copy
import re

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts

from redacta.engine.recognizers import (
    address,
    address_intl,
    cards,
    chat,
    dates,
    email,
    gazetteer,
    iban,
    nhs,
    organization,
    person,
    person_list,
    person_shape,
    phone,
    phone_cue,
    places,
    quoted_field,
    ssn,
    table,
    uk_bank,
    url,
)
from redacta.engine.recognizers.given_names import is_given_name
from redacta.engine.recognizers.vocabulary import (
    is_common_word,
    is_degree,
    is_product,
    is_role_or_field,
)

NER_RECOGNIZER = "SpacyRecognizer"
VERSION = re.compile(r"[vV]?\d+(?:\.\d+)+")
_IDENTIFIER = re.compile(r"\b(?=[\w\-]*[A-Za-z])(?=(?:[\w\-]*\d){3})[\w\-]+\b")
"""A word mixing letters and three or more digits ("CASE-810070", "SR895149"): a code."""
NER_TYPES = frozenset({"PERSON", "ORGANIZATION", "LOCATION", "NRP"})
CODE_IDENTIFIER = re.compile(
    r"[a-z]{2,}[A-Z][A-Za-z]*\d*|[A-Za-z][A-Za-z\d]*(?:_[A-Za-z\d]+)+|[A-Za-z]*[a-z]\d+"
)
"""One word written as code writes names ("customerId", "apellidoPaterno", "first_name",
"address2"): a field key or variable. People, places and firms are not written so (a
user's handle is, and the chat recognizer finds those by their cues)."""
_LABEL_END = re.compile(r"[ \t]+(?i:to|of|for)[ \t]*:")
"""A label's last word and colon right after the span ("Bill" in "Bill to:")."""

# How much a recognizer's evidence is worth when two findings of different types overlap.
RANK: dict[str, float] = {
    email.NAME: 6,
    iban.NAME: 6,
    "CreditCardRecognizer": 6,
    cards.NAME: 6,
    nhs.NAME: 6,
    "UsSsnRecognizer": 5.5,
    ssn.NAME: 5.5,
    uk_bank.NAME: 5.5,
    "IpRecognizer": 5.5,
    url.NAME: 5,
    dates.NAME: 4.5,
    phone.NAME: 4,
    phone_cue.NAME: 4,
    address.NAME: 3.2,
    address_intl.NAME: 3.2,
    gazetteer.COUNTRY_NAME: 3.15,  # "Bosnia and Herzegovina" is no list of two people or firm
    gazetteer.LIST_NAME: 3.15,  # "across Poland, Czechia and Slovakia": no firm of partners
    person_list.NAME: 3.1,
    table.NAME: 3.1,
    quoted_field.NAME: 3.1,
    organization.NAME: 3,
    person.NAME: 2.5,
    chat.SPEAKER_NAME: 2.5,  # a chat speaker or handle: as sure as a name after a cue
    places.NAME: 2,
    person_shape.NAME: 1.6,  # "Given Surname" outweighs "in <name>" and the model's guess
    chat.LOWER_NAME: 1.6,  # so does a known given name the tagger reads as a proper noun
    gazetteer.NAME: 1.55,  # a listed town after "in"/"to" or before its country: the same
    places.PREPOSITION_NAME: 1.5,  # "in <name>" outweighs the model's guess, nothing else
    chat.LOWER_PLACE: 1.5,  # so does a lower-case proper noun after "in"/"from"
    places.WEAK_NAME: 0.9,  # "from <name>" only adds a place where nothing else found one
    gazetteer.ALONE_NAME: 1.05,  # a listed town standing alone outweighs the model's guess
    NER_RECOGNIZER: 1,
}
DEFAULT_RANK = 0.5  # other stock patterns (driver licence, bank number...) are weak evidence


def _name(result: RecognizerResult) -> str:
    meta = result.recognition_metadata or {}
    return str(meta.get(RecognizerResult.RECOGNIZER_NAME_KEY, ""))


def _rank(result: RecognizerResult) -> float:
    return RANK.get(_name(result), DEFAULT_RANK)


def _has_context(result: RecognizerResult) -> bool:
    explanation = result.analysis_explanation
    return bool(explanation is not None and explanation.supportive_context_word)


def _drop(result: RecognizerResult, why: str) -> None:
    result.score = 0.0
    if result.analysis_explanation is not None:
        result.analysis_explanation.set_improved_score(0.0)
        result.analysis_explanation.append_textual_explanation_line(why)


def _trim_ner(text: str, result: RecognizerResult) -> None:
    """Cut a NER span at a line break, tab or double space (the next form field starts), drop a
    leading article ("the University of Leeds" -> "University of Leeds") and the common words
    that open a PERSON span ("Contact John Smith" -> "John Smith")."""
    span = text[result.start : result.end]
    for article in ("the ", "The "):
        if span.startswith(article) and len(span) > len(article):
            result.start += len(article)
            span = span[len(article) :]
    # A quote that closes a value ("'name': 'Wanjiru Kamau'") is not part of the name.
    while span[-1:] in ("'", '"') and len(span) > 1 and span.count(span[-1]) % 2 == 1:
        result.end -= 1
        span = span[:-1]
    if result.entity_type == "PERSON":
        # "Contact John Smith", "Confidential Marek Nowak": a label word or verb is no name.
        lead = person.leading_common_words(span)
        result.start += lead
        span = span[lead:]
    cuts = [i for i in (span.find("\n"), span.find("\t"), span.find("  ")) if i > 0]
    if result.entity_type == "PERSON" and span.find(", ") > 0:
        cuts.append(span.find(", "))
    if cuts:
        result.end = result.start + min(cuts)
        while result.end > result.start and text[result.end - 1] in " ,.;:":
            result.end -= 1


_BREAK = r"(?:\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029])"
"""A line break, as `str.splitlines` sees them."""
_BLANK_LINE = re.compile(rf"{_BREAK}[ \t]*{_BREAK}")
_LINE_BREAK = re.compile(_BREAK)
_ONE_LINE_TYPES = frozenset({"PERSON", "ORGANIZATION"})
BLOCK_TYPES = frozenset({"PERSON", "ORGANIZATION", "LOCATION"})


def keep_within_one_block(
    text: str, results: list[RecognizerResult], user_recognizers: frozenset[str] = frozenset()
) -> None:
    """Cut a name or place span down to its first part that holds a letter or digit, at a
    blank line (a heading or the next paragraph starts: "University of Athens\n\nREFEREES")
    and, for people and organisations, at any line break. A postal address stays one span
    across its lines. The user's own recognizers keep their spans."""
    for r in results:
        if r.entity_type not in BLOCK_TYPES or r.score == 0 or _name(r) in user_recognizers:
            continue
        breaks = _LINE_BREAK if r.entity_type in _ONE_LINE_TYPES else _BLANK_LINE
        if not breaks.search(text, r.start, r.end):
            continue
        part_start = r.start
        kept: tuple[int, int] | None = None
        for gap in [*breaks.finditer(text, r.start, r.end), None]:
            part_end = gap.start() if gap is not None else r.end
            if any(c.isalnum() for c in text[part_start:part_end]):
                kept = (part_start, part_end)
                break
            if gap is not None:
                part_start = gap.end()
        if kept is None:
            _drop(r, "dropped: no name or place between the line breaks")
            continue
        start, end = kept
        while start < end and text[start].isspace():
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
            end -= 1
        r.start, r.end = start, end


def trim_salutations(
    text: str, results: list[RecognizerResult], user_recognizers: frozenset[str] = frozenset()
) -> None:
    """Cut leading greetings and titles off PERSON spans ("Dear Maria" -> "Maria", "Dr. Sarah
    Lee" -> "Sarah Lee"): redacting "Dear" is wrong. Findings of the user's recognizers keep
    their spans."""
    for r in results:
        if r.entity_type != "PERSON" or r.score == 0 or _name(r) in user_recognizers:
            continue
        cut = person.salutation_length(text[r.start : r.end])
        if cut >= r.end - r.start:
            _drop(r, "dropped: only a greeting or title, no name")
        elif cut:
            r.start += cut


def trim_trailing_labels(
    text: str, results: list[RecognizerResult], user_recognizers: frozenset[str] = frozenset()
) -> None:
    """Cut form labels that follow a name off PERSON spans ("Priya Raman Supervisor:" ->
    "Priya Raman"): the label is not the person, and redacting it hides the form's
    structure. Findings of the user's recognizers keep their spans."""
    for r in results:
        if r.entity_type != "PERSON" or r.score == 0 or _name(r) in user_recognizers:
            continue
        r.end -= person.trailing_label_words(text[r.start : r.end], text[r.end : r.end + 8])


def drop_salutation_supersets(
    text: str, results: list[RecognizerResult], user_recognizers: frozenset[str] = frozenset()
) -> None:
    """Drop a finding that contains an at-least-as-sure finding of its type and adds only
    greetings/titles ("Dear Maria Gonzalez" 0.55 around "Maria Gonzalez" 0.85): Presidio keeps
    both, since it only removes the contained one when it scores lower."""
    by_type: dict[str, list[RecognizerResult]] = {}
    for r in results:
        if r.score > 0 and _name(r) not in user_recognizers:
            by_type.setdefault(r.entity_type, []).append(r)
    # Only a finding of the same type counts, so pairs are looked for within each type (in
    # the findings' order): far fewer pairs than among all findings.
    for live in by_type.values():
        _drop_greeting_around(text, live)


def _drop_greeting_around(text: str, live: list[RecognizerResult]) -> None:
    """`drop_salutation_supersets` among findings of one type."""
    for outer in live:
        for inner in live:
            if (
                inner is outer
                or outer.score == 0
                or inner.score == 0
                or inner.entity_type != outer.entity_type
                or inner.score < outer.score
                or (inner.start, inner.end) == (outer.start, outer.end)
                or not inner.contained_in(outer)
            ):
                continue
            before = text[outer.start : inner.start]
            after = text[inner.end : outer.end].strip(" ,.;:")
            if (
                not after
                and before
                and person.salutation_length(before + " ") >= len(before.rstrip())
            ):
                _drop(outer, f"dropped: only a greeting or title around {inner.entity_type}")


def clean_ner(text: str, results: list[RecognizerResult]) -> None:
    """Drop spaCy findings that are common words, acronyms, products or the header of a
    typed table; trim the rest."""
    headers = table.typed_header_lines(text) if any(_name(r) == table.NAME for r in results) else []
    for r in results:
        if _name(r) != NER_RECOGNIZER or r.entity_type not in NER_TYPES or r.score == 0:
            continue
        _trim_ner(text, r)
        span = text[r.start : r.end]
        following = text[r.end : r.end + 12]
        if len(span.strip()) < 2:
            _drop(r, "dropped: empty after trimming")
        elif any(start <= r.start and r.end <= end for start, end in headers):
            _drop(r, "dropped: a column header of a table, not a name or place")
        elif is_common_word(span):
            _drop(r, "dropped: capitalised common word or field label, not a name")
        elif CODE_IDENTIFIER.fullmatch(span):
            _drop(r, "dropped: an identifier in camelCase or snake_case, not a name or place")
        elif table.is_header_cell(text, r.start, r.end):
            _drop(r, "dropped: a column header of a pasted table, not a name or place")
        elif is_product(span, following):
            _drop(r, "dropped: product name")
        elif r.entity_type == "PERSON" and any(c.isdigit() for c in span):
            _drop(r, "dropped: a name has no digits")
        elif r.entity_type == "PERSON" and (why := person.not_a_name(text, r.start, r.end)):
            _drop(r, f"dropped: {why}")
        elif r.entity_type == "PERSON" and (
            # What names never hold but form labels do: "of", "to" ("PLACE OF BIRTH", "SHIP
            # TO") or a colon ("CONTENTS: Vantage keyboard").
            person.LABEL_WORD.search(span)
            or ":" in span
            or _LABEL_END.match(text, r.end, r.end + 8)
        ):
            _drop(r, "dropped: a form label ('Bill to:', 'PLACE OF BIRTH'), not a name")
        elif any(c.isdigit() for c in span) and not any(c.islower() for c in span):
            _drop(r, "dropped: an identifier or code, not a name")
        elif VERSION.fullmatch(span):
            _drop(r, "dropped: a version number, not a name or place")
        elif _IDENTIFIER.search(span):
            _drop(r, "dropped: contains a reference or ticket code, not a name")
        elif r.entity_type == "ORGANIZATION" and not any(c.isupper() for c in span):
            _drop(r, "dropped: lower-case words, not an organisation's name")
        elif r.entity_type == "ORGANIZATION" and is_role_or_field(span):
            _drop(r, "dropped: a job title or field of study, not an organisation")
        elif r.entity_type == "ORGANIZATION" and (is_degree(span) or ", " in span):
            _drop_degree(text, r)


def _drop_degree(text: str, result: RecognizerResult) -> None:
    """A degree and its field in a CV line is no organisation ("MSc Statistics"); where the
    model ran the field into the university after it ("Mathematics, University of Leeds"),
    the organisation starts after the comma."""
    span = text[result.start : result.end]
    first, _, rest = span.partition(", ")
    if rest and (is_degree(first) or is_role_or_field(first)):
        result.start += len(first) + 2
    elif is_degree(span) and not _ORG_FORM.search(span):
        _drop(result, "dropped: a degree and its field, not an organisation")


_ORG_FORM = re.compile(
    r"(?i:\b(?:ltd|llc|llp|inc|plc|gmbh|ag|s\.?a|s\.?l|b\.?v|n\.?v|oy|oyj|ab|as|a/s|aps|kft|"
    r"bt|zrt|nyrt|spa|s\.?p\.?a|srl|sarl|sas|ltda|k\.?k|co|corp|group|holding|holdings|"
    r"bank|university|college|school|hospital|clinic|foundation|trust|company|partners|"
    r"associates|institute|council|agency|ministry|club|hotel)\b)"
)
"""Words that make a name an organisation's whatever the context (legal forms, institutions)."""


_PLACE_BEFORE = re.compile(
    r"(?:\b(?:[Ii]n|[Nn]ear|[Pp]arish\s+of|[Tt]own\s+of|[Cc]ity\s+of|[Vv]illage\s+of|"
    r"[Bb]orn\s+in|[Ll]ives\s+in|[Bb]ased\s+in)\s+)$"
)
"""Words right before a span that make it a place ("born in TARRAGONA", "parish of X")."""


def place_by_context(text: str, results: list[RecognizerResult]) -> None:
    """Retype spaCy's one- or two-word ORGANIZATION spans as LOCATION after "in", "near",
    "parish of": a town the small model did not know is more often typed ORG than a
    company is written after "in" (and a legal form or institution word keeps it ORG)."""
    for r in results:
        if _name(r) != NER_RECOGNIZER or r.score == 0 or r.entity_type != "ORGANIZATION":
            continue
        span = text[r.start : r.end]
        if len(span.split()) > 2 or _ORG_FORM.search(span):
            continue
        if _PLACE_BEFORE.search(text[max(0, r.start - 20) : r.start]):
            r.entity_type = "LOCATION"
            if r.analysis_explanation is not None:
                r.analysis_explanation.append_textual_explanation_line(
                    "retyped LOCATION: written after 'in'/'near'/'parish of'"
                )


def person_by_context(text: str, results: list[RecognizerResult]) -> None:
    """Retype spaCy's ORGANIZATION/LOCATION spans as PERSON when the text itself says the words
    are a person's name: every word of the span is part of a PERSON finding elsewhere in the
    text ("Marek's desk" after "Marek Nowakowski", "Ms Laurent" after "Amélie Laurent"), and
    no legal form or institution word ("GmbH", "Kft.", "Bank") makes it an organisation."""
    person_words = {
        w
        for r in results
        if r.entity_type == "PERSON" and r.score > 0
        for w in _words(text[r.start : r.end])
    }
    if not person_words:
        return
    for r in results:
        if (
            _name(r) != NER_RECOGNIZER
            or r.score == 0
            or r.entity_type not in ("ORGANIZATION", "LOCATION")
        ):
            continue
        span = text[r.start : r.end]
        words = _words(span)
        if words and words <= person_words and not _ORG_FORM.search(span):
            r.entity_type = "PERSON"
            if r.analysis_explanation is not None:
                r.analysis_explanation.append_textual_explanation_line(
                    "retyped PERSON: the same words are a person's name elsewhere in the text"
                )


def drop_common_noun_organisations(
    results: list[RecognizerResult], nlp_artifacts: NlpArtifacts | None
) -> None:
    """Drop spaCy ORGANIZATION spans whose every word the tagger reads as a common noun
    ("Certificate issued to ...", "Server inventory", "Bank letter"): a capital at the start
    of a line or heading does not make a noun a name; a company's name is a proper noun."""
    doc = getattr(nlp_artifacts, "tokens", None)
    if doc is None or not hasattr(doc, "char_span"):
        return
    for r in results:
        if _name(r) != NER_RECOGNIZER or r.score == 0 or r.entity_type != "ORGANIZATION":
            continue
        span = doc.char_span(r.start, r.end, alignment_mode="expand")
        words = [t for t in span or () if t.is_alpha]
        if words and all(t.pos_ == "NOUN" for t in words):
            _drop(r, "dropped: common nouns, not an organisation's name")


def person_by_given_name(text: str, results: list[RecognizerResult]) -> None:
    """Retype spaCy's one-word ORGANIZATION spans as PERSON when the word is a known given
    name ("Marek, quick note", "Interview with Rodrigo"): a lone given name is far more often
    a person than a company. One-word places stay places ("Florence", "Chad" are both)."""
    for r in results:
        if _name(r) != NER_RECOGNIZER or r.score == 0 or r.entity_type != "ORGANIZATION":
            continue
        span = text[r.start : r.end]
        if " " in span.strip() or not span[:1].isupper():
            continue
        if is_given_name(span) and not _ORG_FORM.search(span):
            r.entity_type = "PERSON"
            if r.analysis_explanation is not None:
                r.analysis_explanation.append_textual_explanation_line(
                    "retyped PERSON: a known given name on its own"
                )


def _words(span: str) -> set[str]:
    """The name words of a span, without possessive endings ("Marek's" -> "marek")."""
    words = re.findall(r"[^\W\d_][\w\-'\u2019]*", span)
    return {re.sub(r"['\u2019]s$", "", w).lower() for w in words if len(w) > 1}


_GUESSES = frozenset({NER_RECOGNIZER, gazetteer.ALONE_NAME})
"""Recognizers whose findings are guesses: the model's, a lone listed place name."""
STRUCTURED = 4  # rank from which a finding comes from a format/checksum, not from NER
MIN_WINNING_SCORE = 0.35
"""A guess weaker than the default threshold (e.g. a 0.05 "SSN" pattern) suppresses nothing."""
OWN_MODULES = ("presidio_analyzer.predefined_recognizers", "redacta.engine.recognizers")


def beats(a: RecognizerResult, b: RecognizerResult) -> bool:
    """Whether `a` should suppress `b` (they overlap and have different types).

    Between format-based findings: on the same span the one whose context words are nearby
    wins ("call 506 201-4549" is a phone, "NHS no. 943 476 5919" an NHS number even though
    both parse as either); where one contains the other the longer wins
    ("+1 506-280-3969" is a phone even though its last ten digits pass the NHS checksum).
    Otherwise the stronger kind of evidence wins; equally strong findings both stay.
    """
    if a.entity_type == b.entity_type or not (a.start < b.end and b.start < a.end):
        return False
    if a.score < MIN_WINNING_SCORE:
        return False
    if min(_rank(a), _rank(b)) >= STRUCTURED:
        if a.start == b.start and a.end == b.end and _has_context(a) != _has_context(b):
            return _has_context(a)
        if a.contains(b) != b.contains(a):
            return bool(a.contains(b))
    return _rank(a) > _rank(b)


def drop_weaker_conflicts(
    results: list[RecognizerResult], user_recognizers: frozenset[str] = frozenset()
) -> None:
    """Where findings of different types overlap, keep the one with the stronger evidence.

    This decides which reading of a text the analysis reports. What is removed from the
    output is settled later, once, by `redaction.pipeline.merge_overlaps` (the union).

    Findings of the user's own recognizers (custom regexes, deny lists, a request's
    ad-hoc recognizers) take no part: they are never dropped and drop nothing.
    """
    ordered = sorted(
        (r for r in results if r.score > 0 and _name(r) not in user_recognizers),
        key=lambda r: (-_rank(r), -r.score),
    )
    kept: list[RecognizerResult] = []
    for r in ordered:
        # Only overlapping findings can beat each other: the cheap test first (most do not).
        overlapping = [k for k in kept if k.start < r.end and r.start < k.end]
        winner = next((k for k in overlapping if beats(k, r)), None)
        if winner is not None:
            _drop(r, f"dropped: overlaps {winner.entity_type} found by {_name(winner)}")
            continue
        for k in [k for k in overlapping if beats(r, k)]:
            _drop(k, f"dropped: overlaps {r.entity_type} found by {_name(r)}")
            kept.remove(k)
        kept.append(r)


def _copied(finding: RecognizerResult) -> RecognizerResult:
    """A copy of `finding` whose explanation and metadata (all Presidio's enhancer changes)
    are its own; their values are strings and numbers."""
    duplicate = copy.copy(finding)
    if finding.analysis_explanation is not None:
        duplicate.analysis_explanation = copy.copy(finding.analysis_explanation)
    if finding.recognition_metadata is not None:
        duplicate.recognition_metadata = dict(finding.recognition_metadata)
    return duplicate


class Findings(list[RecognizerResult]):
    """Findings that `copy.deepcopy` copies with `_copied`: Presidio's enhancer deep-copies
    its input before it changes scores, and the generic deep copy walking every attribute of
    every finding cost more than the enhancement itself."""

    def __deepcopy__(self, memo: dict[int, object]) -> list[RecognizerResult]:
        return [_copied(finding) for finding in self]


class RedactaContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's lemma context enhancer, then NER clean-up and overlap resolution."""

    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        """Boost by context words, then clean NER spans and settle overlaps (in place)."""
        results: list[RecognizerResult] = super().enhance_using_context(
            text=text,
            raw_results=Findings(raw_results),
            nlp_artifacts=nlp_artifacts,
            recognizers=recognizers,
            context=context,
        )
        user = frozenset(
            str(getattr(r, "name", ""))
            for r in recognizers
            if not type(r).__module__.startswith(OWN_MODULES)
        )
        keep_within_one_block(text, results, user)
        trim_salutations(text, results, user)
        trim_trailing_labels(text, results, user)
        clean_ner(text, results)
        drop_common_noun_organisations(results, nlp_artifacts)
        person_by_context(text, results)
        person_by_given_name(text, results)
        place_by_context(text, results)
        drop_salutation_supersets(text, results, user)
        drop_weaker_conflicts(results, user)
        results.extend(places.complete_place_lists(text, results, _GUESSES))
        return results
