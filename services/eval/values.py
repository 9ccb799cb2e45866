# ruff: noqa: RUF001 - names and towns in their own scripts are the point of this file
"""Locale-aware fake values for the generated samples: what fills each `{slot}` of a template.

Values come from Faker's providers of the sample's locale (names, streets, postcodes, towns,
phone numbers in Faker's own national formats, companies, e-mails, IBANs) and are written
the way they turn up in English text: names sometimes romanised, sometimes in their own
script, ALL-CAPS or lower-case; addresses on one line or as multi-line blocks in the
locale's own order, with apartment lines and the country; dates in many formats.

Phone numbers are deliberately NOT filtered through `phonenumbers`: people write numbers that
a validator rejects (fictional ranges, extensions, odd groupings), and a redaction tool must
still catch them. Every slot also knows its gold type, or None for a distractor that must
not be flagged (products, versions, order numbers, money, durations, ages).
"""

from __future__ import annotations

import datetime as dt
import random
import re
import string
from collections.abc import Callable
from dataclasses import dataclass

from faker import Faker
from faker.decode import unidecode


@dataclass(frozen=True)
class LocaleInfo:
    """Where a Faker locale sits: its reporting group, its country in English, its script."""

    group: str
    country: str
    latin: bool = True


ENGLISH = "English"
WEST = "Western European"
CEE = "Central/Eastern European"
GRCY = "Greek/Cyrillic"
EASIA = "East Asian"
SASIA = "South/South-East Asian"
LATAM = "Latin American"
MEA = "Middle East/Africa"
GROUPS = (ENGLISH, WEST, CEE, GRCY, EASIA, SASIA, LATAM, MEA)

LOCALES: dict[str, LocaleInfo] = {
    "en_US": LocaleInfo(ENGLISH, "United States"),
    "en_GB": LocaleInfo(ENGLISH, "United Kingdom"),
    "en_IE": LocaleInfo(ENGLISH, "Ireland"),
    "en_AU": LocaleInfo(ENGLISH, "Australia"),
    "en_NZ": LocaleInfo(ENGLISH, "New Zealand"),
    "en_CA": LocaleInfo(ENGLISH, "Canada"),
    "de_DE": LocaleInfo(WEST, "Germany"),
    "de_AT": LocaleInfo(WEST, "Austria"),
    "de_CH": LocaleInfo(WEST, "Switzerland"),
    "fr_FR": LocaleInfo(WEST, "France"),
    "fr_CH": LocaleInfo(WEST, "Switzerland"),
    "es_ES": LocaleInfo(WEST, "Spain"),
    "it_IT": LocaleInfo(WEST, "Italy"),
    "pt_PT": LocaleInfo(WEST, "Portugal"),
    "nl_NL": LocaleInfo(WEST, "the Netherlands"),
    "nl_BE": LocaleInfo(WEST, "Belgium"),
    "sv_SE": LocaleInfo(WEST, "Sweden"),
    "no_NO": LocaleInfo(WEST, "Norway"),
    "da_DK": LocaleInfo(WEST, "Denmark"),
    "fi_FI": LocaleInfo(WEST, "Finland"),
    "pl_PL": LocaleInfo(CEE, "Poland"),
    "cs_CZ": LocaleInfo(CEE, "Czech Republic"),
    "sk_SK": LocaleInfo(CEE, "Slovakia"),
    "hu_HU": LocaleInfo(CEE, "Hungary"),
    "ro_RO": LocaleInfo(CEE, "Romania"),
    "hr_HR": LocaleInfo(CEE, "Croatia"),
    "sl_SI": LocaleInfo(CEE, "Slovenia"),
    "el_GR": LocaleInfo(GRCY, "Greece", latin=False),
    "ru_RU": LocaleInfo(GRCY, "Russia", latin=False),
    "uk_UA": LocaleInfo(GRCY, "Ukraine", latin=False),
    "bg_BG": LocaleInfo(GRCY, "Bulgaria", latin=False),
    "ja_JP": LocaleInfo(EASIA, "Japan", latin=False),
    "zh_CN": LocaleInfo(EASIA, "China", latin=False),
    "zh_TW": LocaleInfo(EASIA, "Taiwan", latin=False),
    "ko_KR": LocaleInfo(EASIA, "South Korea", latin=False),
    "hi_IN": LocaleInfo(SASIA, "India", latin=False),
    "en_IN": LocaleInfo(SASIA, "India"),
    "id_ID": LocaleInfo(SASIA, "Indonesia"),
    "vi_VN": LocaleInfo(SASIA, "Vietnam"),
    "th_TH": LocaleInfo(SASIA, "Thailand", latin=False),
    "en_PH": LocaleInfo(SASIA, "the Philippines"),
    "es_MX": LocaleInfo(LATAM, "Mexico"),
    "pt_BR": LocaleInfo(LATAM, "Brazil"),
    "es_AR": LocaleInfo(LATAM, "Argentina"),
    "es_CO": LocaleInfo(LATAM, "Colombia"),
    "tr_TR": LocaleInfo(MEA, "Turkey"),
    "fa_IR": LocaleInfo(MEA, "Iran", latin=False),
    "he_IL": LocaleInfo(MEA, "Israel", latin=False),
    "en_NG": LocaleInfo(MEA, "Nigeria"),
    "az_AZ": LocaleInfo(MEA, "Azerbaijan"),
    "ka_GE": LocaleInfo(MEA, "Georgia", latin=False),
}

# Locales of the first fresh part, made on 2026-11-28 and kept as the part
# `fresh-2026-11-28` (see generate.py): never in LOCALES, so nothing built from the tune
# locales (the given-name list) sees them and the tune/check/mixed parts keep their values.
# Chosen where the installed Faker gives names, phones and (or, with the lists below)
# addresses of the country.
FRESH_2026_11_28_LOCALES: dict[str, LocaleInfo] = {
    "is_IS": LocaleInfo(WEST, "Iceland"),
    "fr_CA": LocaleInfo(WEST, "Canada"),
    "lt_LT": LocaleInfo(CEE, "Lithuania"),
    "lv_LV": LocaleInfo(CEE, "Latvia"),
    "mk_MK": LocaleInfo(GRCY, "North Macedonia", latin=False),
    "ne_NP": LocaleInfo(SASIA, "Nepal", latin=False),
    "ta_IN": LocaleInfo(SASIA, "India", latin=False),
    "bn_BD": LocaleInfo(SASIA, "Bangladesh", latin=False),
    "es_CL": LocaleInfo(LATAM, "Chile"),
    "hy_AM": LocaleInfo(MEA, "Armenia", latin=False),
    "zu_ZA": LocaleInfo(MEA, "South Africa"),
    "fr_DZ": LocaleInfo(MEA, "Algeria"),
}
# Locales of the current `fresh` part that no other part uses. Faker has few locales left
# with data of their own: where it falls back to US names, streets or phones, the lists
# below (NEW_PLACES, LOCAL_PHONES, LOCAL_FIRST_NAMES, ROMAN_NAMES) write the country's own.
FRESH_ONLY_LOCALES: dict[str, LocaleInfo] = {
    "ga_IE": LocaleInfo(ENGLISH, "Ireland"),
    "fr_BE": LocaleInfo(WEST, "Belgium"),
    "de_LU": LocaleInfo(WEST, "Luxembourg"),
    "et_EE": LocaleInfo(CEE, "Estonia"),
    "en_PK": LocaleInfo(SASIA, "Pakistan"),
    "ar_SA": LocaleInfo(MEA, "Saudi Arabia", latin=False),
    "yo_NG": LocaleInfo(MEA, "Nigeria"),
    "en_KE": LocaleInfo(MEA, "Kenya"),
    "tw_GH": LocaleInfo(MEA, "Ghana"),
}
# Check locales (never tune ones) that the current fresh part also fills its own template
# families from, so every locale group has at least two fresh locales: Faker has no unused
# East Asian, Greek/Cyrillic or Latin American locale with data of its own.
FRESH_FROM_CHECK = ("en_NZ", "hu_HU", "el_GR", "uk_UA", "ko_KR", "zh_TW", "vi_VN", "pt_BR",
                    "es_CO")  # fmt: skip
FRESH_LOCALES: tuple[str, ...] = (*FRESH_ONLY_LOCALES, *FRESH_FROM_CHECK)
# Locales of the `dev` part (tune's template families in locales no other part uses): a
# tuning part with the locale diversity of check, so errors on unseen-style names, places
# and phones can be studied without reading check. Faker falls back to US names, streets
# or phones for most of them; the DEV_* lists below write the country's own. Faker has no
# unused East Asian locale: zh_HK takes every value with a country from those lists and
# only e-mails, URLs, IPs and cards from `PROVIDER_LOCALE`'s en_US.
DEV_LOCALES: dict[str, LocaleInfo] = {
    "mt_MT": LocaleInfo(ENGLISH, "Malta"),
    "it_CH": LocaleInfo(WEST, "Switzerland"),
    "de_LI": LocaleInfo(WEST, "Liechtenstein"),
    "es_CA": LocaleInfo(WEST, "Spain"),
    "sq_AL": LocaleInfo(CEE, "Albania"),
    "bs_BA": LocaleInfo(CEE, "Bosnia and Herzegovina"),
    "el_CY": LocaleInfo(GRCY, "Cyprus", latin=False),
    "sr_BA": LocaleInfo(GRCY, "Bosnia and Herzegovina", latin=False),
    "zh_HK": LocaleInfo(EASIA, "Hong Kong", latin=False),
    "en_MS": LocaleInfo(SASIA, "Malaysia"),
    "si_LK": LocaleInfo(SASIA, "Sri Lanka", latin=False),
    "es_VE": LocaleInfo(LATAM, "Venezuela"),
    "ar_EG": LocaleInfo(MEA, "Egypt", latin=False),
    "uz_UZ": LocaleInfo(MEA, "Uzbekistan"),
}
# The Faker locale that fills a locale Faker does not have.
PROVIDER_LOCALE = {"zh_HK": "en_US"}
ALL_LOCALES: dict[str, LocaleInfo] = {
    **LOCALES, **FRESH_2026_11_28_LOCALES, **FRESH_ONLY_LOCALES, **DEV_LOCALES
}  # fmt: skip

# Locales whose names are written family name first in their own script.
FAMILY_FIRST = {"hu_HU", "ja_JP", "zh_CN", "zh_TW", "ko_KR", "vi_VN", "zh_HK"}
NO_SPACE_NAMES = {"zh_CN", "zh_TW", "ko_KR", "zh_HK"}
# Numeric date order people of the locale use (day-first unless listed).
MONTH_FIRST = {"en_US", "en_PH", "en_CA"}
YEAR_FIRST = {"ja_JP", "zh_CN", "zh_TW", "ko_KR", "hu_HU"}
DOTTED = {
    "de_DE", "de_AT", "de_CH", "pl_PL", "cs_CZ", "sk_SK", "ru_RU", "uk_UA", "bg_BG", "fi_FI",
    "no_NO", "da_DK", "tr_TR", "ro_RO", "hr_HR", "sl_SI", "az_AZ", "ka_GE",
    "is_IS", "lv_LV", "mk_MK", "hy_AM", "et_EE", "de_LU",
    "it_CH", "de_LI", "sq_AL", "bs_BA", "sr_BA", "uz_UZ",
}  # fmt: skip

# Addresses where Faker falls back to US patterns: local streets and towns written here.
LOCAL_TOWNS = {
    "tr_TR": ["İstanbul", "Ankara", "İzmir", "Bursa", "Antalya", "Eskişehir", "Trabzon", "Konya"],
    "en_NG": ["Lagos", "Abuja", "Ibadan", "Port Harcourt", "Kano", "Enugu", "Benin City", "Jos"],
    "bg_BG": ["София", "Пловдив", "Варна", "Бургас", "Русе", "Стара Загора", "Плевен"],
}
TR_STREETS = ["Atatürk Caddesi", "Cumhuriyet Caddesi", "Gül Sokak", "İstiklal Caddesi",
              "Bağdat Caddesi", "Menekşe Sokak", "Hürriyet Caddesi", "Lale Sokak"]  # fmt: skip
TR_DISTRICTS = ["Kadıköy", "Çankaya", "Karşıyaka", "Nilüfer", "Muratpaşa", "Beşiktaş", "Ortahisar"]
NG_STREETS = ["Adeola Odeku Street", "Awolowo Road", "Herbert Macaulay Way", "Allen Avenue",
              "Ozumba Mbadiwe Avenue", "Aminu Kano Crescent", "Ogui Road", "Ring Road"]  # fmt: skip
