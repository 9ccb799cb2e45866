"""Presidio-compatible routes on the REAL server (the `server` fixture): exact
JSON shapes compared with Presidio's own objects computed in-process, every endpoint, bad
input, batch, ORGANIZATION, and exact offsets past 1,000,000 characters and across chunk
boundaries."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from conftest import RunningServer
from redacta import offline
from redacta.engine import Engine, chunking
from redacta.settings import Settings

SENTENCES = [
    "John Smith works at Microsoft Corporation in Seattle.",
    "Please email maria.garcia@example.com about the invoice.",
    "Her card number is 4111 1111 1111 1111 and it expires soon.",
    "The meeting with Acme Holdings took place in London last week.",
    "Transfer to GB82 WEST 1234 5698 7654 32 was made on time.",
    "The report was reviewed by the committee without comments.",
    "Visit https://www.example.org/contact for more details.",
    "The refund went to wallet 16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ yesterday.",
]
# Types whose stock recognizers validate by checksum and score 1.0 (no context boost). Redacta
# replaces some of them (e-mail on any host, wrapped IBANs, cards): the tests compare the
# types it still detects with exactly stock's recognizers, and check the others' JSON shape.
STOCK_ENTITIES = ["EMAIL_ADDRESS", "CREDIT_CARD", "IBAN_CODE", "CRYPTO"]


def corpus(n_chars: int, seed: int = 5) -> str:
    rng = random.Random(seed)  # noqa: S311 - deterministic corpus
    paras, size = [], 0
    while size < n_chars:
        para = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(3, 8)))
        paras.append(para)
        size += len(para) + 2
    return "\n\n".join(paras)[:n_chars]


def presidio_json(value: object) -> Any:
    """What Presidio's Flask service sends: `json.dumps(default=to_dict, sort_keys=True)`."""
    return json.loads(json.dumps(value, default=lambda o: o.to_dict(), sort_keys=True))


