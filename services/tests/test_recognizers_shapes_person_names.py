"""PERSON: names in scripts without capitals after a person cue or standing alone (Chinese,
Korean, Japanese), romanised East Asian names, "Given Surname" runs that
NER calls an organisation or a place, family-name-first forms, a name on the line under an
address label; and what must stay what it is (streets, firms, field labels, lone places).
ORGANIZATION: a capitalised common noun at the head of a line is not a company."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from test_recognizers_helpers import findings, types_over

if TYPE_CHECKING:
    from redacta.engine import Engine


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Name: 马淑兰\nPhone: 139 1234 5678", "马淑兰"),
        ("Witness: ციალა ბალიაშვილი, 0 348 380 805.", "ციალა ბალიაშვილი"),
        ("Dear 민준,\nyour parcel is ready.", "민준"),
        ("Cardholder: बृजेश मित्रा\nCard number on file", "बृजेश मित्रा"),
        ("Policyholder: 石井 京助\nClaim opened today.", "石井 京助"),
        ("Pupil: کيانا هاشمی\nYear 4", "کيانا هاشمی"),
    ],
)
def test_caseless_script_names_after_a_person_cue(
    redacta_engine: Engine, text: str, name: str
) -> None:
    assert ("PERSON", name) in findings(redacta_engine, text)


def test_caseless_script_names_in_a_list_after_a_person_cue(redacta_engine: Engine) -> None:
    text = "We thank 胡, Luo, Dan & 陈 for comments."
    for name in ("胡", "Luo", "Dan", "陈"):
        assert types_over(redacta_engine, text, name) == {"PERSON"}


def test_a_name_above_the_next_form_field_is_still_a_name(redacta_engine: Engine) -> None:
    # "Phone" on the next line is a field label, not the product after a brand ("Pixel 8").
    assert ("PERSON", "Anna") in findings(redacta_engine, "Name: Anna\nPhone: 555 0199")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Üdv,\nZsófia\n--\nprojektmenedzser", "Zsófia"),
        ("Saygılarımla,\nElif Yılmaz\nArçelik Yetkili Servis", "Elif Yılmaz"),  # noqa: RUF001
        ("Thanks & regards,\nTharindu Jayasinghe\nJohn Keells Holdings", "Tharindu Jayasinghe"),
    ],
)
def test_name_under_a_valediction_in_any_language(
    redacta_engine: Engine, text: str, name: str
) -> None:
    assert "PERSON" in types_over(redacta_engine, text, name)


def test_address_line_under_a_line_ending_in_a_comma_is_not_a_signature() -> None:
    from redacta.engine.recognizers.person import PersonCueRecognizer

    assert PersonCueRecognizer().find("Rose Court,\nGreen Lane\n") == []


def test_speakers_after_a_dated_timestamp_including_lower_case_handles(
    redacta_engine: Engine,
) -> None:
    text = (
        "[28/05/2024, 21:14] Mariana Costa: cheguei! tô no portão 3\n"
        "[28/05/2024, 21:15] beto: já vou descer"
    )
    found = findings(redacta_engine, text)
    assert ("PERSON", "Mariana Costa") in found
    assert ("PERSON", "beto") in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Parent-teacher slots: 16:00 Abdi family, 16:10 free", "Abdi"),
        ("Transfer from the account of Familie Brunner, CHF 200", "Brunner"),
        ("Assigned to Bikash in localisation.", "Bikash"),
        ("Interview with Rodrigo on Wednesday at 2pm.", "Rodrigo"),
        ('signup source=landing_b name="Bongani Zulu" email=x', "Bongani Zulu"),
        ("VPN session opened user=hkarlsson src=83.250.17.61", "hkarlsson"),
    ],
)
def test_names_after_family_meeting_and_log_field_cues(
    redacta_engine: Engine, text: str, name: str
) -> None:
    assert "PERSON" in types_over(redacta_engine, text, name)


@pytest.mark.parametrize(
    "text", ["sudo session opened user=root", "Ask the family doctor.", "A Family Affair"]
)
def test_system_accounts_and_family_as_a_word_are_not_names(text: str) -> None:
    from redacta.engine.recognizers.person import PersonCueRecognizer

    assert PersonCueRecognizer().find(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Customs declaration: gift from Vera Persson (Karlskoga, Sweden).", "Vera Persson"),
        ("Repeat prescription for MAGNUS SANDVIK, NHS 848 996 6117.", "MAGNUS SANDVIK"),
        ("Alternate contact: Bradley Warner, 0909 8790371.", "Bradley Warner"),
        ("Jury: KOVÁCS Anna signed the minutes.", "KOVÁCS Anna"),
    ],
)
def test_given_name_and_surname_are_a_person_not_an_organisation(
    redacta_engine: Engine, text: str, name: str
) -> None:
    assert "PERSON" in types_over(redacta_engine, text, name)
    assert "ORGANIZATION" not in types_over(redacta_engine, text, name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("SHIP TO:\nQULU RZAQULUZADƏ\nUcar ray.", "QULU RZAQULUZADƏ"),
        ("Please ship to:\nAxenia Tabacu\nUnit 9784 Box 6873", "Axenia Tabacu"),
    ],
)
def test_name_on_the_line_under_an_address_label(
    redacta_engine: Engine, text: str, name: str
) -> None:
    assert "PERSON" in types_over(redacta_engine, text, name)


@pytest.mark.parametrize(
    "text",
    [
        "Deliveries to Maria Street only.",
        "The Erik Holdings board met on Friday.",
        "Grant from the Anna Lindqvist Foundation.",
        "Full Name: see below",
        "Florence is lovely in May.",
        "Santa Maria, Lake Louise and Fort William.",
    ],
)
def test_given_names_inside_places_firms_and_labels_are_not_read_as_people(text: str) -> None:
    from redacta.engine.recognizers.person_shape import GivenNameRecognizer

    assert GivenNameRecognizer().find(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Certificate issued to Irfan Suryatmi, born 1990.", "Certificate"),
        ("Yard work available, $20/hr", "Yard"),
        ("Bank letter — confirmation of account", "Bank"),
    ],
)
def test_capitalised_common_nouns_are_not_organisations(
    redacta_engine: Engine, text: str, value: str
) -> None:
    assert "ORGANIZATION" not in types_over(redacta_engine, text, value)


def test_a_company_name_stays_an_organisation(redacta_engine: Engine) -> None:
    assert "ORGANIZATION" in types_over(redacta_engine, "She works at Google now.", "Google")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hi team,\n\nSiobhán Ní Bhriain starts Monday.", "Siobhán Ní Bhriain"),
        ("Siobhán Ní Bhriain\nHR Manager", "Siobhán Ní Bhriain"),
        ("Meeting with Siobhán and Pádraig Mac Aodha at noon.", "Pádraig Mac Aodha"),
        ("Attendees: Pieter van der Berg, María de la Cruz.", "María de la Cruz"),
        ("Owner: João dos Santos", "João dos Santos"),
        ("Subject: Nurul binti Abdullah", "Nurul binti Abdullah"),
    ],
)
def test_names_with_family_name_particles_are_one_person(
    redacta_engine: Engine, text: str, name: str
) -> None:
    assert ("PERSON", name) in findings(redacta_engine, text)
    assert "ORGANIZATION" not in types_over(redacta_engine, text, name)


@pytest.mark.parametrize(
    "text",
    [
        "Flights to Rio de Janeiro and Santiago de Chile.",
        "Offices in Ras al Khaimah.",
        "Hotel Van der Valk, Banco de la Nación",
    ],
)
def test_places_and_firms_with_particles_are_not_read_as_people(text: str) -> None:
    from redacta.engine.recognizers.person_shape import GivenNameRecognizer

    assert GivenNameRecognizer().find(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Confidential\n\nMeeting notes for the third quarter.",
        "Strictly Confidential\nRegards,\nConfidential",
        "PRIVATE & CONFIDENTIAL",
    ],
)
def test_document_markings_are_not_people(redacta_engine: Engine, text: str) -> None:
    assert not {t for t, _ in findings(redacta_engine, text)} & {"PERSON", "ORGANIZATION"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("name: Contact John Smith", "John Smith"),
        ("Name: Call Ingrid Solberg\nPhone: 555 0199", "Ingrid Solberg"),
        ("Witness: Customer Hanna Kowalczyk", "Hanna Kowalczyk"),
    ],
)
def test_label_words_and_verbs_before_a_name_are_not_part_of_it(
    redacta_engine: Engine, text: str, name: str
) -> None:
    person_spans = {v for t, v in findings(redacta_engine, text) if t == "PERSON"}
    assert name in person_spans
    assert all(span in name for span in person_spans)  # the label word is never redacted


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Keys handed in on Jul 17, 1994; owner 李美玲 notified by e-mail.", "李美玲"),
        ("Please update our records: 张宇 moved to Flat 3.", "张宇"),
        ("The parcel for 김민준 arrived on Monday.", "김민준"),
        ("In case of emergency contact 佐々木 春香 (080-6722-6151).", "佐々木 春香"),
        ("Form 4: Kim Min-jun, born 1995, Seoul.", "Kim Min-jun"),
        ("Thesis supervised by Chen Wei-ting, defended in May.", "Chen Wei-ting"),
        ("Baptism record: son of Siu-ming Kwok, parish of Quarry Bay.", "Siu-ming Kwok"),
        ("Results: 1. CHI-KEUNG HO (Causeway Bay), 2. others.", "CHI-KEUNG HO"),
    ],
)
def test_east_asian_names_in_their_script_or_romanised(
    redacta_engine: Engine, text: str, name: str
) -> None:
    assert "PERSON" in types_over(redacta_engine, text, name)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The office moved to 江苏省兰州市 in 2019.", "江苏省兰州市"),
        ("Keys were left at 精芯传媒有限公司 on Friday.", "精芯传媒有限公司"),
        ("We met in 서울시 last year.", "서울시"),
        ("Read the Set-up Guide before the Check-in Desk opens.", "Set-up Guide"),
    ],
)
def test_places_firms_and_hyphenated_words_are_no_east_asian_names(
    redacta_engine: Engine, text: str, word: str
) -> None:
    assert "PERSON" not in types_over(redacta_engine, text, word)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Friday: Σάββας, Μιχάλης Νικολάου (96207051)", "Μιχάλης Νικολάου"),
        ("Shift lead Ραφαέλλα Γεωργίου, backup on call.", "Ραφαέλλα Γεωργίου"),
    ],
)
def test_greek_family_names_in_the_genitive(redacta_engine: Engine, text: str, name: str) -> None:
    assert "PERSON" in types_over(redacta_engine, text, name)


def test_a_street_word_first_makes_no_person(redacta_engine: Engine) -> None:
    text = "Membership renewal: Λεωφόρος Μακαρίου 92, Flat 32, 6021 Larnaca, CYPRUS."
    assert "PERSON" not in types_over(redacta_engine, text, "Λεωφόρος Μακαρίου")