NG_AREAS = ["Victoria Island", "Ikeja", "Wuse II", "Garki", "Bodija", "GRA Phase 2", "Surulere"]
# Fresh locales whose Faker addresses fall back to US patterns: streets written "<street>
# <number>" and (postcode, town) pairs of the country.
FRESH_ADDRESSES = {
    "is_IS": (
        ["Laugavegur", "Skólavörðustígur", "Hverfisgata", "Bankastræti", "Hafnarstræti",
         "Strandgata", "Aðalstræti", "Túngata", "Sólvallagata"],
        [("101", "Reykjavík"), ("105", "Reykjavík"), ("200", "Kópavogur"),
         ("220", "Hafnarfjörður"), ("600", "Akureyri"), ("230", "Reykjanesbær"),
         ("800", "Selfoss")],
    ),
    "lt_LT": (
        ["Gedimino pr.", "Vilniaus g.", "Laisvės al.", "Pilies g.", "Savanorių pr.",
         "Taikos pr.", "J. Basanavičiaus g.", "Žalgirio g."],
        [("LT-01103", "Vilnius"), ("LT-09308", "Vilnius"), ("LT-44280", "Kaunas"),
         ("LT-92231", "Klaipėda"), ("LT-76295", "Šiauliai"), ("LT-35173", "Panevėžys")],
    ),
    "lv_LV": (
        ["Brīvības iela", "Elizabetes iela", "Krišjāņa Barona iela", "Tērbatas iela",
         "Lāčplēša iela", "Raiņa bulvāris", "Dzirnavu iela", "Rīgas iela"],
        [("LV-1010", "Rīga"), ("LV-1050", "Rīga"), ("LV-3001", "Jelgava"),
         ("LV-5401", "Daugavpils"), ("LV-3401", "Liepāja"), ("LV-2015", "Jūrmala")],
    ),
    # Faker's fr_CA towns are surnames ("Plourde"): real towns, number before the street.
    "fr_CA": (
        ["rue Sainte-Catherine", "boulevard René-Lévesque", "rue Saint-Denis", "avenue du Parc",
         "chemin Sainte-Foy", "rue King Ouest", "boulevard Saint-Laurent", "rue Wellington"],
        [("H3B 1A7", "Montréal (Québec)"), ("H2X 3K2", "Montréal (Québec)"),
         ("G1R 4P5", "Québec (Québec)"), ("J8X 3Y9", "Gatineau (Québec)"),
         ("J1H 1Z3", "Sherbrooke (Québec)"), ("G9A 5H7", "Trois-Rivières (Québec)"),
         ("H7N 2T4", "Laval (Québec)"), ("E1C 4M3", "Moncton (N.-B.)")],
    ),
}  # fmt: skip
NUMBER_FIRST = {"fr_CA"}
# Fresh locales whose Faker phone numbers are US formats: the country's own shapes.
LOCAL_PHONES = {
    "is_IS": ["### ####", "+354 ### ####", "+354 #######", "5## ####", "8## ####"],
    "zu_ZA": ["0## ### ####", "+27 ## ### ####", "+27 (0)## ### ####", "0#########",
              "(0##) ###-####"],
    "ga_IE": ["08# ### ####", "+353 8# ### ####", "(091) ## ####", "+353 (0)1 ### ####",
              "087-#######"],
    "fr_BE": ["04## ## ## ##", "+32 4## ## ## ##", "02 ### ## ##", "+32 (0)4 ### ## ##",
              "0#/### ## ##"],
    "de_LU": ["+352 621 ### ###", "621 ### ###", "+352 ## ## ##", "26 ## ## ##",
              "00352 691 ######"],
    "et_EE": ["5### ####", "+372 5### ####", "6## ####", "+372 6## ####", "5#######"],
    "en_PK": ["03## #######", "+92 3## #######", "(051) ###-####", "0300-#######", "042-3#######"],
    "ar_SA": ["05# ### ####", "+966 5# ### ####", "011 ### ####", "+966 (0)1# ### ####",
              "00966 5########"],
    "yo_NG": ["080# ### ####", "+234 80# ### ####", "0703-###-####", "0805 ### ####",
              "+234 (0)81 #### ####"],
    "en_KE": ["07## ######", "+254 7## ######", "0722 ### ###", "+254 (0) 7## ### ###",
              "020 ### ####"],
    "tw_GH": ["024 ### ####", "+233 24 ### ####", "020-###-####", "+233 (0)55 ### ####",
              "0302 ######"],
}  # fmt: skip


@dataclass(frozen=True)
class Places:
    """A country's own addresses, for a locale whose Faker addresses are US ones.

    `layouts` are address blocks line by line, formatted with {n} (house number), {m} (a
    second small number), {d3}/{d4}/{n5} (3-, 4- and 5-digit numbers), {street}, and {pc},
    {town}, {area} from one entry of `towns`; `city` is how postcode and town are written
    together ("L-1611 Luxembourg")."""

    streets: tuple[str, ...]
    towns: tuple[tuple[str, str, str], ...]  # (postcode, town, district/area)
    layouts: tuple[tuple[str, ...], ...]
    city: str
    regions: tuple[str, ...]
    #: False where the layouts write the flat, floor or block themselves, so an address
    #: gets no second unit line ("Apto. 27, Apt. 31").
    unit_lines: bool = True


NEW_PLACES: dict[str, Places] = {
    "ga_IE": Places(
        ("Shop Street", "Bóthar na Trá", "Main Street", "Sráid an Mhuilinn", "Church Road",
         "Patrick Street", "Bóthar an Chaisleáin", "Dominick Street Lower"),
        (("H91 E2K3", "Galway", "Co. Galway"), ("T12 X5F8", "Cork", "Co. Cork"),
         ("D08 VF2H", "Dublin 8", "Co. Dublin"), ("V94 T9PX", "Limerick", "Co. Limerick"),
         ("F92 KD62", "Letterkenny", "Co. Donegal"), ("P12 YX72", "Baile Bhuirne", "Co. Chorcaí"),
         ("H91 C4T2", "An Spidéal", "Co. na Gaillimhe"),
         ("X91 H2E7", "Waterford", "Co. Waterford")),
        (("{n} {street}", "{town}", "{area}", "{pc}"), ("{n} {street}, {town}, {area} {pc}",),
         ("Apartment {m}, {n} {street}", "{town} {pc}")),
        "{town} {pc}",
        ("Connacht", "Munster", "Leinster", "Gaeltacht Chonamara", "Co. Kerry", "Co. Mayo"),
    ),
    "fr_BE": Places(
        ("Rue Neuve", "Chaussée de Waterloo", "Avenue Louise", "Rue du Marché aux Herbes",
         "Rue de la Station", "Boulevard d'Avroy", "Place Saint-Lambert", "Rue des Carmes"),
        (("1000", "Bruxelles", ""), ("1050", "Ixelles", ""), ("4000", "Liège", ""),
         ("5000", "Namur", ""), ("6000", "Charleroi", ""), ("7000", "Mons", ""),
         ("1348", "Louvain-la-Neuve", ""), ("1180", "Uccle", "")),
        (("{street} {n}", "{pc} {town}"), ("{street} {n} bte {m}", "{pc} {town}"),
         ("{street}, {n}", "B-{pc} {town}")),
        "{pc} {town}",
        ("Wallonie", "Brabant wallon", "Région de Bruxelles-Capitale", "Hainaut",
         "Province de Liège"),
    ),
    "de_LU": Places(
        ("rue de la Gare", "avenue de la Liberté", "Grand-Rue", "boulevard Royal",
         "rue de Hollerich", "route d'Arlon", "rue Principale", "Avenue Gaston Diderich"),
        (("L-1611", "Luxembourg", ""), ("L-4001", "Esch-sur-Alzette", ""),
         ("L-9050", "Ettelbruck", ""),
         ("L-3401", "Dudelange", ""), ("L-8009", "Strassen", ""), ("L-6460", "Echternach", ""),
         ("L-9201", "Diekirch", ""), ("L-5201", "Sandweiler", "")),
        (("{n}, {street}", "{pc} {town}"), ("{n} {street}", "{pc} {town}")),
        "{pc} {town}",
        ("Canton Esch-sur-Alzette", "Éislek", "Minett", "Canton Mersch", "Moselle"),
    ),
    "et_EE": Places(
        ("Narva mnt", "Pärnu mnt", "Tartu mnt", "Viru tänav", "Rüütli tänav", "Riia tänav",
         "Kalevi tänav", "Vabaduse pst", "Tähe tn"),
        (("10117", "Tallinn", "Harju maakond"), ("10152", "Tallinn", "Harju maakond"),
         ("51004", "Tartu", "Tartu maakond"), ("80010", "Pärnu", "Pärnu maakond"),
         ("20308", "Narva", "Ida-Viru maakond"), ("71020", "Viljandi", "Viljandi maakond"),
         ("93815", "Kuressaare", "Saare maakond")),
        (("{street} {n}-{m}", "{pc} {town}"), ("{street} {n}, {town}, {pc} {area}",),
         ("{street} {n}", "{town}", "{area} {pc}")),
        "{pc} {town}",
        ("Harjumaa", "Ida-Virumaa", "Saaremaa", "Tartumaa", "Lääne-Virumaa"),
    ),
    "en_PK": Places(
        ("Street {m}", "Main Boulevard", "Jinnah Avenue", "Shahrah-e-Faisal", "Mall Road",
         "Khayaban-e-Iqbal", "Canal Bank Road"),
        (("44000", "Islamabad", "Sector F-7/2"), ("44000", "Islamabad", "G-9/4"),
         ("54660", "Lahore", "Gulberg III"), ("54792", "Lahore", "DHA Phase 5"),
         ("75600", "Karachi", "Clifton Block 4"), ("75400", "Karachi", "PECHS Block 6"),
         ("46000", "Rawalpindi", "Satellite Town"), ("25000", "Peshawar", "University Town")),
        (("House {n}, Street {m}", "{area}", "{town} {pc}"),
         ("House No. {n}, {street}, {area}, {town}",),
         ("Flat {m}, Block {n}", "{street}, {area}", "{town}-{pc}")),
        "{town} {pc}",
        ("Punjab", "Sindh", "Khyber Pakhtunkhwa", "Islamabad Capital Territory", "Balochistan"),
    ),
    "ar_SA": Places(
        ("King Fahd Road", "Prince Sultan Street", "Tahlia Street", "King Abdulaziz Road",
         "Olaya Street", "Prince Mohammed bin Abdulaziz Road", "Al Madinah Road"),
        (("12214", "Riyadh", "Al Olaya"), ("12611", "Riyadh", "Al Malaz"),
         ("23431", "Jeddah", "Al Rawdah"), ("23511", "Jeddah", "Al Hamra"),
         ("34222", "Dammam", "Al Faisaliyah"), ("24231", "Makkah", "Al Aziziyah"),
         ("42311", "Madinah", "Quba"), ("31952", "Al Khobar", "Al Aqrabiyah")),
        (("{d4} {street}, {area} District", "{town} {pc}-{d4}"),
         ("Building {d4}, {street}", "{area}, {town} {pc}"),
         ("P.O. Box {n5}", "{town} {pc}")),
        "{town} {pc}",
        ("Eastern Province", "Makkah Province", "Riyadh Province", "Asir", "Al-Qassim"),
    ),
    "yo_NG": Places(
        ("Oyo Road", "Iwo Road", "Abeokuta Road", "Obafemi Awolowo Way", "Ogunlana Drive",
         "Isaac John Street", "Oke-Ado Road", "Oba Adesida Road"),
        (("200285", "Ibadan", "Oluyole Estate"), ("200212", "Ibadan", "Jericho"),
         ("110101", "Abeokuta", "Ibara"), ("230101", "Osogbo", "Oke-Fia"),
         ("340110", "Akure", "Alagbaka"), ("101233", "Lagos", "Ikoyi"),
         ("101212", "Lagos", "Yaba"), ("220282", "Ile-Ife", "Mayfair")),
        (("{n} {street}", "{area}", "{town} {pc}"), ("No. {n}, {street}, {area}, {town}",),
         ("Plot {d3}, {street}", "off {area}, {town}")),
        "{town} {pc}",
        ("Oyo State", "Ogun State", "Osun State", "Ondo State", "Ekiti State"),
    ),
    "en_KE": Places(
        ("Ngong Road", "Kenyatta Avenue", "Moi Avenue", "Waiyaki Way", "Oginga Odinga Street",
         "Argwings Kodhek Road", "Nyerere Road", "Jomo Kenyatta Highway"),
        (("00100", "Nairobi", "Kilimani"), ("00800", "Nairobi", "Westlands"),
         ("80100", "Mombasa", "Nyali"), ("40100", "Kisumu", "Milimani"),
         ("20100", "Nakuru", "Milimani"), ("30100", "Eldoret", "Elgon View")),
        (("P.O. Box {n5}-{pc}", "{town}"), ("House {n}, {street}, {area}", "{town}"),
         ("{street}, {area}", "P.O. Box {n5}-{pc} {town}")),
        "{town} {pc}",
        ("Kiambu County", "Nakuru County", "Kisumu County", "Uasin Gishu", "Rift Valley"),
    ),
    "tw_GH": Places(
        ("Oxford Street", "Osu Badu Street", "Liberation Road", "Kojo Thompson Road",
         "Harper Road", "Prempeh II Street", "Castle Road", "Nii Nortei Nyanchi Street"),
        (("GA", "Accra", "Osu"), ("GA", "Accra", "Airport Residential Area"),
         ("AK", "Kumasi", "Adum"), ("AK", "Kumasi", "Asokwa"), ("CC", "Cape Coast", "Pedu"),
         ("GT", "Tema", "Community 11"), ("WS", "Takoradi", "Anaji")),
        (("House No. {n}, {street}", "{area}, {town}"),
         ("{street}, {area}", "{town}", "GPS: {pc}-{d3}-{d4}"),
         ("{n} {street}, {town} ({pc}-{d3}-{d4})",)),
        "{area}, {town}",
        ("Greater Accra", "Ashanti Region", "Central Region", "Volta Region", "Western Region"),
    ),
}  # fmt: skip
# Account-number shapes (Faker `bothify`: # digit, ? letter) of fresh locales whose Faker
# IBANs are British.
LOCAL_BBAN = {
    "ga_IE": "????##############",
    "fr_BE": "############",
    "de_LU": "###?############",
    "et_EE": "################",
    "en_PK": "????################",
    "ar_SA": "##??################",
}
# First names of fresh locales where Faker's own list is English ("John", "Jane").
LOCAL_FIRST_NAMES = {
    "de_LU": ("Luc", "Marie", "Jos", "Claude", "Tom", "Anne", "Paul", "Lynn", "Ben", "Carole",
              "Gilles", "Sandra", "Laurent", "Nadine", "Mett", "Fernand", "Joëlle", "Raoul"),
    "ga_IE": ("Aoife", "Niamh", "Cian", "Oisín", "Siobhán", "Pádraig", "Róisín", "Seán",
              "Caoimhe", "Eoin", "Ciarán", "Sorcha", "Tadhg", "Clodagh", "Darragh", "Éabha"),
}  # fmt: skip
# Organisations of fresh locales whose Faker companies are in a script mixed with English.
LOCAL_ORGS = {
    "ar_SA": ("{last} Trading Co.", "{last} Holding", "{town} National Hospital",
              "{last} & Partners Law Firm", "{town} Chamber of Commerce", "{last} Contracting",
              "King Saud University", "Bank Al {last}"),
}  # fmt: skip

