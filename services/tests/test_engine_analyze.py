"""The engine in-process: chunked analysis equals whole-text analysis, exact offsets, batches,
ORGANIZATION, the entity setting, the model as a directory, the worker pool, bad input."""

from __future__ import annotations

import dataclasses
import importlib
import random
import time
from pathlib import Path
from typing import Any

import pytest

from redacta.engine import Engine, InvalidRequestError, ModelNotFoundError, chunking, core
from redacta.engine.nlp import resolve_model
from redacta.engine.options import AnalyzeOptions
from redacta.engine.pool import AnalysisPool
from redacta.settings import Settings

SENTENCES = [
    "John Smith works at Microsoft Corporation in Seattle.",
    "Please email maria.garcia@example.com about the invoice.",
    "Her card number is 4111 1111 1111 1111 and it expires soon.",
    "The meeting with Acme Holdings took place in London last week.",
    "Call the office if anything changes.",
    "The report was reviewed by the committee without comments.",
    "Visit https://www.example.org/contact for more details.",
    "Angela Merkel met representatives of Siemens in Berlin.",
]


def corpus(n_chars: int, seed: int = 3) -> str:
    """Deterministic prose with PII, paragraphs of 3-8 sentences."""
    rng = random.Random(seed)  # noqa: S311 - deterministic corpus
    parts: list[str] = []
    size = 0
    while size < n_chars:
        para = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(3, 8)))
        parts.append(para)
        size += len(para) + 2
    return "\n\n".join(parts)[:n_chars]


def key(results: list) -> list[tuple[str, int, int, float]]:  # type: ignore[type-arg]
    return sorted((r.entity_type, r.start, r.end, round(r.score, 6)) for r in results)


@pytest.fixture(scope="module")
def engine(redacta_engine: Engine) -> Engine:
    """The session's engine (loading spaCy takes seconds)."""
    return redacta_engine


def test_organization_is_detected(engine: Engine) -> None:
    text = "John Smith works at Microsoft Corporation in Seattle."
    found = {(r.entity_type, text[r.start : r.end]) for r in engine.analyze(text)}
    assert ("ORGANIZATION", "Microsoft Corporation") in found
    assert ("PERSON", "John Smith") in found
    assert "ORGANIZATION" in engine.supported_entities()


def test_short_text_equals_presidio_on_the_same_analyzer(engine: Engine) -> None:
    text = corpus(1500)
    expected = engine.analyzer.analyze(
        text=text,
        language="en",
        entities=list(engine.settings.entities),
        score_threshold=engine.settings.score_threshold,
    )
    assert key(engine.analyze(text)) == key(expected)


def test_chunked_long_text_equals_whole_text(engine: Engine) -> None:
    text = corpus(40_000)
    assert len(list(chunking.plan(text))) > 10
    options = engine.resolve()
    whole = engine.analyzer.analyze(text=text, **options.presidio_kwargs())
    chunked = engine.analyze(text)
    assert key(chunked) == key(whole)
    for result in chunked:
        assert text[result.start : result.end].strip() == text[result.start : result.end]


def test_entities_straddling_chunk_boundaries_keep_exact_offsets(engine: Engine) -> None:
    small = dataclasses.replace(engine, chunk_chars=96)
    card = "4111 1111 1111 1111"
    filler = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod "
    text, starts = "", []
    for i in range(150):
        text += filler[: 7 + (i * 11) % 60].rsplit(" ", 1)[0] + " "
        starts.append(len(text))
        text += card + " "
    cuts = set(chunking.boundaries(text, small.chunk_chars))
    straddling = [s for s in starts if any(s < cut < s + len(card) for cut in cuts)]
    assert len(straddling) >= 5, "the layout must put chunk boundaries inside some cards"
    cards = list(small.analyze(text, AnalyzeOptions(entities=["CREDIT_CARD"])))
    assert sorted(r.start for r in cards) == starts
    assert all(text[r.start : r.end] == card for r in cards)


def test_batch_equals_one_by_one(engine: Engine) -> None:
    texts = [corpus(300, seed=s) for s in range(12)] + ["", corpus(5000, seed=99)]
    batch = engine.analyze_batch(texts)
    assert len(batch) == len(texts)
    assert batch[12] == []
    for text, results in zip(texts, batch, strict=True):
        if text:
            assert key(results) == key(engine.analyze(text))


def test_enabled_entities_come_from_the_settings(engine: Engine) -> None:
    only_email = dataclasses.replace(engine, settings=Settings(entities=["EMAIL_ADDRESS"]))
    text = corpus(2000)
    assert {r.entity_type for r in only_email.analyze(text)} == {"EMAIL_ADDRESS"}
    explicit = engine.analyze(text, AnalyzeOptions(entities=["PERSON", "NOT_A_TYPE"]))
    assert {r.entity_type for r in explicit} == {"PERSON"}
    assert engine.analyze(text, AnalyzeOptions(entities=["NOT_A_TYPE"])) == []


