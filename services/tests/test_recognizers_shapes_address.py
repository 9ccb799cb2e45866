"""LOCATION: addresses in the world's orders are ONE span (street and number in either order,
unit lines, postcode before town, country, several lines); military addresses too. Gates,
platforms, rooms and order numbers are not addresses."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from test_recognizers_helpers import findings

if TYPE_CHECKING:
    from redacta.engine import Engine


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "She lives at 27 Rue des Lilas, 75019 Paris, France. Call her.",
            "27 Rue des Lilas, 75019 Paris, France",
        ),
        (
            "His address is Schönhauser Allee 112, 10435 Berlin.",
            "Schönhauser Allee 112, 10435 Berlin",
        ),
        (
            "Address: Rua Augusta 1234, Apt. 5, 01305-100 São Paulo - SP, Brazil",
            "Rua Augusta 1234, Apt. 5, 01305-100 São Paulo - SP, Brazil",
        ),
        (
            "Send to Kossuth Lajos utca 12, 1055 Budapest, Hungary or call.",
            "Kossuth Lajos utca 12, 1055 Budapest, Hungary",
        ),
        ("Visit Mannerheimintie 5 A 12, 00100 HELSINKI.", "Mannerheimintie 5 A 12, 00100 HELSINKI"),
        (
            "Ship to:\nKarl Johans gate 22\n0159 Oslo\nNorway\n",
            "Karl Johans gate 22\n0159 Oslo\nNorway",
        ),
        ("Οδός Ερμού 25\n105 63 Αθήνα\nGreece", "Οδός Ερμού 25\n105 63 Αθήνα\nGreece"),
        (
            "ул. Ленина, д. 5, кв. 12, 620014 Екатеринбург, Россия",
            "ул. Ленина, д. 5, кв. 12, 620014 Екатеринбург, Россия",
        ),
        ("Calle de Alcalá 45, 2º D, 28014 Madrid", "Calle de Alcalá 45, 2º D, 28014 Madrid"),
        ("ul. Marszałkowska 10/12, 00-590 Warszawa", "ul. Marszałkowska 10/12, 00-590 Warszawa"),
        ("Post: 75008 Paris, France.", "75008 Paris, France"),
        (
            "SHIP TO:\nİstiklal Caddesi No: 55\n82034 Ortahisar/Bursa\n\nWeight: 407 g",
            "İstiklal Caddesi No: 55\n82034 Ortahisar/Bursa",
        ),
        (
            "Bill to:\nNedvědovo Náměstí 5\nSuite 139\n540 49 Černošice\n",
            "Nedvědovo Náměstí 5\nSuite 139\n540 49 Černošice",
        ),
        ("Meet me on 26, rue de Pasquier - a short walk.", "26, rue de Pasquier"),
        ("Kotrčová 8, 331 79 Potštát", "Kotrčová 8, 331 79 Potštát"),
        ("Gračanska 7c\n87733 Ogulin\n", "Gračanska 7c\n87733 Ogulin"),
        ("WENGERSTRASSE 35\n1786 RICHTERSWIL", "WENGERSTRASSE 35\n1786 RICHTERSWIL"),
        (
            "Flat 71\nIncrocio Gionata, 233\n22027, Ronago (CO)\nITALY",
            "Flat 71\nIncrocio Gionata, 233\n22027, Ronago (CO)\nITALY",
        ),
        (
            "Billing address: 68/670, Tara Nagar, Katihar-124971",
            "68/670, Tara Nagar, Katihar-124971",
        ),
        (
            "Apartment 86, H.No. 632, Saini Circle, Vadodara-147397",
            "Apartment 86, H.No. 632, Saini Circle, Vadodara-147397",
        ),
        ("送付先: 横浜市緑区十日市場町 801-8 まで", "横浜市緑区十日市場町"),
        ("地址 广东省广州市天河区体育西路 510620", "广东省广州市天河区体育西路 510620"),
        (
            "Correspondence: PASAJE AGUSTINA ACEVEDO 368, BARCELONA, 35001. E-mail: x",
            "PASAJE AGUSTINA ACEVEDO 368, BARCELONA, 35001",
        ),
    ],
)
def test_international_addresses_are_one_span(
    redacta_engine: Engine, text: str, address: str
) -> None:
    assert ("LOCATION", address) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Weitzelring 3/7, 44128 Schwarzenberg. E-mail me.",
            "Weitzelring 3/7, 44128 Schwarzenberg",
        ),
        ("Aspgatan 529\n48449 Lund\nTel 0701234567", "Aspgatan 529\n48449 Lund"),
    ],
)
def test_contact_label_after_address_is_not_part_of_it(
    redacta_engine: Engine, text: str, address: str
) -> None:
    assert ("LOCATION", address) in findings(redacta_engine, text)


def test_an_address_ends_with_its_sentence(redacta_engine: Engine) -> None:
    text = (
        "His new home address is 14 Kingfisher Lane, Bristol BS8 1QU, United Kingdom. "
        "You can reach him on +44 7700 900123."
    )
    found = findings(redacta_engine, text)
    assert ("LOCATION", "14 Kingfisher Lane, Bristol BS8 1QU, United Kingdom") in found
    assert not any("You" in value for _, value in found)


def test_stacked_addresses_are_separate(redacta_engine: Engine) -> None:
    text = "Via Roma 12, 00184 Roma\nHauptstraße 5, D-80331 München\n"
    found = findings(redacta_engine, text)
    assert ("LOCATION", "Via Roma 12, 00184 Roma") in found
    assert ("LOCATION", "Hauptstraße 5, D-80331 München") in found


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "SGT J MILLER\nUNIT 2050 BOX 4190\nAPO AP 96278-4190",
            "UNIT 2050 BOX 4190\nAPO AP 96278-4190",
        ),
        ("Mail: PSC 1234, Box 5678, APO AE 09204.", "PSC 1234, Box 5678, APO AE 09204"),
        ("USNS Comfort\nFPO AA 34093", "USNS Comfort\nFPO AA 34093"),
    ],
)
def test_military_addresses(redacta_engine: Engine, text: str, address: str) -> None:
    assert ("LOCATION", address) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "Departure Gate 12 closes at ten.",
        "Platform 9 is in Terminal 3.",
        "Order 10435 Shipped yesterday.",
        "We sold 12000 Units in total.",
        "Send it Via Email 3 times.",
        "Meet in Room 12 on Floor 3.",
        "Invoice 12, 2024 Totals attached.",
        "See Table 4, 2019 Survey results.",
    ],
)
def test_look_alikes_are_not_addresses(redacta_engine: Engine, text: str) -> None:
    assert not {f for f in findings(redacta_engine, text) if f[0] == "LOCATION"}
