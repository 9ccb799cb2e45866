"""LOCATION: addresses in the world's orders are ONE span (street and number in either order,
unit lines, postcode before town, country, several lines); military addresses too. Gates,
platforms, rooms and order numbers are not addresses."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from test_recognizers_helpers import findings, types_over

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
        (
            "Giao hàng: 12 Đường Lê Lợi, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh.",
            "12 Đường Lê Lợi, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh",
        ),
        (
            "Office: 152 Teheran-ro, Gangnam-gu, Seoul 06236, South Korea",
            "152 Teheran-ro, Gangnam-gu, Seoul 06236, South Korea",
        ),
        (
            "Kantor: Jl. Merdeka No. 5, Kelurahan Citarum, Kecamatan Bandung Wetan, Bandung 40115",
            "Jl. Merdeka No. 5, Kelurahan Citarum, Kecamatan Bandung Wetan, Bandung 40115",
        ),
        (
            "Open house at Avenida Chaco N° 981 Dto. 1, Salta. Asking",
            "Avenida Chaco N° 981 Dto. 1, Salta",
        ),
        ("Lost dog near Juliaweg 33, Wervershoof on Monday.", "Juliaweg 33, Wervershoof"),
        ("Open house at Middelfart Allé 2, Kokkedal. Asking 3.4m", "Middelfart Allé 2, Kokkedal"),
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


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "mobile | 010-2234-8891\naddress | 서울특별시 마포구 월드컵북로 396, 03925",
            "서울특별시 마포구 월드컵북로 396, 03925",
        ),
        ("담당자: 이서연 / 부산광역시 해운대구 센텀중앙로 79", "부산광역시 해운대구 센텀중앙로 79"),
        (
            "Deliver to 99/1 หมู่ 3 ตำบลสุเทพ อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50200 by Friday.",
            "99/1 หมู่ 3 ตำบลสุเทพ อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50200",
        ),
        ("Ship to רחוב הרצל 12, תל אביב 6578901, Israel.", "רחוב הרצל 12, תל אביב 6578901, Israel"),
        (
            "Address: 14275 معصومه بزرگ راه, شهر مائده, ایلام 74150, IRAN\nPhone: +98 24 7424 6546",
            "14275 معصومه بزرگ راه, شهر مائده, ایلام 74150, IRAN",
        ),
        ("Office: شارع الملك فهد 120، الرياض 12271", "شارع الملك فهد 120، الرياض 12271"),
        ("The clinic moved to სადმელის ქ. 36, მცხეთა. Parking behind.", "სადმელის ქ. 36, მცხეთა"),
    ],
)
def test_addresses_in_caseless_scripts(redacta_engine: Engine, text: str, address: str) -> None:
    assert ("LOCATION", address) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Hauptstraße 5, Max Mustermann will call you.", "Hauptstraße 5"),
        ("Meet at Hauptstraße 5 - Anna will wait.", "Hauptstraße 5"),
        ("Lost dog near Juliaweg 33, Wervershoof on Monday.", "Juliaweg 33, Wervershoof"),
    ],
)
def test_an_address_swallows_no_name_or_date(
    redacta_engine: Engine, text: str, address: str
) -> None:
    found = findings(redacta_engine, text)
    assert ("LOCATION", address) in found
    assert not any(t == "LOCATION" and len(v) > len(address) for t, v in found)


def test_a_korean_name_is_no_address(redacta_engine: Engine) -> None:
    found = findings(redacta_engine, "Contact 김민수 at 010-1234-5678.")
    assert not any(t == "LOCATION" for t, _ in found)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Адреса: вул. Шевченка, 12, м. Київ, 01001, Україна.",
            "вул. Шевченка, 12, м. Київ, 01001, Україна",
        ),
        ("Cím: 1055 Budapest, Kossuth Lajos utca 12.", "1055 Budapest, Kossuth Lajos utca 12"),
        (
            "Our office: Kerkstraat 12 bus 3, 2000 Antwerpen, België.",
            "Kerkstraat 12 bus 3, 2000 Antwerpen, België",
        ),
        (
            "the apartment at Rua Augusta 120, 2.º Esq., 1100-053 Lisboa, consent",
            "Rua Augusta 120, 2.º Esq., 1100-053 Lisboa",
        ),
        (
            "Envío: Calle 45 # 12-34, Chapinero, Bogotá, Colombia.",
            "Calle 45 # 12-34, Chapinero, Bogotá, Colombia",
        ),
        (
            "Directions: Calle 8 N° 367, Flat 266, Paraná 3100. Ring twice.",
            "Calle 8 N° 367, Flat 266, Paraná 3100",
        ),
        (
            "Endereço: Rua das Flores, 123 - Centro, Curitiba - PR, 80010-120",
            "Rua das Flores, 123 - Centro, Curitiba - PR, 80010-120",
        ),
        (
            "寄到 100 臺北市中正區重慶南路一段 122 號 5 樓，謝謝",  # noqa: RUF001
            "100 臺北市中正區重慶南路一段 122 號 5 樓",
        ),
        ("Ship to הרצל 12, חיפה 3303111 today.", "הרצל 12, חיפה 3303111"),
        (
            "123 Moo 4, Tambon Suthep, Amphoe Mueang, Chiang Mai 50200, Thailand",
            "123 Moo 4, Tambon Suthep, Amphoe Mueang, Chiang Mai 50200, Thailand",
        ),
    ],
)
def test_more_address_orders(redacta_engine: Engine, text: str, address: str) -> None:
    assert ("LOCATION", address) in findings(redacta_engine, text)


def test_a_year_before_a_town_is_no_postcode(redacta_engine: Engine) -> None:
    found = findings(redacta_engine, "In 2019 Oslo, Karl Johans gate 22 hosted it.")
    assert ("LOCATION", "Karl Johans gate 22") in found
    assert not any("2019" in value for _, value in found if _ == "LOCATION")


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Host: Gunhild Vestergaard, Suite 17\nHyttehusgade 819\n3771 Højer\nTel. 1130 2928",
            "Suite 17\nHyttehusgade 819\n3771 Højer",
        ),
        (
            "Re: Astrid Nilsson, f. 1971-08-22, Vasagatan 7, 411 24 Göteborg\n\nI would",
            "Vasagatan 7, 411 24 Göteborg",
        ),
        (
            "ΦΟΥΡΝΟΣ ΚΑΡΑΓΙΑΝΝΗΣ\nΑΘΗΝΑΣ 44, ΘΕΣΣΑΛΟΝΙΚΗ 546 22\nΤΗΛ. 2310 234 118",  # noqa: RUF001
            "ΑΘΗΝΑΣ 44, ΘΕΣΣΑΛΟΝΙΚΗ 546 22",
        ),
        (
            "Address: 166 GONZALEZ WELL, SOUTH DESIREE, SK Y5Y3X7\nDate of loss: 11th June",
            "166 GONZALEZ WELL, SOUTH DESIREE, SK Y5Y3X7",
        ),
        ("Deliver to: 14 HIGH STREET, LEEDS LS1 4AP", "14 HIGH STREET, LEEDS LS1 4AP"),
        (
            "Адрес: Невский проспект, д. 88, кв. 41, Санкт-Петербург, 191025.",
            "Невский проспект, д. 88, кв. 41, Санкт-Петербург, 191025",
        ),
        (
            "We'll send him to Bağdat Cad. No: 215 D: 6, 34728 Kadıköy/İstanbul on 22.04.2024.",  # noqa: RUF001
            "Bağdat Cad. No: 215 D: 6, 34728 Kadıköy/İstanbul",  # noqa: RUF001
        ),
    ],
)
def test_capitals_labels_and_dates_around_addresses(
    redacta_engine: Engine, text: str, address: str
) -> None:
    """ALL-CAPS street types and towns belong to the address; a phone label ("Tel.", "ΤΗΛ.")
    on the next line and a date before the street ("1971-08-22, Vasagatan 7") do not."""
    assert ("LOCATION", address) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    ("text", "address", "name"),
    [
        (
            "Hauptstraße 5\n10435 Berlin\nAnna Schmidt\nTel. 030 1234567",
            "Hauptstraße 5\n10435 Berlin",
            "Anna Schmidt",
        ),
        (
            "Ship to:\nKarl Johans gate 22\n0159 Oslo\nOle Hansen\n",
            "Karl Johans gate 22\n0159 Oslo",
            "Ole Hansen",
        ),
        ("Via Roma 12, 00184 Roma, Marco Rossi.", "Via Roma 12, 00184 Roma", "Marco Rossi"),
    ],
)
def test_a_name_after_the_town_is_not_part_of_the_address(
    redacta_engine: Engine, text: str, address: str, name: str
) -> None:
    found = findings(redacta_engine, text)
    assert ("LOCATION", address) in found
    assert "LOCATION" not in types_over(redacta_engine, text, name)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # Austrian staircase and door after the house number
        (
            "Please send the contract to Mariahilfer Straße 45/3/12, 1060 Wien.",
            "Mariahilfer Straße 45/3/12, 1060 Wien",
        ),
        (
            "Lieferadresse:\nHerrengasse 3/2/7\n8010 Graz\nAustria",
            "Herrengasse 3/2/7\n8010 Graz\nAustria",
        ),
        # French and Swiss "Route de", "Ruelle"; Portuguese "Calçada", "Praceta"
        (
            "Ship to Route de Lausanne 15, 1110 Morges, Suisse.",
            "Route de Lausanne 15, 1110 Morges, Suisse",
        ),
        ("Écrire à: Ruelle du Bourg 4, 1003 Lausanne", "Ruelle du Bourg 4, 1003 Lausanne"),
        (
            "Send it to Calçada do Combro 38, 1200-115 Lisboa.",
            "Calçada do Combro 38, 1200-115 Lisboa",
        ),
        (
            "Praceta Luís de Camões, 5, 2790-123 Carnaxide",
            "Praceta Luís de Camões, 5, 2790-123 Carnaxide",
        ),
        # Ukrainian abbreviated street words keep their full stop inside the address
        (
            "Deliver to пров. Шевченка, 4, м. Львів, 79000",
            "пров. Шевченка, 4, м. Львів, 79000",
        ),
        ("просп. Науки, 14, м. Харків, 61166", "просп. Науки, 14, м. Харків, 61166"),
        ("бул. Лесі Українки, 26, Київ, 01133", "бул. Лесі Українки, 26, Київ, 01133"),
        # the town before the street, as Russian and Ukrainian addresses are often written
        (
            "Адрес: г. Москва, ул. Тверская, д. 7, кв. 12, 125009",  # noqa: RUF001
            "г. Москва, ул. Тверская, д. 7, кв. 12, 125009",  # noqa: RUF001
        ),
        # Vietnamese house number and street name without a street word
        (
            "Số 12 Nguyễn Huệ, Phường 4, Quận 3, Thành phố Hồ Chí Minh",
            "Số 12 Nguyễn Huệ, Phường 4, Quận 3, Thành phố Hồ Chí Minh",
        ),
        # postcode on its own line, town on the next
        ("Marijnsingel 43\n5474 OY\nWieringerwerf", "Marijnsingel 43\n5474 OY\nWieringerwerf"),
        # US block: unit on the street line, town/state/ZIP line, country line
        (
            "Ship to:\nJohn Smith\n1200 Main St Apt 4B\nSpringfield, IL 62704\nUSA",
            "1200 Main St Apt 4B\nSpringfield, IL 62704\nUSA",
        ),
        (
            "Unit 42, 4 Janet Range, Jacobport NT 2902",
            "Unit 42, 4 Janet Range, Jacobport NT 2902",
        ),
    ],
)
def test_stairs_lanes_abbreviations_and_line_blocks(
    redacta_engine: Engine, text: str, address: str
) -> None:
    assert ("LOCATION", address) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "Order No 12, 2024 totals attached.",
        "The route Planning 3 meeting moved.",
        "We met at Square One 4 times.",
        "Passage 3 of the text was hard.",
        "Room 12 Floor 3, see the plan.",
    ],
)
def test_street_words_that_are_also_words(redacta_engine: Engine, text: str) -> None:
    assert not {f for f in findings(redacta_engine, text) if f[0] == "LOCATION"}


def test_a_name_after_a_lettered_postcode_line_is_no_town(redacta_engine: Engine) -> None:
    text = "Marijnsingel 43\n5474 OY\nWieringerwerf\nAnna de Vries"
    found = findings(redacta_engine, text)
    assert ("LOCATION", "Marijnsingel 43\n5474 OY\nWieringerwerf") in found
    assert not any("Anna" in value for kind, value in found if kind == "LOCATION")


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # Finnish flat ("as."), Polish flat ("m."), Austrian door ("Top")
        (
            "Osoite: Kauppakatu 7 as. 12, 40100 Jyväskylä",
            "Kauppakatu 7 as. 12, 40100 Jyväskylä",
        ),
        (
            "Adres: ul. Marszałkowska 84/92 m. 15, 00-514 Warszawa",
            "ul. Marszałkowska 84/92 m. 15, 00-514 Warszawa",
        ),
        # Hungarian: a dotted house number, floor and door; postcode and town first
        ("Kossuth Lajos u. 23., 6720 Szeged", "Kossuth Lajos u. 23., 6720 Szeged"),
        ("Cím: 1052 Budapest, Váci utca 12. II. em. 4.", "1052 Budapest, Váci utca 12. II. em. 4"),
        # Ukrainian: postcode, town, street, house ("буд.") and flat, in that order
        (
            "Він живе за адресою: 79000, м. Львів, вул. Городоцька, буд. 15, кв. 8",
            "79000, м. Львів, вул. Городоцька, буд. 15, кв. 8",
        ),
        # Russian, Ukrainian and Greek street words in Latin letters
        ("Write to ulitsa Tverskaya 7, Moscow 125009.", "ulitsa Tverskaya 7, Moscow 125009"),
        (
            "Office: vulytsia Khreshchatyk 22, Kyiv 01001, Ukraine",
            "vulytsia Khreshchatyk 22, Kyiv 01001, Ukraine",
        ),
        (
            "Naslov: Prešernova cesta 10, 1000 Ljubljana, Slovenija",
            "Prešernova cesta 10, 1000 Ljubljana, Slovenija",
        ),
        # Spanish and Portuguese floors and doors
        (
            "Calle de Alcalá 50, 2º izq.\n28014 Madrid\nEspaña",
            "Calle de Alcalá 50, 2º izq.\n28014 Madrid\nEspaña",
        ),
        (
            "Rua do Ouro 100, 3.º andar\n1100-062 Lisboa",
            "Rua do Ouro 100, 3.º andar\n1100-062 Lisboa",
        ),
        # Korean road names with numbered side streets, districts and the country
        (
            "Mr Lee, 123 Teheran-ro, Gangnam-gu, Seoul 06133, Republic of Korea",
            "123 Teheran-ro, Gangnam-gu, Seoul 06133, Republic of Korea",
        ),
        ("Address: 45, Jongno 1-gil, Jongno-gu, Seoul", "45, Jongno 1-gil, Jongno-gu, Seoul"),
        (
            "Kim Ji-woo\n#502, 17 Banpo-daero 28-gil\nSeocho-gu, Seoul 06650",
            "#502, 17 Banpo-daero 28-gil\nSeocho-gu, Seoul 06650",
        ),
        # Taiwanese addresses in English: "No." before or after the road, section, district
        (
            "No. 7, Section 5, Xinyi Road, Xinyi District, Taipei City 110, Taiwan",
            "No. 7, Section 5, Xinyi Road, Xinyi District, Taipei City 110, Taiwan",
        ),
        (
            "Address: 100 Zhongshan Rd., Sec. 2, Zhongshan Dist., Taipei 104",
            "100 Zhongshan Rd., Sec. 2, Zhongshan Dist., Taipei 104",
        ),
        # Hong Kong and English unit, floor and building lines before the street
        (
            "Room 1203, 12/F, Tower 2, 18 Harbour Road, Wan Chai, Hong Kong",
            "Room 1203, 12/F, Tower 2, 18 Harbour Road, Wan Chai, Hong Kong",
        ),
        (
            "Apartment 4B, 3rd Floor, Building C, 22 Park Lane, London W1K 1BE",
            "Apartment 4B, 3rd Floor, Building C, 22 Park Lane, London W1K 1BE",
        ),
        # Thai: house/lot number, soi, sub-district and district before the town
        (
            "123/45 Sukhumvit Soi 11, Khlong Toei Nuea, Watthana, Bangkok 10110, Thailand",
            "123/45 Sukhumvit Soi 11, Khlong Toei Nuea, Watthana, Bangkok 10110, Thailand",
        ),
    ],
)
def test_world_address_shapes(redacta_engine: Engine, text: str, address: str) -> None:
    assert ("LOCATION", address) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "Room 12, 10435 items were counted.",
        "No. 7 on the list, Section 5 of the report.",
        "Chapter 3, Section 5, Table 2 shows it.",
        "Block 4, Tower 2 is a game level.",
        "The 12/F model costs less.",
    ],
)
def test_counted_things_near_unit_words_are_not_addresses(
    redacta_engine: Engine, text: str
) -> None:
    assert not {f for f in findings(redacta_engine, text) if f[0] == "LOCATION"}


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # Maltese: "Triq" with its article, a three-letter postcode
        (
            "Collected at 133 Triq id-Dahla ta' San Tumas, Żabbar ZBR 1010 today.",
            "133 Triq id-Dahla ta' San Tumas, Żabbar ZBR 1010",
        ),
        (
            "Renewal for 119, Triq San Pawl, Sliema SLM 1640, paid.",
            "119, Triq San Pawl, Sliema SLM 1640",
        ),
        # Serbian, Bosnian, Croatian "broj" (number) before the house number
        (
            "drop at Cara Dušana бр. 122, 75400 Зворник - ring",  # noqa: RUF001
            "Cara Dušana бр. 122, 75400 Зворник",  # noqa: RUF001
        ),
        # Uzbek: street word after the name, "-uy" house, "-xonadon" flat, districts
        (
            "Amir Temur shoh ko'chasi, 70-uy, 37-xonadon\nUrganch 220100",
            "Amir Temur shoh ko'chasi, 70-uy, 37-xonadon\nUrganch 220100",
        ),
        (
            "Lost near Andijon viloyati, Mirobod ko'chasi 16, Farg'ona on Thursday.",
            "Andijon viloyati, Mirobod ko'chasi 16, Farg'ona",
        ),
        # a street without a number where the building or the crossing street says where
        (
            "Directions: Rruga Ismail Qemali, Pallati 334, Ap. 36, Durrës 2001. Ring twice.",
            "Rruga Ismail Qemali, Pallati 334, Ap. 36, Durrës 2001",
        ),
        (
            "Wedding at Avenida Bolívar, Edif. Residencias El Morro, Piso 59, Lechería 6016.",
            "Avenida Bolívar, Edif. Residencias El Morro, Piso 59, Lechería 6016",
        ),
        (
            "Burst pipe at Avenida Bolívar con Calle 5, Nueva Segovia, Barquisimeto 3001 on Monday",
            "Avenida Bolívar con Calle 5, Nueva Segovia, Barquisimeto 3001",
        ),
        # Malay street word after a "15-2," lot number; Sri Lankan "No." before the road
        ("Meet on 15-2, Persiaran Gurney - it's close.", "15-2, Persiaran Gurney"),
        (
            "The clinic moved to No. 79, Kandy Road, Nugegoda. Parking",
            "No. 79, Kandy Road, Nugegoda",
        ),
    ],
)
def test_more_unseen_address_shapes(redacta_engine: Engine, text: str, address: str) -> None:
    assert ("LOCATION", address) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "Avenida Bolívar is a long street.",
        "We walked down Calle Mayor, then home.",
        "Rruga Durrësit, see you there.",
    ],
)
def test_a_street_named_alone_is_no_address_line(redacta_engine: Engine, text: str) -> None:
    assert not {
        value
        for kind, value in findings(redacta_engine, text)
        if kind == "LOCATION" and "," in value
    }


@pytest.mark.parametrize(
    "block",
    [
        "Appartement 12\n15 rue de la Paix\n75002 Paris",
        "45 Queen Street West\nToronto, Ontario\nM5H 2N2",
        "PO Box 1234\nWellington 6140\nNew Zealand",
        "Kungsgatan 12\nSE-111 43 Stockholm\nSweden",
    ],
)
def test_three_line_blocks_are_one_span(redacta_engine: Engine, block: str) -> None:
    text = f"Please send the papers to:\n{block}\n\nThank you."
    places = [value for kind, value in findings(redacta_engine, text) if kind == "LOCATION"]
    assert places == [block]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # a street without a number whose next line is the postcode and town
        (
            "She lives at\navenue Colin\n61392 Fernandes\nand can be reached",
            "avenue Colin\n61392 Fernandes",
        ),
        (
            "Risk address:\nBOULEVARD GIRAUD\n97268 MORENO-SUR-BONNET\n",
            "BOULEVARD GIRAUD\n97268 MORENO-SUR-BONNET",
        ),
        # Czech streets named with a preposition, Azerbaijani "küçəsi"
        (
            "Receipt - Credit Union, Na Srážku 241, Jistebnice - 4 July 2008",
            "Na Srážku 241, Jistebnice",
        ),
        (
            "Party at Xızı rayonu, M.ARİF küçəsi 2, Bakı. Bring food.",  # noqa: RUF001
            "Xızı rayonu, M.ARİF küçəsi 2, Bakı",  # noqa: RUF001
        ),
    ],
)
def test_unnumbered_streets_and_preposition_streets(
    redacta_engine: Engine, text: str, address: str
) -> None:
    assert ("LOCATION", address) in findings(redacta_engine, text)


@pytest.mark.parametrize("text", ["The meeting is Na 12, whatever.", "Pod 5, Section 2 of it."])
def test_a_preposition_and_a_number_are_no_street(redacta_engine: Engine, text: str) -> None:
    assert not {f for f in findings(redacta_engine, text) if f[0] == "LOCATION"}


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # the Hungarian order in running text: postcode and town, then the street
        ("Our office is at 1051 Budapest, Nádor utca 7.", "1051 Budapest, Nádor utca 7"),
        # a Nigerian plot number before its street, and a district with a Roman numeral
        (
            "Deliver to Plot 12, Aminu Kano Crescent, Wuse II, Abuja.",
            "Plot 12, Aminu Kano Crescent, Wuse II, Abuja",
        ),
        (
            "She lives at Plot 5, Adetokunbo Ademola Street, Wuse II, Abuja, Nigeria.",
            "Plot 5, Adetokunbo Ademola Street, Wuse II, Abuja, Nigeria",
        ),
    ],
)
def test_postcode_first_and_plot_addresses_are_one_span(
    redacta_engine: Engine, text: str, address: str
) -> None:
    assert ("LOCATION", address) in findings(redacta_engine, text)


def test_a_year_after_in_is_no_postcode(redacta_engine: Engine) -> None:
    text = "She moved in 2019 Paris, then Lyon."
    assert not {v for k, v in findings(redacta_engine, text) if k == "LOCATION" and "2019" in v}