# Bengali digits (Faker's bn_BD numbers) as the ASCII digits English text uses.
BENGALI_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")
BG_STREETS = ["ул. Витоша", "ул. Шипка", "бул. Раковски", "ул. Граф Игнатиев", "ул. Оборище",
              "бул. Цар Освободител", "ул. Алабин"]  # fmt: skip

# Scripts that transliterate badly letter by letter (no written vowels, Thai, and the Indic
# scripts, whose inherent vowels unidecode doubles or drops): romanised names and towns as
# they are usually spelt in English.
ROMAN_NAMES = {
    "ar_SA": (
        ["Abdullah", "Mohammed", "Faisal", "Noura", "Reem", "Khalid", "Sultan", "Lama", "Hessa",
         "Turki", "Abdulrahman", "Maha", "Saud", "Dalal", "Nawaf", "Ghada", "Yazeed", "Shahad"],
        ["Al-Qahtani", "Al-Otaibi", "Al-Ghamdi", "Al-Harbi", "Al-Zahrani", "Al-Shehri",
         "Al-Dossari", "Al-Mutairi", "Alshammari", "Al-Anazi", "Al-Malki", "Al Rashid",
         "Jamjoom", "Bakr", "Kaki", "Al-Subaie"],
    ),
    "fa_IR": (
        ["Reza", "Maryam", "Ali", "Zahra", "Hossein", "Fatemeh", "Mehdi", "Narges", "Amir",
         "Shirin", "Omid", "Leila", "Babak", "Parisa", "Kaveh", "Yasaman", "Arash", "Niloufar"],
        ["Hosseini", "Ahmadi", "Mohammadi", "Rezaei", "Karimi", "Moradi", "Jafari", "Rahimi",
         "Golpayegani", "Tehrani", "Sadeghi", "Kazemi", "Ghorbani", "Shirazi", "Najafi"],
    ),
    "he_IL": (
        ["Noa", "Yossi", "Tamar", "Avi", "Shira", "Omri", "Maya", "Eitan", "Yael", "Itai",
         "Michal", "Roi", "Hila", "Nadav", "Tal", "Dana", "Amit", "Liron"],
        ["Cohen", "Levi", "Mizrahi", "Peretz", "Biton", "Friedman", "Avraham", "Azoulay",
         "Katz", "Gross", "Shapiro", "Ben-David", "Dahan", "Ohana", "Segal"],
    ),
    "th_TH": (
        ["Somchai", "Suda", "Anong", "Prasert", "Kittipong", "Nattaya", "Wichai", "Siriporn",
         "Thanawat", "Ploy", "Chaiwat", "Pimchanok", "Arthit", "Kanokwan", "Narong"],
        ["Saetang", "Wongsawat", "Chaiyaporn", "Srisuk", "Boonmee", "Kaewkla", "Thongdee",
         "Rattanakorn", "Sukprasert", "Phromma", "Jaidee", "Chantarasiri", "Wattanasin"],
    ),
    "ta_IN": (
        ["Karthik", "Priya", "Senthil", "Lakshmi", "Murugan", "Kavitha", "Arun", "Meena",
         "Vignesh", "Divya", "Saravanan", "Anitha", "Ramesh", "Deepa", "Prakash", "Revathi"],
        ["Subramanian", "Krishnan", "Natarajan", "Raman", "Venkatesan", "Sundaram",
         "Pillai", "Murugesan", "Rajendran", "Annamalai", "Palaniappan", "Ganesan"],
    ),
    "bn_BD": (
        ["Rahim", "Fatema", "Karim", "Nusrat", "Tanvir", "Sadia", "Arif", "Farzana", "Imran",
         "Taslima", "Mahmud", "Rokeya", "Shakil", "Nasrin", "Habib", "Sumaiya"],
        ["Rahman", "Hossain", "Islam", "Ahmed", "Chowdhury", "Khan", "Uddin", "Akter",
         "Sarkar", "Mridha", "Talukder", "Bhuiyan", "Mondal", "Siddique"],
    ),
    "ne_NP": (
        ["Ramesh", "Sita", "Bikash", "Anjali", "Suman", "Puja", "Dipesh", "Sabina", "Rajan",
         "Kabita", "Nabin", "Srijana", "Prakash", "Manisha", "Bishal", "Sunita"],
        ["Shrestha", "Gurung", "Tamang", "Adhikari", "Thapa", "Rai", "Magar", "Karki",
         "Poudel", "Bhattarai", "Maharjan", "Sharma", "Koirala", "Basnet"],
    ),
}  # fmt: skip
ROMAN_TOWNS = {
    "fa_IR": ["Tehran", "Isfahan", "Shiraz", "Tabriz", "Mashhad", "Karaj", "Qom", "Rasht"],
    "he_IL": ["Tel Aviv", "Haifa", "Jerusalem", "Be'er Sheva", "Netanya", "Ashdod", "Holon"],
    "th_TH": ["Bangkok", "Chiang Mai", "Phuket", "Khon Kaen", "Hat Yai", "Udon Thani", "Pattaya"],
    "ta_IN": ["Chennai", "Madurai", "Coimbatore", "Tiruchirappalli", "Salem", "Tirunelveli",
              "Vellore", "Thanjavur"],
    "bn_BD": ["Dhaka", "Chittagong", "Khulna", "Rajshahi", "Sylhet", "Barisal", "Rangpur",
              "Comilla", "Mymensingh"],
    "ne_NP": ["Kathmandu", "Pokhara", "Lalitpur", "Bhaktapur", "Biratnagar", "Birgunj",
              "Dharan", "Butwal"],
}  # fmt: skip

