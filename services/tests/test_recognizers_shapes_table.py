"""Tables pasted as text: cells under a "Name" column are people, under "City"/"Town" places,
under "Company" organisations; other columns and tables without such headers add nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from test_recognizers_helpers import findings, types_over

if TYPE_CHECKING:
    from redacta.engine import Engine


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        (
            "ID;Name;Town;Amount\n123;Oman Rahimah;Balikpapan;46,679.44 CHF",
            "Oman Rahimah",
            "PERSON",
        ),
        (
            "ID;Name;Town;Amount\n123;Oman Rahimah;Balikpapan;46,679.44 CHF",
            "Balikpapan",
            "LOCATION",
        ),
        ("Name\tCity\tPhone\nVitomira Kurtakova\tSofiia\t0530 760 233", "Sofiia", "LOCATION"),
        (
            "| name | email | joined |\n|---|---|---|\n| Otilia Stănescu | ig@example.jp | 2024 |",
            "Otilia Stănescu",
            "PERSON",
        ),
        ("Employer,Start\nKovács Trade,2019", "Kovács Trade", "ORGANIZATION"),
        ("Staff,Manager,Start\n4411,Efua Mensah-Bonsu,2021", "Efua Mensah-Bonsu", "PERSON"),
        ("Street;Postcode;Town\nOdos Ermou 4;10563;Athens", "10563", "LOCATION"),
        ("Street;Postcode;Town\nOdos Ermou 4;10563;Athens", "Odos Ermou 4", "LOCATION"),
        ("name\tzip\nAda Obi\t900 108", "900 108", "LOCATION"),
    ],
)
def test_cells_under_typed_headers(
    redacta_engine: Engine, text: str, value: str, kind: str
) -> None:
    assert kind in types_over(redacta_engine, text, value)


@pytest.mark.parametrize(
    "text",
    [
        "Item;Qty;Price\nWidget;2;3.50\nGadget;1;9.99",
        "Step\tStatus\nBuild\tok\nDeploy\tfailed",
    ],
)
def test_tables_without_typed_headers(redacta_engine: Engine, text: str) -> None:
    kinds = {kind for kind, _ in findings(redacta_engine, text)}
    assert not kinds & {"PERSON", "LOCATION", "ORGANIZATION"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("SURNAME: NAVONE\nGIVEN NAMES: Guarino\nNATIONALITY: Italy", "Guarino"),
        ("Policyholder: Şekim Yorulmaz\nAddress: on file", "Şekim Yorulmaz"),
        ("Partners Torres, Buisson and Fernandez signed the merger.", "Torres"),
    ],
)
def test_more_person_labels(redacta_engine: Engine, text: str, name: str) -> None:
    assert "PERSON" in types_over(redacta_engine, text, name)


def test_label_is_not_a_chat_speaker(redacta_engine: Engine) -> None:
    text = "SURNAME: NAVONE\nGIVEN NAMES: Guarino"
    assert ("PERSON", "GIVEN NAMES") not in findings(redacta_engine, text)


def test_quoted_csv_cells_holding_the_delimiter(redacta_engine: Engine) -> None:
    text = (
        '"Surname","Given name","Address"\n'
        '"Mäder","Elmar","Maurerstrasse 386, 3187 Wallisellen"\n'
        '"Kašpar","Anežka","Záluské 7, 161 18 Mnichovice"\n'
    )
    found = findings(redacta_engine, text)
    for name in ("Mäder", "Elmar", "Kašpar", "Anežka"):
        assert ("PERSON", name) in found  # the cell without its quotes
    assert "PERSON" not in types_over(redacta_engine, text, "Surname")


def test_the_header_line_of_a_typed_table_holds_no_name(redacta_engine: Engine) -> None:
    text = (
        "customerId,Nombre,City,Telefon\n"
        "1001,Joaquín Altamirano,Madrid,915550123\n"
        "1002,Thandiwe Mabaso,Johannesburg,115550123\n"
    )
    header_end = text.index("\n")
    assert not [r for r in redacta_engine.analyze(text) if r.start < header_end]
