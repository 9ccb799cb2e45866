"""Place names that the NER model misses, found by what is written around them.

"lives in Ennis", "moved to Geelong", "flight to Tralee", "based in Leeds", "born in Cork",
"our Sheffield office": one to three capitalised words after such a cue are a LOCATION unless
they are a month, weekday, common word or product. A form label that asks for a place
("City:", "Place of birth:", "Location:") names one in any script or case, and a town
written before its country ("Cieszyn, Poland", "Aigle, Switzerland") is one with its
country; so is the town on a letter's or news item's date line ("Graz, 3 May 2024"). spaCy's
own GPE/LOC findings stay as they are; this only adds what it did not see.
`complete_place_lists` (run by the enhancer once overlaps are settled) makes the other names
of a list of places places too.

`LocationPrepositionRecognizer` adds the weakest evidence, a capitalised name right after
"in" or "near" ("works in Tarakan"): it outweighs only the NER model's guess (a town the
model does not know is often called a person after "in"), never a recognizer that found a
person or organisation by its form or cue ("in Kovács Kft.").
`LocationWeakCueRecognizer` adds weaker evidence still, a name after "from", "outside",
"via" or before "-based": it only fills in where neither the model nor any other recognizer
found anything.
"""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult

from redacta.engine.recognizers.address_intl import COUNTRY, is_country
from redacta.engine.recognizers.base import TextRecognizer, result
from redacta.engine.recognizers.dates import MONTH, NUMERIC_DATE, WEEKDAY, WORD_DATE
from redacta.engine.recognizers.gazetteer import CUE_BEFORE
from redacta.engine.recognizers.given_names import is_given_name
from redacta.engine.recognizers.person import ENGLISH_WORDS
from redacta.engine.recognizers.vocabulary import is_common_word, is_product, is_role_or_field

NAME = "LocationCueRecognizer"
PREPOSITION_NAME = "LocationPrepositionRecognizer"

_CASED_WORD = r"(?:\p{Lu}[\p{Ll}\p{M}'\u2019\-]+|\p{Lu}{3,}(?![\p{Ll}]))"
PLACE = (
    rf"(?:{_CASED_WORD}(?: (?:{_CASED_WORD}|(?:upon|the|de|del|la|le|sur|nad|pod|am|an|im)"
    rf"(?= \p{{Lu}}))){{0,2}})"
)
"""One to three capitalised (or ALL-CAPS) words in any cased script: "Ennis", "София",
"Castellón de la Plana", "TARRAGONA", "Veselí nad Lužnicí"."""
CASELESS_WORD = (
    r"[\p{Arabic}\p{Hebrew}\p{Georgian}\p{Armenian}\p{Thai}\p{Hangul}\p{Devanagari}"
    r"\p{Bengali}\p{Tamil}\p{Ethiopic}\p{Han}][\p{L}\p{M}]*"
)
"""A word in a script without letter case (Arabic, Persian, Hebrew, Georgian, Korean, Thai,
Hindi, Chinese...), where capitals cannot say that a word is a name."""
ANY_PLACE = rf"(?:{PLACE}|{CASELESS_WORD}(?:[ \-]{CASELESS_WORD}){{0,2}})"
"""A place name in a cased or a caseless script, used only after a strong cue."""

