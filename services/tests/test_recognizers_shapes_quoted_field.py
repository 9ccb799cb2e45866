"""Places in pasted JSON or dict text (`"city": "Ibadan"`) are LOCATION, like "City: Ibadan",
under the same place keys the JSON document handler uses; other keys type nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from test_recognizers_helpers import findings, types_over

if TYPE_CHECKING:
    from redacta.engine import Engine


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ('{"name": "Chidi Okafor", "city": "Ibadan"}', "Ibadan"),
        ('  "city": "Sapporo",', "Sapporo"),
        ('"city": "Belo Horizonte"', "Belo Horizonte"),
        ("{'country': 'Japan', 'plan': 'gold'}", "Japan"),
        ('{"placeOfBirth": "Kumasi"}', "Kumasi"),
        # Names without a sentence around them that spaCy read as a person or a firm.
        ('{"city": "Maryberg"}', "Maryberg"),
        ('"city": "Florence",', "Florence"),
        ('{"name": "Ada", "city": "Victoria"}', "Victoria"),
        ('"hometown": "Lake Wendouree"', "Lake Wendouree"),
        ('{"place_of_birth": "Port Alder"}', "Port Alder"),
        ('"billing_address": "14 Rue des Lilas, 69003 Lyon"', "14 Rue des Lilas, 69003 Lyon"),
    ],
)
def test_quoted_place_value_is_a_location(redacta_engine: Engine, text: str, place: str) -> None:
    assert ("LOCATION", place) in findings(redacta_engine, text)
    assert "PERSON" not in types_over(redacta_engine, text, place)


def test_person_under_name_key_stays_a_person(redacta_engine: Engine) -> None:
    text = '{\n  "name": "Yuki Tanaka",\n  "city": "Sapporo"\n}'
    assert {("PERSON", "Yuki Tanaka"), ("LOCATION", "Sapporo")} <= findings(redacta_engine, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('{"status": "Active", "city": "Ibadan"}', "Active"),
        ('{"region": "eu-west-1"}', "eu-west-1"),
        ('{"cityCode": "XK9"}', "XK9"),
        ('{"country": "42"}', "42"),
    ],
)
def test_other_keys_and_values_without_letters_are_not_places(
    redacta_engine: Engine, text: str, value: str
) -> None:
    assert "LOCATION" not in types_over(redacta_engine, text, value)


def test_json_document_and_pasted_text_share_the_place_keys() -> None:
    from redacta.documents import jsondoc
    from redacta.engine.recognizers import quoted_field

    assert jsondoc.key_type is quoted_field.key_type


@pytest.mark.parametrize(
    ("key", "spelled", "as_header"),
    [
        ("placeOfBirth", "place_of_birth", "place_of_birth"),
        ("Place of birth", "place_of_birth", "place_of_birth"),
        ("place-of-birth", "place_of_birth", "place_of_birth"),
        ("address_line_1", "address_line_1", "address_line"),
        ("Phone 2", "phone_2", "phone"),
        ("mobileNumber", "mobile_number", "mobile_number"),
        ("  E-mail / Tel.  ", "e_mail_tel", "e_mail_tel"),
    ],
)
def test_keys_and_column_headers_are_spelled_one_way(
    key: str, spelled: str, as_header: str
) -> None:
    """Quoted keys and column headers are read in one spelling; a header's digits go ("Phone
    2" is a phone column), a key keeps them ("address_line_1" is one of `PLACE_KEYS`)."""
    from redacta.engine.recognizers.quoted_field import field_key, key_type
    from redacta.engine.recognizers.table import header_key

    assert field_key(key) == spelled
    assert header_key(key) == as_header
    assert key_type("address_line_1") == "LOCATION"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ('INFO geo.lookup ip=16.29.206.174 city="Zásmuky" latency_ms=8', "Zásmuky"),
        ("WARN login country=Slovakia user=42", "Slovakia"),
        ('{"user_id": 77120, "claimed_country": "Denmark"}', "Denmark"),
        ("billing_city='Maribor' billing_zip='2000'", "Maribor"),
    ],
)
def test_key_value_pairs_of_log_lines(redacta_engine: Engine, text: str, place: str) -> None:
    assert ("LOCATION", place) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("WARN geo.lookup ip=10.122.245.2 city=null", "null"),
        ('{"country_code": "SK"}', "SK"),
        ("see https://example.org/?city=Vienna&y=2 for it", "Vienna"),
    ],
)
def test_empty_values_codes_and_query_strings_are_not_key_value_places(
    redacta_engine: Engine, text: str, value: str
) -> None:
    assert "LOCATION" not in types_over(redacta_engine, text, value)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("<customer>\n  <name>René Čermák</name>\n  <town>ŽULOVÁ</town>\n</customer>", "ŽULOVÁ"),
        ("[contact]\nname = Lynn Ross\ncity = Samanthaport\n", "Samanthaport"),
    ],
)
def test_xml_elements_and_config_lines_under_place_keys(
    redacta_engine: Engine, text: str, place: str
) -> None:
    assert "LOCATION" in types_over(redacta_engine, text, place)


def test_xml_and_config_values_under_other_keys_are_no_places(redacta_engine: Engine) -> None:
    text = "<status>Delivered</status>\nmode = Express\n"
    assert not {value for kind, value in findings(redacta_engine, text) if kind == "LOCATION"}