def test_decision_process_and_allow_list(engine: Engine) -> None:
    text = "Please email maria.garcia@example.com or john@acme.com today."
    explained = engine.analyze(
        text, AnalyzeOptions(return_decision_process=True, entities=["EMAIL_ADDRESS"])
    )
    assert explained
    assert all(r.analysis_explanation is not None for r in explained)
    kept = engine.analyze(
        text, AnalyzeOptions(entities=["EMAIL_ADDRESS"], allow_list=["john@acme.com"])
    )
    assert [text[r.start : r.end] for r in kept] == ["maria.garcia@example.com"]
    regex_kept = engine.analyze(
        text,
        AnalyzeOptions(
            entities=["EMAIL_ADDRESS"], allow_list=[r".*@acme\.com"], allow_list_match="regex"
        ),
    )
    assert [text[r.start : r.end] for r in regex_kept] == ["maria.garcia@example.com"]


def test_ad_hoc_recognizer(engine: Engine) -> None:
    from redacta.engine import pattern_recognizers_from_dicts

    recognizers = pattern_recognizers_from_dicts(
        [
            {
                "name": "Ticket",
                "supported_entity": "TICKET",
                "patterns": [{"name": "t", "regex": r"TCK-\d{4}", "score": 0.9}],
            }
        ]
    )
    text = "See TCK-1234 and TCK-9876."
    found = engine.analyze(
        text, AnalyzeOptions(entities=["TICKET"], ad_hoc_recognizers=recognizers)
    )
    assert [text[r.start : r.end] for r in found] == ["TCK-1234", "TCK-9876"]


def test_ad_hoc_entities_are_found_without_an_entities_list(engine: Engine) -> None:
    """Like Presidio's REST service: no `entities` means the enabled ones plus the ad-hoc ones."""
    from presidio_analyzer import EntityRecognizer, PatternRecognizer

    project: list[EntityRecognizer] = [
        PatternRecognizer(supported_entity="PROJECT", deny_list=["Project Bluebird"])
    ]
    text = "Status of Project Bluebird is green. Ask john@acme.com."
    found = {
        (text[r.start : r.end], r.entity_type)
        for r in engine.analyze(text, AnalyzeOptions(ad_hoc_recognizers=project))
    }
    assert found == {("Project Bluebird", "PROJECT"), ("john@acme.com", "EMAIL_ADDRESS")}
    [batch] = engine.analyze_batch([text], AnalyzeOptions(ad_hoc_recognizers=project))
    assert {(text[r.start : r.end], r.entity_type) for r in batch} == found
    # An explicit list still means exactly those types.
    only_email = engine.analyze(
        text, AnalyzeOptions(entities=["EMAIL_ADDRESS"], ad_hoc_recognizers=project)
    )
    assert [r.entity_type for r in only_email] == ["EMAIL_ADDRESS"]


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"text": ""}, "empty"),
        ({"text": "   \n"}, "empty"),
        ({"text": "hello", "language": "xx"}, "language"),
        ({"text": "hello", "regex_flags": -1}, "regex_flags"),
        ({"text": "hello", "regex_flags": "26"}, "regex_flags"),
        ({"text": "hello", "allow_list_match": "fuzzy"}, "allow_list_match"),
        ({"text": "hello", "allow_list": ["("], "allow_list_match": "regex"}, "allow_list"),
        ({"text": "hello", "score_threshold": 2}, "score_threshold"),
        ({"text": "hello", "entities": "PERSON"}, "entities"),
        ({"text": "hello", "context": "word"}, "context"),
    ],
)
def test_bad_input_raises_a_clear_error(engine: Engine, kwargs: dict, fragment: str) -> None:  # type: ignore[type-arg]
    text = kwargs.pop("text")
    with pytest.raises(InvalidRequestError, match=fragment):
        engine.analyze(text, AnalyzeOptions(**kwargs))


@pytest.mark.parametrize(
    "bad",
    [
        [{"name": "x"}],
        [{"supported_entity": "X"}],
        [{"supported_entity": "X", "patterns": [{"name": "p", "regex": "(", "score": 0.5}]}],
        [{"supported_entity": "X", "patterns": [{"name": "p", "regex": "a", "score": 5}]}],
        ["not an object"],
    ],
)
def test_bad_ad_hoc_recognizer(bad: list) -> None:  # type: ignore[type-arg]
    from redacta.engine import pattern_recognizers_from_dicts

    with pytest.raises(InvalidRequestError, match="ad_hoc_recognizers"):
        pattern_recognizers_from_dicts(bad)


def test_bad_batches(engine: Engine) -> None:
    with pytest.raises(InvalidRequestError):
        engine.analyze_batch([])
    with pytest.raises(InvalidRequestError):
        engine.analyze_batch("a string, not a list")
    with pytest.raises(InvalidRequestError):
        engine.analyze_batch(["ok", 3])  # type: ignore[list-item]


def _model_directory() -> Path:
    """The pipeline folder inside the default model package (found here without Redacta)."""
    package = importlib.import_module(str(Settings.model_fields["model"].default))
    root = Path(str(package.__file__)).parent
    return next(p.parent for p in root.glob("*/config.cfg"))