CUE = (
    r"(?:(?:live|lives|lived|living|based|born|raised|located|staying|stays|stayed|resides|"
    r"residing|grew up|settled|headquartered)\s+in|"
    r"(?:moved|moving|move|relocated|relocating|"
    r"relocation|flight|flights|flying|fly|flew|travel(?:l?ed|l?ing)?|trip|driving|drove|"
    r"commute|commutes|transferred|posted|drive|train|bus|ferry|coach|tram)\s+to|"
    r"(?:meet|see)\s+(?:you|us|them)\s+in|"
    # itineraries: "depart Konice", "arrive Hostinné"
    r"(?<=^|\n|[\d:Z][ \t])(?:depart(?:s|ing|ed)?|arriv(?:e|es|ed|ing))(?=[ \t]+\p{Lu})|"
    r"(?:parish|town|city|village|municipality|county|district|province|region|courts?)\s+of|"
    r"(?:signed|executed|done|dated)\s+at|"
    r"(?:arriv(?:e|es|ed|ing)|moving|moved|relocat(?:e|ed|ing)|"
    r"travel(?:l?ed|l?ing)?|fl(?:y|ying|ew)|driv(?:e|ing)|drove|commut(?:e|es|ing)|"
    r"return(?:s|ed|ing)?|walk|ride|minutes|hours|km|miles)\s+from|"
    r"towards|heading\s+(?:to|for)|bound\s+for|(?:outskirts|centre|center|suburbs?)\s+of)"
)
AFTER_CUE = regex.compile(rf"\b(?i:{CUE})\s+({ANY_PLACE})(?![\p{{L}}\p{{M}}\d])", regex.VERSION1)
COMES_FROM = regex.compile(
    r"\b(?i:(?:originally|hails|hailing|comes|coming|came|native)\s+(?:from|of))"
    rf"\s+({ANY_PLACE})(?![\p{{L}}\p{{M}}\d])",
    regex.VERSION1,
)
""""comes from Eindhoven", "originally from Plovdiv", "a native of Patras"; a message also
comes from a person, so a span that starts with a given name is left to the name finders."""
REGION_IN_PARENTHESES = regex.compile(
    rf"\b(?:in|In|near|Near)[ \t]+{PLACE}[ \t]+\(({PLACE})\)", regex.VERSION1
)
"""The region written after a town in parentheses: "a house in Nasaud (Ilfov)", "near
Magelang (Central Java)"."""
ADDRESS_FIELD = regex.compile(
    r"(?:^|(?<=\n))[ \t]*(?i:street|street\s+address|address\s+line\s*[12]?|straße|strasse|"
    r"rue|calle|via|ulica|utca|katu|postcode/town|postcode/city|post\s*code/town|zip/city|"
    r"zip\s+code/city|city/postcode|town/postcode|plz/ort|plz\s+ort|cp/ville|code\s+postal/ville|"
    r"postnummer/ort|postinumero/toimipaikka|irányítószám/város|psč/obec|kod\s+pocztowy/miasto)"
    r"[ \t]*:[ \t]*(?=[^\n]{0,60}\d)(?=[^\n]{0,60}\p{L})"
    r"([^\s:@/][^\n:@]{1,58}[^\s.,;:@])[ \t]*$",
    regex.VERSION1 | regex.MULTILINE,
)
"""The value of a form field that holds a street line or a postcode and town: "Street:
Owenhof 762", "Postcode/Town: 2311 XU Moorveld", "PLZ/Ort: 8010 Graz"."""
BORN_ON_DATE_IN = regex.compile(
    rf"\b(?i:born)\b[^.\n;]{{1,30}}?\b(?i:in)\s+({ANY_PLACE})(?![\p{{L}}\p{{M}}\d])",
    regex.VERSION1,
)
""""born 1967-04-12 in Pekalongan", "born on 3 May 1990 in Žilina"."""
FROM_TO = regex.compile(
    r"\b(?i:mov(?:e|es|ed|ing)|relocat(?:e|es|ed|ing)|travel(?:s|l?ed|l?ing)?|fl(?:y|ies|ying|ew)|"
    r"flights?|driv(?:e|es|ing)|drove|commut(?:e|es|ed|ing)|going|went|journey|route|train|bus)"
    rf"\s+from\s+{PLACE}\s+to\s+({PLACE})(?![\p{{L}}\p{{M}}\d])",
    regex.VERSION1,
)
"""The second place of "moving from Herzberg to Guben": only after a word of travel, since
"changed from Anna Berg to Jan Holm" names people."""
DATELINE = regex.compile(
    rf"^[ \t]*({PLACE}),[ \t]+(?:(?:the|le|den|dne|dnia|am|el|il)[ \t]+)?"
    rf"(?:{WORD_DATE}|{NUMERIC_DATE})[ \t.]*(?:$|[\-\u2013\u2014][ \t])",
    regex.VERSION1 | regex.MULTILINE,
)
"""The town a letter is written in, on the line of its date: "Greenhaven, Sat, 9 Jan 2021",
"Munke Bjergby, Jan 9, 1992"; the dateline of a news item: "HELLAND, Mar 6, 2010 - ..."."""
BRANCH = regex.compile(
    rf"\b(?i:our|the|your|its|their|his|her|my)\s+({PLACE})\s+"
    r"(?:branch|office|store|site|depot|campus|clinic|plant|factory|warehouse|headquarters)\b",
    regex.VERSION1,
)
_FIELD_LABEL = (
    r"(?:city|town|city/town|town/city|place\s+of\s+(?:birth|residence|issue|death)|"
    r"birth\s*place|country(?:\s+of\s+(?:birth|residence|issue))?|issuing\s+country|residence|"
    r"domicile|home\s*town|(?:office\s+|work\s+|meeting\s+)?locations?|region|province|county|"
    r"municipality|district|village|suburb|locality|neighbou?rhood|nearest\s+branch|branch(?:es)?|"
    r"venue|meeting\s+point|destination|origin|(?:departure|arrival)\s+(?:city|airport)|"
    r"pick-?up(?:\s+location)?|drop-?off(?:\s+location)?|port\s+of\s+(?:loading|discharge|"
    r"entry)|city\s+of\s+birth|state/province|province/state|prefecture|duty\s+station|"
    r"(?:home|postal|mailing|billing|shipping|delivery|correspondence)?\s*address|where|"
    # "address" and "place of birth" in the languages of the places they name
    r"adresse|anschrift|wohnort|geburtsort|adres|adresa|adresă|adreça|morada|endereço|"
    r"dirección|direccion|domicilio|indirizzo|residenza|osoite|kotipaikka|cím|lakcím|naslov|"
    r"bydlisko|bydliště|διεύθυνση|адреса|адрес|місто|город|địa\s+chỉ|주소|住所|地址|ที่อยู่|"
    # "town" and "country" in the languages of the places they name
    r"stadt|ort|land|ville|lieu|pays|città|luogo|paese|ciudad|lugar|país|cidade|localidade|"
    r"miasto|miejscowość|kraj|kaupunki|paikkakunta|maa|város|település|ország|mesto|obec|"
    r"město|država|πόλη|χώρα|країна|страна|plaats|woonplaats|stad|gemeente|grad/mjesto|"
    # "town" and "province" on the forms of Spain, Italy, Germany, Poland, Czechia
    r"localidad|población|poblacion|provincia|municipio|comune|località|gemeinde|kanton|"
    r"bundesland|województwo|powiat|gmina|okres)"
)
FIELD = regex.compile(
    rf"(?:^|(?<=[\n|;(/]|[.!?][ \t]))[ \t]*(?i:{_FIELD_LABEL})[ \t]*"
    r"(?::|\.{2,}|[ \t]{2,}|\t)[ \t]*"
    rf"((?:{ANY_PLACE}|\p{{L}}[\p{{L}}\p{{M}}'\u2019.\-]*"
    r"(?: \p{L}[\p{L}\p{M}'\u2019\-]*){0,3}))"
    r"(?=[ \t]*(?:$|\n|,|;|\.(?:\s|$)|\||\(|[ \t]-[ \t]|\t|  |[\u00b7\u2022][ \t]))",
    regex.VERSION1 | regex.MULTILINE,
)
"""The value of a form field that asks for a place: "City: Varna", "PLACE OF BIRTH:
MARYBERG", "Pick-up: Ruse, 23 December", "Location: İzmir.", "City: Si Jie Dao Shi"."""
LISTED_PLACES_FIELD = regex.compile(
    r"^[ \t]*(?:[\p{L}\-]+[ \t]+){0,2}(?i:areas|regions|cities|towns|destinations|locations|"
    r"branches|offices|stops|depots|countries)(?:[ \t]+[\p{L}\-]+){0,3}[ \t]*:[ \t]*([^\n]+)",
    regex.VERSION1 | regex.MULTILINE,
)
"""A label that asks for several places, and its value: "Regions served: Skåne län,
Västmanlands län and parts of Sweden", "Delivery areas this week: tehran, karaj",
"Branches: VLORË · SHKODËR · DURRËS"."""
_LIST_ITEM_SEP = regex.compile(r"[ \t]*[,;\u00b7\u2022|][ \t]*|[ \t]+(?:and|or)[ \t]+")
_SENTENCE_END = regex.compile(r"\.(?:[ \t]|$)|[!?(]")
_ITEM_LEAD = regex.compile(r"^(?i:(?:and|or|parts\s+of|most\s+of|all\s+of|the)[ \t]+)+")
_ITEM = regex.compile(
    r"\p{L}[\p{L}\p{M}'\u2019\-]*(?:[ \t]+(?:\p{L}[\p{L}\p{M}'\u2019\-]*|\d{1,2}))"
    r"{0,3}",
    regex.VERSION1,
)
"""One place of such a list: up to four words, a district number after a town ("COLOMBO 03")."""
TOWN_COUNTRY = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}\d&.\-])({ANY_PLACE}),[ \t]+(?:the[ \t]+)?(?i:{COUNTRY})"
    rf"(?![\p{{L}}\p{{M}}\d])",
    regex.VERSION1,
)
"""A town written before its country: "(Cieszyn, Poland)", "Aigle, Switzerland"."""
_ORG_END = (
    r"(?:Ltd|LLC|LLP|Inc|PLC|plc|GmbH|AG|KG|KGaA|SA|S\.A\.|SAS|S\.A\.S\.|SpA|SPA|Srl|SRL|BV|B\.V\.|"
    r"NV|Oy|Oyj|AB|ASA|AS|A/S|ApS|Kft|Zrt|Nyrt|s\.r\.o|a\.s|v\.o\.s|d\.o\.o|OOD|EOOD|Ltda|"
    r"S\.L|SL|Tbk|Bhd|Pte|Pty|K\.K|Co|Corp|Corporation|Company|Group|Holding|Bank|Hospital|"
    r"Clinic|Foods|Capital|Partners|Union|Cars|Motors|Labs|Systems|Solutions|Services|Studio|"
    r"Foundation|Trust|Institute|Agency|Ministry|Council|Club|Hotel|Pharmacy|Cooperative|"
    r"University|College|School|Academy)\.?"
)
ORG_TOWN = regex.compile(
    rf"(?:\p{{Lu}}[\p{{L}}\p{{M}}&'\u2019.\-]*[ \t]+)?{_ORG_END}"
    rf"(?:[ \t]+of[ \t]+{PLACE})?,[ \t]+({PLACE})"
    r"(?=[ \t]*(?:[.;)\n]|$|[·|\u2013\u2014][ \t]|,[ \t]*\d))",
    regex.VERSION1 | regex.MULTILINE,
)
"""A town after the firm or institution it is written with, closing the phrase: "at
Steinmann AG, Oftringen.", "Vaisala Oyj, Vantaa", "(Martin & Ruiz SA, Ushuaia)",
"Volvo Cars · Torslanda" is not this shape, "Smile Dental Clinic, Hounslow" is."""
LANDMARK = regex.compile(
    rf"(?<![\p{{L}}\d])(?:({PLACE})[ \t]+(?:(?:International|Central|Railway|Bus|Main)[ \t]+)?"
    r"(?:Airport|AIRPORT|Station|STATION|Hbf|Hauptbahnhof|Bahnhof)"
    rf"|(?:Gare|Stazione|Estación|Estação|Aeropuerto|Aeroporto|Aéroport|Flughafen|Port[ \t]+of)"
    rf"[ \t]+(?:(?:de|di|del|do|da|du|des)[ \t]+)?({PLACE}))(?![\p{{L}}\d])",
    regex.VERSION1,
)
"""Airports, stations and ports named after their town: "Tokyo Station", "Wilson Airport",
"München Hbf", "Gare de Lyon", "Port of Rotterdam"."""
_NOT_LANDMARK_TOWNS = frozenset(
    {"gas", "police", "fire", "work", "docking", "charging", "petrol", "service", "radio"}
    | {"space", "weather", "power", "base", "train", "bus", "metro", "tube", "pumping", "filling"}
    | {"polling", "research", "ski", "coast", "guard", "ambulance", "lifeboat", "fuel", "first"}
)
"""First words of "<word> Station" that name a kind of station, not a place ("Police Station")."""
_PROFESSIONS = frozenset(
    {"solicitor", "lawyer", "attorney", "advocate", "notarie", "notary", "barrister"}
    | {"surveyor", "chartered", "estate agent", "dentist", "optician", "veterinarian"}
)
"""What a firm's name is followed by when it says what the firm does ("Smith LLP, Solicitors")."""
NOT_PLACE = regex.compile(rf"(?:{MONTH}|{WEEKDAY})(?:\s.*)?", regex.VERSION1)
SCORE = 0.6
FIELD_SCORE = 0.65
TOWN_COUNTRY_SCORE = 0.65

