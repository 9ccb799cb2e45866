"""The committed evaluation set is sound, and the harness scores overlaps the documented way."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

EVAL = Path(__file__).resolve().parents[1] / "eval"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"redacta_eval_{name}", EVAL / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _rows(part: str) -> list[dict[str, object]]:
    lines = (EVAL / "data" / f"{part}.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines]


GENERATED = ["tune", "check", "mixed-locale", "mixed-family", "fresh", "fresh-2026-11-28", "dev",
             "dev-family", "dev-family-2"]  # fmt: skip


@pytest.mark.parametrize("part", GENERATED)
def test_spans_point_at_their_text(part: str) -> None:
    for row in _rows(part):
        text = str(row["text"])
        for span in row["spans"]:  # type: ignore[attr-defined]
            assert text[span["start"] : span["end"]] == span["text"], row["id"]
            assert span["text"] == span["text"].strip(), row["id"]  # no stray spaces in gold


def test_check_is_unseen_by_family_and_by_locale() -> None:
    tune, check = _rows("tune"), _rows("check")
    generate = _load("generate")
    tune_families = {r["family"] for r in tune}
    check_families = {r["family"] for r in check}
    tune_locales = {r["locale"] for r in tune}
    check_locales = {r["locale"] for r in check}
    assert tune_families.isdisjoint(check_families)
    assert tune_locales.isdisjoint(check_locales)
    assert check_locales == set(generate.CHECK_LOCALES)
    assert len(tune_locales | check_locales) >= 25
    assert len(tune_families | check_families) >= 40
    # The mixed diagnostics hold exactly the cells tune and check leave out.
    for row in _rows("mixed-locale"):
        assert row["family"] in tune_families
        assert row["locale"] in check_locales
    for row in _rows("mixed-family"):
        assert row["family"] in check_families
        assert row["locale"] in tune_locales
    # Most locales are not English; every locale group is on both sides.
    assert sum(not str(loc).startswith("en_") for loc in tune_locales | check_locales) >= 30
    assert {r["group"] for r in tune} == {r["group"] for r in check}
    # Both sides carry every gold type, and PII-free samples that measure precision.
    for rows in (tune, check):
        types = {s["type"] for r in rows for s in r["spans"]}  # type: ignore[attr-defined]
        assert {"PERSON", "LOCATION", "DATE_TIME", "PHONE_NUMBER", "US_SSN", "UK_NHS"} <= types
        assert sum(not r["spans"] for r in rows) >= 50


def test_fresh_has_kinds_of_text_and_locales_tuning_never_saw() -> None:
    values = _load("values")
    templates = _load("templates")
    generate = _load("generate")
    fresh = _rows("fresh")
    others = [r for part in GENERATED if part != "fresh" for r in _rows(part)]
    tune_locales = {r["locale"] for r in _rows("tune")}
    fresh_locales = {r["locale"] for r in fresh}
    families = {r["family"] for r in fresh}
    # Template families of its own, none shared with any other part.
    assert families.isdisjoint(templates.FAMILIES)
    assert families.isdisjoint({r["family"] for r in others})
    assert len(families) >= 12
    # Locales no other part uses, plus check locales; never a tune locale.
    assert fresh_locales == set(values.FRESH_LOCALES)
    assert fresh_locales.isdisjoint(tune_locales)
    only = set(values.FRESH_ONLY_LOCALES)
    assert only <= fresh_locales
    assert only.isdisjoint({r["locale"] for r in others})
    assert only.isdisjoint(values.LOCALES)
    assert fresh_locales - only <= generate.CHECK_LOCALES
    assert {r["group"] for r in fresh} == set(values.GROUPS)
    assert len(fresh) >= 500
    assert all(str(r["id"]).startswith("fg") for r in fresh)
    types = {s["type"] for r in fresh for s in r["spans"]}  # type: ignore[attr-defined]
    assert types == {s["type"] for r in _rows("check") for s in r["spans"]}  # type: ignore[attr-defined]


def test_fresh_hand_written_snippets_are_fresh_only() -> None:
    snippets = _load("snippets")
    fresh = snippets.load_fresh()
    hand = snippets.load()
    assert len(fresh) >= 40
    seen = {r["text"] for side in ("tune", "check") for r in hand[side]}
    assert all(r["text"] not in seen for r in fresh)
    assert all(r["source"] == "handwritten" and r["id"].startswith("fresh-") for r in fresh)
    run_eval = _load("run_eval")
    parts = run_eval.load_all()
    assert parts["fresh"][-len(fresh) :] == fresh
    assert all(r not in parts["hand-tune"] for r in fresh)


def test_previous_fresh_part_is_kept_unchanged_for_comparison() -> None:
    values = _load("values")
    old = _rows("fresh-2026-11-28")
    others = [r for part in GENERATED if part != "fresh-2026-11-28" for r in _rows(part)]
    old_locales = {r["locale"] for r in old}
    assert old_locales == set(values.FRESH_2026_11_28_LOCALES)
    assert old_locales.isdisjoint({r["locale"] for r in others})
    assert {r["family"] for r in old} == {r["family"] for r in _rows("check")}
    assert len(old) == 600
    assert all(str(r["id"]).startswith("fr") for r in old)


def test_dev_has_tune_families_in_locales_no_other_part_uses() -> None:
    values = _load("values")
    dev = _rows("dev")
    # dev-family-2 fills its own families from dev's locales on purpose (a tuning part too).
    others = [r for part in GENERATED if part not in ("dev", "dev-family-2") for r in _rows(part)]
    dev_locales = {r["locale"] for r in dev}
    assert dev_locales == set(values.DEV_LOCALES)
    assert dev_locales.isdisjoint({r["locale"] for r in others})
    assert dev_locales.isdisjoint(values.LOCALES)
    assert dev_locales.isdisjoint(values.FRESH_LOCALES)
    assert dev_locales.isdisjoint(values.FRESH_2026_11_28_LOCALES)
    assert {r["family"] for r in dev} == {r["family"] for r in _rows("tune")}
    # Every locale group but the English one has a locale of its own language or script.
    assert len({r["group"] for r in dev}) == len(values.GROUPS)
    assert len(dev) == 600
    assert all(str(r["id"]).startswith("d") for r in dev)
    types = {s["type"] for r in dev for s in r["spans"]}  # type: ignore[attr-defined]
    assert {"PERSON", "LOCATION", "ORGANIZATION", "PHONE_NUMBER", "IBAN_CODE"} <= types
    # Where Faker falls back to US data, the country's own is written in: no US-style
    # street suffixes or "City, ST 12345" lines in dev's addresses.
    locations = [s["text"] for r in dev for s in r["spans"] if s["type"] == "LOCATION"]  # type: ignore[attr-defined]
    us_line = re.compile(r", [A-Z]{2} \d{5}\b|\b(Stravenue|Court|Burgs|Walks)\b|\w(furt|mouth)\b")
    military = ("APO", "FPO", "DPO")
    leaked = [t for t in locations if us_line.search(t) and not any(m in t for m in military)]
    assert leaked == []


def test_errors_may_be_printed_for_dev_the_tuning_part() -> None:
    run_eval = _load("run_eval")
    assert "dev" in run_eval.ERROR_PARTS
    assert "dev" in run_eval.TUNING_PARTS
    assert "dev" not in run_eval.BASELINE  # tune - dev is information, not a gap


def test_dev_family_has_kinds_of_text_of_its_own_in_tune_locales() -> None:
    templates = _load("templates")
    templates_fresh = _load("templates_fresh")
    dev_family = _rows("dev-family")
    others = [r for part in GENERATED if part != "dev-family" for r in _rows(part)]
    families = {r["family"] for r in dev_family}
    assert families.isdisjoint(templates.FAMILIES)
    assert families.isdisjoint(templates_fresh.FRESH_FAMILIES)
    assert families.isdisjoint({r["family"] for r in others})
    assert 15 <= len(families) <= 20
    # Only the kind of text is new: every locale is a tune locale, and every tune locale and
    # locale group is there.
    tune = _rows("tune")
    assert {r["locale"] for r in dev_family} == {r["locale"] for r in tune}
    assert {r["group"] for r in dev_family} == {r["group"] for r in tune}
    assert 400 <= len(dev_family) <= 500
    assert all(str(r["id"]).startswith("df") for r in dev_family)
    # Every gold type of tune, and the texts themselves are new ones.
    types = {s["type"] for r in dev_family for s in r["spans"]}  # type: ignore[attr-defined]
    assert types == {s["type"] for r in tune for s in r["spans"]}  # type: ignore[attr-defined]
    assert {r["text"] for r in dev_family}.isdisjoint(r["text"] for r in others)
    # Addresses come in layouts beyond a comma line and a block: inside sentences, after
    # keys, in table cells and with other separators; each is one LOCATION span.
    locations = [
        (r["text"], s)
        for r in dev_family
        for s in r["spans"]  # type: ignore[attr-defined]
        if s["type"] == "LOCATION"
    ]
    assert any(" / " in s["text"] or " | " in s["text"] for _, s in locations)
    assert any(text[: s["start"]].endswith("| ") for text, s in locations)  # markdown cell
    assert any(text[: s["start"]].endswith(("=", '="')) for text, s in locations)  # key=value


def test_errors_may_be_printed_for_dev_family_a_tuning_part() -> None:
    run_eval = _load("run_eval")
    assert "dev-family" in run_eval.PARTS
    assert "dev-family" in run_eval.DEFAULT_PARTS
    assert "dev-family" in run_eval.ERROR_PARTS
    assert "dev-family" in run_eval.TUNING_PARTS
    assert "dev-family" not in run_eval.BASELINE  # tune - dev-family is information


def test_dev_family_2_has_kinds_of_text_of_its_own_in_tune_and_dev_locales() -> None:
    templates = _load("templates")
    templates_fresh = _load("templates_fresh")
    templates_dev_family = _load("templates_dev_family")
    values = _load("values")
    part = _rows("dev-family-2")
    others = [r for name in GENERATED if name != "dev-family-2" for r in _rows(name)]
    families = {r["family"] for r in part}
    for known in (templates.FAMILIES, templates_fresh.FRESH_FAMILIES,
                  templates_dev_family.DEV_FAMILY_FAMILIES):  # fmt: skip
        assert families.isdisjoint(known)
    assert families.isdisjoint({r["family"] for r in others})
    assert 18 <= len(families) <= 24
    tune = _rows("tune")
    assert {r["locale"] for r in part} == {r["locale"] for r in tune} | set(values.DEV_LOCALES)
    assert {r["group"] for r in part} == set(values.GROUPS)
    assert 450 <= len(part) <= 600
    assert all(str(r["id"]).startswith("df2-") for r in part)
    types = {s["type"] for r in part for s in r["spans"]}  # type: ignore[attr-defined]
    assert types == {s["type"] for r in tune for s in r["spans"]}  # type: ignore[attr-defined]
    assert {r["text"] for r in part}.isdisjoint(r["text"] for r in others)
    # The shapes it exists for: places and names standing alone, in capitals, in lower case,
    # in lists, handles with digits and reference-list authors ("Nowak, J.").
    spans = [(str(r["text"]), s) for r in part for s in r["spans"]]  # type: ignore[attr-defined]
    places = [s["text"] for _, s in spans if s["type"] == "LOCATION"]
    names = [s["text"] for _, s in spans if s["type"] == "PERSON"]
    assert sum(" " not in t for t in places) >= 200
    assert sum(t.isupper() and " " not in t for t in places) >= 40
    assert sum(t.islower() for t in places) >= 40
    assert sum(t.islower() for t in names) >= 40
    assert any(any(c.isdigit() for c in t) and t.islower() for t in names)
    assert any(re.fullmatch(r"\w+, [A-Z]\.", t) for t in names)
    listed = [(text, s) for text, s in spans if s["type"] == "LOCATION"]
    assert any(text[s["end"] : s["end"] + 2] == ", " and text[s["end"] + 2 :].split(",")[0]
               in places for text, s in listed)  # fmt: skip


def test_errors_may_be_printed_for_dev_family_2_a_tuning_part() -> None:
    run_eval = _load("run_eval")
    assert "dev-family-2" in run_eval.DEFAULT_PARTS
    assert "dev-family-2" in run_eval.ERROR_PARTS
    assert "dev-family-2" in run_eval.TUNING_PARTS
    assert "dev-family-2" in run_eval.DEV_PARTS
    assert "dev-family-2" not in run_eval.BASELINE  # tune - dev-family-2 is information


def test_name_list_is_built_from_tune_locales_only() -> None:
    build = _load("build_given_names")
    values = _load("values")
    generate = _load("generate")
    locales = set(build.source_locales())
    assert locales == {r["locale"] for r in _rows("tune")}
    assert locales.isdisjoint(values.FRESH_LOCALES)
    assert locales.isdisjoint(values.FRESH_2026_11_28_LOCALES)
    assert locales.isdisjoint(generate.CHECK_LOCALES)
    assert locales.isdisjoint(values.DEV_LOCALES)


@pytest.mark.parametrize("part", ["fresh", "fresh-2026-11-28"])
def test_errors_are_never_printed_for_fresh(capsys: pytest.CaptureFixture[str], part: str) -> None:
    run_eval = _load("run_eval")
    with pytest.raises(SystemExit):
        run_eval.main(["--errors", "PERSON", "--errors-in", part])
    assert f"invalid choice: '{part}'" in capsys.readouterr().err


def test_group_table_reports_fresh_with_its_gap_against_tune() -> None:
    run_eval = _load("run_eval")
    parts = {part: _rows(part)[:60] for part in ("tune", "check", "fresh")}
    parts["fresh"] += _load("snippets").load_fresh()[:5]  # hand-written: in no locale group
    # Predictions = the gold spans: every F2 is 1.00 and every gap +0.00.
    perfect = {
        part: [[(s["start"], s["end"], s["type"]) for s in r["spans"]] for r in rows]  # type: ignore[attr-defined]
        for part, rows in parts.items()
    }
    text, out = run_eval.group_table(parts, {"stock": perfect, "redacta": perfect})
    assert "| fresh locales | fresh gold |" in text
    assert "| gap fresh |" in text
    groups = {r["group"] for r in parts["fresh"] if "group" in r}
    for group in groups:
        assert out[group]["fresh"]["redacta"]["overall"]["f2"] == pytest.approx(1.0)
        row = next(line for line in text.splitlines() if line.startswith(f"| {group} |"))
        if out[group]["tune"]["redacta"]["overall"]["gold"]:
            assert row.endswith("+0.00 |")


def test_dev_is_reported_per_group_and_as_a_difference_not_a_gap() -> None:
    run_eval = _load("run_eval")
    parts = {part: _rows(part)[:120]
             for part in ("tune", "check", "dev", "dev-family", "dev-family-2")}  # fmt: skip
    gold = {
        part: [[(s["start"], s["end"], s["type"]) for s in r["spans"]] for r in rows]  # type: ignore[attr-defined]
        for part, rows in parts.items()
    }
    # Redacta finds nothing on dev, everything elsewhere; stock finds everything everywhere.
    redacta = {**gold, "dev": [[] for _ in parts["dev"]]}
    text, out = run_eval.group_table(parts, {"stock": gold, "redacta": redacta})
    assert "| dev locales | dev gold |" in text
    assert "| tune - dev |" in text
    assert "| gap dev |" not in text
    assert "| tune - dev-family |" in text
    assert "| gap dev-family |" not in text
    assert "| tune - dev-family-2 |" in text
    for group in {r["group"] for r in parts["dev"]}:
        assert out[group]["dev"]["redacta"]["overall"]["f2"] == pytest.approx(0.0)
    scores = {
        engine: {part: run_eval.score(rows, preds[part]) for part, rows in parts.items()}
        for engine, preds in (("stock", gold), ("redacta", redacta))
    }
    assert run_eval.dev_difference(scores) == {
        "stock": pytest.approx(0.0),
        "redacta": pytest.approx(1.0),
    }
    assert run_eval.dev_difference(scores, "dev-family") == {
        "stock": pytest.approx(0.0),
        "redacta": pytest.approx(0.0),
    }
    assert {"dev", "dev-family"}.isdisjoint(run_eval.gaps(scores, "redacta"))


def test_summary_reports_fresh_and_its_halves_with_gaps() -> None:
    run_eval = _load("run_eval")
    snippets = _load("snippets")
    parts = {"tune": _rows("tune")[:40], "hand-tune": snippets.load()["tune"][:10]}
    parts["fresh"] = _rows("fresh")[:40] + snippets.load_fresh()[:10]
    gold = {p: [[(s["start"], s["end"], s["type"]) for s in r["spans"]] for r in rows]  # type: ignore[attr-defined]
            for p, rows in parts.items()}  # fmt: skip
    # Redacta finds everything except on fresh's hand-written half; stock finds nothing.
    redacta = {p: [list(g) for g in preds] for p, preds in gold.items()}
    for i in range(40, 50):
        redacta["fresh"][i] = []
    preds = {"redacta": redacta, "stock": {p: [[] for _ in rows] for p, rows in parts.items()}}
    scores: dict[str, dict[str, object]] = {"redacta": {}, "stock": {}}
    for part, rows in parts.items():
        for engine in ("redacta", "stock"):
            scores[engine][part] = run_eval.score(rows, preds[engine][part])
    run_eval.add_fresh_sources(parts, preds, scores)
    sizes = {p: len(r) for p, r in parts.items()} | {
        "fresh/generated": 40,
        "fresh/hand-written": 10,
    }
    table = run_eval.summary_table(scores, sizes)
    rows = {line.split(" | ")[0].strip("| "): line for line in table.splitlines()}
    assert rows["fresh/generated"].endswith("| +0.00 | +0.00 |")
    assert rows["fresh/hand-written"].endswith("| +1.00 | +0.00 |")
    assert "| fresh | 50 |" in rows["fresh"]
    assert run_eval.gaps(scores, "redacta")["fresh/hand-written"] == pytest.approx(1.0)


def test_set_size() -> None:
    tune, check = _rows("tune"), _rows("check")
    assert 1500 <= len(tune) + len(check) <= 2500
    assert len(check) >= 600
    snippets = _load("snippets").load()
    assert len(snippets["tune"]) + len(snippets["check"]) >= 300
    assert abs(len(snippets["tune"]) - len(snippets["check"])) <= len(
        list(EVAL.glob("handwritten/*.txt"))
    )


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(EVAL / "generate.py"), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for part in GENERATED:
        committed = (EVAL / "data" / f"{part}.jsonl").read_bytes()
        assert (tmp_path / f"{part}.jsonl").read_bytes() == committed, part


def test_markup_parser_derives_exact_offsets() -> None:
    markup = _load("markup")
    text, spans = markup.parse("Hi [[PERSON:Ann Lee]], call [[PHONE_NUMBER:087 123 4567]].")
    assert text == "Hi Ann Lee, call 087 123 4567."
    assert [(s["start"], s["end"], s["type"]) for s in spans] == [
        (3, 10, "PERSON"),
        (17, 29, "PHONE_NUMBER"),
    ]
    with pytest.raises(ValueError, match="unbalanced"):
        markup.parse("Hi [[PERSON:Ann Lee]")


def test_scoring_counts_overlaps_of_the_same_type() -> None:
    run_eval = _load("run_eval")
    samples = [
        {
            "text": "Ann Lee lives at 1 Main St, Leeds",
            "spans": [
                {"start": 0, "end": 7, "type": "PERSON", "text": "Ann Lee"},
                {"start": 17, "end": 33, "type": "LOCATION", "text": "1 Main St, Leeds"},
            ],
        },
    ]
    preds = [[(4, 7, "PERSON"), (28, 33, "GPE"), (17, 26, "PERSON"), (0, 3, "NRP")]]
    preds = [[(s, e, run_eval.norm(t)) for s, e, t in p] for p in preds]
    score = run_eval.score(samples, preds)
    person, location = score.per_type["PERSON"], score.per_type["LOCATION"]
    assert (person.gold, person.found, person.pred, person.correct) == (1, 1, 2, 1)
    assert (location.gold, location.found, location.pred, location.correct) == (1, 1, 1, 1)
    assert score.other == {"NRP": 1}
    overall = score.overall()
    assert overall.precision() == pytest.approx(2 / 3)
    assert overall.recall() == pytest.approx(1.0)
    assert overall.f2() == pytest.approx(5 * (2 / 3) / (4 * (2 / 3) + 1))


def test_both_parts_carry_the_hard_shapes() -> None:
    import phonenumbers

    for part in ("tune", "check"):
        spans = [(r["locale"], s) for r in _rows(part) for s in r["spans"]]  # type: ignore[attr-defined]
        texts = {kind: [s["text"] for _, s in spans if s["type"] == kind] for kind in
                 ("PERSON", "LOCATION", "DATE_TIME", "PHONE_NUMBER")}  # fmt: skip
        assert any("\n" in t for t in texts["LOCATION"]), "multi-line address blocks"
        assert any(t.isupper() and len(t) > 4 for t in texts["LOCATION"]), "ALL-CAPS places"
        assert any(t.isupper() and " " in t for t in texts["PERSON"]), "ALL-CAPS names"
        assert any(not t.isascii() and t.isalpha() for t in texts["PERSON"]), "native scripts"
        assert any(t.isdigit() and len(t) == 4 for t in texts["DATE_TIME"]), "bare years"
        assert any(t.endswith("day") for t in texts["DATE_TIME"]), "weekdays"
        # Phone numbers are Faker's national formats, not only ones a validator accepts.
        invalid = 0
        for locale, span in spans:
            if span["type"] != "PHONE_NUMBER":
                continue
            try:
                number = phonenumbers.parse(span["text"], locale[-2:])
                invalid += not phonenumbers.is_valid_number(number)
            except phonenumbers.NumberParseException:
                invalid += 1
        assert invalid >= 0.1 * len(texts["PHONE_NUMBER"])