def comparable(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop the recognizer instance id (`Name_<id()>`, differs per process) and sort."""
    out = []
    for result in results:
        result = dict(result)
        meta = dict(result.get("recognition_metadata") or {})
        meta.pop("recognizer_identifier", None)
        result["recognition_metadata"] = meta
        out.append(result)
    return sorted(out, key=lambda r: (r["start"], r["end"], r["entity_type"]))


def shape(value: Any) -> Any:
    """Keys and JSON types, recursively."""
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return type(value).__name__


@pytest.fixture(scope="module")
def stock() -> Any:
    """Stock Presidio, built exactly like its defaults, on the same spaCy model."""
    offline.enforce()
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    from redacta.engine.nlp import resolve_model

    model = resolve_model(Settings().model)  # the package's pipeline folder (spacy.load's input)
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": model}],
        }
    )
    return AnalyzerEngine(nlp_engine=provider.create_engine())


@pytest.fixture(scope="module")
def engine(redacta_engine: Engine) -> Engine:
    """The session's engine (loading spaCy takes seconds)."""
    return redacta_engine


def analyze(server: RunningServer, **body: Any) -> Any:
    response = server.post("/analyze", json=body)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def test_health(server: RunningServer) -> None:
    response = server.get("/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def _unreplaced(entities: list[str], engine: Engine, stock: Any) -> list[str]:
    """Those of `entities` that Redacta detects with exactly stock Presidio's recognizers."""

    def names(recognizers: list[Any], entity: str) -> set[str]:
        return {r.name for r in recognizers if entity in r.supported_entities}

    ours, theirs = engine.recognizers("en"), stock.get_recognizers("en")
    return [e for e in entities if names(ours, e) == names(theirs, e)]


def test_analyze_equals_stock_presidio_json(
    server: RunningServer, stock: Any, engine: Engine
) -> None:
    entities = _unreplaced(STOCK_ENTITIES, engine, stock)
    assert entities, "no entity type left that Redacta detects with stock recognizers"
    text = corpus(3000)
    expected = stock.analyze(text=text, language="en", entities=entities)
    got = analyze(server, text=text, language="en", entities=entities)
    assert len(got) >= 3
    assert comparable(got) == comparable(presidio_json(expected))
    # Every type, whoever detects it, has the keys of Presidio's `RecognizerResult.to_dict()`.
    keys = {tuple(sorted(r)) for r in presidio_json(expected)}
    everything = analyze(server, text=text, language="en", entities=STOCK_ENTITIES)
    assert len(everything) > len(got)
    for result in everything:
        assert (tuple(sorted(result)),) == tuple(keys)
        assert {"recognizer_name", "recognizer_identifier"} <= set(result["recognition_metadata"])


def test_decision_process_has_presidios_shape(
    server: RunningServer, stock: Any, engine: Engine
) -> None:
    assert _unreplaced(["CRYPTO"], engine, stock) == ["CRYPTO"]
    text = "The refund went to wallet 16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ yesterday."
    expected = presidio_json(
        stock.analyze(text=text, language="en", entities=["CRYPTO"], return_decision_process=True)
    )
    got = analyze(
        server, text=text, language="en", entities=["CRYPTO"], return_decision_process=True
    )
    assert shape(got) == shape(expected)
    assert comparable(got) == comparable(expected)


def test_analyze_equals_the_engine_in_process(server: RunningServer, engine: Engine) -> None:
    text = corpus(8000, seed=11)
    got = analyze(server, text=text, language="en")
    assert comparable(got) == comparable(presidio_json(engine.analyze(text)))
    assert {r["entity_type"] for r in got} >= {"PERSON", "ORGANIZATION", "EMAIL_ADDRESS"}


def test_organization(server: RunningServer) -> None:
    text = "John Smith works at Microsoft Corporation in Seattle."
    results = analyze(server, text=text, language="en")
    found = {(r["entity_type"], text[r["start"] : r["end"]]) for r in results}
    assert ("ORGANIZATION", "Microsoft Corporation") in found


def test_batch_is_a_list_of_lists(server: RunningServer) -> None:
    texts = [corpus(400, seed=s) for s in range(6)] + [""]
    got = analyze(server, text=texts, language="en", entities=STOCK_ENTITIES)
    assert len(got) == len(texts)
    assert got[-1] == []
    for text, results in zip(texts[:-1], got[:-1], strict=True):
        single = analyze(server, text=text, language="en", entities=STOCK_ENTITIES)
        assert comparable(results) == comparable(single)


def test_ad_hoc_recognizer_context_and_allow_list(server: RunningServer) -> None:
    text = "Ticket TCK-1234 from maria.garcia@example.com and bob@example.net."
    got = analyze(
        server,
        text=text,
        language="en",
        entities=["TICKET", "EMAIL_ADDRESS"],
        ad_hoc_recognizers=[
            {
                "name": "Ticket",
                "supported_language": "en",
                "supported_entity": "TICKET",
                "patterns": [{"name": "tck", "regex": r"TCK-\d{4}", "score": 0.9}],
            }
        ],
        allow_list=["bob@example.net"],
        context=["ticket"],
        correlation_id="abc",
    )
    assert sorted(text[r["start"] : r["end"]] for r in got) == [
        "TCK-1234",
        "maria.garcia@example.com",
    ]
    regex_allowed = analyze(
        server,
        text=text,
        language="en",
        entities=["EMAIL_ADDRESS"],
        allow_list=[r".*@example\.net"],
        allow_list_match="regex",
        regex_flags=2,
    )
    assert [text[r["start"] : r["end"]] for r in regex_allowed] == ["maria.garcia@example.com"]


def _luhn_card(rng: random.Random) -> str:
    digits = [4] + [rng.randint(0, 9) for _ in range(14)]
    total = 0
    for i, d in enumerate(reversed(digits)):
        d = d * 2 if i % 2 == 0 else d
        total += d - 9 if d > 9 else d
    digits.append((10 - total % 10) % 10)
    s = "".join(map(str, digits))
    return " ".join(s[i : i + 4] for i in range(0, 16, 4))


@pytest.mark.slow  # a 1 M-character text through the server
def test_long_text_offsets_past_one_million_chars(server: RunningServer) -> None:
    rng = random.Random(42)  # noqa: S311 - deterministic layout
    words = [
        "lorem",
        "ipsum",
        "dolor",
        "sit",
        "amet",
        "consectetur",
        "adipiscing",
        "elit",
        "sed",
        "do",
        "eiusmod",
    ]
    parts: list[str] = []
    planted: list[tuple[int, str, str]] = []
    size = 0
    i = 0
    while size < 1_050_000:
        filler = " ".join(rng.choice(words) for _ in range(rng.randint(6, 60))) + " "
        parts.append(filler)
        size += len(filler)
        value = _luhn_card(rng) if i % 3 else f"user{i}@example{i % 7}.com"
        planted.append((size, "CREDIT_CARD" if i % 3 else "EMAIL_ADDRESS", value))
        parts.append(value + " ")
        size += len(value) + 1
        i += 1
    text = "".join(parts)
    assert len(text) > 1_000_000
    cuts = chunking.boundaries(text)
    straddling = [p for p in planted if any(p[0] < c < p[0] + len(p[2]) for c in cuts)]
    beyond = [p for p in planted if p[0] > 1_000_000]
    assert len(straddling) >= 3
    assert len(beyond) >= 100

    got = analyze(server, text=text, language="en", entities=["CREDIT_CARD", "EMAIL_ADDRESS"])
    found = {(r["start"], r["entity_type"], text[r["start"] : r["end"]]) for r in got}
    assert found == set(planted)
    assert len(got) == len(planted)


def test_recognizers_and_supported_entities(server: RunningServer, engine: Engine) -> None:
    names = server.get("/recognizers", params={"language": "en"}).json()
    assert names == sorted({r.name for r in engine.recognizers("en")})
    assert "SpacyRecognizer" in names
    assert server.get("/recognizers").json() == names
    entities = server.get("/supportedentities", params={"language": "en"}).json()
    assert entities == engine.supported_entities("en")
    assert "ORGANIZATION" in entities


def test_anonymize_equals_stock_anonymizer(server: RunningServer) -> None:
    offline.enforce()
    from presidio_anonymizer import AnonymizerEngine
    from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

    text = "John Smith works at Microsoft Corporation in Seattle, call 212-555-0142."
    results = [
        {"start": 0, "end": 10, "score": 0.85, "entity_type": "PERSON"},
        {"start": 20, "end": 41, "score": 0.85, "entity_type": "ORGANIZATION"},
        {"start": 45, "end": 52, "score": 0.85, "entity_type": "LOCATION"},
        {"start": 59, "end": 71, "score": 0.75, "entity_type": "PHONE_NUMBER"},
    ]
    anonymizers = {
        "DEFAULT": {"type": "replace", "new_value": "<X>"},
        "PERSON": {"type": "mask", "masking_char": "*", "chars_to_mask": 4, "from_end": False},
        "LOCATION": {"type": "redact"},
        "PHONE_NUMBER": {"type": "keep"},
    }
    expected = AnonymizerEngine().anonymize(
        text=text,
        analyzer_results=[RecognizerResult.from_json(r) for r in results],
        operators={k: OperatorConfig.from_json(dict(v)) for k, v in anonymizers.items()},
    )
    response = server.post(
        "/anonymize", json={"text": text, "anonymizers": anonymizers, "analyzer_results": results}
    )
    assert response.status_code == 200, response.text
    assert response.json() == json.loads(expected.to_json())


def test_encrypt_then_deanonymize_round_trip(server: RunningServer) -> None:
    key = "WmZq4t7w!z%C&F)J"
    text = "John Smith lives in Seattle."
    encrypted = server.post(
        "/anonymize",
        json={
            "text": text,
            "anonymizers": {"PERSON": {"type": "encrypt", "key": key}},
            "analyzer_results": [{"start": 0, "end": 10, "score": 0.9, "entity_type": "PERSON"}],
        },
    )
    assert encrypted.status_code == 200, encrypted.text
    body = encrypted.json()
    assert "John Smith" not in body["text"]
    restored = server.post(
        "/deanonymize",
        json={
            "text": body["text"],
            "deanonymizers": {"DEFAULT": {"type": "decrypt", "key": key}},
            "anonymizer_results": body["items"],
        },
    )
    assert restored.status_code == 200, restored.text
    assert restored.json()["text"] == text
    assert restored.json()["items"][0]["operator"] == "decrypt"


def test_operator_lists(server: RunningServer) -> None:
    offline.enforce()
    from presidio_anonymizer import AnonymizerEngine, DeanonymizeEngine

    stock_anonymizers = set(AnonymizerEngine().get_anonymizers()) - {"surrogate_ahds"}
    assert set(server.get("/anonymizers").json()) == stock_anonymizers
    assert set(server.get("/deanonymizers").json()) == set(DeanonymizeEngine().get_deanonymizers())


@pytest.mark.parametrize(
    ("path", "body", "status", "fragment"),
    [
        ("/analyze", {"text": "", "language": "en"}, 400, "No text"),
        ("/analyze", {"text": [], "language": "en"}, 400, "No text"),
        ("/analyze", {"text": "hello", "language": "xx"}, 400, "language"),
        ("/analyze", {"language": "en"}, 422, "text"),
        ("/analyze", {"text": 5, "language": "en"}, 422, "text"),
        ("/analyze", {"text": "hello", "language": "en", "regex_flags": -1}, 422, "regex_flags"),
        (
            "/analyze",
            {"text": "hello", "language": "en", "score_threshold": 7},
            422,
            "score_threshold",
        ),
        (
            "/analyze",
            {"text": "hello", "language": "en", "allow_list_match": "fuzzy"},
            422,
            "allow_list_match",
        ),
        (
            "/analyze",
            {"text": "hello", "language": "en", "allow_list": ["("], "allow_list_match": "regex"},
            400,
            "allow_list",
        ),
        (
            "/analyze",
            {"text": "hello", "language": "en", "ad_hoc_recognizers": [{"name": "x"}]},
            400,
            "ad_hoc",
        ),
        (
            "/analyze",
            {
                "text": "hello",
                "language": "en",
                "ad_hoc_recognizers": [
                    {"supported_entity": "X", "patterns": [{"name": "p", "regex": "(", "score": 1}]}
                ],
            },
            400,
            "regular expression",
        ),
        (
            "/anonymize",
            {
                "text": "John",
                "anonymizers": {"DEFAULT": {"type": "encrypt", "key": "short"}},
                "analyzer_results": [{"start": 0, "end": 4, "score": 1, "entity_type": "PERSON"}],
            },
            422,
            "key",
        ),
        (
            "/anonymize",
            {
                "text": "John",
                "anonymizers": {"DEFAULT": {"type": "mask", "chars_to_mask": 2}},
                "analyzer_results": [{"start": 0, "end": 4, "score": 1, "entity_type": "PERSON"}],
            },
            422,
            "masking_char",
        ),
        (
            "/anonymize",
            {
                "text": "John",
                "anonymizers": {"DEFAULT": {"type": "nope"}},
                "analyzer_results": [{"start": 0, "end": 4, "score": 1, "entity_type": "PERSON"}],
            },
            422,
            "nope",
        ),
        (
            "/anonymize",
            {
                "text": "John",
                "anonymizers": {"DEFAULT": {"type": "custom", "lambda": "x"}},
                "analyzer_results": [{"start": 0, "end": 4, "score": 1, "entity_type": "PERSON"}],
            },
            400,
            "Custom",
        ),
        ("/anonymize", {"text": "John"}, 422, "analyzer results"),
        (
            "/anonymize",
            {
                "text": "John",
                "analyzer_results": [{"start": 0, "end": 99, "score": 1, "entity_type": "PERSON"}],
            },
            422,
            "text length",
        ),
        (
            "/deanonymize",
            {
                "text": "abc",
                "deanonymizers": {"DEFAULT": {"type": "decrypt", "key": "x"}},
                "anonymizer_results": [{"start": 0, "end": 3, "entity_type": "PERSON"}],
            },
            422,
            "key",
        ),
    ],
)
def test_bad_input_is_a_4xx_with_an_error(
    server: RunningServer, path: str, body: dict[str, Any], status: int, fragment: str
) -> None:
    response = server.post(path, json=body)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert isinstance(error, str)
    assert fragment.lower() in error.lower()


def test_malformed_json_on_analyze_is_422(server: RunningServer) -> None:
    response = server.post(
        "/analyze", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json() == {"error": "Invalid request json: the body is not valid JSON."}


def test_analyze_for_entities_none_of_which_exists_is_a_4xx(server: RunningServer) -> None:
    """Presidio's analyzer ignores unknown entity names beside known ones but fails (its
    service answers 500) when none is known; here that is a 4xx saying so, not a 200 []
    that reads as "no PII in this text"."""
    text = "Write to John Smith at john.smith@example.com."
    response = server.post(
        "/analyze", json={"text": text, "language": "en", "entities": ["PERSONS"]}
    )
    assert response.status_code == 400, response.text
    assert "No matching recognizers" in response.json()["error"]
    mixed = analyze(server, text=text, language="en", entities=["PERSONS", "EMAIL_ADDRESS"])
    assert [r["entity_type"] for r in mixed] == ["EMAIL_ADDRESS"]


# Behaviours of Presidio's own REST services that clients written against Presidio rely on.


@pytest.mark.parametrize("body", [{"text": "John Smith"}, {"text": "John Smith", "language": ""}])
def test_analyze_without_language_is_refused_like_presidio(
    server: RunningServer, body: dict[str, Any]
) -> None:
    response = server.post("/analyze", json=body)
    assert response.status_code == 422
    assert response.json() == {"error": "No language provided"}


@pytest.mark.parametrize("path", ["/anonymize", "/deanonymize"])
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "Invalid request json: the body is not valid JSON."),
        (b"[1, 2]", "Invalid request json: send a JSON object."),
        (b"", "Invalid request json: send a JSON object."),
    ],
)
def test_malformed_anonymizer_body_is_400_with_presidios_error(
    server: RunningServer, path: str, content: bytes, message: str
) -> None:
    response = server.post(path, content=content, headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.json() == {"error": message}


@pytest.mark.parametrize("path", ["/anonymize", "/deanonymize"])
def test_empty_anonymizer_body_is_400_invalid_request_json(
    server: RunningServer, path: str
) -> None:
    response = server.post(path, json={})
    assert response.status_code == 400
    assert response.json()["error"].startswith("Invalid request json")


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        (
            "/anonymize",
            {"text": "John", "analyzer_results": [{"start": 0, "end": "four", "score": 1}]},
            "analyzer_results.0.end",
        ),
        (
            "/anonymize",
            {"text": 7, "analyzer_results": []},
            "text",
        ),
        (
            "/anonymize",
            {"text": "John", "anonymizers": {"PERSON": {"new_value": "x"}}, "analyzer_results": []},
            "anonymizers.PERSON.type",
        ),
        (
            "/deanonymize",
            {"text": "abc", "anonymizer_results": [{"start": "zero", "end": 3}]},
            "anonymizer_results.0.start",
        ),
    ],
)
def test_invalid_anonymizer_body_is_400_naming_the_field(
    server: RunningServer, path: str, body: dict[str, Any], field: str
) -> None:
    response = server.post(path, json=body)
    assert response.status_code == 400
    assert list(response.json()) == ["error"]
    assert field in response.json()["error"]