_NOT_PLACE_VALUES = frozenset(
    {
        *("remote", "hybrid", "online", "onsite", "on-site", "virtual", "worldwide", "global"),
        *("anywhere", "various", "unknown", "none", "n/a", "na", "tbc", "tbd", "same", "home"),
        *("office", "hq", "headquarters", "main", "head", "hall", "lobby", "reception", "room"),
        *("building", "floor", "desk", "canteen", "warehouse", "yes", "no", "other", "see"),
        *("above", "below", "not", "stated", "given", "applicable", "any", "all", "abroad"),
        *("domestic", "international", "local", "conference", "meeting", "site"),
    }
)
"""Field values and words that say where without naming a place ("Location: remote",
"Location: Conference Room B")."""
_LEADING_NON_PLACE = frozenset({"in", "at", "the", "by", "from", "to", "a", "an"})

_ORG_WORDS = regex.compile(
    r"(?i:\b(?:ltd|llc|inc|plc|gmbh|ag|sa|sas|spa|srl|bv|nv|oy|ab|as|aps|kft|sro|s\.r\.o|ood|"
    r"corp|corporation|company|group|holding|bank|university|college|school|hospital|clinic|"
    r"foundation|trust|institute|agency|ministry|club|hotel|foods|capital|partners|tbk)\b)"
)
"""Words that make the name before a country an organisation's ("Bach ApS, Denmark")."""


