"""Table cells are analyzed with their column header as evidence: a cell under "name",
"customer", "contact" or "employee" is a person, under "city" or "address" a place, whatever
the model makes of two words out of context; other columns add nothing."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from redacta.documents import find_in_units, open_document
from redacta.engine import Engine
from redacta.redaction.options import RedactionOptions
from redacta.redaction.pipeline import Redactor

ROWS = [
    ["id", "name", "city", "customer", "note"],
    ["1", "Oluwaseun Adeyemi", "Lagos", "Camille Dubois", "Renewal approved"],
    ["2", "Aroha Ngata", "Rotorua", "Tomasz Wójcik", "Sent the invoice"],
    ["3", "Contact Ana Lima", "Porto", "Camille Dubois", "Call back on Monday"],
]


def _types_by_cell(path: Path, redactor: Redactor) -> dict[tuple[int, int], set[tuple[str, str]]]:
    """(row, column) -> {(value, type)} of every finding."""
    document = open_document(path)
    try:
        found = find_in_units(redactor, document.units)
        return {
            (unit.row or 0, unit.column or 0): {
                (unit.text[f.start : f.end], f.entity_type) for f in fs
            }
            for unit, fs in zip(document.units, found, strict=True)
        }
    finally:
        document.close()


@pytest.fixture
def redactor(redacta_engine: Engine) -> Redactor:
    return Redactor(redacta_engine, RedactionOptions())


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return path


def _write_xlsx(path: Path, rows: list[list[str]]) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "People"
    for row in rows:
        ws.append(row)
    wb.save(str(path))
    return path


@pytest.mark.parametrize("writer", [_write_csv, _write_xlsx])
def test_header_types_the_cells(tmp_path: Path, redactor: Redactor, writer: object) -> None:
    suffix = ".csv" if writer is _write_csv else ".xlsx"
    path = writer(tmp_path / f"people{suffix}", ROWS)  # type: ignore[operator]
    cells = _types_by_cell(path, redactor)
    assert ("Oluwaseun Adeyemi", "PERSON") in cells[(2, 2)]
    assert ("Aroha Ngata", "PERSON") in cells[(3, 2)]
    assert cells[(2, 4)] == {("Camille Dubois", "PERSON")}  # never typed as a place
    assert ("Tomasz Wójcik", "PERSON") in cells[(3, 4)]
    assert ("Rotorua", "LOCATION") in cells[(3, 3)]
    # The model's own narrower finding stands: only the name, not "Contact".
    assert ("Ana Lima", "PERSON") in cells[(4, 2)]
    assert not any(value.startswith("Contact") for value, _ in cells[(4, 2)])
    # Headers and columns that name no type add nothing.
    assert cells[(1, 2)] == set()
    assert cells[(2, 5)] == set()


def test_header_evidence_respects_entities_and_allow_list(
    tmp_path: Path, redacta_engine: Engine
) -> None:
    path = _write_csv(tmp_path / "people.csv", ROWS)
    only_places = Redactor(redacta_engine, RedactionOptions(entities=["LOCATION"]))
    cells = _types_by_cell(path, only_places)
    assert all(kind == "LOCATION" for found in cells.values() for _, kind in found)
    allowed = Redactor(redacta_engine, RedactionOptions(allow_list=["Aroha Ngata"]))
    assert not any(value == "Aroha Ngata" for value, _ in _types_by_cell(path, allowed)[(3, 2)])


def test_a_name_found_in_part_is_typed_whole(tmp_path: Path, redactor: Redactor) -> None:
    """Under a name column the cell is the name: where the model finds only a surname, or
    takes the name for a place, the whole cell is one PERSON (the given name left in clear
    beside a redacted surname would leak it); under an address column the whole cell is one
    LOCATION where the model found only the town."""
    names = ["Stamatia Vlassi", "Dorottya Bárány", "Chidinma Obi", "Eun-ji Seo", "Leonor Quaresma"]
    rows = [["id", "full_name", "address"]] + [
        [str(i), name, f"Odos Kallirois {i + 3}, Thessaloniki"] for i, name in enumerate(names)
    ]
    cells = _types_by_cell(_write_csv(tmp_path / "staff.csv", rows), redactor)
    for i, name in enumerate(names):
        assert cells[(i + 2, 2)] == {(name, "PERSON")}
        assert cells[(i + 2, 3)] == {(f"Odos Kallirois {i + 3}, Thessaloniki", "LOCATION")}


def test_header_found_with_quoted_commas_and_crlf(tmp_path: Path) -> None:
    """A CSV as Python, Excel and most exports write it (CRLF line ends, cells with commas
    in quotes) has its header found, so its columns can type their cells."""
    from redacta.documents.model import DocumentOptions
    from redacta.documents.tabular import read_table_file

    rows = [["id", "full_name", "address"]] + [
        [str(i), f"Person {i}", f"Street {i + 3}, Town"] for i in range(5)
    ]
    table = read_table_file(_write_csv(tmp_path / "t.csv", rows), DocumentOptions())
    assert [u.column_header for u in table.units if u.row == 2] == ["id", "full_name", "address"]


def test_header_found_over_a_column_of_dates(tmp_path: Path) -> None:
    """An HR export whose "start_date" column holds ISO dates as long as its header still
    has its header found: the first row names types its cells are typed by."""
    from redacta.documents.model import DocumentOptions
    from redacta.documents.tabular import read_table_file

    header = ["employee_id", "full_name", "city", "start_date"]
    rows = [header] + [[f"E-{i:04d}", f"Person {i}", "Town", f"2027-01-{i + 10}"] for i in range(5)]
    table = read_table_file(_write_csv(tmp_path / "t.csv", rows), DocumentOptions())
    assert [u.column_header for u in table.units if u.row == 2] == header


def test_street_postcode_and_manager_columns(tmp_path: Path, redactor: Redactor) -> None:
    """An address split over "street", "postcode" and "town" columns is removed cell by
    cell, postcodes of digits alone included, and a name under "manager" is a person; a
    number under a column that names no place stays."""
    rows = [
        ["id", "manager", "street", "postcode", "town", "headcount"],
        ["1", "Eszter Fodor-Nagy", "Odos Ermou 4", "10563", "Athens", "12"],
        ["2", "Chiamaka Eze", "Plot 12 Adeola Odeku Street", "101241", "Lagos", "7"],
    ]
    cells = _types_by_cell(_write_csv(tmp_path / "sites.csv", rows), redactor)
    assert cells[(2, 2)] == {("Eszter Fodor-Nagy", "PERSON")}
    assert cells[(3, 2)] == {("Chiamaka Eze", "PERSON")}
    assert ("10563", "LOCATION") in cells[(2, 4)]
    assert ("101241", "LOCATION") in cells[(3, 4)]
    assert ("Odos Ermou 4", "LOCATION") in cells[(2, 3)]
    assert not cells[(2, 6)]
    assert not cells[(3, 6)]
