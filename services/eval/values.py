"""Locale-aware fake values for the template samples (Faker plus Redacta's own formats).

Every slot a template may use is produced here with the gold type it carries (or None for
distractors that must NOT be flagged: products, versions, bare numbers, capitalised words).
Phone numbers are drawn until phonenumbers calls them valid, because real users' numbers are
real numbers; the printed formats vary (national, international, E.164, dotted, bracketed).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

import phonenumbers
from faker import Faker

LOCALES = ("en_US", "en_GB", "en_IE", "en_CA", "en_AU")
REGION = {"en_US": "US", "en_GB": "GB", "en_IE": "IE", "en_CA": "CA", "en_AU": "AU"}

REAL_CITIES = {
    "en_US": [
        "Chicago",
        "Boston",
        "Seattle",
        "Denver",
        "Austin",
        "Portland",
        "Atlanta",
        "Phoenix",
        "San Diego",
        "Philadelphia",
        "Nashville",
        "Columbus",
        "Baltimore",
        "Sacramento",
    ],
    "en_GB": [
        "Manchester",
        "Leeds",
        "Bristol",
        "Glasgow",
        "Edinburgh",
        "Cardiff",
        "Birmingham",
        "Sheffield",
        "Nottingham",
        "Brighton",
        "Norwich",
        "Liverpool",
        "York",
        "Oxford",
    ],
    "en_IE": [
        "Dublin",
        "Cork",
        "Galway",
        "Limerick",
        "Waterford",
        "Kilkenny",
        "Sligo",
        "Athlone",
        "Drogheda",
        "Dundalk",
        "Tralee",
        "Ennis",
        "Wexford",
        "Letterkenny",
    ],
    "en_CA": [
        "Toronto",
        "Vancouver",
        "Montreal",
        "Calgary",
        "Ottawa",
        "Edmonton",
        "Winnipeg",
        "Halifax",
        "Victoria",
        "Saskatoon",
        "Regina",
        "Kingston",
        "Hamilton",
        "Moncton",
    ],
    "en_AU": [
        "Sydney",
        "Melbourne",
        "Brisbane",
        "Perth",
        "Adelaide",
        "Hobart",
        "Darwin",
        "Canberra",
        "Geelong",
        "Newcastle",
        "Wollongong",
        "Cairns",
        "Townsville",
        "Ballarat",
    ],
}
COUNTRIES = [
    "Ireland",
    "Canada",
    "Australia",
    "Germany",
    "France",
    "Spain",
    "Portugal",
    "Poland",
    "India",
    "Nigeria",
    "Brazil",
    "Japan",
    "New Zealand",
    "the United States",
    "Italy",
]
IE_COUNTIES = [
    "Dublin",
    "Cork",
    "Galway",
    "Kerry",
    "Mayo",
    "Clare",
    "Meath",
    "Kildare",
    "Wicklow",
    "Donegal",
    "Limerick",
    "Tipperary",
    "Louth",
    "Wexford",
]
IE_STREETS = [
    "Main Street",
    "Church Road",
    "Patrick Street",
    "Castle Street",
    "Mill Lane",
    "Station Road",
    "Green Road",
    "Bridge Street",
    "Strand Road",
    "Parnell Square",
    "O'Connell Street",
    "Abbey Street",
    "Dublin Road",
    "Chapel Lane",
]
IE_TOWNS = [
    "Swords",
    "Naas",
    "Bray",
    "Navan",
    "Ennis",
    "Carlow",
    "Tullamore",
    "Mullingar",
    "Clonmel",
    "Castlebar",
    "Killarney",
    "Athy",
    "Portlaoise",
    "Gorey",
]
UNITS = {
    "en_US": ["Apt {n}", "Suite {n}", "Unit {n}", "Apt. {n}", "#{n}"],
    "en_GB": ["Flat {n}", "Flat {n}", "Apartment {n}", "Unit {n}"],
    "en_IE": ["Apartment {n}", "Apt {n}", "Unit {n}", "Flat {n}"],
    "en_CA": ["Unit {n}", "Suite {n}", "Apt {n}"],
    "en_AU": ["Unit {n}", "Level {n}", "Apartment {n}"],
}
ORGS = [
    "Barclays",
    "Tesco",
    "HSBC",
    "Vodafone",
    "Bank of Ireland",
    "Allied Irish Banks",
    "Deloitte",
    "KPMG",
    "Accenture",
    "Siemens",
    "Unilever",
    "Shell",
    "British Airways",
    "Ryanair",
    "Qantas",
    "Telstra",
    "Woolworths Group",
    "Rogers Communications",
    "Royal Bank of Canada",
    "Shopify",
    "Salesforce",
    "Oracle",
    "Goldman Sachs",
    "Northwind Traders Ltd",
    "Harbour Street Dental",
    "Greenfield Logistics Ltd",
    "Bluewater Analytics Inc.",
    "Maple Leaf Foods",
    "Kerry Group",
    "Glanbia",
    "St. Vincent's University Hospital",
    "Mater Misericordiae Hospital",
    "Mayo Clinic",
    "University of Leeds",
    "Trinity College Dublin",
    "University of Toronto",
    "Monash University",
    "National Health Service",
    "Citizens Advice",
    "Oxfam",
    "Brightline Insurance Ltd",
    "Carrow & Finch Solicitors",
    "Pinewood Property Management",
    "Halcyon Recruitment",
    "Summit Health Partners",
    "Redwood Credit Union",
]
PRODUCTS = [
    "iPhone 15 Pro",
    "Galaxy S23",
    "Kindle Paperwhite",
    "PlayStation 5",
    "ThinkPad X1",
    "Surface Pro 9",
    "AirPods Pro",
    "Nespresso Vertuo",
    "Excel",
    "Photoshop",
    "Windows 11",
    "Android 14",
    "Chromebook",
    "Pixel 8",
    "Xbox Series X",
    "Roomba",
    "Apple Watch",
    "MacBook Air",
    "Fitbit Charge 6",
    "Dyson V15",
]
CAP_WORDS = [
    "Urgent",
    "Invoice",
    "Billing",
    "Refund",
    "Status",
    "Summary",
    "Update",
    "Notice",
    "Reminder",
    "Approved",
    "Pending",
    "Delivery",
    "Warranty",
    "Support",
    "Feedback",
    "Overview",
    "Agenda",
    "Priority",
    "Escalation",
    "Resolution",
]
DURATIONS = [
    "30 days",
    "two weeks",
    "6 months",
    "48 hours",
    "the next quarter",
    "ten minutes",
    "three years",
    "a fortnight",
    "90 days",
    "one week",
]
TIMESPANS = ["last week", "yesterday", "this morning", "next month", "tomorrow", "today"]


_US = Faker("en_US")  # SSNs are US-only; other locales' Faker would print random digits
_US.seed_instance(7)


@dataclass(frozen=True)
class Value:
    """A filled slot: the text and the gold type it carries (None = must not be flagged)."""

    text: str
    type: str | None


def _valid_phone(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    kinds = [phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE]
    example = phonenumbers.example_number_for_type(region, rng.choice(kinds))
    if example is None:
        raise ValueError(f"phonenumbers has no example number for {region}")
    national = str(example.national_number)
    for _ in range(200):
        keep = rng.randint(2, 4)
        digits = national[:keep] + "".join(
            str(rng.randint(0, 9)) for _ in range(len(national) - keep)
        )
        candidate = (
            phonenumbers.parse(digits, region)
            if region != "IE"
            else phonenumbers.parse("0" + digits, region)
        )
        number = str(candidate.national_number)
        if phonenumbers.is_valid_number(candidate) and "555" not in number[3:6]:
            return candidate
    return example


def phone(rng: random.Random, locale: str) -> str:
    """A valid number of the locale's region, printed the way people print them."""
    region = REGION[locale]
    num = _valid_phone(rng, region)
    fmt = phonenumbers.PhoneNumberFormat
    national = phonenumbers.format_number(num, fmt.NATIONAL)
    intl = phonenumbers.format_number(num, fmt.INTERNATIONAL)
    style = rng.randrange(7)
    if style == 0:
        return national
    if style == 1:
        return intl
    if style == 2:
        return phonenumbers.format_number(num, fmt.E164)
    if style == 3:
        return "".join(c for c in national if c.isdigit())
    if style == 4 and region in ("US", "CA"):
        d = str(num.national_number)
        return f"{d[:3]}.{d[3:6]}.{d[6:]}"
    if style == 4 and region == "GB":
        rest = intl.split(" ", 1)[1]
        return f"+44 (0){rest}"
    if style == 5:
        return intl.replace(" ", "-")
    return national.replace("(", "").replace(")", "")