class LocationCueRecognizer(TextRecognizer):
    """Towns and countries named after "lives in", "moved to", "City:", or before a country."""

    ENTITY = "LOCATION"
    NAME = NAME

    def find(self, text: str) -> list[RecognizerResult]:
        """Every cued place name."""
        found: list[RecognizerResult] = []
        for pattern, score, why in (
            (AFTER_CUE, SCORE, "place after 'lives in', 'moved to'..."),
            (BORN_ON_DATE_IN, SCORE, "place after 'born <date> in'"),
            (FROM_TO, SCORE, "place after 'from <place> to'"),
            (DATELINE, SCORE, "town on the date line of a letter"),
            (BRANCH, SCORE, "place naming a branch or office"),
            (FIELD, FIELD_SCORE, "value of a form field that asks for a place"),
            (COMES_FROM, SCORE, "place after 'comes from', 'native of'"),
            (REGION_IN_PARENTHESES, SCORE, "region in parentheses after a town"),
        ):
            for m in pattern.finditer(text, timeout=1.0):
                name = m.group(1)
                if not _is_place_name(name, text[m.end(1) : m.end(1) + 12]):
                    continue
                if pattern is COMES_FROM and is_given_name(name.split()[0]):
                    continue
                if pattern is DATELINE and " " not in name and name.lower().endswith("ed"):
                    continue  # "Accepted, 31/12/2022": a verb that labels a date
                found.append(result(NAME, "LOCATION", m.start(1), m.end(1), score, why))
        for m in ADDRESS_FIELD.finditer(text, timeout=1.0):
            found.append(
                result(
                    NAME,
                    "LOCATION",
                    m.start(1),
                    m.end(1),
                    FIELD_SCORE,
                    "value of a form field that holds a street or postcode and town",
                )
            )
        found.extend(_listed_places(text))
        for m in ORG_TOWN.finditer(text, timeout=1.0):
            town = m.group(1)
            if (
                _ORG_WORDS.search(town)
                or is_role_or_field(town.removesuffix("s"))
                or town.lower().rstrip("s") in _PROFESSIONS
                or not _is_place_name(town, "")
            ):
                continue
            found.append(
                result(NAME, "LOCATION", m.start(1), m.end(1), SCORE, "town after a firm's name")
            )
        for m in LANDMARK.finditer(text, timeout=1.0):
            town = m.group(1) or m.group(2) or ""
            if town.split()[0].lower() in _NOT_LANDMARK_TOWNS or is_common_word(town):
                continue
            found.append(
                result(NAME, "LOCATION", m.start(), m.end(), SCORE, "airport, station or port")
            )
        for m in TOWN_COUNTRY.finditer(text, timeout=1.0):
            town = m.group(1)
            if _ORG_WORDS.search(town) or not _is_place_name(town, ""):
                continue
            found.append(
                result(
                    NAME,
                    "LOCATION",
                    m.start(),
                    m.end(),
                    TOWN_COUNTRY_SCORE,
                    "town written before its country",
                )
            )
        return found


