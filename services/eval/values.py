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

# Locales of the `fresh` part only (see generate.py): never in LOCALES, so nothing built from
# the tune locales (the given-name list) sees them and the tune/check/mixed parts keep their
# values. Chosen where the installed Faker gives names, phones and (or, with the lists below)
# addresses of the country; no East Asian or English-group locale is left unused in Faker.
FRESH_LOCALES: dict[str, LocaleInfo] = {
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
ALL_LOCALES: dict[str, LocaleInfo] = {**LOCALES, **FRESH_LOCALES}

# Locales whose names are written family name first in their own script.
FAMILY_FIRST = {"hu_HU", "ja_JP", "zh_CN", "zh_TW", "ko_KR", "vi_VN"}
NO_SPACE_NAMES = {"zh_CN", "zh_TW", "ko_KR"}
# Numeric date order people of the locale use (day-first unless listed).
MONTH_FIRST = {"en_US", "en_PH", "en_CA"}
YEAR_FIRST = {"ja_JP", "zh_CN", "zh_TW", "ko_KR", "hu_HU"}
DOTTED = {
    "de_DE", "de_AT", "de_CH", "pl_PL", "cs_CZ", "sk_SK", "ru_RU", "uk_UA", "bg_BG", "fi_FI",
    "no_NO", "da_DK", "tr_TR", "ro_RO", "hr_HR", "sl_SI", "az_AZ", "ka_GE",
    "is_IS", "lv_LV", "mk_MK", "hy_AM",
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
FRESH_PHONES = {
    "is_IS": ["### ####", "+354 ### ####", "+354 #######", "5## ####", "8## ####"],
    "zu_ZA": ["0## ### ####", "+27 ## ### ####", "+27 (0)## ### ####", "0#########",
              "(0##) ###-####"],
}  # fmt: skip
# Bengali digits (Faker's bn_BD numbers) as the ASCII digits English text uses.
BENGALI_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")
BG_STREETS = ["ул. Витоша", "ул. Шипка", "бул. Раковски", "ул. Граф Игнатиев", "ул. Оборище",
              "бул. Цар Освободител", "ул. Алабин"]  # fmt: skip

# Scripts that transliterate badly letter by letter (no written vowels, Thai, and the Indic
# scripts, whose inherent vowels unidecode doubles or drops): romanised names and towns as
# they are usually spelt in English.
ROMAN_NAMES = {
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

UNIT_LINES = ["Apt. {n}", "Apt {n}{c}", "Suite {n}", "Unit {n}", "Flat {n}", "Apartment {n}",
              "Floor {f}, Apt. {n}", "Room {n}", "#{n}", "Building {c}, Apt {n}"]  # fmt: skip

PRODUCTS = ["Nimbus Router X2", "ZenBook 14", "Lumio Desk Lamp", "QuietCool 300 fan",
            "PixelSnap camera", "Stratus 9 tablet", "AquaPure filter", "Orbit smart plug",
            "Vantage keyboard", "Echo Buds", "CoreFit tracker", "TerraGrip boots",
            "SolarMax 5000", "Falcon drone", "Ridgeback e-bike", "Tempo blender"]  # fmt: skip
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


def romanize(text: str) -> str:
    """Latin transliteration, capitalised word by word (how foreign names appear in English)."""
    words = re.sub(r"['`]", "", unidecode(text)).split()
    return " ".join(w[:1].upper() + w[1:].lower() for w in words if w)


class LocaleValues:
    """Slot makers for one locale: each call draws a fresh value from the locale's Faker."""

    def __init__(self, locale: str, seed: int) -> None:
        self.locale = locale
        self.info = ALL_LOCALES[locale]
        self.fake = Faker(locale)
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
        first, last = fake.first_name(), fake.last_name()
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
            return f"{first} {last} {self.fake.last_name()}"
        return f"{first} {last}"

    def person(self) -> Value:
        return labelled(self._full_name(*self._name_parts()), "PERSON")

    def first(self) -> Value:
        return labelled(self._name_parts()[0], "PERSON")

    def last(self) -> Value:
        return labelled(self._name_parts()[1], "PERSON")

    def person_caps(self) -> Value:
        return labelled(self._full_name(*self._name_parts()).upper(), "PERSON")

    def last_caps(self) -> Value:
        return labelled(self._name_parts()[1].upper(), "PERSON")

    def person_lower(self) -> Value:
        return labelled(self._full_name(*self._name_parts()).lower(), "PERSON")

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

    def _unit(self) -> str:
        rng = self.rng
        return rng.choice(UNIT_LINES).format(
            n=rng.randint(1, 420), c=rng.choice("ABCDEF"), f=rng.randint(1, 12)
        )

    def _address(self, sep: str) -> str:
        rng = self.rng
        lines = self._address_lines()
        if rng.random() < 0.3:
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

    def street(self) -> Value:
        """The street line of an address on its own ("<street> <number>" in most locales)."""
        return labelled(self._address_lines()[0], "LOCATION")

    def city_line(self) -> Value:
        """Postcode and town, as in "10435 Berlin"."""
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
        elif self.locale in FRESH_PHONES:
            text = fake.numerify(self.rng.choice(FRESH_PHONES[self.locale]))
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
