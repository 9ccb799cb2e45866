"""Postal addresses (US, UK, Ireland, Canada, Australia) as LOCATION.

The small spaCy model finds city names but almost never a street address. An address is
anchored on a street line (house number + name + street type, optionally after a unit such
as "Flat 2" or "Suite 400") and grown over the comma-separated parts that follow when they
look like places, counties, states/provinces or postcodes. A town + postcode without a street
("Leeds LS1 4AP", "Sydney NSW 2000") is found on its own, with a lower score.
"""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult

from redacta.engine.pattern_cache import compile_cached
from redacta.engine.recognizers.address_intl import COUNTRY
from redacta.engine.recognizers.base import TextRecognizer, result

NAME = "AddressRecognizer"

_STREET_TYPES = """
Street St Road Rd Avenue Ave Av Lane Ln Drive Dr Boulevard Blvd Court Ct Place Pl Square Sq
Terrace Tce Terr Crescent Cres Close Cl Way Parkway Pkwy Highway Hwy Circle Cir Row Grove Gr
Gardens Gdns Green Park Hill Hills Mews Walk Wharf Quay Quays Parade Pde Esplanade Esp
Promenade Rise View Vale Wynd Gate Heights Hts Trail Trl Loop Alley Path Pike Plaza Plz Point
Ridge Run Spur Track Turnpike Village Crossing Xing Estate Junction Meadow Meadows Manor
Orchard Brook Springs Spring Center Centre Centreway Circuit Cct Concourse Corner Cove Creek
Dale Divide Extension Field Fields Fork Glade Glen Harbor Harbour Haven Hollow Island Key
Knoll Lake Lakes Landing Light Lights Lodge Mall Mill Mills Mount Mountain Oval Overpass Pass
Passage Pines Plains Port Radial Ranch Rapids Rest Ronde Shoal Shoals Shore Shores Station
Stream Summit Throughway Trace Tunnel Union Valley Via Ville Vista Well Wells Expressway
Freeway Access Approach Bend Bypass Causeway Chase Distributor Edge Entrance Fairway Ford
Interchange Link Outlook Ramble Reserve Retreat Ridgeway Round Strip Towers Underpass
Boardwalk Broadway Copse Dell Grange Heath Line Lookout Motorway Nook Steps Wood Yard Burrow
Camp Canyon Cape Cliff Cliffs Club Common Commons Courts Crest Dam Drives Falls Ferry Flat
Flats Forest Forge Fort Freeway Gateway Greens Groves Harbors Inlet Isle Junctions Keys
Lane Loaf Locks Manors Mission Neck Orchards Parks Parkways Pine Plain Points Ports Prairie
Ranches Ridges River Route Row Rue Skyway Spurs Squares Stravenue Streets Terraces Tracks
Trafficway Trailer Unions Valleys Viaduct Views Villages Vistas Walks Ways Quad Quadrant
Pathway Colonnade Plateau Anchorage Meander Cruiseway Branch Burg Burgs Knolls Forges Roads
Neck Brace Villas Wharf Arcade Avenues Boulevarde Brae Busway Chambers Crossway Cul-de-sac
Driveway Easement Esplanade Fairway Firetrail Flats Follow Footway Frontage Gap Glade Grange
Highroad Hub Laneway Mead Mile Parklands Precinct Ramp Reach Ridge Rotary Serviceway Spit
Strand Subway Tarn Thoroughfare Tollway Top Tor Turn Vale Viewway Walkway Waters Waterway
Wynd Yard Spur Cres Pde Hwy Cct Esp Gr Range Wall
"""
# Street types from USPS Publication 28, Australia Post and Royal Mail usage; a plural form
# ("Knolls", "Groves") is accepted for each.
STREET_TYPES = sorted(
    {w.removesuffix("s") for w in _STREET_TYPES.split()}, key=lambda w: (-len(w), w)
)
"""Longest first ("Street" before "St"), then alphabetical: the same pattern text in every
process, as the compiled-pattern cache needs."""
_STREET_TYPE_WORDS = "|".join(STREET_TYPES)
STREET_TYPE_ANY_CASE = rf"(?:{_STREET_TYPE_WORDS}|{_STREET_TYPE_WORDS.upper()})"
"""A street type as written, or in the capitals of forms and labels ("166 GONZALEZ WELL")."""