# --- the dev part's locales: what Faker lacks for them --------------------------------------
# Names in the locale's own script (where Faker's are English): (given names, family names).
LOCAL_NAMES = {
    "mt_MT": (
        ["Joseph", "Maria", "Charles", "Carmen", "Matthew", "Rebecca", "Kurt", "Nicole", "Luke",
         "Elaine", "Clayton", "Roberta", "Ġorġ", "Marija", "Pawlu", "Rita"],
        ["Borg", "Camilleri", "Vella", "Farrugia", "Zammit", "Galea", "Micallef", "Grech",
         "Attard", "Spiteri", "Azzopardi", "Mifsud", "Agius", "Cassar", "Pace", "Sammut"],
    ),
    "it_CH": (
        ["Matteo", "Giulia", "Luca", "Chiara", "Marco", "Sara", "Gianluca", "Elena", "Fabio",
         "Martina", "Nicola", "Alessia", "Claudio", "Simona", "Reto", "Noemi"],
        ["Bernasconi", "Rossi", "Ferrari", "Fontana", "Galli", "Pedrazzini", "Lurati",
         "Crivelli", "Bianchi", "Cattaneo", "Gianella", "Respini", "Soldati", "Zanetti",
         "Moretti", "Lepori"],
    ),
    "de_LI": (
        ["Andreas", "Sabine", "Thomas", "Manuela", "Patrick", "Claudia", "Markus", "Nadja",
         "Stefan", "Corinne", "Elias", "Lea", "Jürgen", "Martina", "Florian", "Ursula"],
        ["Frick", "Vogt", "Hasler", "Marxer", "Ospelt", "Oehri", "Büchel", "Wohlwend", "Kaiser",
         "Beck", "Risch", "Gassner", "Nägele", "Batliner", "Kieber", "Schädler"],
    ),
    "sq_AL": (
        ["Arben", "Elira", "Besnik", "Jonida", "Ermal", "Anisa", "Gentian", "Blerina", "Dritan",
         "Klea", "Fatmir", "Ilir", "Rezarta", "Erion", "Mirela", "Edmond"],
        ["Hoxha", "Shehu", "Dervishi", "Gjoka", "Leka", "Basha", "Kola", "Marku", "Çela",
         "Dushku", "Hysa", "Meta", "Gjini", "Xhafa", "Brahimaj", "Troshani"],
    ),
    "bs_BA": (
        ["Amir", "Lejla", "Emir", "Amra", "Adnan", "Selma", "Haris", "Ajla", "Kenan", "Merima",
         "Tarik", "Nermina", "Mirza", "Dženana", "Jasmin", "Belma"],
        ["Hodžić", "Hadžić", "Begić", "Delić", "Kovačević", "Mehmedović", "Softić", "Alić",
         "Ibrahimović", "Husić", "Mujić", "Salihović", "Dedić", "Omerović", "Čaušević", "Karić"],
    ),
    "el_CY": (
        ["Ανδρέας", "Μαρία", "Γιώργος", "Ελένη", "Χρίστος", "Άντρη", "Κώστας", "Σάββας",
         "Χαράλαμπος", "Στέλλα", "Παναγιώτης", "Δέσποινα", "Νικόλας", "Ραφαέλλα", "Μιχάλης",
         "Ευαγγελία"],
        ["Γεωργίου", "Κωνσταντίνου", "Χαραλάμπους", "Ιωάννου", "Παπαδόπουλος", "Χριστοδούλου",
         "Νικολάου", "Αντωνίου", "Σάββα", "Μιχαήλ", "Λοιζίδης", "Κυριάκου", "Στυλιανού",
         "Ευαγόρου", "Παναγή", "Θεοδώρου"],
    ),
    "sr_BA": (
        ["Милан", "Јелена", "Драган", "Весна", "Никола", "Снежана", "Бојан", "Тијана", "Горан",
         "Марија", "Душан", "Сања", "Жељко", "Ивана", "Срђан", "Милица"],
        ["Јовановић", "Петровић", "Савић", "Бабић", "Тодоровић", "Марковић", "Стојановић",
         "Ђурић", "Лазић", "Симић", "Радић", "Вуковић", "Митровић", "Гајић", "Новаковић",
         "Кнежевић"],
    ),
    "zh_HK": (
        ["大文", "小明", "嘉欣", "詠詩", "志強", "美玲", "家豪", "凱琳", "俊傑", "曉彤", "國榮",
         "慧敏"],
        ["陳", "黃", "李", "張", "劉", "吳", "梁", "何", "楊", "曾", "周", "郭", "馮", "謝", "林"],
    ),
    "en_MS": (
        ["Ahmad", "Siti", "Muhammad Faiz", "Nurul", "Hafiz", "Aisyah", "Wei Ling", "Kok Wai",
         "Mei Yee", "Rajesh", "Kavitha", "Arjun", "Farah", "Zulkifli", "Jia Hui", "Priya"],
        ["Tan", "Lim", "Wong", "Ng", "Chong", "Abdullah", "Ismail", "Rahman", "Hassan", "Yusof",
         "Othman", "Subramaniam", "Krishnan", "Nair", "Mohd Noor", "Lee"],
    ),
    "es_VE": (
        ["José Gregorio", "María Alejandra", "Luis", "Daniela", "Carlos Eduardo", "Yusmary",
         "Jesús", "Andreína", "Rafael", "Gabriela", "Oswaldo", "Mariana", "Yonathan",
         "Rosmary", "Freddy", "Valentina"],
        ["González", "Rodríguez", "Pérez", "Hernández", "García", "Martínez", "Ramírez", "Rojas",
         "Mendoza", "Briceño", "Quintero", "Colmenares", "Urdaneta", "Castillo", "Salazar",
         "Zambrano"],
    ),
    "ar_EG": (
        ["محمد", "أحمد", "فاطمة", "منى", "عمرو", "ياسمين", "مصطفى", "نورهان", "كريم", "هبة",
         "طارق", "سارة", "شريف", "دينا"],
        ["عبد الله", "حسن", "إبراهيم", "السيد", "عبد الرحمن", "مصطفى", "سليمان", "الشريف",
         "فهمي", "النجار", "منصور", "عثمان"],
    ),
}  # fmt: skip
ROMAN_NAMES |= {
    "el_CY": (
        ["Andreas", "Maria", "Giorgos", "Eleni", "Christos", "Andri", "Kostas", "Savvas",
         "Charalambos", "Stella", "Panayiotis", "Despina", "Nicolas", "Rafaella", "Michalis",
         "Evangelia"],
        ["Georgiou", "Constantinou", "Charalambous", "Ioannou", "Papadopoulos", "Christodoulou",
         "Nicolaou", "Antoniou", "Savva", "Michael", "Loizides", "Kyriakou", "Stylianou",
         "Evagorou", "Panayi", "Theodorou"],
    ),
    "sr_BA": (
        ["Milan", "Jelena", "Dragan", "Vesna", "Nikola", "Snežana", "Bojan", "Tijana", "Goran",
         "Marija", "Dušan", "Sanja", "Željko", "Ivana", "Srđan", "Milica"],
        ["Jovanović", "Petrović", "Savić", "Babić", "Todorović", "Marković", "Stojanović",
         "Đurić", "Lazić", "Simić", "Radić", "Vuković", "Mitrović", "Gajić", "Novaković",
         "Knežević"],
    ),
    "zh_HK": (
        ["Tai-man", "Siu-ming", "Ka-yan", "Wing-sze", "Chi-keung", "Mei-ling", "Ka-ho",
         "Hoi-lam", "Kelvin", "Winnie", "Ivan", "Cherry", "Kwok-wing", "Man-yee"],
        ["Chan", "Wong", "Lee", "Cheung", "Lau", "Ng", "Leung", "Ho", "Yeung", "Tsang", "Chow",
         "Kwok", "Fung", "Tse", "Lam"],
    ),
    "si_LK": (
        ["Nuwan", "Dilani", "Kasun", "Chamari", "Tharindu", "Sanduni", "Ruwan", "Nadeesha",
         "Lahiru", "Hasini", "Chaminda", "Ishara", "Pradeep", "Thilini"],
        ["Perera", "Fernando", "de Silva", "Jayawardena", "Bandara", "Wickramasinghe",
         "Gunasekara", "Herath", "Dissanayake", "Senanayake", "Weerasinghe", "Ranasinghe",
         "Kumara", "Jayasuriya"],
    ),
    "ar_EG": (
        ["Mohamed", "Ahmed", "Fatma", "Mona", "Amr", "Yasmine", "Mostafa", "Nourhan", "Karim",
         "Heba", "Tarek", "Sara", "Sherif", "Dina", "Mahmoud", "Rania"],
        ["Abdel Rahman", "Hassan", "Ibrahim", "El-Sayed", "Mostafa", "Soliman", "El Sherif",
         "Fahmy", "El-Naggar", "Mansour", "Osman", "Abdelaziz", "Farouk", "Youssef"],
    ),
}  # fmt: skip
NEW_PLACES |= {
    "mt_MT": Places(
        ("Triq il-Kbira", "Triq ir-Repubblika", "Triq San Pawl", "Triq il-Merkanti",
         "Triq Sant'Anna", "Triq Manwel Dimech", "Triq il-Kungress Ewkaristiku",
         "Triq id-Dahla ta' San Tumas"),
        (("BKR 1520", "Birkirkara", "Central"), ("SLM 1640", "Sliema", "Northern Harbour"),
         ("VLT 1112", "Valletta", "Southern Harbour"), ("MST 1010", "Mosta", "Northern"),
         ("QRM 3210", "Qormi", "Southern Harbour"), ("SPB 3031", "St Paul's Bay", "Northern"),
         ("VCT 1123", "Victoria", "Gozo"), ("ZBR 1010", "Żabbar", "South Eastern")),
        (("{n}, {street}", "{town} {pc}"), ("Flat {m}, Block {d3}", "{street}", "{town} {pc}"),
         ("{n} {street}, {town} {pc}",), ("Villa Rosa, {street}", "{town}, {area}")),
        "{town} {pc}",
        ("Gozo", "Comino", "Northern Harbour", "Southern Harbour", "South Eastern District"),
        unit_lines=False,
    ),
    "it_CH": Places(
        ("Via Nassa", "Via Canonica", "Corso Pestalozzi", "Via Cattedrale", "Piazza Grande",
         "Viale Stazione", "Via San Gottardo", "Via Trevano"),
        (("6900", "Lugano", "Ticino"), ("6500", "Bellinzona", "Ticino"),
         ("6600", "Locarno", "Ticino"), ("6850", "Mendrisio", "Ticino"),
         ("6830", "Chiasso", "Ticino"), ("6612", "Ascona", "Ticino"),
         ("6710", "Biasca", "Ticino"), ("7742", "Poschiavo", "Grigioni")),
        (("{street} {n}", "{pc} {town}"), ("{street} {n}", "CH-{pc} {town}"),
         ("{street} {n}", "Casella postale {d3}", "{pc} {town} {area}")),
        "{pc} {town}",
        ("Ticino", "Canton Ticino", "Grigioni", "Mendrisiotto", "Sottoceneri", "Valle Maggia"),
    ),
    "de_LI": Places(
        ("Städtle", "Aeulestrasse", "Landstrasse", "Herrengasse", "Kirchstrasse",
         "Feldkircher Strasse", "Austrasse", "Im Rietacker"),
        (("9490", "Vaduz", ""), ("9494", "Schaan", ""), ("9495", "Triesen", ""),
         ("9496", "Balzers", ""), ("9497", "Triesenberg", ""), ("9487", "Gamprin-Bendern", ""),
         ("9492", "Eschen", ""), ("9493", "Mauren", "")),
        (("{street} {n}", "{pc} {town}"), ("{street} {n}", "FL-{pc} {town}"),
         ("{street} {n}", "Postfach {d3}", "{pc} {town}")),
        "{pc} {town}",
        ("Oberland", "Unterland", "Rheintal", "Eschnerberg"),
    ),
    "es_CA": Places(
        ("Carrer de Mallorca", "Carrer Gran de Gràcia", "Passeig de Sant Joan",
         "Rambla de Catalunya", "Carrer Major", "Avinguda Diagonal", "Carrer de la Riera",
         "Plaça de la Vila"),
        (("08013", "Barcelona", "Barcelona"), ("08025", "Barcelona", "Barcelona"),
         ("17001", "Girona", "Girona"), ("25002", "Lleida", "Lleida"),
         ("43003", "Tarragona", "Tarragona"), ("08201", "Sabadell", "Barcelona"),
         ("08221", "Terrassa", "Barcelona"), ("08301", "Mataró", "Barcelona")),
        (("{street}, {n}", "{pc} {town}"), ("{street}, {n}, baixos", "{pc} {town}"),
         ("{street}, {n}, àtic", "{pc} {town} ({area})")),
        "{pc} {town}",
        ("Catalunya", "Barcelonès", "Vallès Occidental", "Baix Empordà", "Maresme"),
    ),
    "sq_AL": Places(
        ("Rruga e Durrësit", "Rruga Myslym Shyri", "Bulevardi Dëshmorët e Kombit",
         "Rruga e Kavajës", "Rruga Ismail Qemali", "Rruga Sami Frashëri", "Rruga Skënderbeg",
         "Rruga Abdyl Frashëri"),
        (("1001", "Tiranë", "Njësia Bashkiake nr. 5"), ("1019", "Tiranë", "Blloku"),
         ("2001", "Durrës", "Lagjja 4"), ("4001", "Shkodër", "Lagjja Qemal Stafa"),
         ("9401", "Vlorë", "Lagjja Pavarësia"), ("3001", "Elbasan", "Lagjja Kongresi"),
         ("7001", "Korçë", "Lagjja 10"), ("5001", "Berat", "Lagjja Mangalem")),
        (("{street}, Nr. {n}", "{area}", "{town} {pc}"),
         ("{street}, Pallati {d3}, Ap. {m}", "{town} {pc}"), ("{street} {n}, {area}, {town}",)),
        "{town} {pc}",
        ("Qarku i Tiranës", "Qarku i Durrësit", "Qarku i Shkodrës", "Riviera Shqiptare",
         "Qarku i Vlorës"),
        unit_lines=False,
    ),
    "bs_BA": Places(
        ("Ferhadija", "Maršala Tita", "Zmaja od Bosne", "Titova", "Alipašina", "Kralja Tvrtka",
         "Bulevar Meše Selimovića", "Fra Anđela Zvizdovića"),
        (("71000", "Sarajevo", "Centar"), ("71000", "Sarajevo", "Novo Sarajevo"),
         ("88000", "Mostar", "Stari Grad"), ("75000", "Tuzla", "Slatina"),
         ("72000", "Zenica", "Centar"), ("77000", "Bihać", "Centar"), ("70101", "Jajce", ""),
         ("71300", "Visoko", "")),
        (("{street} {n}", "{pc} {town}"), ("{street} br. {n}", "{pc} {town}"),
         ("{street} {n}/{m}", "{pc} {town}")),
        "{pc} {town}",
        ("Kanton Sarajevo", "Tuzlanski kanton", "Hercegovina", "Federacija BiH",
         "Zeničko-dobojski kanton"),
    ),
    "el_CY": Places(
        ("Makariou III Avenue", "Ledras Street", "Archiepiskopou Kyprianou", "Onasagorou Street",
         "Λεωφόρος Μακαρίου Γ΄", "Οδός Λήδρας", "Anexartisias Street", "Griva Digeni Avenue"),
        (("1065", "Nicosia", "Nicosia District"), ("1096", "Λευκωσία", "Λευκωσία"),
         ("3036", "Limassol", "Limassol District"), ("3105", "Λεμεσός", "Λεμεσός"),
         ("6021", "Larnaca", "Larnaca District"), ("8010", "Paphos", "Paphos District"),
         ("5330", "Ayia Napa", "Famagusta District"), ("2101", "Aglantzia", "Nicosia District")),
        (("{street} {n}", "{pc} {town}"), ("{street} {n}, Flat {m}", "{pc} {town}"),
         ("{street} {n}, Διαμ. {m}", "{pc} {town}, {area}"), ("P.O. Box {n5}", "{pc} {town}")),
        "{pc} {town}",
        ("Επαρχία Λεμεσού", "Limassol District", "Paphos District", "Famagusta District",
         "Troodos"),
        unit_lines=False,
    ),
    "sr_BA": Places(
        ("Краља Петра I Карађорђевића", "Господска", "Бранка Ћопића", "Видовданска", "Његошева",
         "Kralja Petra I Karađorđevića", "Gospodska", "Cara Dušana"),
        (("78000", "Бања Лука", ""), ("78000", "Banja Luka", ""), ("76300", "Бијељина", ""),
         ("89101", "Требиње", ""), ("74000", "Doboj", ""), ("75400", "Зворник", ""),
         ("71123", "Источно Сарајево", ""), ("79101", "Prijedor", "")),
        (("{street} {n}", "{pc} {town}"), ("{street} бр. {n}", "{pc} {town}"),
         ("{street} {n}/{m}", "{pc} {town}")),
        "{pc} {town}",
        ("Република Српска", "Republika Srpska", "Семберија", "Krajina", "Херцеговина"),
    ),
    # Hong Kong has no postcodes: the town is a district, the area its part of the territory.
    "zh_HK": Places(
        ("Nathan Road", "Queen's Road Central", "Hennessy Road", "King's Road",
         "Des Voeux Road Central", "Castle Peak Road", "Tai Koo Shing Road",
         "Sai Yeung Choi Street"),
        (("", "Mong Kok", "Kowloon"), ("", "Causeway Bay", "Hong Kong Island"),
         ("", "Sha Tin", "New Territories"), ("", "Tsim Sha Tsui", "Kowloon"),
         ("", "Wan Chai", "Hong Kong Island"), ("", "Tuen Mun", "New Territories"),
         ("", "North Point", "Hong Kong Island"), ("", "Quarry Bay", "Hong Kong Island")),
        (("Flat {d4}, {n} {street}", "{town}, {area}"),
         ("Room {d4}, {m}/F", "{n} {street}", "{town}", "{area}"),
         ("Flat {m}, Block {d3}", "{town}", "{area}")),
        "{town}, {area}",
        ("Kowloon", "New Territories", "Hong Kong Island", "Lantau Island", "九龍", "新界"),
        unit_lines=False,
    ),
    "en_MS": Places(
        ("Jalan Bukit Bintang", "Jalan Tun Razak", "Jalan SS 2/24", "Jalan Ampang",
         "Lebuh Chulia", "Jalan Sultan Ismail", "Persiaran Gurney", "Jalan Wong Ah Fook"),
        (("55100", "Kuala Lumpur", "Wilayah Persekutuan"),
         ("50450", "Kuala Lumpur", "Bukit Bintang"),
         ("47300", "Petaling Jaya", "Selangor"), ("10200", "George Town", "Pulau Pinang"),
         ("80000", "Johor Bahru", "Johor"), ("31400", "Ipoh", "Perak"),
         ("88000", "Kota Kinabalu", "Sabah"), ("93100", "Kuching", "Sarawak")),
        (("No. {n}, {street}", "{pc} {town}", "{area}"),
         ("{m}-{n}, {street}", "{pc} {town}, {area}"),
         ("Unit {m}-{d3}, Menara {street}", "{pc} {town}")),
        "{pc} {town}",
        ("Selangor", "Johor", "Pulau Pinang", "Sabah", "Sarawak", "Perak"),
        unit_lines=False,
    ),
    "si_LK": Places(
        ("Galle Road", "Duplication Road", "Kandy Road", "Temple Road", "Station Road",
         "Baseline Road", "Havelock Road", "Main Street"),
        (("00300", "Colombo 03", "Kollupitiya"), ("00500", "Colombo 05", "Havelock Town"),
         ("20000", "Kandy", "Peradeniya"), ("80000", "Galle", "Fort"),
         ("10400", "Moratuwa", "Katubedda"), ("11500", "Negombo", "Kochchikade"),
         ("10250", "Nugegoda", "Gangodawila"), ("60000", "Kurunegala", "Wehera")),
        (("No. {n}, {street}", "{town}"), ("{n}/{m}, {street}", "{area}", "{town} {pc}"),
         ("No. {n}/{m}, {street}, {area}, {town} {pc}",)),
        "{town} {pc}",
        ("Western Province", "Central Province", "Southern Province", "North Western Province",
         "Sabaragamuwa"),
    ),
    "es_VE": Places(
        ("Avenida Francisco de Miranda", "Avenida Libertador", "Calle Real de Sabana Grande",
         "Avenida Bolívar", "Calle Los Mangos", "Avenida Las Delicias", "Avenida 5 de Julio",
         "Calle Páez"),
        (("1060", "Caracas", "Chacao"), ("1050", "Caracas", "Sabana Grande"),
         ("4001", "Maracaibo", "Bella Vista"), ("2001", "Valencia", "El Viñedo"),
         ("3001", "Barquisimeto", "Nueva Segovia"), ("5101", "Mérida", "Belén"),
         ("6016", "Lechería", "El Morro"), ("8001", "Ciudad Bolívar", "Centro")),
        (("{street}, Edif. Residencias {area}, Piso {m}, Apto. {n}", "{town} {pc}"),
         ("{street}, Casa N° {n}, Urb. {area}", "{town}"),
         ("{street} con Calle {m}, {area}", "{town} {pc}")),
        "{town} {pc}",
        ("Miranda", "Zulia", "Carabobo", "Lara", "Distrito Capital", "Mérida", "Anzoátegui"),
        unit_lines=False,
    ),
    "ar_EG": Places(
        ("Tahrir Street", "Abbas El Akkad Street", "26th of July Street", "Corniche El Nil",
         "Makram Ebeid Street", "El Haram Street", "Gamal Abdel Nasser Road", "شارع التحرير"),
        (("11511", "Cairo", "Garden City"), ("11371", "Cairo", "Nasr City"),
         ("12611", "Giza", "Dokki"), ("11211", "Cairo", "Zamalek"),
         ("21599", "Alexandria", "Smouha"), ("21519", "Alexandria", "Stanley"),
         ("12566", "6th of October City", "District 7"), ("84511", "Hurghada", "El Dahar")),
        (("{n} {street}, {area}", "{town} {pc}"), ("{n} {street}, Floor {m}", "{area}, {town}"),
         ("Building {d3}, {street}", "{area}", "{town} {pc}")),
        "{town} {pc}",
        ("Giza Governorate", "Cairo Governorate", "Alexandria Governorate",
         "Red Sea Governorate", "Upper Egypt", "Nile Delta"),
        unit_lines=False,
    ),
    "uz_UZ": Places(
        ("Amir Temur shoh ko'chasi", "Mustaqillik shoh ko'chasi", "Navoiy ko'chasi",
         "Shota Rustaveli ko'chasi", "Bobur ko'chasi", "Mirobod ko'chasi", "Farg'ona yo'li",
         "Buyuk Ipak Yo'li"),
        (("100000", "Toshkent", "Yunusobod tumani"), ("100084", "Toshkent", "Chilonzor tumani"),
         ("140100", "Samarqand", "Samarqand viloyati"), ("200100", "Buxoro", "Buxoro viloyati"),
         ("150100", "Farg'ona", "Farg'ona viloyati"), ("170100", "Andijon", "Andijon viloyati"),
         ("180100", "Qarshi", "Qashqadaryo viloyati"), ("220100", "Urganch", "Xorazm viloyati")),
        (("{street}, {n}-uy, {m}-xonadon", "{town} {pc}"), ("{area}, {street} {n}", "{pc}, {town}"),
         ("{town} sh., {street}, {n}",)),
        "{town} {pc}",
        ("Toshkent viloyati", "Samarqand viloyati", "Farg'ona vodiysi", "Qoraqalpog'iston",
         "Xorazm viloyati"),
        unit_lines=False,
    ),
}  # fmt: skip
LOCAL_PHONES |= {
    "mt_MT": ["79## ####", "+356 79## ####", "21## ####", "+356 2### ####", "99######"],
    "es_CA": ["93 ### ## ##", "+34 6## ## ## ##", "6## ### ###", "972 ## ## ##",
              "+34 93 ### ####"],
    "sq_AL": ["06# ### ####", "+355 6# ### ####", "04 22# ####", "+355 4 2## ####",
              "069 ## ## ###"],
    "el_CY": ["22 ######", "+357 99 ######", "99 ### ###", "+357 22 ### ###", "96######"],
    "sr_BA": ["065 ### ###", "+387 65 ### ###", "051 ### ###", "+387 51 ###-###", "066/###-###"],
    "zh_HK": ["9### ####", "+852 9### ####", "2### ####", "+852 2### ####", "6### ####"],
    "en_MS": ["01#-### ####", "+60 1#-### ####", "03-#### ####", "+60 3-#### ####",
              "011-#### ####"],
    "si_LK": ["07# ### ####", "+94 7# ### ####", "011 2## ####", "+94 11 2## ####",
              "077-#######"],
    "es_VE": ["0412-#######", "+58 412 ### ####", "0212 ### ####", "+58 (212) ###-####",
              "0414 ### ## ##"],
    "ar_EG": ["01# #### ####", "+20 1# #### ####", "02 #### ####", "+20 2 #### ####",
              "010########"],
}  # fmt: skip
LOCAL_BBAN |= {
    "mt_MT": "????#######################",
    "de_LI": "#################",
    "es_CA": "####################",
    "sq_AL": "########################",
    "bs_BA": "################",
    "el_CY": "########################",
    "sr_BA": "################",
    "ar_EG": "#########################",
}
# Organisations where Faker's companies are English ("Robinson-Sheppard"): {last} from the
# locale's names (romanised where there are romanised ones), {town} from its towns.
LOCAL_ORGS |= {
    "mt_MT": ("{last} Ltd", "{last} & Sons Ltd", "{town} Health Centre", "{last} Group plc",
              "{town} Local Council", "{last} Pharmacy"),
    "it_CH": ("{last} SA", "Studio legale {last}", "Ospedale Regionale di {town}",
              "Banca {last}", "{last} & Partner SA", "Farmacia {last}"),
    "de_LI": ("{last} Anstalt", "{last} Treuhand AG", "Landesspital {town}",
              "Bank {last} AG", "{last} & Partner Rechtsanwälte", "{last} Bau AG"),
    "es_CA": ("{last} i Associats, S.L.", "Hospital de {town}", "Farmàcia {last}",
              "Universitat de {town}", "{last} Advocats", "Construccions {last}, S.A."),
    "sq_AL": ("{last} sh.p.k.", "Spitali Rajonal {town}", "Banka {last}",
              "Studio Ligjore {last}", "Farmacia {last}", "{last} Construction"),
    "bs_BA": ("{last} d.o.o.", "Kantonalna bolnica {town}", "{last} Banka d.d.",
              "Advokatska kancelarija {last}", "JZU Dom zdravlja {town}", "{last} Trade"),
    "el_CY": ("{last} Ltd", "{last} & Co LLC", "{town} General Hospital",
              "{last} Insurance Ltd", "University of {town}", "{last} Pharmacy"),
    "sr_BA": ("{last} д.о.о.", "Универзитетски клинички центар {town}", "{last} Банка",
              "Адвокатска канцеларија {last}", "{last} d.o.o.", "Dom zdravlja {town}"),
    "zh_HK": ("{last} Trading Co. Ltd", "{last} & Co. Solicitors", "{town} Dental Centre",
              "{last} Holdings Limited", "{town} Medical Clinic", "{last} Kee Tea Restaurant"),
    "en_MS": ("{last} Sdn Bhd", "{last} Holdings Bhd", "Klinik {last}", "Hospital {town}",
              "{last} & Co. Advocates", "Kedai Runcit {last}"),
    "si_LK": ("{last} Holdings (Pvt) Ltd", "{town} Teaching Hospital", "{last} & Sons",
              "{last} Associates", "{town} Central College", "{last} Pharmacy"),
    "es_VE": ("Inversiones {last} C.A.", "Clínica {town}", "Banco {last}",
              "Escritorio Jurídico {last}", "Farmacia {last}", "Distribuidora {last} C.A."),
    "ar_EG": ("{last} Trading Co.", "{town} University Hospital", "{last} for Contracting",
              "{last} & Partners Law Office", "{town} Chamber of Commerce", "{last} Pharmacy"),
}  # fmt: skip

