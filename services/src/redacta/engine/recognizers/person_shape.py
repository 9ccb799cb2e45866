"""People written as "Given Surname" that NER misses or calls an organisation or a place.

The small NER model knows the names of the cultures it was trained on; "Vera Persson",
"MAGNUS SANDVIK" or "Bahuwirya Maheswara" it often calls an organisation, a place or
nothing. Two or three capitalised words whose first word is a known given name (of many
cultures, `given_names`) or one of which ends like a family name ("-poulos", "-enko",
"-escu", "-inen", "-shvili") are a person; so is "KOVÁCS Anna" (an ALL-CAPS family name
first, as Hungarian, Japanese or French forms write it). The list alone is never enough: a given
name on its own ("Florence", "Mercedes") stays what NER says, and a run that ends in a
place or organisation word ("Maria Street", "Anna Hotel", "Erik Holdings") is not a person.
Family-name particles join the words of one name ("Siobhán Ní Bhriain", "Pádraig Mac Aodha",
"Ahmad bin Ismail", "Pieter van der Berg", "João dos Santos"): the Irish, Arabic, Dutch and
German ones mark a person by themselves; the Romance ones ("de la", "da", "di") also name
places ("Rio de Janeiro"), so there the first word must be a known given name.
Chinese, Korean and Japanese names are told by their family name (张宇, 김민준, 佐々木 春香)
when they stand alone in text of another script, and romanised ones by a hyphenated given
name beside a one-syllable family name ("Kim Min-jun", "Siu-ming Kwok").
"""

from __future__ import annotations

import re

import regex
from presidio_analyzer import RecognizerResult

from redacta.engine.recognizers.address_intl import STREET_PREFIX, is_country
from redacta.engine.recognizers.base import TextRecognizer, result
from redacta.engine.recognizers.gazetteer import kind_of
from redacta.engine.recognizers.given_names import fold, is_given_name
from redacta.engine.recognizers.vocabulary import COMMON_CAPITALISED, FIELD_ACRONYMS

NAME = "GivenNameRecognizer"
SCORE = 0.55

_WORD = (
    r"(?:\p{Lu}[\p{Ll}\p{M}'\u2019]+(?:-\p{L}[\p{Ll}\p{M}'\u2019]+)?|"
    r"\p{Lu}[\p{Lu}\p{M}'\u2019\-]+)"
)
RUN = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}\d@.#/_\-])({_WORD}(?: {_WORD}){{1,4}})"
    r"(?![\p{L}\p{M}\d@_\-]|\.\p{L})",
    regex.VERSION1,
)
"""A run of capitalised words joined by single spaces (a tab or line break ends it)."""

PERSON_PARTICLE = (
    r"(?:Ní|Nic|Ó|Ua|Uí|Mhic|Mac|bin|binti|bint|ibn|ben|van\ der|van\ den|van\ de|van|"
    r"von\ der|von\ und\ zu|von|zu|ter|ten)"
)
"""Particles that only family names carry: Irish (Ní, Nic, Ó, Mac), Arabic and Malay (bin,
binti, ibn), Dutch and German (van der, von, ter)."""
SHARED_PARTICLE = r"(?:de\ la|de\ los|de\ las|del|della|de|da|das|dos|di|du|le|la|al|el)"
"""Particles of family names that place names carry too ("Rio de Janeiro", "Ras al Khaimah")."""
PARTICLE_NAME = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}\d@.#/_\-])((?:{_WORD} ){{1,2}})"
    rf"(?:({PERSON_PARTICLE})|({SHARED_PARTICLE})) ({_WORD}(?: {_WORD})?)"
    r"(?![\p{L}\p{M}\d@_\-]|\.\p{L})",
    regex.VERSION1,
)
"""Given names, a family-name particle and the family name ("María Fernanda de la Cruz")."""

