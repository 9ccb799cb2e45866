"""Bad files fail with a clear, content-free error and leave no output behind."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import docsamples as d
from redacta.documents import DocumentError, DocumentOptions, redact_document
from redacta.documents.limits import DocumentLimits
from redacta.engine import Engine
from redacta.redaction.pipeline import Redactor


@pytest.fixture(scope="module")
def redactor(redacta_engine: Engine) -> Redactor:
    return Redactor(redacta_engine, salt=b"s" * 32)


def _bad(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


CASES = {
    "corrupt_docx": (lambda p: d.make_corrupt_docx(p / "a.docx"), "corrupt"),
    "zip_bomb_docx": (lambda p: d.make_zip_bomb_docx(p / "a.docx"), "archive_bomb"),
    "encrypted_xlsx": (lambda p: d.make_encrypted_office(p / "a.xlsx"), "encrypted"),
    "encrypted_pdf": (lambda p: d.make_pdf(p / "a.pdf", password="secret"), "encrypted"),
    "text_named_pdf": (lambda p: _bad(p, "a.pdf", b"just some text, John Smith"), "wrong_format"),
    "truncated_pdf": (
        lambda p: _bad(p, "a.pdf", d.make_pdf(p / "x.pdf").read_bytes()[:300]),
        "corrupt",
    ),
    "binary_txt": (lambda p: _bad(p, "a.txt", bytes(range(256)) * 64), "wrong_format"),
    "bad_json": (lambda p: _bad(p, "a.json", b'{"name": "John Smith",'), "corrupt"),
    "xlsx_that_is_docx": (lambda p: d.make_docx(p / "a.xlsx"), "wrong_format"),
    "unknown_extension": (lambda p: _bad(p, "a.exe", b"MZ"), "unsupported_format"),
    "no_text_layer": (lambda p: d.make_image_only_pdf(p / "a.pdf"), "no_text_layer"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_is_a_clear_error(tmp_path: Path, redactor: Redactor, case: str) -> None:
    make, code = CASES[case]
    src = make(tmp_path)
    before = src.read_bytes()
    dst = tmp_path / "out" / src.name
    dst.parent.mkdir()
    with pytest.raises(DocumentError) as info:
        redact_document(src, dst, redactor)
    assert info.value.code == code
    assert "John" not in info.value.message
    assert "Smith" not in info.value.message
    assert not dst.exists()
    assert src.read_bytes() == before  # the original is untouched


# What a user can do about a file: every refusal names a next step, not only the fault.
NEXT_STEP = re.compile(
    r"\b(save|correct|rename|remove|split|add it under|redact it by hand|scale it down"
    r"|set REDACTA_)",
    re.IGNORECASE,
)


@pytest.mark.parametrize("case", sorted(set(CASES) - {"unknown_extension", "zip_bomb_docx"}))
def test_bad_file_error_says_what_to_do(tmp_path: Path, redactor: Redactor, case: str) -> None:
    make, _ = CASES[case]
    src = make(tmp_path)
    with pytest.raises(DocumentError) as info:
        redact_document(src, tmp_path / "out" / src.name, redactor)
    assert NEXT_STEP.search(info.value.message), info.value.message
    assert ".." not in info.value.message
    assert ".;" not in info.value.message


def test_member_count_bomb(tmp_path: Path, redactor: Redactor) -> None:
    src = tmp_path / "many.docx"
    with zipfile.ZipFile(src, "w") as zf:
        for i in range(50):
            zf.writestr(f"word/p{i}.xml", "<x/>")
    with pytest.raises(DocumentError) as info:
        redact_document(src, tmp_path / "o.docx", redactor)
    assert info.value.code == "wrong_format"  # under the member limit: just not a docx
    from redacta.documents.limits import check_office_zip

    with pytest.raises(DocumentError) as info:
        check_office_zip(src, DocumentLimits(max_zip_members=10), "word/document.xml")
    assert info.value.code == "archive_bomb"


def test_oversized_file(tmp_path: Path, redactor: Redactor) -> None:
    src = d.make_text(tmp_path / "big.txt", extra="x" * 5000)
    with pytest.raises(DocumentError) as info:
        redact_document(
            src,
            tmp_path / "o.txt",
            redactor,
            DocumentOptions(limits=DocumentLimits(max_document_bytes=1000)),
        )
    assert info.value.code == "too_large"
    assert "REDACTA_MAX_DOCUMENT_BYTES" in info.value.message


@pytest.mark.parametrize("make", [d.make_docx, d.make_xlsx])
def test_given_limits_reach_the_zip_check(
    tmp_path: Path, redactor: Redactor, make: Callable[[Path], Path]
) -> None:
    """The caller's limits, not the defaults, decide what an Office file may unpack to."""
    src = make(tmp_path / ("a.docx" if make is d.make_docx else "a.xlsx"))
    with pytest.raises(DocumentError) as info:
        redact_document(
            src,
            tmp_path / f"o{src.suffix}",
            redactor,
            DocumentOptions(limits=DocumentLimits(max_zip_members=3)),
        )
    assert info.value.code == "archive_bomb"


def test_damaged_pdf_says_what_to_do(tmp_path: Path, redactor: Redactor) -> None:
    """The message names the reader's complaint once, in plain punctuation, and a next step."""
    src = _bad(tmp_path, "a.pdf", b"%PDF-1.7\n1 0 obj <<>> garbage\n")
    with pytest.raises(DocumentError) as info:
        redact_document(src, tmp_path / "o.pdf", redactor)
    message = info.value.message
    assert info.value.code == "corrupt"
    assert message.startswith("PDF is damaged and cannot be read (PDFium: ")
    assert ".)" not in message
    assert "((" not in message
    assert "save or print it as a new PDF" in message