def _listed_places(text: str) -> list[RecognizerResult]:
    """Each place of a list after a label that asks for places ("Branches: A · B · C"): two
    or more names that are no common, English or field words, firms or values like
    "remote"; the list ends with its sentence."""
    found: list[RecognizerResult] = []
    for m in LISTED_PLACES_FIELD.finditer(text, timeout=1.0):
        start = m.start(1)
        value = m.group(1)
        end = _SENTENCE_END.search(value)
        if end is not None:
            value = value[: end.start()]
        items: list[tuple[int, int]] = []
        offset = 0
        for part in [*_LIST_ITEM_SEP.split(value)]:
            at = value.index(part, offset)
            offset = at + len(part)
            lead = _ITEM_LEAD.match(part)
            skip = lead.end() if lead else 0
            item = _ITEM.fullmatch(part.strip(), skip) if part.strip() else None
            if item is None:
                items = []
                break  # not a plain list of names: a sentence, a URL, a number
            first = at + (len(part) - len(part.lstrip())) + item.start()
            items.append((start + first, start + first + item.end() - item.start()))
        names = [text[a:b] for a, b in items]
        if len(names) < 2 or not all(_is_list_place(n) for n in names):
            continue
        for a, b in items:
            found.append(
                result(
                    NAME,
                    "LOCATION",
                    a,
                    b,
                    FIELD_SCORE,
                    "place in a list of places a label asks for",
                )
            )
    return found