PLACE_NAME_OPENERS = frozenset(
    """san santa santo são st saint sankt west east north south new old port fort mount
    lake""".split()  # noqa: SIM905
)
"""Words that open a place's name before a name ("San Juan", "West Matthew", "Port Elizabeth")."""
PLACE_NAME_ENDS = frozenset(
    """street st road rd avenue ave lane square bridge town city hill park falls beach bay
    island valley river lake port""".split()  # noqa: SIM905
)
"""Words that end a place's or street's name after a name ("Maria Street", "Anna Bay")."""
_OTHER_PLACE_ORG_DATE_WORDS = """
    boulevard blvd drive way close court place gardens garden hills station airport harbour
    harbor mountain islands forest wood woods village county district province region state
    republic kingdom upper lower ste point cape isle church
    cathedral chapel abbey castle palace tower hall house villa casa hotel motel inn hostel
    cafe café restaurant bar pub bistro shop store market mall centre center plaza
    school academy university college institute hospital clinic bank trust foundation
    group holdings company co corp inc ltd llc plc gmbh ag sa srl spa bv nv oy ab as
    partners associates solicitors services solutions systems technologies industries
    international global consulting media studio studios foods farms energy motors
    capital ventures fund insurance agency council ministry department office bureau
    team club association society union federation league cup trophy award prize
    strasse straße gasse weg platz allee rue via calle rua ulica utca
    puerto porto rio monte mont nova novo novi nowy nowa stara stary staro velika veliki
    mala mali agia agios ayia ciudad vila bandar kota kuala pulau muang nong
    monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december
"""
_NOT_A_NAME = PLACE_NAME_OPENERS | PLACE_NAME_ENDS | frozenset(_OTHER_PLACE_ORG_DATE_WORDS.split())
"""Words that make a capitalised run a place, an organisation, an event or a date."""


def is_place_or_org_word(span: str) -> bool:
    """Whether any word of `span` makes it a place, an organisation or a date."""
    return any(w.casefold() in _NOT_A_NAME for w in span.split())


SURNAME_ENDING = regex.compile(
    r"(?:ov|ova|ev|eva|ovich|evich|ovna|evna|enko|chuk|czuk|ski|ska|sky|skyi|cki|cka|owicz|"
    r"ewicz|ovic|evic|escu|eanu|poulos|opoulou|idis|idou|akis|adis|nen|sson|dottir|"
    r"shvili|dze|yan|oglu|zadeh|eira|eiro|aes|mäki|maki|niemi|lahti|jarvi|koski|vaara|"
    r"virta|iou|aou|moto|mura|yama|kawa|gawa|hashi|bayashi|saki|zaki|guchi|shita|"
    r"ov|ова|ев|ева|ович|евич|овна|евна|енко|ський|ська|ский|"
    r"ская|цкий|цкая|πουλοσ|πουλου|ιδησ|ιδου|ακησ|αδησ|ιου|αου|ακου|ινου|ελλου)$"  # noqa: RUF001 (Greek endings)
)
"""Family-name endings of many cultures (Slavic -ov/-ova/-ski/-ović/-enko, Romanian -escu,
Greek -poulos/-idis/-akis and the genitive -iou/-aou/-akou of Cypriot and women's family
names (Νικολάου, Κωνσταντίνου), Finnish -nen, Nordic -sson/-dottir, Georgian -shvili/-dze,
Armenian -yan, Turkish -oğlu, Persian -zadeh, Portuguese -eira/-eiro/-ães, Finnish
-mäki/-niemi/-lahti/-järvi/-koski, Greek -iou, Japanese -moto/-mura/-yama/-kawa/-saki),
compared accent-free and
case-folded (Greek final sigma folds to the medial one)."""


_STREET_WORD = regex.compile(STREET_PREFIX, regex.VERSION1)
"""A street word written before the street's name ("Avenida", "Λεωφόρος", "Rruga")."""


def has_surname_ending(word: str) -> bool:
    """Whether `word` ends like a family name of one of many cultures ("Kovalenko")."""
    folded = fold(word)
    return len(folded) >= 5 and SURNAME_ENDING.search(folded) is not None


