"""PERSON in chat-like and machine-like text: speakers at the start of chat lines, user
handles, lower-case given names; lower-case weekdays as DATE_TIME; and the opposite error,
identifiers in camelCase or snake_case typed as people, places or firms by the model alone.
Each shape has its look-alikes (form labels, config keys, code, English words) that must
stay unflagged."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from test_recognizers_helpers import findings, types_over

if TYPE_CHECKING:
    from pathlib import Path

    from redacta.engine import Engine


def _people(engine: Engine, text: str) -> set[str]:
    return {value for kind, value in findings(engine, text) if kind == "PERSON"}


# -- speakers at the start of chat lines -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            "[9:05 AM] renata: on my way\n[9:07 AM] jakub: ok see you at the gate",
            {"renata", "jakub"},
        ),
        (
            "yalazabay1981: r u coming this weekend\naslan3: ya leaving on the train",
            {"yalazabay1981", "aslan3"},
        ),
        ("farah: whats the number again\ntoma: no idea sorry\nfarah: ok", {"farah", "toma"}),
        (
            "Thread: best route north?\n#1 tsensoy: take the coast road\n"
            "#2 bilginur_a1978: train is faster",
            {"tsensoy", "bilginur_a1978"},
        ),
        ("<jakub> anyone around?\n<soph_m> yes, here", {"jakub", "soph_m"}),
        ("marconi41: anyone driving north on the weekend?", {"marconi41"}),
        ("tavi: r u at the station yet\nkoen: nah, 5 min", {"tavi", "koen"}),
        ("[10:02] pickering: on my way\n[10:03] dowling: ok, gate 4", {"pickering", "dowling"}),
    ],
)
def test_chat_speakers_whatever_their_case_or_digits(
    redacta_engine: Engine, text: str, speakers: set[str]
) -> None:
    assert speakers <= _people(redacta_engine, text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("name: Gia\nemail: gia@example.com\ncity: Kareli", "city"),
        ("timeout: 30\nretries: 5\nmode: fast and safe", "mode"),
        ("apple: a red fruit\nbanana: a yellow fruit", "banana"),
        ("server01: connection refused\nstep2: restart the service", "server01"),
        ("Sunday: the rota is full\nMonday: nobody on call yet", "Monday"),
        ("note: call back after lunch", "note"),
        ("kernel: [ 81.44] usb 2-1: new device\nkernel: [ 81.55] usb 2-1: device found", "kernel"),
    ],
)
def test_form_labels_config_keys_and_glossaries_are_no_speakers(
    redacta_engine: Engine, text: str, label: str
) -> None:
    assert "PERSON" not in types_over(redacta_engine, text, label)


def test_all_caps_datelines_are_no_chat_speakers() -> None:
    from redacta.engine.recognizers.chat import find_speakers

    # News briefs head each item with a place in capitals; chats write who speaks as names.
    assert find_speakers("BRIEFS\nJOHN VILLE: the council met.\nPHILIPPINES: turnout 50%.") == []


# -- handles -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("[SOLD] bike, pick-up in town only. msg @dritan62 or text me", "dritan62"),
        ("Posted by u/patrick_b43 · this morning", "patrick_b43"),
        ("Reviewed by rafaela84 · 31 July 2020\nThe tour was fine.", "rafaela84"),
        ("Edit: thanks brekke.b48 and roar.d, sorted.", "roar.d"),
        ("Re: moving\n\n> lola_vanginkel wrote:\n> is it expensive?", "lola_vanginkel"),
        ("10:42:07 courier-app driver=gisela_kaser stop=313 status=DELIVERED", "gisela_kaser"),
    ],
)
def test_handles_after_their_cues_are_people(
    redacta_engine: Engine, text: str, handle: str
) -> None:
    assert ("PERSON", handle) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("write to lucas15@example.org today", "lucas15"),
        ("@here the build is green again", "here"),
        ("@property\ndef name(self) -> str:\n    return self._name", "property"),
        ("SELECT * FROM users ORDER BY created_at; sorted by user_id", "created_at"),
        ("sorted by user_id and then by name", "user_id"),
        ("10:42:07 worker=batch_7 queue=fast_lane status=ok", "fast_lane"),
        ("contact_id=C133 owner=the legal department", "the"),
    ],
)
def test_emails_teams_decorators_and_code_are_no_handles(
    redacta_engine: Engine, text: str, word: str
) -> None:
    assert "PERSON" not in types_over(redacta_engine, text, word)


# -- lower-case given names --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("marta raised the refund issue again this morning", "marta"),
        ("we drove up on friday and antonio said the road was fine", "antonio"),
        ("lol hanna just landed and forgot her passport", "hanna"),
        ("ping liam instead, he knows the setup", "liam"),
        ("farah's on leave until the end of the month", "farah"),
        ("yes hi its lilly calling from the depot um about the delivery", "lilly"),
    ],
)
def test_lower_case_given_names_in_running_text(
    redacta_engine: Engine, text: str, name: str
) -> None:
    assert "PERSON" in types_over(redacta_engine, text, name)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("please edit the second line per the spec", "edit"),
        ("please edit the second line per the spec", "line"),
        ("please edit the second line per the spec", "per"),
        ("we saw a robin in the garden, else nothing moved", "robin"),
        ("the report is due at the end of the month", "report"),
        ("route 298: salta -> san juan, 410 stops", "juan"),
        ("need a lift to west matthew on sunday", "matthew"),
    ],
)
def test_english_words_that_are_also_given_names_stay_words(
    redacta_engine: Engine, text: str, word: str
) -> None:
    assert "PERSON" not in types_over(redacta_engine, text, word)


# -- lower-case weekdays -----------------------------------------------------------------------


# -- lower-case names as the subject of a lower-case line ----------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("k ya leaving at 6, dinuka is driving us", "dinuka"),
        ("so then thilini said the shop was closed", "thilini"),
        ("lol wiremu just texted me the photos", "wiremu"),
        ("whats tamati's number again", "tamati"),
        ("ok nice, say hi to kasun from me", "kasun"),
        ("thanks rangimarie, sorted now", "rangimarie"),
    ],
)
def test_lower_case_names_before_a_verb_or_possessive(
    redacta_engine: Engine, text: str, name: str
) -> None:
    assert "PERSON" in types_over(redacta_engine, text, name)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("anyone in kvitfjell got a drill i can borrow", "kvitfjell"),
        ("ugh the wifi is down again and nothing works", "wifi"),
        ("The Committee said Thilini is fine.", "Committee"),
        ("hi all, thanks heaps for the help", "heaps"),
        # prose opens with a capital: an English noun the tagger calls a proper noun is no name
        ("The quiet harbour watch starts soon.", "watch"),
    ],
)
def test_places_words_and_capitalised_text_are_no_lower_case_subjects(
    redacta_engine: Engine, text: str, word: str
) -> None:
    assert "PERSON" not in types_over(redacta_engine, text, word)


def test_a_lower_case_name_after_say_hi_to_is_no_place(redacta_engine: Engine) -> None:
    text = "ok nice, say hi to kasun from me"
    assert "LOCATION" not in types_over(redacta_engine, text, "kasun")


# -- lower-case places after a place word -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("omg we finally landed in kvitfjell, so cold here", "kvitfjell"),
        ("anyone driving from dunmorestown tmrw? need a lift", "dunmorestown"),
        ("ya my cousin just moved to north tinsbury lol", "north tinsbury"),
        ("hi its priya calling from hoskote um about the order", "hoskote"),
        ("ok so the meetup is in ashwood ville this year", "ashwood ville"),
    ],
)
def test_lower_case_places_after_a_place_word_in_lower_case_lines(
    redacta_engine: Engine, text: str, place: str
) -> None:
    assert "LOCATION" in types_over(redacta_engine, text, place)


@pytest.mark.parametrize(
    "text",
    [
        "ok so i am in progress with it, from u to me, see you in town",
        "talked to maria about it yesterday lol",
        "ugh going in circles with this, back to square one",
        "sent it to accounts, still stuck in traffic, send help",
    ],
)
def test_english_words_and_names_after_a_place_word_are_no_places(
    redacta_engine: Engine, text: str
) -> None:
    assert not {value for kind, value in findings(redacta_engine, text) if kind == "LOCATION"}


def test_capitalised_text_leaves_lower_case_words_after_in_alone(redacta_engine: Engine) -> None:
    """Outside a line written in lower case, a lower-case word after "in" is no name."""
    text = "The Board met in camera and the Minister spoke to colleagues in kvitfjell style."
    assert "LOCATION" not in types_over(redacta_engine, text, "kvitfjell")


@pytest.mark.parametrize(
    ("text", "day"),
    [("ya leaving sunday, back late", "sunday"), ("so we meet on friday at the pub", "friday")],
)
def test_lower_case_weekdays_are_dates(redacta_engine: Engine, text: str, day: str) -> None:
    assert ("DATE_TIME", day) in findings(redacta_engine, text)


def test_weekdays_inside_file_names_and_handles_are_no_dates(redacta_engine: Engine) -> None:
    text = "see friday_report.csv and /reports/monday/summary, or ask @sunday"
    assert not any(kind == "DATE_TIME" for kind, _ in findings(redacta_engine, text))


# -- identifiers are no names ------------------------------------------------------------------


@pytest.mark.parametrize("key", ["userId", "customerId", "apellidoPaterno", "first_name"])
def test_a_lone_identifier_is_no_name_place_or_firm(redacta_engine: Engine, key: str) -> None:
    assert not findings(redacta_engine, key)
    assert not findings(redacta_engine, f"{key} 5521")


def test_a_json_file_keeps_its_identifier_keys(tmp_path: Path, redacta_engine: Engine) -> None:
    from redacta.documents import redact_document
    from redacta.redaction.pipeline import Redactor

    src = tmp_path / "users.json"
    records = [
        {"userId": 5521, "customerId": 7, "fullName": "Joaquín Altamirano"},
        {"userId": 5522, "customerId": 8, "fullName": "Thandiwe Mabaso"},
    ]
    src.write_text(json.dumps(records, indent=2, ensure_ascii=False), encoding="utf-8")
    dst = tmp_path / "out.json"
    redact_document(src, dst, Redactor(redacta_engine, salt=b"s" * 32))
    out = json.loads(dst.read_text(encoding="utf-8"))
    assert [sorted(r) for r in out] == [sorted(r) for r in records]
    assert [r["fullName"] for r in out] == ["<PERSON>", "<PERSON>"]


def test_the_header_row_of_a_pasted_table_is_no_name_or_place(redacta_engine: Engine) -> None:
    text = (
        "customerId,Nombre,apellidoPaterno,Straße,PLZ,Ort,Telefon\n"
        "1,Joaquín,Altamirano,Calle Mayor 5,28009,Madrid,+34 600 000 000"
    )
    header = text.split("\n", 1)[0]
    assert not [r for r in redacta_engine.analyze(text) if r.start < len(header)]
    assert "PERSON" in types_over(redacta_engine, text, "Altamirano")


def test_the_first_row_of_a_table_without_a_header_keeps_its_findings(
    redacta_engine: Engine,
) -> None:
    text = "Joaquín Altamirano,Madrid,Spain\nThandiwe Mabaso,Johannesburg,South Africa"
    assert "LOCATION" in types_over(redacta_engine, text, "Madrid")
