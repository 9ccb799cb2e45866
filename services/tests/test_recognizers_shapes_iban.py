"""IBANs are found with their groups separated by spaces, hyphens or one line break (a PDF
line or a narrow column wraps them), and the checksum still keeps non-IBANs out."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import docsamples as d
from redacta.documents import redact_document
from redacta.redaction.pipeline import Redactor
from test_recognizers_helpers import findings

if TYPE_CHECKING:
    from pathlib import Path

    from redacta.engine import Engine

WRAPPED = "Please pay the deposit to Harbour Lettings or IBAN GB29\nNWBK 6016 1331 9268 19."


@pytest.mark.parametrize(
    ("text", "iban"),
    [
        (WRAPPED, "GB29\nNWBK 6016 1331 9268 19"),
        ("Account IBAN GB29 NWBK\n6016 1331 9268 19 (main).", "GB29 NWBK\n6016 1331 9268 19"),
        ("IBAN: DE89 3704 0044 \r\n0532 0130 00", "DE89 3704 0044 \r\n0532 0130 00"),
        ("or IBAN GB29 NWBK 6016 1331 9268 19.", "GB29 NWBK 6016 1331 9268 19"),
        ("IBAN GB29-NWBK-6016-1331-9268-19", "GB29-NWBK-6016-1331-9268-19"),
    ],
)
def test_iban_on_one_line_or_wrapped_is_found(redacta_engine: Engine, text: str, iban: str) -> None:
    assert ("IBAN_CODE", iban) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    "text",
    [
        # One digit changed: the checksum fails.
        "or IBAN GB29\nNWBK 6016 1331 9268 18.",
        # Two line breaks (a paragraph ends) do not join groups.
        "Reference GB29\n\nNWBK 6016 1331 9268 19",
        # Codes on consecutive lines of a parts list.
        "Part AB12\nCDEF 1234 5678 9012 34",
    ],
)
def test_wrapped_lines_that_are_not_an_iban_are_not_found(
    redacta_engine: Engine, text: str
) -> None:
    assert not {f for f in findings(redacta_engine, text) if f[0] == "IBAN_CODE"}


def test_iban_wrapped_in_a_pdf_is_redacted(tmp_path: Path, redacta_engine: Engine) -> None:
    src = d.make_pdf(
        tmp_path / "invoice.pdf",
        [["Please pay the deposit to Harbour Lettings or IBAN GB29", "NWBK 6016 1331 9268 19."]],
    )
    dst = tmp_path / "out.pdf"
    result = redact_document(src, dst, Redactor(redacta_engine, salt=b"s" * 32))
    assert "IBAN_CODE" in {f.entity_type for f in result.findings}
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(dst))
    try:
        text = "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()
    for group in ("GB29", "NWBK", "6016 1331 9268"):
        assert group not in text
    assert "Please pay the deposit" in text


@pytest.mark.parametrize(
    ("text", "iban"),
    [
        # registry countries stock Presidio has no format for: Russia, Oman, El Salvador, Sudan
        ("IBAN: RU0204452560040702810412345678901", "RU0204452560040702810412345678901"),
        ("Pay to OM94 0180 0123 4567 8901 234.", "OM94 0180 0123 4567 8901 234"),
        ("Cuenta SV62 CENR 0000 0000 0000 0070 0025", "SV62 CENR 0000 0000 0000 0070 0025"),
        ("IBAN SD7929010125012346 (Khartoum branch)", "SD7929010125012346"),
        # countries that use IBANs outside the registry: Morocco, Senegal
        ("RIB / IBAN : MA64 0115 1900 0001 2050 0053 4921", "MA64 0115 1900 0001 2050 0053 4921"),
        ("Compte SN08SN0100152000048500003035", "SN08SN0100152000048500003035"),
        # lower case, groups other than fours, compact
        ("iban: gb29 nwbk 6016 1331 9268 19 thanks", "gb29 nwbk 6016 1331 9268 19"),
        ("IBAN DE89 370 400 440 532 013 000", "DE89 370 400 440 532 013 000"),
        ("Konto NO9386011117947", "NO9386011117947"),
        # the words after it and a code before it are not part of it
        ("IBAN DE89 3704 0044 0532 0130 00 and more", "DE89 3704 0044 0532 0130 00"),
        ("Ref AB12 GB29 NWBK 6016 1331 9268 19", "GB29 NWBK 6016 1331 9268 19"),
    ],
)
def test_ibans_of_every_country_and_layout_are_found(
    redacta_engine: Engine, text: str, iban: str
) -> None:
    assert ("IBAN_CODE", iban) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    "text",
    [
        # one character changed in a registry country's IBAN, upper and lower case
        "IBAN RU0204452560040702810412345678902",
        "iban om94 0180 0123 4567 8901 235",
        # check digits hold, but XX is no country
        "Part XX71ABCD1234567890123 is back in stock.",
        # check digits hold, but a British IBAN has 22 characters, not 21
        "Please pay within 30 days to GB24NWBK6016133192681.",
        # product and licence codes
        "Serial AB12 CD34 EF56 GH78 IJ90, licence ZZ99-1234-5678-9012",
    ],
)
def test_iban_look_alikes_are_not_found(redacta_engine: Engine, text: str) -> None:
    assert not {f for f in findings(redacta_engine, text) if f[0] == "IBAN_CODE"}
