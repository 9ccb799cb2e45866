"""Organisation names recognised by their shape, which the small NER model often misses.

Company suffixes ("Ltd", "LLC", "Pty Ltd", "plc", "Inc."), institution words ("Hospital",
"University of ...", "Bank of ...", "Credit Union") and the partnership form of law and
accounting firms ("Smith, Jones and Brown", "Allen & Overy"). Found names also tell the
enhancer that the surnames inside them are not people.
"""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult

from redacta.engine.recognizers.base import TextRecognizer, result
from redacta.engine.recognizers.person import TITLE
from redacta.engine.recognizers.vocabulary import is_common_word

NAME = "OrganizationRecognizer"

CAP = r"(?:\p{Lu}[\p{L}'\u2019\-]*\.?|&)"
NAME_WORD = r"(?:\p{Lu}[\p{Ll}'\u2019\-]+|Mc\p{Lu}\p{Ll}+|O['\u2019]\p{Lu}\p{Ll}+|\p{Lu}{2,5})"
SUFFIX = (
    r"(?:Ltd\.?|Limited|LLC|L\.L\.C\.|LLP|Inc\.?|Incorporated|PLC|plc|Corp\.?|Corporation|"
    r"Pty\.?\s+Ltd\.?|Pty\.?|GmbH(?:\s+&\s+Co\.?\s+KG)?|AG|KG|OHG|e\.V\.|e\.G\.|S\.A\.|"
    r"N\.V\.|B\.V\.|NV|BV|SE|S\.?L\.|S\.?A\.?S\.?|SARL|S\.à\s?r\.l\.|S\.p\.A\.|SpA|S\.r\.l\.|"
    r"Srl|Ltda\.?|S\.A\.\s+de\s+C\.V\.|Kft\.?|Bt\.?|Zrt\.?|Nyrt\.?|Oy|Oyj|AB|ASA|A/S|ApS|"
    r"HB|KB|K\.K\.|Sp\.\s?z\s?o\.o\.|s\.r\.o\.|a\.s\.|d\.o\.o\.|j\.d\.o\.o\.|d\.d\.|OÜ|"
    r"UAB|SIA|EOOD|OOD|Tbk|Bhd|Sdn\.?\s+Bhd\.?|Gong\s+Si|v\.o\.s\.|Company|Group|"
    r"Holdings|Partners|Associates|and\s+Sons|&\s+Sons|Solicitors|Lawyers|Foundation|Trust|"
    r"Bank|Hospital|Clinic|Medical\s+(?:Centre|Center)|Health(?:care)?|University|College|"
    r"Institute|Council|Authority|Agency|Insurance|Logistics|Consulting|Services|Solutions|"
    r"Technologies|Systems|Industries|Enterprises|Dental|Credit\s+Union|Recruitment|"
    r"Management|Analytics|Foods|Airlines?|Airways|Communications|Telecom|Pharmacy|Pharma|"
    r"Laboratories|Labs|Builders|Construction|Engineering|Properties|Realty|Capital|Ventures|"
    r"Media|Studios|Motors|Energy|Plumbing(?:\s+Supply)?|Roofing|Haulage|Traders|Biotech)"
)
PREFIX = (
    r"(?:(?:Royal\s+)?Bank|University|College|Institute|Department|Ministry|Council|"
    r"Office|Bureau|Commonwealth\s+Bank|Royal\s+College)\s+of\s+(?:the\s+)?"
    rf"{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}}"
)
# Words of one name are joined by spaces on one line; a comma only before a legal form.
SUFFIXED = (
    rf"(?:{CAP}[ \t]+){{0,3}}{NAME_WORD}(?:[ \t]+{SUFFIX}|,[ \t]+(?:Inc\.?|Ltd\.?|LLC|LLP|PLC))"
    r"(?![\p{L}])"
)
PARTNERSHIP = rf"{NAME_WORD},[ \t]+{NAME_WORD},?[ \t]+(?:and|&)[ \t]+{NAME_WORD}(?![\p{{L}}])"
EMPLOYER_CUE = regex.compile(
    r"(?i:\bwork(?:s|ed|ing)?(?:\s+remotely)?\s+(?:at|for)|\bemployed\s+by|\bjoin(?:ed|ing)?|"
    r"\bemployer\s*:|\bcompany\s*:|\bon\s+behalf\s+of|\bcontractor\s*:)\s+"
    rf"((?:{NAME_WORD}|&)(?:[ \t]+(?:{NAME_WORD}|&|of|and)){{0,4}})",
    regex.VERSION1,
)
EMPLOYER_SCORE = 0.6
ORG = regex.compile(rf"(?<![\p{{L}}\d])(?:{PREFIX}|{PARTNERSHIP}|{SUFFIXED})", regex.VERSION1)
# "Dear Sir" / "Kind Regards" etc. never start an organisation name.
_BAD_FIRST = frozenset(
    {
        "Dear",
        "Hi",
        "Hello",
        "Thanks",
        "Regards",
        "The",
        "A",
        "An",
        "Our",
        "Your",
        "My",
        "His",
        "Her",
        "Their",
        "At",
        "From",
        "To",
        "For",
        "With",
        "By",
        "And",
        "Or",
        "In",
        "On",
        "Of",
        "Visit",
        "Contact",
        "Call",
    }
)
_AFTER_TITLE = regex.compile(rf"\b{TITLE}[ \t]+$", regex.VERSION1)
"""A title right before a name: the name is a person's ("Dr Xakimov, Nərimanova & Co")."""
SUFFIX_SCORE = 0.75
PARTNERSHIP_SCORE = 0.7


class OrganizationRecognizer(TextRecognizer):
    """Company, institution and firm names by their suffix, prefix or partnership form."""

    ENTITY = "ORGANIZATION"
    NAME = NAME

    def find(self, text: str) -> list[RecognizerResult]:
        """Every organisation name whose form gives it away."""
        found: list[RecognizerResult] = []
        for m in ORG.finditer(text, timeout=1.0):
            start, end = m.start(), m.end()
            words = m.group(0).split()
            while words and words[0].strip(",") in _BAD_FIRST and len(words) > 2:
                start = text.index(words[1], start + len(words[0]))
                words = words[1:]
            if _AFTER_TITLE.search(text[max(0, start - 16) : start]) and ", " in text[start:end]:
                # "Dr Lane, Oliver and Sons": the titled surname is the doctor, the rest the
                # firm; if the rest is no firm by itself, the whole stays one name.
                rest = text.index(", ", start) + 2
                if ORG.fullmatch(text, rest, end) is not None:
                    start = rest
            span = text[start:end]
            if is_common_word(" ".join(span.split()[:-1])):
                continue  # "Customer Services", "Project Management": a team, not a company
            partnership = " and " in span or " & " in span
            score = PARTNERSHIP_SCORE if partnership and "," in span else SUFFIX_SCORE
            why = (
                "firm name in partnership form"
                if score == PARTNERSHIP_SCORE
                else "organisation name with a company/institution word"
            )
            found.append(result(NAME, "ORGANIZATION", start, end, score, why))
        for m in EMPLOYER_CUE.finditer(text, timeout=1.0):
            start, end = m.start(1), m.end(1)
            while text[start:end].split()[-1] in ("of", "and", "&"):
                end = start + text[start:end].rstrip().rfind(" ")
            if is_common_word(text[start:end]) or any(f.start <= start < f.end for f in found):
                continue
            found.append(
                result(
                    NAME,
                    "ORGANIZATION",
                    start,
                    end,
                    EMPLOYER_SCORE,
                    "name after 'works at/for', 'joined', 'employer:'",
                    "employer",
                )
            )
        return found