def person_start(words: list[str]) -> int | None:
    """Index of the word where a person's name starts in a capitalised run, if it is one.

    Leading common words ("Dear", "Thanks", "Customer") are skipped; what is left must be two
    or three words, with a known given name first, an ALL-CAPS family name and then a given
    name ("KOVÁCS Anna"), or a word ending like a family name ("Ioanna Papadopoulou",
    "Taras Kovalenko"), and no place/organisation/date word.
    """
    lead = 0
    while lead < len(words) and (
        words[lead].casefold() in COMMON_CAPITALISED or words[lead].casefold() in FIELD_ACRONYMS
    ):
        lead += 1
    name = words[lead:]
    if not 2 <= len(name) <= 3:
        return None
    if any(w.casefold() in _NOT_A_NAME or w.casefold() in COMMON_CAPITALISED for w in name):
        return None
    family_first = (
        # "KOVÁCS Anna", "Nagy Péter": a family name, then a known given name.
        (name[0].isupper() or len(name) == 2)
        and not name[1].isupper()
        and is_given_name(name[1])
        and not is_given_name(name[0])
    )
    if not (is_given_name(name[0]) or family_first or any(map(has_surname_ending, name))):
        return None
    return lead


_TOWNS = frozenset({"city", "country"})
"""Kinds of listed places (`gazetteer.kind_of`) a run of words is, not a person's name."""


class GivenNameRecognizer(TextRecognizer):
    """Two or three capitalised words starting with a known given name."""

    ENTITY = "PERSON"
    NAME = NAME

    def find(self, text: str) -> list[RecognizerResult]:
        """Every capitalised run that reads as "Given Surname" or "FAMILY Given"."""
        found: list[RecognizerResult] = []
        for m in RUN.finditer(text, timeout=1.0):
            words = m.group(1).split(" ")
            first = person_start(words)
            if first is None or _STREET_WORD.fullmatch(words[first]):
                continue  # "Λεωφόρος Μακαρίου", "Avenida Francisco": a street, not a person
            if not is_given_name(words[first]) and kind_of(" ".join(words[first:])) in _TOWNS:
                continue  # "Ostrowiec Świętokrzyski" ends like a family name but is a town
            start = m.start(1) + sum(len(w) + 1 for w in words[:first])
            end = m.end(1)
            found.append(
                result(
                    NAME,
                    "PERSON",
                    start,
                    end,
                    SCORE,
                    "capitalised words starting with a known given name",
                    "given name",
                )
            )
        found.extend(_particle_names(text))
        found.extend(_east_asian_names(text))
        return found


def _particle_names(text: str) -> list[RecognizerResult]:
    """Names joined by a family-name particle ("Siobhán Ní Bhriain", "Ahmad bin Ismail")."""
    found: list[RecognizerResult] = []
    for m in PARTICLE_NAME.finditer(text, timeout=1.0):
        given = m.group(1).split()
        lead = 0
        while lead < len(given) and (
            given[lead].casefold() in COMMON_CAPITALISED or given[lead].casefold() in FIELD_ACRONYMS
        ):
            lead += 1
        given = given[lead:]
        family = m.group(4)
        words = [*given, *family.split()]
        if not given or any(
            w.casefold() in _NOT_A_NAME or w.casefold() in COMMON_CAPITALISED for w in words
        ):
            continue
        if m.group(3) and (not is_given_name(given[0]) or is_country(family)):
            continue  # "Santiago de Chile", "Rio de Janeiro": a shared particle needs a given name
        start = m.start(1) + sum(len(w) + 1 for w in m.group(1).split()[:lead])
        found.append(
            result(
                NAME,
                "PERSON",
                start,
                m.end(4),
                SCORE,
                "given names and a family name joined by a family-name particle",
                "family-name particle",
            )
        )
    return found