UNIT = (
    r"(?:(?:Flat|Apartment|Apt\.?|Unit|Suite|Ste\.?|Level|Floor|Fl\.?|Room|Shop|Lot|Plot|Studio)"
    r"\s+[0-9]{1,5}[A-Za-z]?|#\s?\d{1,5}"
    r"|\d{1,2}(?:st|nd|rd|th)\s+(?:Floor|floor|FLOOR)|\d{1,3}/F"
    r"|(?:Building|Bldg\.?|Block|Blk\.?|Tower|Wing|House)\s+(?:[A-Z]|\d{1,3})(?![\p{L}\d]))"
)
"""A flat, suite, floor or building line: "Flat 2", "Suite 400", "3rd Floor", "12/F",
"Building C"."""
NUMBER = r"\d{1,6}[A-Za-z]?(?:\s?[-/]\s?\d{1,6}[A-Za-z]?)?"
WORD = r"(?:\p{Lu}[\p{L}'\u2019\-]*\.?|Mc\p{Lu}\p{Ll}+|O['\u2019]\p{Lu}\p{Ll}+|of|the|des|de|la|du)"
DIRECTION = r"(?:North|South|East|West|N|S|E|W|NE|NW|SE|SW)"
STREET = (
    rf"{NUMBER}[ \t]+(?:{WORD}[ \t]+){{1,4}}{STREET_TYPE_ANY_CASE}[sS]?\.?(?![\p{{L}}\d])"
    rf"(?:\s+{DIRECTION}(?![\p{{L}}\d]))?"
    rf"|{NUMBER}[ \t]+(?:Rue|Rte|Chemin|Boulevard|Boul\.?|Avenue|Route)[ \t]+"
    rf"(?:{WORD}(?![\p{{L}}])[ \t\-]?){{1,3}}"
    r"|P\.?\s?O\.?\s+Box\s+\d{1,6}"
)
# "Leeds", "O'Brien", "St. Albans", "U.S.A."; not "WA" or "NSW". A full stop ends a place word
# only in an abbreviation: after any other word it ends the sentence, and the next
# capitalised word ("...United Kingdom. You can...") is not part of the place.
_PLACE_WORD = (
    r"(?:\p{Lu}\.(?:\p{Lu}\.)+|(?:St|Ste|Mt|Ft|Pt|ST|MT)\.|\p{Lu}[\p{Ll}'\u2019\-][\p{L}'\u2019\-]*"
    r"|\p{Lu}{3,}(?![\p{Ll}]))"
)
PLACE = rf"{_PLACE_WORD}(?:\s+(?:{_PLACE_WORD}|of|upon|on|the|[IVX]{{1,4}}(?![\p{{L}}\d]))){{0,2}}"
UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}"
CA_POSTCODE = r"[A-Z]\d[A-Z]\s?\d[A-Z]\d"
EIRCODE = r"(?:[AC-FHKNPRTV-Y]\d{2}|D6W)\s?[0-9AC-FHKNPRTV-Y]{4}"
US_STATE = (
    r"(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|"
    r"S[CD]|T[NX]|UT|V[AT]|W[AIVY])"
)
CA_PROVINCE = r"(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT)"
AU_STATE = r"(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)"
# "SA", "WA", "NT" and "ACT" name a state only before a postcode: after a name, "SA" is a
# company's legal form ("Martin & Ruiz SA").
COUNTY = r"(?:Co\.?|County)\s+\p{Lu}\p{Ll}+"
POSTAL = (
    rf"(?:{US_STATE}\s+\d{{5}}(?:-\d{{4}})?|{CA_PROVINCE}\s+{CA_POSTCODE}|{AU_STATE}\s+\d{{4}}"
    rf"|{UK_POSTCODE}|{CA_POSTCODE}|{EIRCODE})"
)
REGION = rf"(?:{US_STATE}|{CA_PROVINCE}|{AU_STATE})"
SEGMENT = (
    rf"(?:{UNIT}|{COUNTY}|{POSTAL}|{PLACE}(?:\s+\d{{1,2}}(?!\d))?(?:,?\s+(?:{POSTAL}|{REGION}\b))?)"
)
SEP = r"(?:,\s*|\s+)"
STREET_TYPE = rf"{STREET_TYPE_ANY_CASE}[sS]?\.?(?![\p{{L}}\d])"
ADDRESS = compile_cached(
    rf"(?<![\p{{L}}\d])(?:(?:{UNIT},?\s+){{0,3}}(?:{STREET})|{UNIT},?\s+(?:{WORD}\s+){{1,3}}{STREET_TYPE})"
    rf"(?:[ \t]+{UNIT}(?![\p{{L}}\d]))?"
    rf"(?:,\s*(?:{SEGMENT})(?![\p{{L}}\d])){{0,5}}"
    rf"(?:[ \t]*\n[ \t]*{UNIT}(?![\p{{L}}\d]))?"
    rf"(?:\s*\n\s*{PLACE}(?:,[ \t]*{PLACE})?(?:,?[ \t]+|[ \t]*\n[ \t]*){POSTAL}"
    rf"(?:[ \t]*(?:,[ \t]*|\n[ \t]*)(?i:{COUNTRY})(?![\p{{L}}\d]))?)?",
    regex.VERSION1,
)
"""A street line, an optional unit on it or on the next line ("1200 Main St Apt 4B",
"...\nSuite 400"), comma-separated parts, and a "town, state ZIP" line (or "town, province"
with the postcode on a line of its own) with a country line after it."""
TOWN_POSTCODE = compile_cached(
    rf"(?<![\p{{L}}\d])(?:{PLACE}),?\s+(?:{US_STATE}\s+\d{{5}}(?:-\d{{4}})?|{CA_PROVINCE}\s+"
    rf"{CA_POSTCODE}|{AU_STATE}\s+\d{{4}}|(?:NSW|VIC|QLD|TAS)|{UK_POSTCODE}|{EIRCODE})"
    r"(?![\p{L}\d])",
    regex.VERSION1,
)