def in_listed_places_field(text: str, position: int) -> bool:
    """Whether `position` is in the value of a label that asks for several places, where a
    run "A, B and C" lists places rather than naming a firm of partners."""
    line_start = text.rfind("\n", 0, position) + 1
    m = LISTED_PLACES_FIELD.match(text, line_start)
    return m is not None and m.start(1) <= position


def _is_list_place(name: str) -> bool:
    """Whether an item of a list of places can be a place: no common, English or field word,
    firm, month or value such as "remote"."""
    words = [w.lower() for w in name.split()]
    return not (
        NOT_PLACE.fullmatch(name)
        or is_common_word(name)
        or is_role_or_field(name)
        or _ORG_WORDS.search(name)
        or any(w in _NOT_PLACE_VALUES for w in words)
        or (name.islower() and any(w in ENGLISH_WORDS for w in words))
    )


def _is_place_name(name: str, following: str) -> bool:
    """Whether a cued span can be a place: not a date word, common word, product or a value
    such as "remote" or "N/A"."""
    words = [w.strip(".,'\u2019").lower() for w in name.split()]
    return not (
        NOT_PLACE.fullmatch(name)
        or is_common_word(name)
        or is_product(name, following)
        or any(w in _NOT_PLACE_VALUES for w in words)
        or words[0] in _LEADING_NON_PLACE
        or any(c.isdigit() for c in name)
    )


WEAK_NAME = "LocationWeakCueRecognizer"
WEAK_CUE = regex.compile(
    rf"(?<![\p{{L}}\-])(?:(?i:from|outside|throughout|across|via|towards?|around)"
    rf"[ \t]+({PLACE})"
    rf"(?![\p{{L}}\p{{M}}\d]|['\u2019]s\b|[ \t]+\d|\.\p{{L}}|[ \t]+to[ \t])"
    rf"|({_CASED_WORD})-based(?![\p{{L}}]))",
    regex.VERSION1,
)
"""A capitalised name after "from", "outside", "across", "via" ("a painter from Richterswil",
"just outside Graz") or before "-based" ("a Tampere-based firm"): people, firms and dates follow
these words too, so this only adds a place where nothing else found anything."""
WEAK_SCORE = 0.45


