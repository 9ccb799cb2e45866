# ruff: noqa: RUF001 (names and cues in Greek, Cyrillic and CJK scripts are the point)
"""PERSON: cues of many languages and the shapes people write names in: titles, greetings
and sign-offs in other languages, form labels in other scripts, honorifics after the name,
a relationship in brackets or a job after a comma, chat handles, initials with a surname, "SURNAME,
Given" and "Family Given" order. Each shape has its look-alikes that must stay unflagged."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from test_recognizers_helpers import findings, types_over

if TYPE_CHECKING:
    from redacta.engine import Engine


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Liebe Johanna,\nbis Freitag.", ["Johanna"]),
        ("Kedves Zsófia!\nKöszönöm.", ["Zsófia"]),
        ("Hyvä Aino,\nkiitos viestistä.", ["Aino"]),
        ("Prezada Thaís,\nsegue o contrato.", ["Thaís"]),
        ("Terveisin\nIlkka Rautio", ["Ilkka Rautio"]),
        ("Üdvözlettel,\nBalázs Fekete", ["Balázs Fekete"]),
        ("Atenciosamente,\nJoão Batista", ["João Batista"]),
        ("Με εκτίμηση,\nΝίκος Αλεξίου", ["Νίκος Αλεξίου"]),
        ("Med vennlig hilsen\nSigrun og Tore", ["Sigrun", "Tore"]),
    ],
)
def test_greetings_and_sign_offs_in_other_languages(
    redacta_engine: Engine, text: str, names: list[str]
) -> None:
    found = findings(redacta_engine, text)
    for name in names:
        assert ("PERSON", name) in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sehr geehrte Frau Oberhuber, vielen Dank.", "Oberhuber"),
        ("Sgt. Whitcombe signed for the parcel.", "Whitcombe"),
        ("Sra. Albuquerque llamó ayer.", "Albuquerque"),
        ("M. Delacroix sera absent lundi.", "Delacroix"),
    ],
)
def test_titles_of_other_languages_and_ranks_are_cues_not_part_of_the_name(
    redacta_engine: Engine, text: str, name: str
) -> None:
    found = findings(redacta_engine, text)
    assert ("PERSON", name) in found
    title = text[: text.index(name)].split()[-1]
    assert not any(title in value for kind, value in found if kind == "PERSON")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("联系人：刘志强，电话：13912345678", "刘志强"),
        ("담당자: 박지훈 / 연락처 010-9876-5432", "박지훈"),
        ("Név: Kiss Réka\nTelefon: +36 30 123 4567", "Kiss Réka"),
        ("ФИО: Оксана Мельник\nТелефон: +380 44 123 4567", "Оксана Мельник"),
        ("Ονοματεπώνυμο: Σοφία Καραγιάννη", "Σοφία Καραγιάννη"),
    ],
)
def test_name_labels_of_forms_in_other_languages(
    redacta_engine: Engine, text: str, name: str
) -> None:
    assert "PERSON" in types_over(redacta_engine, text, name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Dear Watanabe-san,\nthe samples ship on Friday.", "Watanabe"),
        ("Toplantıya Ahmet Bey de katılacak.", "Ahmet"),
        ("山本さんに連絡してください。", "山本"),
    ],
)
def test_honorifics_after_the_name(redacta_engine: Engine, text: str, name: str) -> None:
    assert "PERSON" in types_over(redacta_engine, text, name)
    assert ("PERSON", "Ahmet Bey") not in findings(redacta_engine, text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Emergency: Kwabena (husband) 024 555 1234", ["Kwabena"]),
        ("On call: Tuesday Efua (primary), Yaw (backup)", ["Efua", "Yaw"]),
    ],
)
def test_a_relationship_in_brackets_marks_a_person(
    redacta_engine: Engine, text: str, names: list[str]
) -> None:
    for name in names:
        assert "PERSON" in types_over(redacta_engine, text, name)


def test_a_phone_number_in_brackets_does_not_make_a_person() -> None:
    from redacta.engine.recognizers.person import PersonCueRecognizer

    # Towns and firms are listed with phone numbers as often as people are.
    text = "Branches: Lakeside (020 811 9921), Hillcrest (027 334 8810)"
    assert not PersonCueRecognizer(supported_language="en").find(text)


def test_chat_handles_are_people_and_bots_are_not(redacta_engine: Engine) -> None:
    handles = "m.kowalska: is the build green?\nsupport_bot: Build 881 passed."
    assert ("PERSON", "m.kowalska") in findings(redacta_engine, handles)
    assert "PERSON" not in types_over(redacta_engine, handles, "support_bot")


def test_file_names_and_log_levels_are_not_chat_speakers(redacta_engine: Engine) -> None:
    text = "tasks.py: retry scheduled\ninfo: worker started\nerror: queue full\ninfo: done"
    assert not any(kind == "PERSON" for kind, _ in findings(redacta_engine, text))


def test_initials_and_a_surname(redacta_engine: Engine) -> None:
    text = "The report was checked by R. Halvorsen and signed by K. L. Mbeki."
    found = findings(redacta_engine, text)
    assert "PERSON" in types_over(redacta_engine, text, "R. Halvorsen")
    assert "PERSON" in types_over(redacta_engine, text, "K. L. Mbeki")
    assert not any(kind == "PERSON" and "U.S" in value for kind, value in found)


def test_letters_that_abbreviate_address_words_are_not_initials() -> None:
    from redacta.engine.recognizers.person import PersonCueRecognizer

    recognizer = PersonCueRecognizer(supported_language="en")
    address = "Deliver to S. Pokrovka, Ul. Lesnaia, D. 12 K. 3, 601234, Russia."
    assert not recognizer.find(address)
    assert recognizer.find("Checked by S. Pokrovskaya on arrival.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("HÄMÄLÄINEN, Aino Maria\nKauppakatu 4, Jyväskylä", "HÄMÄLÄINEN, Aino Maria"),
        ("Applicant: NOVAKOVIĆ, Stefan", "NOVAKOVIĆ, Stefan"),
    ],
)
def test_family_name_written_first_with_a_comma(
    redacta_engine: Engine, text: str, name: str
) -> None:
    assert "PERSON" in types_over(redacta_engine, text, name)


def test_town_and_country_in_capitals_are_not_a_family_name(redacta_engine: Engine) -> None:
    text = "Shipped from\nROTTERDAM, Netherlands"
    assert "PERSON" not in types_over(redacta_engine, text, "ROTTERDAM")


def test_family_name_then_a_known_given_name(redacta_engine: Engine) -> None:
    text = "The prize went to Szabó Eva and Kowalczyk Anna."
    assert "PERSON" in types_over(redacta_engine, text, "Szabó Eva")


def test_place_words_with_a_given_name_are_not_people(redacta_engine: Engine) -> None:
    text = "We flew from Puerto Rico to Monte Carlo."
    assert "PERSON" not in types_over(redacta_engine, text, "Puerto Rico")
    assert "PERSON" not in types_over(redacta_engine, text, "Monte Carlo")


def test_lower_case_given_name_and_surname_before_a_verb(redacta_engine: Engine) -> None:
    text = "olivia brandt called twice, please ring back"
    assert "PERSON" in types_over(redacta_engine, text, "olivia brandt")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The minutes were taken by Jana Horáková, head of finance.", "Jana Horáková"),
        ("Please copy Okonkwo, our accountant, on the invoice.", "Okonkwo"),
    ],
)
def test_a_job_after_the_name_and_a_comma_marks_a_person(
    redacta_engine: Engine, text: str, name: str
) -> None:
    assert "PERSON" in types_over(redacta_engine, text, name)


def test_a_job_after_a_country_or_firm_word_does_not_make_a_person() -> None:
    from redacta.engine.recognizers.person import PersonCueRecognizer

    recognizer = PersonCueRecognizer(supported_language="en")
    assert not recognizer.find("Shipped to Portugal, the owner confirmed.")
    assert not recognizer.find("Contact Harbour Logistics, the owner of the depot.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Halvorsen, who joined in 2019, now leads the unit.", "Halvorsen"),
        ("We hired Ilse Brandtner (CTO) last week.", "Ilse Brandtner"),
    ],
)
def test_who_or_a_job_in_brackets_after_the_name_marks_a_person(
    redacta_engine: Engine, text: str, name: str
) -> None:
    assert "PERSON" in types_over(redacta_engine, text, name)


def test_pronouns_before_who_are_not_people() -> None:
    from redacta.engine.recognizers.person import PersonCueRecognizer

    recognizer = PersonCueRecognizer(supported_language="en")
    assert not recognizer.find("Anyone who knows the code, please call. Those who left, too.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rx for Cavad Vəfalı (DOB 1984-11-07): 78 mg daily.", "Cavad Vəfalı"),
        ("W-2 for Aleks Fidor (SSN 613-53-2130), tax year 1964.", "Aleks Fidor"),
        ("Great-grandmother Wanjiru Kamau (née Njoroge) kept the farm.", "Wanjiru Kamau"),
        ("Tóth Eszter (b. 1921) was a painter.", "Tóth Eszter"),
        ("The insured, Cécile Blanchard, reported a burst pipe.", "Cécile Blanchard"),
    ],
)
def test_details_only_a_person_has_mark_the_name(text: str, name: str) -> None:
    from redacta.engine.recognizers.person import PersonCueRecognizer

    found = PersonCueRecognizer(supported_language="en").find(text)
    assert name in {text[r.start : r.end] for r in found}


@pytest.mark.parametrize(
    "text",
    [
        "The owner, Nordic Holdings, replied on Friday.",
        "Lisbon Central Station (1990-2005) was rebuilt.",
        "The tenant, Flat 4, has paid.",
    ],
)
def test_firms_places_and_flats_in_the_same_positions_are_not_people(text: str) -> None:
    from redacta.engine.recognizers.person import PersonCueRecognizer

    assert not PersonCueRecognizer(supported_language="en").find(text)


def test_a_titled_surname_before_a_firm_is_the_person_not_the_firm(
    redacta_engine: Engine,
) -> None:
    from redacta.engine.recognizers.organization import OrganizationRecognizer

    text = "Prescriber: Dr Lane, Oliver and Sons."
    spans = {text[r.start : r.end] for r in OrganizationRecognizer().find(text)}
    assert spans == {"Oliver and Sons"}
    assert types_over(redacta_engine, text, "Lane") == {"PERSON"}
    firm = "Counsel: Allen, Overy and Partners."
    assert {firm[r.start : r.end] for r in OrganizationRecognizer().find(firm)} == {
        "Allen, Overy and Partners"
    }


@pytest.mark.parametrize(
    ("text", "label", "name"),
    [
        ("INVOICE 55\nBill to: Staněk Logistics\nNedvědovo Náměstí 5", "Bill", None),
        ("SHIP TO: Anna Maria Przeklasa, Box 7822", "SHIP TO", "Anna Maria Przeklasa"),
        ("SURNAME: MILLS\nPLACE OF BIRTH: MARYBERG", "PLACE OF BIRTH", "MILLS"),
    ],
)
def test_form_labels_are_not_names(
    redacta_engine: Engine, text: str, label: str, name: str | None
) -> None:
    assert "PERSON" not in types_over(redacta_engine, text, label)
    if name is not None:
        assert "PERSON" in types_over(redacta_engine, text, name)
