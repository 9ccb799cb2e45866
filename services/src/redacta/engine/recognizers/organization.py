# ruff: noqa: RUF001, RUF002 (legal forms in Cyrillic are the point)
"""Organisation names recognised by their shape, which the small NER model often misses.

Company suffixes ("Ltd", "LLC", "Pty Ltd", "plc", "Inc.") and the legal forms of many
countries after the name ("Kft.", "s.r.o.", "Oyj", "EAD") or before it ("ООО «...»", "PT
..."), Chinese, Japanese and Korean forms (有限公司, 株式会社, 주식회사), institution words
("Hospital", "University of ...", "Bank of ...", "Credit Union"; written first in other
languages: "Farmacia San Rafael", "Klinik Hassan") and the partnership form of law and
accounting firms ("Smith, Jones and Brown", "Allen & Overy"). Found names also tell the
enhancer that the surnames inside them are not people.
"""

from __future__ import annotations

import re

import regex
from cleanco.termdata import terms_by_country, terms_by_type
from presidio_analyzer import RecognizerResult

from redacta.engine.recognizers.base import TextRecognizer, result
from redacta.engine.recognizers.gazetteer import kind_of
from redacta.engine.recognizers.person import TITLE
from redacta.engine.recognizers.places import in_listed_places_field
from redacta.engine.recognizers.vocabulary import is_common_word

NAME = "OrganizationRecognizer"


def _legal_form_variants() -> list[str]:
    """Legal forms of companies of many countries (cleanco's list: "Kft.", "EAD", "s.r.o.",
    "Oyj", "ApS", "S.L.L.") as they are written after a name: upper case ("EAD", "OOD"), with
    a capital ("Ead", "Kft.", "Adsitz") where that cannot be a common word, and in lower case
    only where dots make them unmistakable ("s.r.o.", "sp. z o.o.")."""
    terms = {t for group in (terms_by_type, terms_by_country) for ts in group.values() for t in ts}
    variants: set[str] = set()
    for term in (t.strip() for t in terms):
        letters = sum(c.isalpha() for c in term)
        if not term.isascii() or letters < 2 or term.lstrip("&").strip() in _NOT_LEGAL_FORMS:
            continue
        if term.upper().replace(".", "") not in _NOT_LEGAL_FORMS:
            variants.add(term.upper())
        if letters >= 3 or term in _SHORT_CAPITALISED:
            variants.add(term[0].upper() + term[1:])
        if letters >= 3 and ("." in term or "/" in term):
            variants.add(term)
    return sorted(variants, key=lambda v: (-len(v), v))


_NOT_LEGAL_FORMS = frozenset(
    {"co", "co.", "& co", "& co.", "private", "company", "unlimited", "et", "da", "pt", "pp"}
    | {"PT", "OT", "MD", "RN", "PC", "ET", "DA", "MB", "NL", "IJ", "XT", "XK", "PP", "EE", "SD"}
)
"""cleanco's terms that are common words or credentials after a name ("Jane Smith PT", "et
al."), or that the suffix list below already spells."""
_SHORT_CAPITALISED = frozenset({"oy", "ky", "ab", "ag", "sa", "ad", "bv", "nv", "kg", "bt"})
"""Two-letter forms written with a capital ("Nokia Oy", "Volvo Ab") that no English word
after a name is; not "as" ("Also Known As")."""


_Trie = dict[str, "_Trie"]


