"""LOCATION: towns named after a motion or place cue, in a form field that asks for a place,
before their country, or after "in"/"near", in any script and in capitals; companies,
people, weekdays, languages and departments after the same words are not places."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from test_recognizers_helpers import findings, types_over

if TYPE_CHECKING:
    from redacta.engine import Engine


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Guest arriving from София on Wed.", "София"),
        ("I'm moving from Ciudad Real to Cuenca in April.", "Ciudad Real"),
        ("I'm moving from Ciudad Real to Cuenca in April.", "Cuenca"),
        ("It is a short walk from Novi Marof centre.", "Novi Marof"),
        ("Invitation for a guest born in 1999 in TARRAGONA.", "TARRAGONA"),
        ("Certificate for Irfan, born 1967-04-12 in Pekalongan, by the registrar.", "Pekalongan"),
        ("Take the motorway towards Sungai Penuh.", "Sungai Penuh"),
        ("Baptism record, parish of Bufalata.", "Bufalata"),
        ("Your relocation to Šalgovce starts on Monday.", "Šalgovce"),
    ],
)
def test_cued_places(redacta_engine: Engine, text: str, place: str) -> None:
    assert "LOCATION" in types_over(redacta_engine, text, place)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Emergency contact: sister\nTel: 0488 240 312\nCity: Varna", "Varna"),
        ("SURNAME: OKAFOR\nPLACE OF BIRTH: PORT HARCOURT\nNATIONALITY: Nigeria", "PORT HARCOURT"),
        ("Shortlist: two names. Location: Kecskemét.", "Kecskemét"),
        ("Pick-up: Tartu, 23 December 2018 at 05:26", "Tartu"),
        ("Place of birth: تبریز\nDate of birth: 1990", "تبریز"),
        ("Town ........ Nova Gorica\nPhone ....... 05 333 1200", "Nova Gorica"),
        ("Nearest branch: ქუთაისი, open daily", "ქუთაისი"),
        ("Venue: Kraljevica\nTime: 18:00", "Kraljevica"),
        ("Place of issue: KYIV", "KYIV"),
        ("Suburb: Ponsonby", "Ponsonby"),
    ],
)
def test_form_fields_that_ask_for_a_place(redacta_engine: Engine, text: str, place: str) -> None:
    assert ("LOCATION", place) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "Location: Remote",
        "Location: Conference Room B",
        "City: N/A",
        "Country of residence: see above",
        "Where: Room 4",
        "Address: see above",
    ],
)
def test_place_fields_without_a_place(redacta_engine: Engine, text: str) -> None:
    assert not {f for f in findings(redacta_engine, text) if f[0] == "LOCATION"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Sign-in from 10.1.2.3 (Cieszyn, Poland) on 8 April.", "Cieszyn, Poland"),
        ("¹ Bach ApS, Måløv, Denmark", "Måløv, Denmark"),
        ("Gift from Pepijn (Ezinge, the Netherlands) to Naud.", "Ezinge, the Netherlands"),
    ],
)
def test_town_before_its_country(redacta_engine: Engine, text: str, place: str) -> None:
    assert ("LOCATION", place) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Kick-off Wednesday 19:30 at Steinmann AG, Oftringen.", "Oftringen"),
        ("2014-2019  Firmware Developer, Vaisala Oyj, Vantaa\n", "Vantaa"),
        ("Sr. Flores (Martin & Ruiz SA, Ushuaia) called back", "Ushuaia"),
        ("Dentist: Dr. Anna Kowalska, Smile Dental Clinic, Hounslow", "Hounslow"),
        ("Sr. Dugal (University of Bilaspur, Begusarai) called back", "Begusarai"),
    ],
)
def test_town_after_a_firm(redacta_engine: Engine, text: str, place: str) -> None:
    assert ("LOCATION", place) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Smith & Jones LLP, Solicitors.", "Solicitors"),
        ("Signed for Acme Ltd, John Smith will call.", "John Smith"),
    ],
)
def test_after_a_firm_not_a_town(redacta_engine: Engine, text: str, value: str) -> None:
    assert "LOCATION" not in types_over(redacta_engine, text, value)


def test_a_company_before_a_country_is_not_a_town(redacta_engine: Engine) -> None:
    text = "Supplier: Bach ApS, Denmark"
    assert "LOCATION" not in types_over(redacta_engine, text, "Bach ApS")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The firm opened a second workshop in Vejprty in 2008.", "Vejprty"),
        ("Your room at the university in Roswinkel is ready.", "Roswinkel"),
        ("The lost dog was last seen near Kalvehave harbour.", "Kalvehave"),
    ],
)
def test_names_after_in_or_near(redacta_engine: Engine, text: str, place: str) -> None:
    assert "LOCATION" in types_over(redacta_engine, text, place)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I'm arriving from Monday onwards.", "Monday"),
        ("Two hours from Start to finish.", "Start"),
        ("The e-mail came from Accounts.", "Accounts"),
        ("The report is in English.", "English"),
        ("The numbers are in Figure 3.", "Figure"),
        ("The file is in Maria's folder.", "Maria's"),
        ("Export it in Excel first.", "Excel"),
        ("Account owner changed from Anna Berg to Jan Holm on Monday.", "Jan Holm"),
        ("Martin & Ruiz SA called back.", "Ruiz SA"),
    ],
)
def test_cue_words_before_non_places(redacta_engine: Engine, text: str, value: str) -> None:
    assert "LOCATION" not in types_over(redacta_engine, text, value)


def test_a_name_after_in_keeps_the_type_a_stronger_finding_gives_it(
    redacta_engine: Engine,
) -> None:
    text = "The parts are made in Kovács Kft. by hand."
    assert "LOCATION" not in types_over(redacta_engine, text, "Kovács Kft.")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("We will travel together by Shinkansen from Tokyo Station.", "Tokyo Station"),
        ("Day 5: fly Mara to Wilson Airport, onward to Zanzibar", "Wilson Airport"),
        ("Your train: ICE 597 Hamburg Hbf to München Hbf, 22.03.2024", "München Hbf"),
        ("Meet at Gare de Lyon at noon.", "Gare de Lyon"),
        ("Shipped via Port of Rotterdam.", "Port of Rotterdam"),
    ],
)
def test_airports_stations_and_ports(redacta_engine: Engine, text: str, place: str) -> None:
    assert ("LOCATION", place) in findings(redacta_engine, text)


def test_kinds_of_station_are_not_places() -> None:
    """The station rule adds nothing here (what the NER model says is its own matter)."""
    from redacta.engine.recognizers.places import LocationCueRecognizer

    text = "Report it at the Police Station, then plug the laptop into its Docking Station."
    assert LocationCueRecognizer().find(text) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("He comes from Eindhoven and works in Ghent.", "Eindhoven"),
        ("She is originally from Plovdiv.", "Plovdiv"),
        ("I'll be coming from Brno by train.", "Brno"),
        ("A native of Thessaloniki, he studied abroad.", "Thessaloniki"),
    ],
)
def test_places_someone_comes_from(redacta_engine: Engine, text: str, place: str) -> None:
    assert ("LOCATION", place) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Morada: Lisboa", "Lisboa"),
        ("Địa chỉ: Hà Nội", "Hà Nội"),
        ("Wohnort: Linz", "Linz"),
        ("Osoite: Tampere", "Tampere"),
        ("Διεύθυνση: Πάτρα", "Πάτρα"),
    ],
)
def test_address_labels_in_other_languages(redacta_engine: Engine, text: str, place: str) -> None:
    assert ("LOCATION", place) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("A message came from Anna Kowalska about the invoice.", "Anna Kowalska"),
        ("Your parcel came from Maria yesterday.", "Maria"),
    ],
)
def test_people_after_from_stay_people(redacta_engine: Engine, text: str, person: str) -> None:
    assert "LOCATION" not in types_over(redacta_engine, text, person)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Greetings from Chiang Mai!", "Chiang Mai"),
        ("The farm is just outside Graz.", "Graz"),
    ],
)
def test_places_after_weak_cues(redacta_engine: Engine, text: str, place: str) -> None:
    assert ("LOCATION", place) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A message from Anna about the invoice.", "Anna"),
        ("Results from Monday are in.", "Monday"),
        ("Feedback from HR and from Legal is pending.", "Legal"),
        ("It runs on a Python-based stack.", "Python"),
        ("A quote from Google was attached.", "Google"),
    ],
)
def test_no_place_after_weak_cues(redacta_engine: Engine, text: str, value: str) -> None:
    assert "LOCATION" not in types_over(redacta_engine, text, value)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Stadt: Klagenfurt\nLand: Österreich", "Klagenfurt"),
        ("Stadt: Klagenfurt\nLand: Österreich", "Österreich"),
        ("Kaupunki: Jyväskylä", "Jyväskylä"),
        ("Miasto: Rzeszów", "Rzeszów"),
    ],
)
def test_place_fields_labelled_in_their_own_language(
    redacta_engine: Engine, text: str, place: str
) -> None:
    assert types_over(redacta_engine, text, place) == {"LOCATION"}


def test_a_letterhead_address_with_dots_is_one_span(redacta_engine: Engine) -> None:
    text = "Mariahilfer Straße 45 · 1060 Wien · Österreich"
    assert ("LOCATION", text) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Itinerary\n25.07.99 10:28 depart Konice\n2000-01-26 22:10:25 arrive Hostinné", "Konice"),
        (
            "Itinerary\n25.07.99 10:28 depart Konice\n2000-01-26 22:10:25 arrive Hostinné",
            "Hostinné",
        ),
        ("Then we take the train to Klein; our host lives there.", "Klein"),
        ("Detached house for sale in Nasaud (Ilfov). Address on request.", "Ilfov"),
        ("Name: Jan de Vries\nStreet: Owenhof 762\nPostcode/Town: 2311 XU Moorveld", "Owenhof 762"),
        (
            "Name: Jan de Vries\nStreet: Owenhof 762\nPostcode/Town: 2311 XU Moorveld",
            "2311 XU Moorveld",
        ),
        ("PLZ/Ort: 8010 Graz", "8010 Graz"),
    ],
)
def test_itineraries_regions_and_address_fields(
    redacta_engine: Engine, text: str, place: str
) -> None:
    assert types_over(redacta_engine, text, place) == {"LOCATION"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Orders arrive Monday and depart Friday.", "Monday"),
        ("Street: see the map", "see the map"),
        ("He works in Sales (Marketing) now.", "Marketing"),
    ],
)
def test_days_labels_without_numbers_and_departments_are_not_places(
    redacta_engine: Engine, text: str, value: str
) -> None:
    assert "LOCATION" not in types_over(redacta_engine, text, value)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Greenhaven, Sat, 9 Jan 2021\n\nRe: notice of termination\n\nDear Sir,", "Greenhaven"),
        ("Michelle Ville, March 31, 2008\n\nDear Sir or Madam,", "Michelle Ville"),
    ],
)
def test_the_town_on_the_date_line_of_a_letter(
    redacta_engine: Engine, text: str, place: str
) -> None:
    assert "LOCATION" in types_over(redacta_engine, text, place)


@pytest.mark.parametrize(
    "text",
    ["Monday, 12 May 2024\n\nMinutes", "Received, 25/9/2022\nAccepted, 31/12/2022"],
)
def test_a_date_line_without_a_town_names_no_place(redacta_engine: Engine, text: str) -> None:
    assert not {value for kind, value in findings(redacta_engine, text) if kind == "LOCATION"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a name in a list whose other names are places
        ("We now have offices in Monte Santa Maria, Vallelunga Pratameno, Longara.", "Longara"),
        ("Our depots are in Hexham, Alnwick and Morpeth.", "Morpeth"),
        ("Jun 2012, somewhere between Lüdenscheid and Meiningen. No signal.", "Meiningen"),
        ("Branches: KUALA LUMPUR · PENANG · IPOH", "IPOH"),
        # a news dateline, a branch named by its town, form labels of other languages
        ("HELLAND, Mar 6, 2010 - Solberg ASA said it will open offices.", "HELLAND"),
        ("University of Konya appoints a new head of its Eskişehir site.", "Eskişehir"),
        ("Apellidos: Zhdanova\nLocalidad: Калач-на-Дону\nCorreo: z@example.org", "Калач-на-Дону"),
        ("Nazwisko / Surname: KVERNAZE\nMiejscowość / Town: ᲠᲣᲡᲗᲐᲕᲘ", "ᲠᲣᲡᲗᲐᲕᲘ"),
    ],
)
def test_places_in_lists_datelines_branches_and_forms(
    redacta_engine: Engine, text: str, place: str
) -> None:
    assert types_over(redacta_engine, text, place) == {"LOCATION"}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Microsoft, Google and Amazon reported earnings.", "Google", "ORGANIZATION"),
        ("Dear Sir, I met Smith, Jones and Wilson yesterday.", "Jones", "ORGANIZATION"),
    ],
)
def test_lists_of_people_and_firms_are_no_places(
    redacta_engine: Engine, text: str, name: str, kind: str
) -> None:
    assert types_over(redacta_engine, text, name) == {kind}


def test_a_weekday_dateline_names_no_place(redacta_engine: Engine) -> None:
    text = "Monday, 12 May 2024 - the meeting starts."
    assert not {value for kind, value in findings(redacta_engine, text) if kind == "LOCATION"}


def test_a_list_with_a_person_in_it_gives_no_place_to_a_name(redacta_engine: Engine) -> None:
    text = "Married: Ragnar Lind and Malthe Mikkelsen, Gentofte, Oct. 2013."
    assert "LOCATION" not in types_over(redacta_engine, text, "Ragnar Lind")
    text = "Anna Novak, London and Paris are on the list."
    assert "LOCATION" not in types_over(redacta_engine, text, "Anna Novak")
    text = "Location: car park behind Tesco Extra, Pilgrim Street, Newcastle upon Tyne NE1 6BF"
    assert "LOCATION" not in types_over(redacta_engine, text, "Tesco Extra")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Subject: Re: Samarqand office move - to join on 13.7.2006", "Samarqand"),
        ("Signed at Schaan on 19 Aug 2003 by Patrick Kieber.", "Schaan"),
        ("The courts of Giza shall have exclusive jurisdiction.", "Giza"),
    ],
)
def test_places_of_sites_courts_and_signatures(
    redacta_engine: Engine, text: str, place: str
) -> None:
    assert "LOCATION" in types_over(redacta_engine, text, place)


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Service areas: Keswick, Penrith and Cockermouth.", ["Keswick", "Penrith", "Cockermouth"]),
        ("Depots: ARENDAL · GRIMSTAD · LILLESAND", ["ARENDAL", "GRIMSTAD", "LILLESAND"]),
        (
            "Pick-up locations this week: tromsø, alta, hammerfest.",
            ["tromsø", "alta", "hammerfest"],
        ),
    ],
)
def test_each_place_of_a_list_a_label_asks_for(
    redacta_engine: Engine, text: str, places: list[str]
) -> None:
    for place in places:
        assert "LOCATION" in types_over(redacta_engine, text, place)


@pytest.mark.parametrize(
    "text",
    [
        "Key areas: Finance, HR and Legal",
        "Focus areas: pricing, onboarding and support.",
        "Offices: Smith & Jones LLP, Leeds",
        "Locations: remote, hybrid",
    ],
)
def test_lists_after_such_labels_that_name_no_places(redacta_engine: Engine, text: str) -> None:
    assert not {v for kind, v in findings(redacta_engine, text) if kind == "LOCATION"} - {"Leeds"}