def test_custom_anonymizer_message_is_presidios_exactly(server: RunningServer) -> None:
    response = server.post(
        "/anonymize",
        json={
            "text": "John",
            "anonymizers": {"DEFAULT": {"type": "custom", "lambda": "lambda x: x"}},
            "analyzer_results": [{"start": 0, "end": 4, "score": 1, "entity_type": "PERSON"}],
        },
    )
    assert response.status_code == 400
    assert response.json() == {"error": "Custom type anonymizer is not supported"}


def test_deanonymize_without_text_is_an_empty_text(server: RunningServer) -> None:
    response = server.post(
        "/deanonymize",
        json={"deanonymizers": {"DEFAULT": {"type": "decrypt", "key": "WmZq4t7w!z%C&F)J"}}},
    )
    assert response.status_code == 200, response.text
    assert response.json() == {"text": "", "items": []}


def test_deanonymize_without_a_body_is_400(server: RunningServer) -> None:
    with server.client() as client:
        response = client.post("/deanonymize")
    assert response.status_code == 400
    assert response.json()["error"].startswith("Invalid request json")


def test_presidio_routes_require_the_token(server: RunningServer) -> None:
    with server.client(token=False) as client:
        assert client.post("/analyze", json={"text": "hello"}).status_code == 401
        assert client.get("/supportedentities").status_code == 401