def street_address(fake: Faker, rng: random.Random, locale: str) -> str:
    """A one-line postal address in the locale's format, sometimes with a unit."""
    unit = rng.choice(UNITS[locale]).format(n=rng.randint(1, 420)) if rng.random() < 0.35 else ""
    city = rng.choice(REAL_CITIES[locale]) if rng.random() < 0.5 else fake.city()
    if locale == "en_IE":
        street = f"{rng.randint(1, 180)} {rng.choice(IE_STREETS)}"
        key = rng.choice(["D02", "D04", "D08", "D6W", "T12", "H91", "V94", "A94", "K78", "W23"])
        code = "".join(rng.choice("ACDEFHKNPRTVWXY0123456789") for _ in range(4))
        town = rng.choice(IE_TOWNS) if rng.random() < 0.5 else city
        county = rng.choice(IE_COUNTIES)
        parts = [unit, street, town, f"Co. {county}", f"{key} {code}"]
        if rng.random() < 0.4:
            parts = [unit, street, town, f"Co. {county}"]
    elif locale == "en_GB":
        street = f"{fake.building_number()} {fake.street_name()}"
        parts = [unit, street, f"{city} {fake.postcode()}"]
        if rng.random() < 0.5:
            parts = [unit, street, city, fake.postcode()]
    elif locale == "en_US":
        street = f"{fake.building_number()} {fake.street_name()}"
        parts = [street, unit, f"{city}, {fake.state_abbr()} {fake.postcode()}"]
    elif locale == "en_CA":
        street = f"{fake.building_number()} {fake.street_name()}"
        postcode = fake.postcode()
        if " " not in postcode and rng.random() < 0.7:
            postcode = postcode[:3] + " " + postcode[3:]
        if unit and rng.random() < 0.5:  # Canadian style: unit number before the street number
            street, unit = f"{unit.split()[-1]}-{street}", ""
        parts = [street, unit, f"{city}, {fake.province_abbr()} {postcode}"]
    else:
        street = f"{fake.building_number()} {fake.street_name()}"
        parts = [unit, street, f"{city} {fake.state_abbr()} {fake.postcode()}"]
    return ", ".join(p for p in parts if p)


