"""The shortcuts that make the recognizers fast on short texts find exactly what the plain
way finds: a large pattern tried only where words begin and cheap tests pass, phone-number
candidates too short to be valid left unparsed, and the findings' copy before the context
boost."""

from __future__ import annotations

import copy
import dataclasses
import json
from pathlib import Path

import phonenumbers
import pytest
import regex
from presidio_analyzer.predefined_recognizers import UrlRecognizer

from redacta.engine.recognizers.address_intl import (
    ADDRESS,
    LOWER_CASE_START,
    POSTCODE_TOWN_COUNTRY,
    POSTCODE_TOWN_STARTS,
    WORDY_START,
    PrefixTest,
    may_start_address,
    may_start_postcode_town,
)
from redacta.engine.recognizers.base import WORD_STARTS, finditer_at
from redacta.engine.recognizers.enhancer import Findings
from redacta.engine.recognizers.phone import (
    INTERNATIONAL_FEWEST,
    ValidPhoneMatcher,
    fewest_digits,
    fewest_international_digits,
)
from redacta.engine.recognizers.url import RedactaUrlRecognizer
from redacta.settings import Settings
from test_recognizers_helpers import make_engine

TUNE = Path(__file__).resolve().parents[1] / "eval" / "data" / "tune.jsonl"

ADDRESS_TEXTS = [
    "Schönhauser Allee 112\n10435 Berlin\nGermany",
    "Send it to 27 Rue des Lilas, 75019 Paris, France.",
    "(Rua Augusta, 1234, 01305-100 São Paulo - SP)",
    "Address:Hauptstraße 5, 10115 Berlin",  # after ":" no address may begin
    "Apt. 5\nVia Roma 12\n00184 Roma, Italia",
    "ref-Via Roma 12 and v2.Via Roma 12 and 3Via Roma 12",
    "Calle 45 # 12-34, Bogotá, Colombia; ул. Ленина, д. 5, г. Москва",  # noqa: RUF001
    "apt 4, rue des Lilas 27, 75019 Paris; h.no 12, Katihar-124971; ul. Długa 5, Gdańsk",
    "the letter went to calle Mayor 3, then to avenida Paulista 1000, São Paulo",
    # addresses that begin with no digit near: a unit named by a word, a district before
    # its district word; the farthest house number a digit-led part may have
    "c/o Anna Schmidt\nSchönhauser Allee 112\n10435 Berlin",
    "Building C\nEdif. Residencias El Morro\nAvenida Bolívar 12, Caracas",
    "Avenida Bolívar, Edif. Residencias El Morro, Caracas",
    "Gyeonggi Province\nSeongnam-si\nBundang-gu\nJeongja-ro 5",
    "Jiangning District\nNanjing Jiangsu Province\nShuanglong Avenue 1000",
    "Rua Dom Pedro de Alcântara Neto, nr. 12, São Paulo",
    "Haidian District, Zhongguancun North Street Section 2, No. 100",
    "II. em. 4., Váci utca 12., 1052 Budapest",
    "Katihar-124971, India; 75019 Paris, France and KATIHAR-124971, INDIA",
    "",
    "   \n\t",
]


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


def test_address_scan_from_word_starts_matches_finditer() -> None:
    """Also with the lower-case gate the recognizer uses."""
    texts = [json.loads(line)["text"] for line in TUNE.read_text("utf-8").splitlines()[:250]]
    found = 0
    for text in [*ADDRESS_TEXTS, *texts]:
        expected = _spans(ADDRESS.finditer(text))
        assert _spans(finditer_at(ADDRESS, text)) == expected, text
        gated = finditer_at(ADDRESS, text, may_start=may_start_address)
        assert _spans(gated) == expected, text
        found += len(expected)
    assert found > 50  # the texts do hold addresses


def _texts() -> list[str]:
    tune = [json.loads(line)["text"] for line in TUNE.read_text("utf-8").splitlines()]
    return [*ADDRESS_TEXTS, *tune]


def test_address_gate_holds_wherever_an_address_begins() -> None:
    """`may_start_address` says no only where ADDRESS cannot match (every word start of the
    tuning texts, not only where the scan's non-overlapping matches begin)."""
    matched = 0
    for text in _texts():
        for start in WORD_STARTS.finditer(text):
            if ADDRESS.match(text, start.start()):
                matched += 1
                assert may_start_address(text, start.start()), text[start.start() :][:60]
    assert matched > 500


def test_prefix_test_says_no_only_where_the_pattern_cannot_match() -> None:
    for pattern in (LOWER_CASE_START, WORDY_START):
        may_start = PrefixTest(pattern)
        ruled_out = 0
        for text in _texts()[:400]:
            for start in WORD_STARTS.finditer(text):
                if not may_start(text, start.start()):
                    ruled_out += 1
                    assert pattern.match(text, start.start()) is None
        assert ruled_out > 1000  # it does rule out most words
    assert not PrefixTest(WORDY_START)("the vendor", 0)
    assert PrefixTest(WORDY_START)("Avenida Bolívar", 0)


def test_postcode_town_country_scan_matches_finditer() -> None:
    found = 0
    for text in _texts():
        expected = _spans(POSTCODE_TOWN_COUNTRY.finditer(text))
        scanned = finditer_at(
            POSTCODE_TOWN_COUNTRY,
            text,
            starts=POSTCODE_TOWN_STARTS,
            may_start=may_start_postcode_town,
        )
        assert _spans(scanned) == expected, text
        found += len(expected)
    assert found > 20