UNIT_LINES = ["Apt. {n}", "Apt {n}{c}", "Suite {n}", "Unit {n}", "Flat {n}", "Apartment {n}",
              "Floor {f}, Apt. {n}", "Room {n}", "#{n}", "Building {c}, Apt {n}"]  # fmt: skip

PRODUCTS = ["Nimbus Router X2", "ZenBook 14", "Lumio Desk Lamp", "QuietCool 300 fan",
            "PixelSnap camera", "Stratus 9 tablet", "AquaPure filter", "Orbit smart plug",
            "Vantage keyboard", "Echo Buds", "CoreFit tracker", "TerraGrip boots",
            "SolarMax 5000", "Falcon drone", "Ridgeback e-bike", "Tempo blender"]  # fmt: skip
MEDICINES = ["Amoxicillin 500 mg capsules", "Paracetamol 1 g tablets", "Ramipril 5 mg",
             "Metformin 850 mg tablets", "Salbutamol 100 mcg inhaler", "Omeprazole 20 mg",
             "Sertraline 50 mg tablets", "Ibuprofen 400 mg"]  # fmt: skip
CLINICS = ("{town} Medical Centre", "{last} Family Practice", "{town} Health Centre",
           "{town} University Hospital", "{last} Dental Surgery", "St Anne's Clinic {town}",
           "{town} Regional Hospital", "{last} & Partners Surgery")  # fmt: skip