def _trie_pattern(words: list[str]) -> str:
    """One regex alternation of `words` sharing their common beginnings ("Kft.|Kht." ->
    "K(?:ft\\.|ht\\.)"), so a try costs the length of a match, not the number of words; a
    space matches one optional space or tab."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: _Trie) -> str:
        branches = [
            ("[ \\t]?" if char == " " else regex.escape(char)) + render(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + render(trie) + ")"


LEGAL_FORM = _trie_pattern(_legal_form_variants())

CAP = r"(?:\p{Lu}\.|(?:St|Ste|Mt|Ft)\.|\p{Lu}[\p{L}'\u2019\-]*|&)"
"""A word of an organisation's name before its last: with a dot only an initial or "St."
("A. F. Ferguson", "St. Vincent's"), since a word and a dot may end the sentence before."""
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
    r"Media|Studios|Motors|Energy|Plumbing(?:\s+Supply)?|Roofing|Haulage|Traders|Biotech|"
    r"Co\.,?\s+Ltd\.?|"
    rf"{LEGAL_FORM})"
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
_FORMS_BEFORE_QUOTED_NAME = (
    r"OOO|ZAO|OAO|PAO|NAO|AO|RAO|NPO|TOV|PAT|PrAT|"
    r"ООО|ЗАО|ОАО|ПАО|НАО|АО|РАО|НПО|ТОВ|ПАТ|ПрАТ|АТ|ТзОВ"
)
"""Russian and Ukrainian legal forms, which may also stand before a quoted name in any case."""
_FORMS_BEFORE_NAME = rf"{_FORMS_BEFORE_QUOTED_NAME}|PT|PD|CV|Perum"
"""The Russian and Ukrainian forms and the Indonesian ones ("PT Sinar Jaya")."""
FORM_FIRST = regex.compile(
    r"(?<![\p{L}\d])(?:"
    rf"(?:{_FORMS_BEFORE_NAME})[ \t]+(?:\p{{Lu}}[\p{{Ll}}\p{{M}}'\u2019\-]+|\p{{Lu}}{{2,}})"
    r"(?:[ \t]+(?:\p{Lu}[\p{Ll}\p{M}'\u2019\-]+|\p{Lu}{2,})){0,3}"
    r"(?:[ \t]+\(Persero\))?(?:[ \t]+Tbk\.?)?"
    rf"|(?i:{_FORMS_BEFORE_QUOTED_NAME})"
    r"[ \t]*(?:«[^»\n]{1,60}»|<<[^>\n]{1,60}>>|\"[^\"\n]{1,60}\"|“[^”\n]{1,60}”)"
    r")(?![\p{L}\d])",
    regex.VERSION1,
)
"""Legal forms written before the name: Russian and Ukrainian (ООО «Ромашка», ZAO "Vega",
ТОВ «Світанок»), Indonesian (PT Sinar Jaya, PD Maju (Persero) Tbk)."""
CJK_FORM = regex.compile(
    r"[\p{Han}\p{Katakana}\p{Hiragana}ー]{1,12}(?:股份有限公司|有限责任公司|有限責任公司|"
    r"有限公司|集团|集團|株式会社|有限会社|合同会社|合資会社|合名会社|銀行|银行|医院|醫院|病院|大学|大學)"
    r"|(?:株式会社|有限会社)[\p{Han}\p{Katakana}\p{Hiragana}ー]{1,12}"
    r"|(?:주식회사|\(주\)|㈜)[ \t]?\p{Hangul}{1,10}"
    r"|\p{Hangul}{1,10}[ \t]?(?:주식회사|\(주\)|㈜)|\p{Hangul}{1,10}(?:은행|병원|대학교)",
    regex.VERSION1,
)
"""Chinese, Japanese and Korean company and institution names by their legal form or
institution word (精芯传媒有限公司, 株式会社坂本通信, 삼성전자 주식회사, 서울대학교)."""
INSTITUTION_FIRST = regex.compile(
    r"(?<![\p{L}\d])(?:Farmacia|Farmácia|Pharmacie|Apotheke|Apteka|Lékárna|Lekáreň|Gyógyszertár|"
    r"Apteekki|Klinik|Klinika|Clínica|Clinica|Clinique|Hôpital|Ospedale|Hospital\s+(?=\p{Lu}\p{Ll}+"
    r"(?:[ \t]|$))|Bolnica|Bolnišnica|Nemocnica|Nemocnice|Kórház|Szpital|Spital|Sairaala|"
    r"Landesspital|Krankenhaus|Banco|Banca|Banque|Banka|Escritorio\s+Jurídico|Despacho|Bufete|"
    r"Studio\s+Ligjore|Advokatska\s+kancelarija|Advokátska\s+kancelária|Advokátní\s+kancelář|"
    r"Odvetniška\s+pisarna|Kancelaria(?:\s+Adwokacka|\s+Prawna)?|Ügyvédi\s+Iroda|"
    r"Asianajotoimisto|Cabinet|Étude|Notaría|Laboratorios?|Laboratoire|Laboratório|Grupo|"
    r"Gruppo|Groupe|Construcciones|Construccions|Construções|Transportes|Transports|"
    r"Inmobiliaria|Imobiliária|Immobilière|Seguros|Assurances|Fundación|Fundació|Fundação|"
    r"Fondation|Fondazione|Stiftung|Instituto|Istituto|Colegio|Colégio|Collège|Lycée|Liceo|"
    r"Escola|Escuela|École|Scuola|Gimnazija|Gimnazjum|Gymnázium|Universidad|Universidade|"
    r"Università|Université|Universität|Universiteit|Uniwersytet|Univerzita|Univerza|"
    r"Egyetem|Yliopisto|Hôtel|Hostal|Restaurante|Ristorante|Taller|Talleres|Industrias|"
    r"Distribuidora|Editorial|Editora|Agencia|Agência|Agence|Agenzia|Cooperativa|Sociedad|"
    r"Sociedade|Società|Société|Compañía|Companhia|Compagnie|Dom\s+zdravlja|Zdravstveni\s+dom|"
    r"Kantonalna\s+bolnica|Opća\s+bolnica|Opšta\s+bolnica|Klinički\s+centar)"
    r"(?:[ \t]+(?:de\ la|de\ los|de\ las|del|de|di|du|des|do|da|dos|das|della|degli|dei|"
    r"von|van|der|d['\u2019]))?"
    r"[ \t]+(?:\p{Lu}[\p{Ll}\p{M}'\u2019\-]+|\p{Lu}{2,})"
    r"(?:[ \t]+(?:\p{Lu}[\p{Ll}\p{M}'\u2019\-]+|\p{Lu}{2,})){0,2}(?![\p{L}\d])",
    regex.VERSION1,
)
"""Organisations named with an institution word first, as Romance, Slavic, German and
Nordic languages write them ("Farmacia San Rafael", "Klinik Hassan", "Banco del Valle",
"Advokatska kancelarija Begić", "Dom zdravlja Prijedor")."""
_STREET_WORDS = frozenset(
    "street st road rd avenue ave lane square place way drive close court office hall".split()  # noqa: SIM905
)
_FORM_FIRST_HINT = re.compile(rf"(?i)\b(?:{_FORMS_BEFORE_NAME})\b")
"""A cheap test for FORM_FIRST's opening words: most texts have none, and the full pattern
is costly to try at every letter."""
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


_PARTNER_SEP = regex.compile(r",[ \t]*|[ \t]+(?:and|&)[ \t]+")


def _names_places(span: str) -> bool:
    """Whether two or more names of a partnership-shaped list are countries: "Poland,
    Czechia and Slovakia" lists places, "Torres, Wright and Davis" names partners (towns
    are named after people too often to tell)."""
    names = [n for n in _PARTNER_SEP.split(span) if n]
    return sum(kind_of(n) == "country" for n in names) >= 2


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
            if score == PARTNERSHIP_SCORE and (
                _names_places(span) or in_listed_places_field(text, start)
            ):
                continue  # "Poland, Czechia and Slovakia", "Depots: A, B and C": no firm
            why = (
                "firm name in partnership form"
                if score == PARTNERSHIP_SCORE
                else "organisation name with a company/institution word"
            )
            found.append(result(NAME, "ORGANIZATION", start, end, score, why))
        for pattern in (FORM_FIRST, CJK_FORM, INSTITUTION_FIRST):
            if pattern is FORM_FIRST and _FORM_FIRST_HINT.search(text) is None:
                continue
            for m in pattern.finditer(text, timeout=1.0):
                if any((f.start, f.end) == m.span() for f in found):
                    continue
                named = str(m.group(0)).split(None, 1)[-1]
                if pattern is INSTITUTION_FIRST and (
                    is_common_word(named)
                    or any(w.casefold() in _STREET_WORDS for w in named.split())
                ):
                    continue  # "Banco Street", "Cabinet Office": no firm's own name
                found.append(
                    result(
                        NAME,
                        "ORGANIZATION",
                        m.start(),
                        m.end(),
                        SUFFIX_SCORE,
                        "organisation name with its legal form or institution word",
                    )
                )
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