class LocationWeakCueRecognizer(TextRecognizer):
    """A name after "from"/"outside"/"across" or before "-based": ranked below the NER model,
    so it never retypes what the model called a person or an organisation."""

    ENTITY = "LOCATION"
    NAME = WEAK_NAME

    def find(self, text: str) -> list[RecognizerResult]:
        """Every such name that is no given name, month, weekday, word, product or firm."""
        found: list[RecognizerResult] = []
        for m in WEAK_CUE.finditer(text, timeout=1.0):
            group = 1 if m.group(1) else 2
            name = m.group(group)
            first = name.split()[0]
            if (
                is_given_name(first)
                or first.lower() in _NOT_AFTER_IN
                or _ORG_WORDS.search(name)
                or not _is_place_name(name, text[m.end(group) : m.end(group) + 12])
                or (first.isupper() and len(first) <= 4)
            ):
                continue
            found.append(
                result(
                    WEAK_NAME,
                    "LOCATION",
                    m.start(group),
                    m.end(group),
                    WEAK_SCORE,
                    "capitalised name after 'from'/'outside' or before '-based'",
                )
            )
        return found


_PREPOSITION_PLACE = (
    r"(?:\p{Lu}[\p{Ll}\p{M}'\u2019\-]+|\p{Lu}{5,}(?![\p{Ll}]))"
    r"(?: (?:\p{Lu}[\p{Ll}\p{M}'\u2019\-]+|(?:de|del|la|le|sur|nad|am|an|upon)(?= \p{Lu}))){0,2}"
)
PREPOSITION = regex.compile(
    rf"(?<![\p{{L}}\-])(?:in|In|near|Near|IN)[ \t]+({_PREPOSITION_PLACE})"
    rf"(?![\p{{L}}\p{{M}}\d]|['\u2019]s\b|[ \t]+\d|\.\p{{L}})",
    regex.VERSION1,
)
"""A capitalised name right after "in"/"near", not a possessive ("in Maria's room"), not
followed by a number ("in Figure 3", "in Windows 11")."""
PREPOSITION_SCORE = 0.5

_NOT_AFTER_IN_WORDS = """
    english french german spanish italian portuguese dutch polish russian chinese japanese
    korean arabic hindi turkish greek swedish norwegian danish finnish czech slovak hungarian
    romanian ukrainian hebrew persian farsi urdu bengali vietnamese thai indonesian malay
    latin mandarin cantonese swahili tagalog catalan basque welsh irish gaelic croatian
    serbian bulgarian slovenian lithuanian latvian estonian afrikaans zulu tamil telugu
    punjabi gujarati marathi braille sign
    progress transit stock person particular general advance charge place time case fact
    addition touch writing full part brief short private public production staging testing
    development beta alpha preview total future practice theory principle person question
    response reply accordance association cooperation collaboration partnership compliance
    conjunction line order good christ god heaven hell love trouble debt charge power office
    attendance hospital school court prison town bed memory memoriam honour honor celsius
    fahrenheit euros dollars pounds cash word teams slack zoom excel figure table chapter
    section appendix annex article paragraph step phase stage year grade class room unit
    block building floor lot group round week quarter term semester season spring summer
    autumn fall winter january february march april may june july august september october
    november december christmas easter ramadan advent lent mind question view light
    addition contrast summary conclusion short detail depth principle particular
"""
_NOT_AFTER_IN = frozenset(_NOT_AFTER_IN_WORDS.split())
"""Words after "in" that are languages, states, documents or seasons, not places."""


class LocationPrepositionRecognizer(TextRecognizer):
    """A capitalised name right after "in" or "near": weak evidence of a place, ranked above
    only the NER model's guess."""

    ENTITY = "LOCATION"
    NAME = PREPOSITION_NAME

    def find(self, text: str) -> list[RecognizerResult]:
        """Every capitalised name after "in"/"near" that is no language, season or word."""
        found: list[RecognizerResult] = []
        for m in PREPOSITION.finditer(text, timeout=1.0):
            name = m.group(1)
            first = name.split()[0].lower()
            if (
                first in _NOT_AFTER_IN
                or name.endswith(("'s", "\u2019s"))
                or not _is_place_name(name, text[m.end(1) : m.end(1) + 12])
            ):
                continue
            found.append(
                result(
                    PREPOSITION_NAME,
                    "LOCATION",
                    m.start(1),
                    m.end(1),
                    PREPOSITION_SCORE,
                    "capitalised name after 'in'/'near'",
                )
            )
        return found