def test_model_from_a_directory_path(engine: Engine) -> None:
    # `engine` was built from the package name (the default); the folder gives the same results.
    assert engine.settings.model == Settings.model_fields["model"].default
    from_dir = Engine.create(Settings(model=str(_model_directory())))
    text = corpus(3000)
    assert key(from_dir.analyze(text)) == key(engine.analyze(text))


def test_a_package_name_resolves_to_its_pipeline_folder() -> None:
    package = str(Settings.model_fields["model"].default)
    assert resolve_model(package) == str(_model_directory())
    assert resolve_model(str(_model_directory())) == str(_model_directory())


def test_skipping_the_string_table_changes_no_token_lemma_tag_or_entity(engine: Engine) -> None:
    import spacy

    from redacta.engine.nlp import EXCLUDED_COMPONENTS

    lean = engine.analyzer.nlp_engine.nlp["en"]
    full = spacy.load(resolve_model(engine.settings.model), exclude=list(EXCLUDED_COMPONENTS))
    assert len(lean.vocab.strings) < len(full.vocab.strings) / 10  # the table was skipped
    assert lean.vocab.vectors.shape == full.vocab.vectors.shape  # the vectors were not
    texts = [corpus(3000), "Marek Nowakowski met Amélie Laurent at Siemens AG on Tuesday."]

    def tokens(nlp: Any) -> list[list[tuple[object, ...]]]:
        return [
            [(t.idx, t.text, t.lemma_, t.tag_, t.ent_iob_, t.ent_type_, t.is_stop) for t in doc]
            for doc in nlp.pipe(texts)
        ]

    assert tokens(lean) == tokens(full)


def test_missing_model_fails_without_download() -> None:
    with pytest.raises(ModelNotFoundError, match="REDACTA_MODEL"):
        Engine.create(Settings(model="/nonexistent/model-dir"))
    with pytest.raises(ModelNotFoundError):
        Engine.create(Settings(model="xx_not_a_model_package"))
    with pytest.raises(ModelNotFoundError, match="not an installed model package"):
        Engine.create(Settings(model="pytest"))  # installed, but ships no pipeline


def test_worker_pool_gives_the_same_results(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(core, "POOL_MIN_CHARS", 10_000)
    pooled = dataclasses.replace(engine, pool=AnalysisPool(engine.settings, 2))
    text = corpus(20_000)  # above POOL_MIN_CHARS: four batches, two per worker, as any long text
    try:
        in_pool = pooled.analyze(text)
        assert pooled.pool is not None
        assert pooled.pool.running
        assert len(list(chunking.plan(text))) > 4  # more windows than batches: several a batch
        batch = pooled.analyze_batch([text, corpus(500)])
    finally:
        pooled.close()
    assert key(in_pool) == key(engine.analyze(text))
    assert key(batch[0]) == key(in_pool)


def test_idle_workers_are_stopped(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    from redacta.engine import pool

    monkeypatch.setattr(core, "POOL_MIN_CHARS", 1_000)
    # Long enough that nothing between the pooled call and the `running` check below can
    # outlast it on a loaded machine; short enough to watch the workers stop.
    monkeypatch.setattr(pool, "IDLE_SECONDS", 2.0)
    pooled = dataclasses.replace(engine, pool=AnalysisPool(engine.settings, 1))
    try:
        text = corpus(3_000)
        expected = key(engine.analyze(text))  # in process, before the pool's idle clock runs
        assert key(pooled.analyze(text)) == expected
        assert pooled.pool is not None
        assert pooled.pool.running
        deadline = time.monotonic() + 30
        while pooled.pool.running and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not pooled.pool.running
        assert key(pooled.analyze(text)) == expected  # restarts on demand
    finally:
        pooled.close()


def _name(recognizer: object) -> str:
    return str(getattr(recognizer, "name", ""))


def test_recognizer_order_is_stable(engine: Engine) -> None:
    """Presidio hands recognizers out of a set; ties must not depend on the process."""
    registry = engine.analyzer.registry
    names = [_name(r) for r in registry.get_recognizers("en", all_fields=True)]
    assert names == sorted(names)
    assert [_name(r) for r in engine.recognizers()] == names
    some = [_name(r) for r in registry.get_recognizers("en", entities=["PERSON", "URL"])]
    assert some == sorted(some)


def test_same_span_same_score_is_reported_by_the_first_recognizer_by_name(engine: Engine) -> None:
    """Two recognizers tie on a span: the reported one is the same every time, in any process
    (unsorted, the winner follows the recognizer objects' memory addresses)."""
    from presidio_analyzer import EntityRecognizer, PatternRecognizer

    text = "Status of Bluebird is green."
    reported: set[object] = set()
    for _ in range(30):
        tied: list[EntityRecognizer] = [
            PatternRecognizer(supported_entity="PROJECT", name=name, deny_list=["Bluebird"])
            for name in ("Zeta list", "Alpha list", "Mid list")
        ]
        [found] = engine.analyze(text, AnalyzeOptions(ad_hoc_recognizers=tied))
        reported.add(found.recognition_metadata["recognizer_name"])
    assert reported == {"Alpha list"}