CHINESE_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程苏魏"
    "吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱"
    "严武戴莫孔向汤柯洪翁游詹简傅赖庄欧"
    "張劉陳楊黃趙吳孫馬鄭謝馮鄧蕭蔣葉蘇呂盧鍾譚陸賈韋鄒閆龍賀顧龔萬錢嚴湯賴莊歐"
)
"""The commonest Chinese family names (simplified and traditional), the first character of a
Chinese name written in Han characters."""
KOREAN_SURNAMES = frozenset(
    "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진지엄채원천"
    "방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부가복태목형피두감"
)
"""Korean family names (one Hangul syllable), the first syllable of a Korean name."""
_CJK = r"\p{Han}\p{Hangul}\p{Katakana}\p{Hiragana}ー々"
_NOT_NAME_END = frozenset(
    "省市县縣区區镇鎮村乡鄉路街道号號座楼樓园園站港湾灣山河湖岛島州町丁目番都府郡店堂馆館厅廳局所院部会會社"
    "司行校学學团團厂廠场場中心寺宫宮桥橋门門城"
    "시도구군동읍면리로길역원교점관청소센터사회"
)
"""Last characters of place, street and organisation names (省, 市, 路, 公司, 대학교...)."""
EAST_ASIAN_NAME = regex.compile(
    rf"(?<![{_CJK}\p{{L}}\d])(?:"
    rf"(?P<family>[\p{{Han}}々]{{1,3}})[ \u3000]"
    rf"(?P<given>[\p{{Han}}\p{{Hiragana}}\p{{Katakana}}々]{{1,3}})"
    rf"|(?P<han>\p{{Han}}{{2,3}})|(?P<hangul>\p{{Hangul}}{{3}})"
    rf")(?![{_CJK}\p{{L}}\d])",
    regex.VERSION1,
)
"""A Chinese name in Han characters (张宇, 黃志強), a Korean one in Hangul (김민준), or a Japanese
family name, a space and a given name (佐々木 春香), standing alone in other text."""
_SYLLABLE = r"(?:[bcdfghjklmnpqrstwxyz]{0,3}[aeiouy]{1,3}(?:ng|rk|n|m|k|p|t|l|r|h)?|ng)"
ROMANISED_NAME = regex.compile(
    rf"(?<![\p{{L}}\d\-])(?:(?P<a>(?i:{_SYLLABLE}))[ \t]+(?P<b>(?i:{_SYLLABLE})-(?i:{_SYLLABLE}))"
    rf"|(?P<c>(?i:{_SYLLABLE})-(?i:{_SYLLABLE}))[ \t]+(?P<d>(?i:{_SYLLABLE})))(?![\p{{L}}\d\-])",
    regex.VERSION1,
)
"""A romanised East Asian name with a hyphenated given name and a one-syllable family name, in
either order: "Kim Min-jun", "Chen Wei-ting", "Siu-ming Lee", "CHI-KEUNG HO"."""


_HYPHENATED_SYLLABLES = re.compile(r"\b(?:[A-Z][a-z]{0,5}-[a-z]{1,6}|[A-Z]{1,6}-[A-Z]{1,6})\b")
"""A cheap first look for a hyphenated given name ("Min-jun", "CHI-KEUNG"); the full pattern
is tried only around one."""


def _capitalised(word: str) -> bool:
    """ "Kim", "Min-jun", "KIM", "MIN-JUN": each part starts with a capital, and the second
    part of a hyphenated word is lower case or all capitals like the first."""
    first, _, rest = word.partition("-")
    if not first[:1].isupper():
        return False
    return not rest or rest.islower() or (rest.isupper() and first.isupper())


def _east_asian_names(text: str) -> list[RecognizerResult]:
    """Chinese, Korean and Japanese names written in their own script, standing alone in text
    of another script, and romanised ones with a hyphenated given name."""
    found: list[RecognizerResult] = []
    if regex.search(r"[\p{Han}\p{Hangul}]", text):
        for m in EAST_ASIAN_NAME.finditer(text, timeout=1.0):
            name = m.group(0)
            if name[-1] in _NOT_NAME_END or (m.group("given") or "")[-1:] in _NOT_NAME_END:
                continue
            if m.group("han") and name[0] not in CHINESE_SURNAMES:
                continue
            if m.group("hangul") and name[0] not in KOREAN_SURNAMES:
                continue
            found.append(
                result(
                    NAME,
                    "PERSON",
                    m.start(),
                    m.end(),
                    SCORE,
                    "a Chinese, Korean or Japanese name standing alone in other text",
                    "east asian name",
                )
            )
    seen: set[tuple[int, int]] = set()
    for hint in _HYPHENATED_SYLLABLES.finditer(text):
        window = (max(0, hint.start() - 10), hint.end() + 10)
        for m in ROMANISED_NAME.finditer(text, *window, timeout=1.0):
            if m.span() in seen:
                continue
            seen.add(m.span())
            words = m.group(0).split()
            if not all(_capitalised(w) for w in words) or any(
                w.casefold() in COMMON_CAPITALISED for w in words
            ):
                continue
            found.append(
                result(
                    NAME,
                    "PERSON",
                    m.start(),
                    m.end(),
                    SCORE,
                    "a romanised East Asian name with a hyphenated given name",
                    "east asian name",
                )
            )
    return found