FULL_SCORE = 0.85
STREET_ONLY_SCORE = 0.7
TOWN_POSTCODE_SCORE = 0.6


class AddressRecognizer(TextRecognizer):
    """Street addresses and town + postcode pairs, reported as LOCATION."""

    ENTITY = "LOCATION"
    NAME = NAME

    def find(self, text: str) -> list[RecognizerResult]:
        """Every address in `text`; town + postcode pairs inside an address are not repeated."""
        found: list[RecognizerResult] = []
        covered: list[tuple[int, int]] = []
        for m in ADDRESS.finditer(text, timeout=1.0):
            start, end = m.start(), _trim(text, m.start(), m.end())
            has_tail = "," in text[start:end] or "\n" in text[start:end]
            score = FULL_SCORE if has_tail else STREET_ONLY_SCORE
            why = "street address" + (" with town/postcode" if has_tail else "")
            found.append(result(NAME, "LOCATION", start, end, score, why, "street_address"))
            covered.append((start, end))
        for m in TOWN_POSTCODE.finditer(text, timeout=1.0):
            if any(s <= m.start() < e for s, e in covered):
                continue
            if m.group(0).split()[0].rstrip(",") in _NOT_TOWNS:
                continue
            found.append(
                result(
                    NAME,
                    "LOCATION",
                    m.start(),
                    m.end(),
                    TOWN_POSTCODE_SCORE,
                    "town followed by a state/postcode",
                    "town_postcode",
                )
            )
        return found


_NOT_TOWNS = frozenset({"Ref", "Order", "Ticket", "Invoice", "Flat", "Unit", "Suite", "Room"})


def _trim(text: str, start: int, end: int) -> int:
    """Drop trailing punctuation and whitespace the tail pattern may have taken."""
    while end > start and text[end - 1] in " \t\n,.;:":
        if text[end - 1] == "." and text[end - 3 : end] in {"St.", "Rd.", "Dr."}:
            break
        end -= 1
    return end