@pytest.mark.slow
def test_ten_megabyte_text_with_bounded_memory(start_server: Any) -> None:
    """10 MB through /analyze: no error, exact offsets, and the server's memory stays bounded
    (windows stream through spaCy; only results are kept)."""
    import threading

    import psutil

    running = start_server()
    unit = corpus(20_000, seed=7)
    text = (unit + "\n\n") * (10_000_000 // (len(unit) + 2) + 1)
    assert len(text) >= 10_000_000
    emails_per_unit = unit.count("maria.garcia@example.com")
    main = psutil.Process(running.pid)
    idle_rss = main.memory_info().rss
    peaks = {"main": idle_rss, "workers": 0}
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.5):
            try:
                peaks["main"] = max(peaks["main"], main.memory_info().rss)
                workers = [c.memory_info().rss for c in main.children(recursive=True)]
                peaks["workers"] = max([peaks["workers"], *workers])
            except psutil.Error:
                pass

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        with running.client(timeout=3600) as client:
            body = {"text": text, "language": "en", "entities": ["EMAIL_ADDRESS"]}
            response = client.post("/analyze", json=body)
    finally:
        done.set()
        watcher.join()
    assert response.status_code == 200, response.text[:500]
    results = response.json()
    copies = text.count(unit)
    assert len(results) == copies * emails_per_unit
    assert all(text[r["start"] : r["end"]] == "maria.garcia@example.com" for r in results)
    # The request body, the text and the results are the only per-request memory.
    assert peaks["main"] - idle_rss < 800 * 2**20, peaks
    assert peaks["workers"] < 900 * 2**20, peaks