SCHOOLS = ("{town} Primary School", "St {last}'s National School", "{town} International School",
           "{last} Grammar School", "{town} Community College")  # fmt: skip
PHARMACIES = ("{town} Pharmacy", "{last} Chemists", "{last} Apotheek", "Farmacia {last}",
              "{town} Late-Night Pharmacy")  # fmt: skip
COURTS = ("{town} Crown Court", "{town} District Court", "{town} Magistrates' Court",
          "Court of First Instance of {town}", "{town} County Court")  # fmt: skip
CHARITIES = ("{town} Food Bank", "{last} Foundation", "Friends of {town} Hospice",
             "{town} Animal Rescue", "{last} Children's Trust")  # fmt: skip
WORDS = ["Status", "Overview", "Follow-up", "Agenda", "Invoice", "Renewal", "Reminder",
         "Escalation", "Handover", "Checklist", "Summary", "Request", "Minutes"]  # fmt: skip
TEAMS = ["the finance team", "Accounts Payable", "the night shift", "Procurement", "IT Support",
         "the design team", "Customer Success", "Facilities", "the legal department",
         "Human Resources", "the platform team", "Quality Assurance"]  # fmt: skip
DURATIONS = ["30 days", "two weeks", "six months", "48 hours", "ten minutes", "three years",
             "a fortnight", "90 minutes", "one week", "18 months", "a couple of days",
             "half an hour", "5 business days", "12 weeks"]  # fmt: skip
RELATIVE = ["next week", "yesterday", "this morning", "last month", "tomorrow", "tonight"]
QUARTERS = ["Q1", "Q2", "Q3", "Q4", "H1", "H2", "the third quarter", "FY24", "FY2025"]
CURRENCIES = ["EUR", "USD", "GBP", "CHF", "PLN", "SEK", "JPY", "INR", "BRL", "TRY", "€", "$", "£"]
TLDS = ["com", "net", "org", "io", "eu", "co.uk", "de", "fr", "nl", "pl", "com.br", "co.jp"]
PATHS = ["account/settings", "invoices/2024/INV-{n}", "help/articles/{n}-reset-password",
         "share/{tok}", "reset?token={tok}", "docs/api/v2/users", "p/{tok}/edit",
         "careers/jobs/{n}", "tracking?id={tok}&lang=en", "files/{tok}/report.pdf",
         "en/contact", "blog/{n}/notes-from-the-field", "s/{tok}"]  # fmt: skip
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
#: The range of generated calendar dates (forty years back, two ahead, from when the set was made).
DATES_FROM = dt.date(1986, 11, 28)
DATES_TO = dt.date(2028, 11, 27)

GoldRange = tuple[int, int, str]
"""A gold entity inside a value: start and end offsets and its type."""


@dataclass(frozen=True)
class Value:
    """A filled slot: its text and the gold spans inside it (empty = must not be flagged)."""

    text: str
    spans: tuple[GoldRange, ...] = ()


def labelled(text: str, kind: str) -> Value:
    """A value that is one gold entity from end to end."""
    return Value(text, ((0, len(text), kind),))


def plain(text: str) -> Value:
    """A distractor: text no detector should flag."""
    return Value(text)


def joined(parts: list[Value], sep: str) -> Value:
    """Concatenate values, shifting their spans."""
    text, spans, pos = [], [], 0
    for i, part in enumerate(parts):
        if i:
            text.append(sep)
            pos += len(sep)
        text.append(part.text)
        spans.extend((s + pos, e + pos, k) for s, e, k in part.spans)
        pos += len(part.text)
    return Value("".join(text), tuple(spans))


def local_iban(country: str, bban: str) -> str:
    """An IBAN with a valid ISO 13616 check (mod 97) around a country's account number."""
    digits = "".join(str(int(c, 36)) for c in f"{bban}{country}00")
    return f"{country}{98 - int(digits) % 97:02d}{bban}"


def rng_format(rng: random.Random, patterns: tuple[str, ...], **fields: str) -> str:
    """One of `patterns`, filled with `fields`."""
    return rng.choice(patterns).format(**fields)


def romanize(text: str) -> str:
    """Latin transliteration, capitalised word by word (how foreign names appear in English)."""
    words = re.sub(r"['`]", "", unidecode(text)).split()
    return " ".join(w[:1].upper() + w[1:].lower() for w in words if w)


