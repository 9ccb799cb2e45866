"""Write `redacta/engine/recognizers/given_names.py`: given names of many cultures.

The engine uses the list only where the text's shape already suggests a person (two or
three capitalised words, a one-word NER "organisation" at the start of a line), so a name
the small NER model does not know still reads as a person. The names come from Faker's
person providers of the TUNE locales only (`generate.CHECK_LOCALES` are left out, and the
fresh parts' locales are either check locales or not in `LOCALES` at all), so the check
and fresh parts stay unseen: their locales' names count only where another culture shares them.
Names in scripts without capitals are left out (capitalisation is what this list confirms);
Names are kept only when three or more tune locales' lists share them (see
`tune_given_names`); Cyrillic ones in Cyrillic and Latin, Japanese ones in romaji.

Run from `services/`: `python eval/build_given_names.py` (re-run when Faker or the split
changes; the output is committed).
"""

from __future__ import annotations

import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from faker import Faker  # noqa: E402
from faker.decode import unidecode  # noqa: E402
from generate import CHECK_LOCALES  # noqa: E402
from values import FRESH_2026_11_28_LOCALES, FRESH_LOCALES, LOCALES  # noqa: E402

MIN_CULTURES = 3
"""How many tune locales' lists must share a name for it to be kept."""
OUT = HERE.parent / "src" / "redacta" / "engine" / "recognizers" / "given_names.py"
# Given names that are first of all English words or months in running text.
_AMBIGUOUS = """
    will may june april august art bill mark rose hope grace joy faith summer dawn page
    sunny crystal ruby pearl amber jade iris ivy lily daisy holly heather autumn april
    sky star angel honey candy destiny precious miracle chance guy jack frank earl duke
    king prince major royal rich sterling price hunter taylor mason carter baker cooper
    page tucker parker porter chase lane hall wells brooks bay dale glen clay cliff
    chad virginia georgia florence paris jordan israel india kenya sydney austin dallas
    denver houston lincoln victoria adelaide florida carolina savannah aurora eden orlando
    regina york china america asia europe africa alexandria sofia santiago salvador
    ford mercedes
"""
AMBIGUOUS = frozenset(_AMBIGUOUS.split())


def fold(word: str) -> str:
    """The lookup key the engine uses (`given_names.fold`): case and accents dropped."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def source_locales() -> list[str]:
    """The locales whose name lists are read: the tune locales, never check's or fresh's."""
    locales = sorted(loc for loc in LOCALES if loc not in CHECK_LOCALES)
    leaked = set(locales) & (CHECK_LOCALES | set(FRESH_LOCALES) | set(FRESH_2026_11_28_LOCALES))
    if leaked:
        raise RuntimeError(f"unseen evaluation locales would feed the name list: {leaked}")
    return locales


def tune_given_names() -> set[str]:
    """Given names that the person providers of MIN_CULTURES or more tune locales share.

    A name that several cultures use is a name a text from yet another culture is likely to
    use too; a name only one or two locales' lists have would mostly teach the engine those locales.
    Counted on the Latin transliteration, so "Александр" and "Aleksandr" are one name.
    """
    providers: dict[str, set[str]] = {}
    for locale in source_locales():
        provider = next(p for p in Faker(locale).providers if ".person." in type(p).__module__)
        words = providers.setdefault(type(provider).__module__, set())
        for attr in dir(provider):
            value = getattr(provider, attr)
            if attr.startswith("_") or "first_name" not in attr or callable(value):
                continue
            for item in value:
                # ja_JP pairs are (kanji, kana, romaji): keep the romaji.
                name = item[-1] if isinstance(item, tuple) else str(item)
                words.update(w for w in name.replace("-", " ").split() if w[:1].isupper())
    shared = Counter(
        key for words in providers.values() for key in {fold(unidecode(w)) for w in words}
    )
    keep = {
        key
        for key, n in shared.items()
        if n >= MIN_CULTURES and len(key) >= 2 and key not in AMBIGUOUS
    }
    found = set(keep)
    for words in providers.values():
        found.update(fold(w) for w in words if fold(unidecode(w)) in keep)
    return found


def main() -> int:
    words = sorted(tune_given_names(), key=str.casefold)
    lines = []
    line = "   "
    for word in words:
        if len(line) + len(word) + 1 > 95:
            lines.append(line)
            line = "   "
        line += " " + word
    lines.append(line)
    body = "\n".join(lines)
    OUT.write_text(
        "# ruff: noqa: RUF001 (names in Cyrillic and with dotless i are the point)\n"
        '"""Given names of many cultures, for telling a person from an organisation or place.\n'
        "\n"
        "Generated by `services/eval/build_given_names.py` from the person providers of\n"
        "Faker (MIT licence) of the evaluation's tune locales only; do not edit by hand.\n"
        "Used only together with the shape of the text (see `person_shape`), never alone.\n"
        "Keys are case-folded without accents (`fold`).\n"
        '"""\n\n'
        "from __future__ import annotations\n\nimport unicodedata\n\n"
        f'_NAMES = """\n{body}\n"""\n'
        "GIVEN_NAMES: frozenset[str] = frozenset(_NAMES.split())\n"
        f'"""{len(words)} given names shared by three or more cultures\' lists."""\n\n\n'
        "def fold(word: str) -> str:\n"
        '    """Case and accents dropped, as the keys are ("Péter" -> "peter")."""\n'
        '    decomposed = unicodedata.normalize("NFKD", word.casefold())\n'
        '    return "".join(c for c in decomposed if not unicodedata.combining(c))\n\n\n'
        "def is_given_name(word: str) -> bool:\n"
        '    """Whether `word` is a known given name, whatever its case and accents."""\n'
        "    return fold(word) in GIVEN_NAMES\n",
        "utf-8",
    )
    print(f"{OUT}: {len(words)} names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