def date(fake: Faker, rng: random.Random, locale: str) -> str:
    """A calendar date in one of the common English formats (day-first outside US/CA)."""
    d = fake.date_between(start_date="-8y", end_date="+1y")
    us = locale in ("en_US", "en_CA")
    day = d.day
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    styles = [
        f"{day} {d:%B %Y}",
        f"{d:%B} {day}, {d.year}",
        f"{d:%m/%d/%Y}" if us else f"{d:%d/%m/%Y}",
        f"{d:%Y-%m-%d}",
        f"{day}{suffix} {d:%B %Y}",
        f"{d:%b} {day} {d.year}",
        f"{d:%A} {day} {d:%B}",
        f"{d:%d.%m.%Y}",
        f"{day}{suffix} of {d:%B}",
        f"{d:%d %b %Y}",
    ]
    return rng.choice(styles)


def dob(fake: Faker, rng: random.Random, locale: str) -> str:
    """A date of birth, as it appears on forms."""
    d = fake.date_of_birth(minimum_age=18, maximum_age=90)
    us = locale in ("en_US", "en_CA")
    return rng.choice(
        [
            f"{d:%m/%d/%Y}" if us else f"{d:%d/%m/%Y}",
            f"{d.day} {d:%B %Y}",
            f"{d:%Y-%m-%d}",
            f"{d:%d-%b-%Y}",
        ]
    )