class LocaleValues:
    """Slot makers for one locale: each call draws a fresh value from the locale's Faker."""

    def __init__(self, locale: str, seed: int) -> None:
        self.locale = locale
        self.info = ALL_LOCALES[locale]
        self.fake = Faker(PROVIDER_LOCALE.get(locale, locale))
        self.fake.seed_instance(seed)
        self.us = Faker("en_US")  # SSNs and military mail exist only in US formats
        self.us.seed_instance(seed + 1)
        self.rng = random.Random(seed + 2)  # noqa: S311 - reproducible data, not secrets

    # --- people -------------------------------------------------------------------------
    def _name_parts(self) -> tuple[str, str]:
        """(given name, family name), in Latin script or the locale's own."""
        fake, loc = self.fake, self.locale
        romanised = self.rng.random() < 0.6
        if loc == "ja_JP" and romanised:
            return fake.first_romanized_name(), fake.last_romanized_name()
        if loc in ROMAN_NAMES and romanised:
            firsts, lasts = ROMAN_NAMES[loc]
            return self.rng.choice(firsts), self.rng.choice(lasts)
        if loc in LOCAL_NAMES:
            firsts, lasts = LOCAL_NAMES[loc]
            first, last = self.rng.choice(firsts), self.rng.choice(lasts)
        else:
            first, last = fake.first_name(), fake.last_name()
        if loc in LOCAL_FIRST_NAMES and (loc == "de_LU" or self.rng.random() < 0.5):
            first = self.rng.choice(LOCAL_FIRST_NAMES[loc])
        if not self.info.latin and romanised and loc != "ja_JP":
            if loc == "ko_KR":
                given = unidecode(first).lower()
                half = len(given) // 2 if len(given) > 5 else len(given)
                first = given[:half].capitalize() + ("-" + given[half:] if given[half:] else "")
                return first, romanize(last)
            return romanize(first), romanize(last)
        return first, last

    def _full_name(self, first: str, last: str) -> str:
        native = not first.isascii() or not last.isascii()
        if self.locale in FAMILY_FIRST and (native or self.rng.random() < 0.3):
            if self.locale in NO_SPACE_NAMES and native and not first.isascii():
                return last + first
            return f"{last} {first}"
        if self.locale == "ru_RU" and native and self.rng.random() < 0.4:
            return f"{first} {self.fake.middle_name()} {last}"
        if self.info.group in (LATAM, WEST) and self.rng.random() < 0.25:
            return f"{first} {last} {self._family_name()}"
        return f"{first} {last}"

    def _family_name(self) -> str:
        """A second family name (Iberian and Latin American double surnames)."""
        if self.locale in LOCAL_NAMES:
            return self.rng.choice(LOCAL_NAMES[self.locale][1])
        return self.fake.last_name()

    def person(self) -> Value:
        return labelled(self._full_name(*self._name_parts()), "PERSON")

    def first(self) -> Value:
        self._first = self._name_parts()[0]
        return labelled(self._first, "PERSON")

    def last(self) -> Value:
        return labelled(self._name_parts()[1], "PERSON")

    def person_caps(self) -> Value:
        return labelled(self._full_name(*self._name_parts()).upper(), "PERSON")

    def last_caps(self) -> Value:
        return labelled(self._name_parts()[1].upper(), "PERSON")

    def person_lower(self) -> Value:
        return labelled(self._full_name(*self._name_parts()).lower(), "PERSON")

    def person_inverted(self) -> Value:
        """Surname first with a comma, as lists and registers write it: "KOVÁCS, Anna"."""
        first, last = self._name_parts()
        return labelled(f"{last.upper() if self.rng.random() < 0.6 else last}, {first}", "PERSON")

    def person_badge(self) -> Value:
        """Given name and capitalised surname, as on a badge: "Anna KOVÁCS"."""
        first, last = self._name_parts()
        return labelled(f"{first} {last.upper()}", "PERSON")

    def person_pnr(self) -> Value:
        """An airline passenger name: "KOVACS/ANNA" (ASCII, surname first)."""
        first, last = (romanize(p).upper().replace(" ", "") for p in self._name_parts())
        return labelled(f"{last}/{first}", "PERSON")

    def initial_last(self) -> Value:
        first, last = self._name_parts()
        return labelled(f"{first[:1]}. {last}", "PERSON")

    def handle(self) -> Value:
        """A chat handle built from a name ("marek.n", "amelie_l", "kowalski88")."""
        first, last = (romanize(p).lower().replace(" ", "") for p in self._name_parts())
        style = self.rng.randrange(5)
        text = [
            f"{first}.{last[:1]}",
            f"{first}_{last}",
            f"{last}{self.rng.randint(1, 99)}",
            f"{first[:1]}{last}",
            first,
        ][style]
        return labelled(text or "user", "PERSON")

    def surnames(self) -> Value:
        """Two to four surnames in a list: "Nagy, Kovács and Tóth"."""
        names = [labelled(self._name_parts()[1], "PERSON") for _ in range(self.rng.randint(2, 4))]
        head = joined(names[:-1], ", ")
        return joined([head, names[-1]], self.rng.choice([" and ", " & ", ", "]))

    def people(self) -> Value:
        """Two or three full names in a list."""
        names = [self.person() for _ in range(self.rng.randint(2, 3))]
        return joined([joined(names[:-1], ", "), names[-1]], " and ")

    # --- organisations ------------------------------------------------------------------
    def org(self) -> Value:
        fake, rng = self.fake, self.rng
        city = self._town()
        if self.locale in LOCAL_ORGS:
            names = ROMAN_NAMES.get(self.locale) or LOCAL_NAMES.get(self.locale)
            last = rng.choice(names[1]) if names else fake.last_name()
            name = rng.choice(LOCAL_ORGS[self.locale]).format(last=last, town=city)
            return labelled(name, "ORGANIZATION")
        style = rng.random()
        if style < 0.55:
            name = fake.company()
        elif style < 0.65:
            name = f"University of {city}"
        elif style < 0.72:
            name = f"{city} General Hospital"
        elif style < 0.8:
            name = f"{fake.last_name()} {rng.choice(['Bank', 'Capital', 'Logistics', 'Foods'])}"
        elif style < 0.87:
            name = f"{fake.last_name()} & {fake.last_name()} {rng.choice(['LLP', 'GmbH', 'SA'])}"
        elif style < 0.94:
            name = f"{city} {rng.choice(['Dental Clinic', 'Credit Union', 'Football Club'])}"
        else:
            name = f"{fake.company()} {rng.choice(['Foundation', 'Group', 'Holding'])}"
        if not self.info.latin and rng.random() < 0.5:
            name = romanize(name)
        return labelled(name, "ORGANIZATION")

    # --- places -------------------------------------------------------------------------
    def _town(self) -> str:
        if self.locale in NEW_PLACES:
            return self.rng.choice(NEW_PLACES[self.locale].towns)[1]
        if self.locale in FRESH_ADDRESSES:
            town = self.rng.choice(FRESH_ADDRESSES[self.locale][1])[1]
            return town.split(" (")[0]  # "Montréal (Québec)" is how an address line puts it
        town = self.rng.choice(LOCAL_TOWNS[self.locale]) if self.locale in LOCAL_TOWNS else ""
        town = town or self.fake.city()
        town = re.sub(r"^(д\.|г\.|к\.|п\.|с\.|місто|село|смт) ", "", town)
        if not self.info.latin and self.rng.random() < 0.6:
            towns = ROMAN_TOWNS.get(self.locale)
            town = self.rng.choice(towns) if towns else romanize(town)
        return town

    def city(self) -> Value:
        return labelled(self._town(), "LOCATION")

    def city_caps(self) -> Value:
        return labelled(self._town().upper(), "LOCATION")

    def city_lower(self) -> Value:
        return labelled(self._town().lower(), "LOCATION")

    def country(self) -> Value:
        """The country in English; an article ("the Netherlands") stays outside the span."""
        name = self.info.country
        start = 4 if name.startswith("the ") else 0
        return Value(name, ((start, len(name), "LOCATION"),))

    def region(self) -> Value:
        fake = self.fake
        if self.locale in NEW_PLACES:
            return labelled(self.rng.choice(NEW_PLACES[self.locale].regions), "LOCATION")
        for attr in ("state", "administrative_unit", "region", "province", "prefecture"):
            if hasattr(fake, attr):
                try:
                    text = str(getattr(fake, attr)())
                except (AttributeError, TypeError):
                    continue
                if not self.info.latin and self.rng.random() < 0.6:
                    text = romanize(text)
                return labelled(text, "LOCATION")
        return labelled(self.info.country, "LOCATION")

    def _address_lines(self) -> list[str]:
        """The locale's own address lines: street line(s), then postcode and town."""
        fake, rng, loc = self.fake, self.rng, self.locale
        if loc == "tr_TR":
            street = f"{rng.choice(TR_STREETS)} No: {rng.randint(1, 220)}"
            if rng.random() < 0.5:
                street += f" Daire {rng.randint(1, 30)}"
            town = f"{fake.postcode()} {rng.choice(TR_DISTRICTS)}/{self._town()}"
            return [street, town]
        if loc == "en_NG":
            street = f"{rng.randint(1, 90)} {rng.choice(NG_STREETS)}"
            return [street, rng.choice(NG_AREAS), f"{self._town()} {fake.postcode()}"]
        if loc in NEW_PLACES:
            return self._new_place_lines(NEW_PLACES[loc])
        if loc in FRESH_ADDRESSES:
            streets, towns = FRESH_ADDRESSES[loc]
            number = str(rng.randint(1, 140))
            if loc != "is_IS" and rng.random() < 0.4:
                number += f"-{rng.randint(1, 60)}"  # the flat after the house number
            postcode, town = rng.choice(towns)
            if loc in NUMBER_FIRST:
                return [f"{number} {rng.choice(streets)}", f"{town} {postcode}"]
            place = f"{town}, {postcode}" if loc == "lv_LV" else f"{postcode} {town}"
            return [f"{rng.choice(streets)} {number}", place]
        if loc == "bg_BG":
            lines = [f"{rng.choice(BG_STREETS)} {rng.randint(1, 120)}", f"{fake.postcode()} "]
            lines[1] += rng.choice(LOCAL_TOWNS["bg_BG"])
            return [romanize(x) for x in lines] if rng.random() < 0.5 else lines
        text = fake.address()
        split = r"\n" if "\n" in text else r",\s+"  # one-line formats: split at the commas
        lines = [x.strip().rstrip(",") for x in re.split(split, text) if x.strip()]
        if loc == "bn_BD":
            lines = [x.translate(BENGALI_DIGITS) for x in lines]
        native = loc in ("ja_JP", "zh_CN", "zh_TW", "ko_KR", *ROMAN_TOWNS)
        if not self.info.latin and not native and rng.random() < 0.6:
            lines = [romanize(x) for x in lines]
        return lines

    def _new_place_lines(self, places: Places) -> list[str]:
        rng = self.rng
        postcode, town, area = rng.choice(places.towns)
        street = rng.choice(places.streets).format(m=rng.randint(1, 40))
        fields = {
            "n": rng.randint(1, 140), "m": rng.randint(1, 60), "d3": rng.randint(100, 999),
            "d4": rng.randint(1000, 9999), "n5": rng.randint(10000, 99999),
            "street": street, "pc": postcode, "town": town, "area": area,
        }  # fmt: skip
        return [line.format(**fields) for line in rng.choice(places.layouts)]

    def _unit(self) -> str:
        rng = self.rng
        return rng.choice(UNIT_LINES).format(
            n=rng.randint(1, 420), c=rng.choice("ABCDEF"), f=rng.randint(1, 12)
        )

    def _address(self, sep: str) -> str:
        rng = self.rng
        lines = self._address_lines()
        places = NEW_PLACES.get(self.locale)
        if rng.random() < 0.3 and (places is None or places.unit_lines):
            unit = self._unit()
            lines.insert(1 if rng.random() < 0.6 else 0, unit)
        if rng.random() < 0.45:
            country = self.info.country.removeprefix("the ")
            lines.append(country.upper() if rng.random() < 0.4 else country)
        if rng.random() < 0.12:
            lines = [x.upper() for x in lines]
        return sep.join(lines)

    def address(self) -> Value:
        """A whole postal address on one line."""
        return labelled(self._address(", "), "LOCATION")

    def address_block(self) -> Value:
        """A whole postal address as a multi-line block."""
        return labelled(self._address("\n"), "LOCATION")

    def address_flat(self) -> Value:
        """A whole postal address on one line with the separators forms and exports use
        instead of commas: "Narva mnt 5 / 10117 Tallinn"."""
        sep = self.rng.choice([" / ", " | ", "; ", " - ", "  "])
        return labelled(self._address(sep), "LOCATION")

    def street(self) -> Value:
        """The street line of an address on its own ("<street> <number>" in most locales)."""
        return labelled(self._address_lines()[0], "LOCATION")

    def street_town(self) -> Value:
        """A street line and its town, one address: "Narva mnt 5, Tallinn"."""
        return labelled(f"{self._address_lines()[0]}, {self._town()}", "LOCATION")

    def city_line(self) -> Value:
        """Postcode and town, as in "10435 Berlin"."""
        if self.locale in NEW_PLACES:
            places = NEW_PLACES[self.locale]
            postcode, town, area = self.rng.choice(places.towns)
            return labelled(places.city.format(pc=postcode, town=town, area=area), "LOCATION")
        if self.locale in FRESH_ADDRESSES:
            postcode, town = self.rng.choice(FRESH_ADDRESSES[self.locale][1])
            pair = f"{town} {postcode}" if self.locale in NUMBER_FIRST else f"{postcode} {town}"
            return labelled(pair, "LOCATION")
        postcode = self.fake.postcode().translate(BENGALI_DIGITS)
        return labelled(f"{postcode} {self._town()}", "LOCATION")

    def military(self) -> Value:
        """A US military address (APO/FPO/DPO), one line or a block."""
        us, rng = self.us, self.rng
        first = rng.choice([us.military_apo, us.military_dpo, us.military_ship])()
        kind = "FPO" if first.startswith(("USNS", "USS", "USNV", "USCGC")) else "APO"
        kind = "DPO" if first.startswith("Unit") and rng.random() < 0.5 else kind
        tail = f"{kind} {us.military_state()} {us.postcode()}"
        sep = "\n" if rng.random() < 0.6 else ", "
        return labelled(f"{first}{sep}{tail}", "LOCATION")

    # --- contact ------------------------------------------------------------------------
    def phone(self) -> Value:
        """A phone number in one of Faker's formats for the locale (not validated)."""
        fake = self.fake
        if self.locale == "en_PH":
            text = self.rng.choice([fake.mobile_number, fake.landline_number])()
        elif self.locale in LOCAL_PHONES:
            text = fake.numerify(self.rng.choice(LOCAL_PHONES[self.locale]))
        else:
            text = fake.phone_number().translate(BENGALI_DIGITS)
        return labelled(text, "PHONE_NUMBER")

    def email(self) -> Value:
        fake, rng = self.fake, self.rng
        if rng.random() < 0.5:
            return labelled(fake.email(), "EMAIL_ADDRESS")
        first, last = (romanize(p).lower().replace(" ", "") for p in self._name_parts())
        local = rng.choice([f"{first}.{last}", f"{first[:1]}{last}", f"{last}.{first[:1]}"])
        domain = re.sub(r"[^a-z0-9]+", "-", romanize(fake.last_name()).lower()).strip("-")
        return labelled(f"{local}@{domain or 'mail'}.{rng.choice(TLDS)}", "EMAIL_ADDRESS")

    def _token(self) -> str:
        return "".join(self.rng.choice(string.ascii_letters + string.digits) for _ in range(10))

    def url(self) -> Value:
        """A URL with a path (and sometimes a query): the whole URL is one span."""
        fake, rng = self.fake, self.rng
        base = fake.url().rstrip("/")
        if rng.random() < 0.2:
            base = base.replace("://www.", "://portal.", 1).replace("://", "://intranet.", 1)
        path = rng.choice(PATHS).format(n=rng.randint(10, 99999), tok=self._token())
        text = f"{base}/{path}"
        if rng.random() < 0.15:
            text = text.split("://", 1)[1]
        return labelled(text, "URL")

    def ip(self) -> Value:
        fake = self.fake
        maker = self.rng.choice([fake.ipv4_public, fake.ipv4_public, fake.ipv4_private, fake.ipv6])
        return labelled(maker(), "IP_ADDRESS")

    # --- numbers ------------------------------------------------------------------------
    def card(self) -> Value:
        digits = self.fake.credit_card_number()  # the locale's own card schemes
        style = self.rng.randrange(3)
        if style and len(digits) == 16:
            sep = " " if style == 1 else "-"
            digits = sep.join(digits[i : i + 4] for i in range(0, 16, 4))
        return labelled(digits, "CREDIT_CARD")

    def iban(self) -> Value:
        if self.locale in LOCAL_BBAN:
            text = local_iban(self.locale[-2:], self.fake.bothify(LOCAL_BBAN[self.locale]).upper())
        else:
            text = self.fake.iban()
        if self.rng.random() < 0.5:
            text = " ".join(text[i : i + 4] for i in range(0, len(text), 4))
        return labelled(text, "IBAN_CODE")

    def ssn(self) -> Value:
        text = self.us.ssn()
        if self.rng.random() < 0.2:
            text = text.replace("-", " ")
        return labelled(text, "US_SSN")

    def nhs(self) -> Value:
        """A UK NHS number with a valid modulus-11 check digit, printed 3-3-4."""
        while True:
            digits = [self.rng.randint(0, 9) for _ in range(9)]
            check = 11 - sum(d * (10 - i) for i, d in enumerate(digits)) % 11
            if check == 11:
                check = 0
            if check != 10:
                break
        s = "".join(map(str, digits)) + str(check)
        return labelled(f"{s[:3]} {s[3:6]} {s[6:]}", "UK_NHS")

    # --- dates and times ----------------------------------------------------------------
    def _day(self) -> tuple[int, int, int]:
        # Fixed bounds, not relative to today: the set must regenerate byte for byte any day.
        d = self.fake.date_between(start_date=DATES_FROM, end_date=DATES_TO)
        return d.year, d.month, d.day

    @staticmethod
    def _weekday(y: int, m: int, d: int) -> str:
        return WEEKDAYS[dt.date(y, m, d).weekday()]

    def _numeric(self, y: int, m: int, d: int) -> str:
        loc, rng = self.locale, self.rng
        if loc in YEAR_FIRST:
            if loc in ("ja_JP", "zh_CN", "zh_TW") and rng.random() < 0.3:
                return f"{y}年{m}月{d}日"
            return f"{y}/{m:02d}/{d:02d}" if loc != "hu_HU" else f"{y}. {m:02d}. {d:02d}."
        if loc in MONTH_FIRST:
            return rng.choice([f"{m}/{d}/{y}", f"{m:02d}/{d:02d}/{y}", f"{m}/{d}/{y % 100:02d}"])
        if loc in DOTTED:
            return rng.choice(
                [f"{d:02d}.{m:02d}.{y}", f"{d}.{m}.{y}", f"{d:02d}.{m:02d}.{y % 100}"]
            )
        return rng.choice([f"{d:02d}/{m:02d}/{y}", f"{d}/{m}/{y}", f"{d:02d}-{m:02d}-{y}"])

    def date(self) -> Value:
        y, m, d = self._day()
        month = MONTHS[m - 1]
        weekday = self._weekday(y, m, d)
        suffix = "th" if 11 <= d <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
        forms = [
            self._numeric(y, m, d),
            self._numeric(y, m, d),
            f"{y}-{m:02d}-{d:02d}",
            f"{d} {month} {y}",
            f"{month} {d}, {y}",
            f"{d}{suffix} {month} {y}",
            f"{d} {month[:3]} {y}",
            f"{month[:3]} {d}, {y}",
            f"{d:02d}-{month[:3].upper()}-{y}",
            f"{weekday[:3]}, {d} {month[:3]} {y}",
            f"{weekday} {d}{suffix} {month}",
        ]
        return labelled(self.rng.choice(forms), "DATE_TIME")

    def dob(self) -> Value:
        y, m, d = self._day()
        y = min(y, 2006) - self.rng.randint(0, 30)
        form = self.rng.choice(
            [self._numeric(y, m, d), f"{d} {MONTHS[m - 1]} {y}", f"{y}-{m:02d}-{d:02d}"]
        )
        return labelled(form, "DATE_TIME")

    def time(self) -> Value:
        h, mi = self.rng.randint(0, 23), self.rng.choice([0, 5, 10, 15, 20, 30, 40, 45, 50])
        h12, ampm = (h % 12) or 12, "am" if h < 12 else "pm"
        forms = [f"{h:02d}:{mi:02d}", f"{h}:{mi:02d}", f"{h12}:{mi:02d} {ampm}", f"{h12}{ampm}",
                 f"{h:02d}h{mi:02d}"]  # fmt: skip
        return labelled(self.rng.choice(forms), "DATE_TIME")

    def datetime(self) -> Value:
        y, m, d = self._day()
        h, mi, s = self.rng.randint(0, 23), self.rng.randint(0, 59), self.rng.randint(0, 59)
        forms = [
            f"{y}-{m:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d}",
            f"{y}-{m:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}Z",
            f"{self._numeric(y, m, d)} {h:02d}:{mi:02d}",
            f"{d} {MONTHS[m - 1]} {y} at {h:02d}:{mi:02d}",
            f"{MONTHS[m - 1][:3]} {d} {y} {h:02d}:{mi:02d}",
        ]
        return labelled(self.rng.choice(forms), "DATE_TIME")

    def logstamp(self) -> Value:
        """A log timestamp, ISO-like."""
        y, m, d = self._day()
        h, mi, s = self.rng.randint(0, 23), self.rng.randint(0, 59), self.rng.randint(0, 59)
        ms = self.rng.randint(0, 999)
        return labelled(f"{y}-{m:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d}.{ms:03d}", "DATE_TIME")

    def year(self) -> Value:
        return labelled(str(self.rng.randint(1948, 2026)), "DATE_TIME")

    def weekday(self) -> Value:
        day = self.rng.choice(WEEKDAYS)
        return labelled(day if self.rng.random() < 0.85 else day[:3], "DATE_TIME")

    def month_year(self) -> Value:
        m, y = self.rng.choice(MONTHS), self.rng.randint(1985, 2026)
        return labelled(self.rng.choice([f"{m} {y}", f"{m[:3]} {y}", f"{m[:3]}. {y}"]), "DATE_TIME")

    # --- distractors (no gold span) -----------------------------------------------------
    def product(self) -> Value:
        return plain(self.rng.choice(PRODUCTS))

    def version(self) -> Value:
        r = self.rng
        return plain(
            r.choice(
                [
                    f"v{r.randint(1, 9)}.{r.randint(0, 20)}.{r.randint(0, 30)}",
                    f"{r.randint(1, 30)}.{r.randint(0, 9)}",
                    f"build {r.randint(1000, 9999)}",
                    f"{r.randint(1, 5)}.{r.randint(0, 9)}.{r.randint(0, 9)}-rc{r.randint(1, 4)}",
                ]
            )
        )

    def ordernum(self) -> Value:
        r = self.rng
        return plain(
            r.choice(
                [
                    f"#{r.randint(100000, 999999)}",
                    f"ORD-{r.randint(10000, 99999)}",
                    f"{r.choice('ABCDEFGHKMNPRSTW')}{r.randint(100, 999)}-{r.randint(1000, 9999)}",
                    f"INV/{r.randint(10, 99)}/{r.randint(1000, 9999)}",
                    f"PO {r.randint(4500000000, 4599999999)}",
                ]
            )
        )

    def ticket(self) -> Value:
        r = self.rng
        return plain(f"{r.choice(['INC', 'REQ', 'JIRA-', 'CASE-', 'SR'])}{r.randint(1000, 999999)}")

    def money(self) -> Value:
        r = self.rng
        cur = r.choice(CURRENCIES)
        amount = f"{r.randint(5, 98000):,}.{r.randint(0, 99):02d}"
        return plain(f"{cur}{amount}" if len(cur) == 1 else f"{amount} {cur}")

    def duration(self) -> Value:
        return plain(self.rng.choice(DURATIONS))

    def relative(self) -> Value:
        return plain(self.rng.choice(RELATIVE))

    def quarter(self) -> Value:
        return plain(self.rng.choice(QUARTERS))

    def age(self) -> Value:
        return plain(str(self.rng.randint(19, 88)))

    def qty(self) -> Value:
        return plain(str(self.rng.randint(2, 480)))

    def percent(self) -> Value:
        return plain(f"{self.rng.randint(1, 95)}%")

    def word(self) -> Value:
        return plain(self.rng.choice(WORDS))

    def team(self) -> Value:
        return plain(self.rng.choice(TEAMS))

    def sku(self) -> Value:
        r = self.rng
        letters = "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(3))
        return plain(f"{letters}-{r.randint(100, 9999)}")

    def weight(self) -> Value:
        r = self.rng
        return plain(
            r.choice([f"{r.randint(1, 40)}.{r.randint(0, 9)} kg", f"{r.randint(100, 950)} g"])
        )

    def gitdate(self) -> Value:
        """A git log date: "Tue Mar 5 14:22:10 2024 +0100"."""
        y, m, d = self._day()
        h, mi, sec = self.rng.randint(0, 23), self.rng.randint(0, 59), self.rng.randint(0, 59)
        zone = self.rng.choice(["+0000", "+0100", "+0200", "-0500", "+0530", "+0900", "+0300"])
        day = self._weekday(y, m, d)[:3]
        return labelled(
            f"{day} {MONTHS[m - 1][:3]} {d} {h:02d}:{mi:02d}:{sec:02d} {y} {zone}", "DATE_TIME"
        )

    def chatstamp(self) -> Value:
        """A chat export's message stamp: "12/03/2024, 21:14" in the locale's date order.

        Consecutive stamps mostly continue the same conversation (same day, a few minutes
        later), as the lines of one export do."""
        last = getattr(self, "_chat", None)
        if last is not None and last[1] < 23 * 60 and self.rng.random() < 0.85:
            day, minute = last[0], last[1] + self.rng.randint(0, 25)
        else:
            y, m, d = self._day()
            day = (y, m, d, self._numeric(y, m, d))
            minute = self.rng.randint(6 * 60, 22 * 60)
        self._chat = (day, minute)
        return labelled(f"{day[3]}, {minute // 60:02d}:{minute % 60:02d}", "DATE_TIME")

    def first_again(self) -> Value:
        """The given name drawn last by `first` (one person speaking twice in a chat)."""
        name = getattr(self, "_first", None) or self._name_parts()[0]
        return labelled(name, "PERSON")

    def clinic(self) -> Value:
        """A surgery, clinic or hospital of the locale's towns and names."""
        rng = self.rng
        name = rng.choice(CLINICS).format(town=self._town(), last=self._name_parts()[1])
        return labelled(name, "ORGANIZATION")

    def school(self) -> Value:
        name = rng_format(self.rng, SCHOOLS, town=self._town(), last=self._name_parts()[1])
        return labelled(name, "ORGANIZATION")

    def pharmacy(self) -> Value:
        name = rng_format(self.rng, PHARMACIES, town=self._town(), last=self._name_parts()[1])
        return labelled(name, "ORGANIZATION")

    def court(self) -> Value:
        return labelled(rng_format(self.rng, COURTS, town=self._town()), "ORGANIZATION")

    def charity(self) -> Value:
        name = rng_format(self.rng, CHARITIES, town=self._town(), last=self._name_parts()[1])
        return labelled(name, "ORGANIZATION")

    # --- distractors of the fresh families ------------------------------------------------
    def flight(self) -> Value:
        r = self.rng
        return plain(
            f"{r.choice(['LH', 'EI', 'SV', 'KQ', 'PK', 'TK', 'QR', 'KL'])} {r.randint(10, 2999)}"
        )

    def plate(self) -> Value:
        """A vehicle registration (not PII under the labelling rules)."""
        r = self.rng
        letters = "".join(r.choice("ABCDEFGHJKLMNPRSTVWXYZ") for _ in range(3))
        return plain(
            r.choice(
                [
                    f"{letters} {r.randint(100, 999)}",
                    f"{r.randint(10, 99)}-D-{r.randint(1000, 99999)}",
                    f"{letters[:2]}{r.randint(10, 99)} {letters}",
                ]
            )
        )

    def caseref(self) -> Value:
        r = self.rng
        return plain(
            r.choice(
                [
                    f"CR/{r.randint(1000, 9999)}/{r.randint(20, 26)}",
                    f"Case No. {r.randint(10, 99)}/{r.randint(1000, 9999)}",
                    f"PCN {r.choice('ABCDEFGHJK')}{r.randint(10000000, 99999999)}",
                    f"REF-{r.randint(100000, 999999)}",
                ]
            )
        )

    def medicine(self) -> Value:
        return plain(self.rng.choice(MEDICINES))

    def hexid(self) -> Value:
        """A commit hash or similar hex identifier."""
        return plain("".join(self.rng.choice("0123456789abcdef") for _ in range(40)))

    def last4(self) -> Value:
        """The last four digits of a card ("ending 4821"): not a card number."""
        return plain(f"{self.rng.randint(0, 9999):04d}")

    # --- shapes of the dev-family-2 families ----------------------------------------------
    def first_lower(self) -> Value:
        """A given name in lower case, as chats and transcripts write it ("anna")."""
        return labelled(self._name_parts()[0].lower(), "PERSON")

    def handle_num(self) -> Value:
        """A chat or forum handle with digits ("anna_k92", "nowak.j7", "marek1988")."""
        first, last = (romanize(p).lower().replace(" ", "") for p in self._name_parts())
        n = self.rng.choice([str(self.rng.randint(1, 99)), str(self.rng.randint(1960, 2009))])
        text = self.rng.choice([f"{first}_{last[:1]}{n}", f"{last}.{first[:1]}{n}", f"{first}{n}"])
        return labelled(text, "PERSON")

    def _cited(self, style: int) -> str:
        """An author as a reference list writes it: "Nowak, J.", "Nowak J" or "J. Nowak"."""
        first, last = (romanize(p) if not p.isascii() else p for p in self._name_parts())
        initial = first[:1].upper() or "A"
        return [f"{last}, {initial}.", f"{last} {initial}", f"{initial}. {last}"][style]

    def cited(self) -> Value:
        return labelled(self._cited(self.rng.randrange(3)), "PERSON")

    def authors(self) -> Value:
        """Two to four authors of one reference, in one style: "Nowak, J., Kim, S. and Lee, H."."""
        style = self.rng.randrange(3)
        names = [labelled(self._cited(style), "PERSON") for _ in range(self.rng.randint(2, 4))]
        last_sep = {0: self.rng.choice([", and ", " and ", " & "]), 1: ", ", 2: " and "}[style]
        return joined([joined(names[:-1], ", "), names[-1]], last_sep)

    def towns(self) -> Value:
        """Two to four different towns in a list: "Tampere, Brno and Porto"."""
        want, names = self.rng.randint(2, 4), []
        for _ in range(12):
            town = self._town()
            if town not in names:
                names.append(town)
            if len(names) == want:
                break
        if len(names) < 2:
            names.append(self.info.country.removeprefix("the "))
        places = [labelled(n, "LOCATION") for n in names]
        return joined([joined(places[:-1], ", "), places[-1]], self.rng.choice([" and ", ", "]))

    def country_caps(self) -> Value:
        return labelled(self.info.country.removeprefix("the ").upper(), "LOCATION")

    def org_caps(self) -> Value:
        return labelled(self.org().text.upper(), "ORGANIZATION")

    def address_caps(self) -> Value:
        """A whole address on one line in capitals, as manifests and labels print it."""
        return labelled(self._address(", ").upper(), "LOCATION")

    def address_lower(self) -> Value:
        """A whole address as a transcript writes it: lower case, no commas."""
        text = re.sub(r"\s+", " ", self._address(" ").replace(",", "")).lower()
        return labelled(text, "LOCATION")

    def weekday_lower(self) -> Value:
        return labelled(self.rng.choice(WEEKDAYS).lower(), "DATE_TIME")

    def makers(self) -> dict[str, Callable[[], Value]]:
        """Every slot name a template may use, mapped to its maker."""
        names = [n for n in dir(self) if not n.startswith("_") and n not in ("makers",)]
        out: dict[str, Callable[[], Value]] = {}
        for n in names:
            attr = getattr(self, n)
            if callable(attr):
                out[n] = attr
        for n in ("person", "first", "last", "email", "phone", "org", "city", "date", "address"):
            out[n + "2"] = out[n]
        return out