LIST_NAME = "LocationListRecognizer"
_LIST_ITEM = rf"(?:{PLACE}|{CASELESS_WORD}(?:[ \-]{CASELESS_WORD}){{0,2}})"
_LIST_SEP = r"(?:,[ \t]+(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+|[ \t]+[\u00b7\u2022][ \t]+)"
PLACE_LIST = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}\d&'\u2019.\-])(?P<item>{_LIST_ITEM})"
    rf"(?:(?P<sep>{_LIST_SEP})(?P<item>{_LIST_ITEM}))+"
    r"(?![\p{L}\p{M}\d&\-]|[ \t]+&|['\u2019]s\b)",
    regex.VERSION1,
)
"""Names written as a list: "Leeds, York and Hull", "Sofia · Plovdiv · Burgas"."""
LIST_SCORE = 0.6
_STRONG_PEOPLE_OR_FIRMS = frozenset({"PERSON", "ORGANIZATION"})


def complete_place_lists(
    text: str, results: list[RecognizerResult], weak: frozenset[str]
) -> list[RecognizerResult]:
    """Places for the other names of a list in which one name already is a place.

    "offices in Leeds, Hexham and Alnwick", "Covers Ivančice and Žacléř", "Branches: Sofia ·
    Pleven · Burgas": once one name of a list is a place, a name next to it with nothing
    found is one too, and a name the model alone called a person or a firm is one when a
    name of the list is a place by more than a guess or the list follows a place word
    (`weak` names the recognizers that only guess: the model, a lone listed name). A list
    with a person or a firm found by more than a guess ("Anna Novak, London and Paris"), or
    with any person and no place word before it, is left as it is. Returns the findings to
    add."""
    live = [r for r in results if r.score > 0]
    added: list[RecognizerResult] = []
    if not any(r.entity_type == "LOCATION" for r in live):
        return added  # no place to start from: skip the pattern (about 1 ms per KB)
    for m in PLACE_LIST.finditer(text, timeout=1.0):
        items = list(zip(m.starts("item"), m.ends("item"), strict=True))
        seps = m.captures("sep")
        if all(sep.strip() == "," for sep in seps) and (
            len(items) == 2 or is_country(text[items[-1][0] : items[-1][1]])
        ):
            continue  # "Anna Smith, London", "Imnaze Ltd, Tbilisi, Georgia": no list
        over = [[r for r in live if r.start < e and s < r.end] for s, e in items]
        if any(
            r.entity_type == "LOCATION" and (r.start < s or e < r.end)
            for (s, e), rs in zip(items, over, strict=True)
            for r in rs
        ):
            continue  # "Tesco Extra, Pilgrim Street, Newcastle NE1 6BF": an address, no list
        places = sum(any(r.entity_type == "LOCATION" for r in rs) for rs in over)
        # places found by more than the model's or a lone listed name's guess, or a list
        # that follows a place word ("offices in A, B, C")
        after_place_word = CUE_BEFORE.search(text, max(0, m.start() - 12), m.start()) is not None
        sure = after_place_word + sum(
            any(r.entity_type == "LOCATION" and _recognizer(r) not in weak for r in rs)
            for rs in over
        )
        if not after_place_word and any(r.entity_type == "PERSON" for rs in over for r in rs):
            continue  # "Married: Ragnar Lind and Malthe Mikkelsen, Gentofte"
        if not places or any(
            r.entity_type in _STRONG_PEOPLE_OR_FIRMS and _recognizer(r) not in weak
            for rs in over
            for r in rs
        ):
            continue
        for (start, end), rs in zip(items, over, strict=True):
            name = text[start:end]
            if (
                not _is_place_name(name, text[end : end + 12])
                or is_given_name(name.split()[0])
                or is_role_or_field(name)
            ):
                continue
            if not rs:
                added.append(result(LIST_NAME, "LOCATION", start, end, LIST_SCORE, _WHY_LIST))
            elif (
                sure
                and all(r.entity_type in _STRONG_PEOPLE_OR_FIRMS for r in rs)
                and all((r.start, r.end) == (start, end) for r in rs)
            ):
                for r in rs:
                    r.entity_type = "LOCATION"
                    if r.analysis_explanation is not None:
                        r.analysis_explanation.append_textual_explanation_line(
                            "retyped LOCATION: a name in a list of places"
                        )
    return added


_WHY_LIST = "name in a list whose other names are places"


def _recognizer(found: RecognizerResult) -> str:
    meta = found.recognition_metadata or {}
    return str(meta.get(RecognizerResult.RECOGNIZER_NAME_KEY, ""))