def nhs(rng: random.Random) -> str:
    """A UK NHS number with a valid mod-11 check digit, spaced 3-3-4."""
    while True:
        digits = [rng.randint(0, 9) for _ in range(9)]
        check = 11 - sum(d * (10 - i) for i, d in enumerate(digits)) % 11
        if check == 11:
            check = 0
        if check != 10:
            s = "".join(map(str, [*digits, check]))
            return f"{s[:3]} {s[3:6]} {s[6:]}"


def version(rng: random.Random) -> str:
    """A software version string, a classic false-positive bait for dates and phones."""
    return rng.choice(
        [
            f"{rng.randint(1, 12)}.{rng.randint(0, 20)}.{rng.randint(0, 40)}",
            f"v{rng.randint(1, 5)}.{rng.randint(0, 9)}",
            f"{rng.randint(2018, 2025)}.{rng.randint(1, 12)}.{rng.randint(1, 9)}",
        ]
    )


def slot_makers(fake: Faker, rng: random.Random, locale: str) -> dict[str, Callable[[], Value]]:
    """Every slot name a template may use, bound to this locale's Faker instance."""

    def v(type_: str | None, make: Callable[[], str]) -> Callable[[], Value]:
        return lambda: Value(make(), type_)

    return {
        "person": v("PERSON", fake.name),
        "person2": v("PERSON", fake.name),
        "first": v("PERSON", fake.first_name),
        "last": v("PERSON", fake.last_name),
        "org": v(
            "ORGANIZATION", lambda: rng.choice(ORGS) if rng.random() < 0.5 else fake.company()
        ),
        "address": v("LOCATION", lambda: street_address(fake, rng, locale)),
        "city": v("LOCATION", lambda: rng.choice(REAL_CITIES[locale])),
        "country": v("LOCATION", lambda: rng.choice(COUNTRIES)),
        "phone": v("PHONE_NUMBER", lambda: phone(rng, locale)),
        "email": v("EMAIL_ADDRESS", fake.email),
        "date": v("DATE_TIME", lambda: date(fake, rng, locale)),
        "dob": v("DATE_TIME", lambda: dob(fake, rng, locale)),
        "card": v("CREDIT_CARD", lambda: _spaced_card(fake, rng)),
        "ip": v("IP_ADDRESS", lambda: fake.ipv4_public() if rng.random() < 0.8 else fake.ipv6()),
        "url": v("URL", fake.url),
        "iban": v("IBAN_CODE", lambda: _iban(fake, rng)),
        "ssn": v("US_SSN", lambda: _US.ssn()),
        "nhs": v("UK_NHS", lambda: nhs(rng)),
        # Distractors: the gold set says these are not personal data.
        "product": v(None, lambda: rng.choice(PRODUCTS)),
        "version": v(None, lambda: version(rng)),
        "qty": v(None, lambda: str(rng.choice([rng.randint(2, 99), rng.randint(100, 9999)]))),
        "year": v(None, lambda: str(rng.randint(1995, 2026))),
        "money": v(
            None,
            lambda: (
                rng.choice(["$", "£", "€", "A$", "C$"])
                + f"{rng.randint(5, 5000)}.{rng.randint(0, 99):02d}"
            ),
        ),
        "ordernum": v(
            None,
            lambda: (
                rng.choice(["#", "ORD-", "TKT-", "INV-", ""]) + str(rng.randint(10000, 99999999))
            ),
        ),
        "word": v(None, lambda: rng.choice(CAP_WORDS)),
        "duration": v(None, lambda: rng.choice(DURATIONS)),
        "percent": v(None, lambda: f"{rng.randint(1, 99)}%"),
    }


def _spaced_card(fake: Faker, rng: random.Random) -> str:
    number: str = fake.credit_card_number(
        card_type=rng.choice(["visa16", "mastercard", "amex", "discover"])
    )
    if rng.random() < 0.5 and len(number) == 16:
        sep = rng.choice([" ", "-"])
        return sep.join(number[i : i + 4] for i in range(0, 16, 4))
    return number


def _iban(fake: Faker, rng: random.Random) -> str:
    iban: str = fake.iban()  # GB or IE IBANs depending on the locale
    if rng.random() < 0.5:
        return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    return iban