PHONE_TEXTS = [
    "Call (213) 555-2868 or +44 20 7946 0958; from 192.168.37.161, card 4530038181270753.",
    "Ring 0412 345 678 or (02) 9876 5432, ext. 12, or 1-800-FLOWERS; ref 4173, room 21.",
    # local numbers that only become valid by a national prefix transform rule: San Marino's
    # six digits get "0549" before them, Norfolk Island's five a "3"
    "Tel. 886377 or 0549 886377",
    "Tel. 81234 or 3 81234",
]


def test_phone_matcher_skips_nothing_valid() -> None:
    """The matcher that leaves short candidates unparsed matches exactly what phonenumbers'
    own matcher matches, in the default regions and in regions whose local numbers parsing
    lengthens."""
    regions = [*Settings().phone_regions, "SM", "NF", "JE"]
    matched = 0
    for text in [*PHONE_TEXTS, *_texts()[:600]]:
        for region in regions:
            fewest = fewest_digits([region])
            plain = phonenumbers.PhoneNumberMatcher(
                text, region, leniency=phonenumbers.Leniency.VALID
            )
            expected = [(m.start, m.end, m.number) for m in plain]
            assert [
                (m.start, m.end, m.number) for m in ValidPhoneMatcher(text, region, fewest)
            ] == expected
            matched += len(expected)
    assert matched > 100
    assert ValidPhoneMatcher(PHONE_TEXTS[3], "NF", fewest_digits(["NF"])).has_next()


def test_fewest_digits_of_a_valid_number() -> None:
    """No example number of any region, written nationally or internationally, has fewer
    digits than the bound for its region; the default regions' bound rules out the short
    runs of running text."""
    assert fewest_international_digits() == INTERNATIONAL_FEWEST
    assert fewest_digits(Settings().phone_regions) == 5
    assert fewest_digits(["NF"]) == 5  # "81234" is valid there
    assert fewest_digits(["XX"]) == 0  # an unknown region rules nothing out
    for region in phonenumbers.SUPPORTED_REGIONS:
        fewest = fewest_digits([region])
        for kind in phonenumbers.PhoneNumberType.values():
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            for form in (
                phonenumbers.PhoneNumberFormat.NATIONAL,
                phonenumbers.PhoneNumberFormat.E164,
            ):
                written = phonenumbers.format_number(example, form)
                assert sum(c.isdigit() for c in written) >= fewest, (region, kind)


URL_TEXTS = [
    "See https://www.example.org/cases/1831 or www.example.co.uk, mail a.b@example.com.",
    "'intranet.northwind.example/hr' and \"http://example.com/a?b=c\"; (example.org).",
    "A sentence. Another one.Then e.g. St.Ives and H.No 5 and tasks.py and 192.168.0.1",
    "ünïcödé.de, ΑΘΗΝΑ.gr, https://пример.рф/путь, www3.example.com\tsite.io\nlast.net",
]


def test_url_patterns_tried_word_by_word_find_what_the_whole_text_finds() -> None:
    recognizer = RedactaUrlRecognizer()
    found = 0
    for text in [*URL_TEXTS, *_texts()]:
        whole = UrlRecognizer.analyze(recognizer, text, [])
        words = recognizer.pattern_findings(text, [])
        expected = sorted((r.start, r.end, r.score, str(r.analysis_explanation)) for r in whole)
        assert (
            sorted((r.start, r.end, r.score, str(r.analysis_explanation)) for r in words)
            == expected
        ), text
        found += len(expected)
    assert found > 100


def test_finditer_at_sees_the_text_before_each_start() -> None:
    after_a = regex.compile(r"(?<=a )b+")
    assert _spans(finditer_at(after_a, "a bb c bb")) == [(2, 4)]
    line_start = regex.compile(r"^b+", regex.MULTILINE)
    assert _spans(finditer_at(line_start, "b x bb\nbb")) == [(0, 1), (7, 9)]


def test_finditer_at_matches_do_not_overlap() -> None:
    pair = regex.compile(r"\w+ \w+")
    text = "one two three four five"
    assert _spans(finditer_at(pair, text)) == _spans(pair.finditer(text))


def test_finditer_at_bounds_each_attempt_in_time() -> None:
    runaway = regex.compile(r"(a|aa)+$")  # backtracks exponentially on a's not at the end
    with pytest.raises(TimeoutError):
        list(finditer_at(runaway, "a" * 40 + "!", timeout=0.05))


def test_finditer_at_scans_a_long_text_however_many_attempts_it_takes() -> None:
    """Thousands of quick attempts add up to far more than one attempt's bound: a long text
    (or a busy machine) must not turn that sum into a failed analysis."""
    words = "word " * 20_000  # 20,000 tries of the address pattern, tens of milliseconds
    assert list(finditer_at(ADDRESS, words, timeout=0.005)) == []


def test_findings_copy_is_a_deep_copy() -> None:
    engine = make_engine()
    text = (
        "Call Maria Garcia on +44 20 7946 0958 or mail maria@example.com; she lives at "
        "27 Rue des Lilas, 75019 Paris. Card 4111 1111 1111 1111, born 12 March 1980."
    )
    options = dataclasses.replace(engine.resolve(), return_decision_process=True)
    found = engine.analyze(text, options)
    assert len(found) >= 5
    copied = copy.deepcopy(Findings(found))
    reference = copy.deepcopy(found)
    assert type(copied) is list
    for mine, theirs, original in zip(copied, reference, found, strict=True):
        assert mine is not original
        assert mine.analysis_explanation is not original.analysis_explanation
        assert mine.recognition_metadata is not original.recognition_metadata
        own = {"analysis_explanation", "recognition_metadata"}
        assert {k: v for k, v in vars(mine).items() if k not in own} == {
            k: v for k, v in vars(theirs).items() if k not in own
        }
        assert vars(mine.analysis_explanation) == vars(theirs.analysis_explanation)
        assert mine.recognition_metadata == theirs.recognition_metadata
