"""Scans and photos of paper: OCR, painting and metadata removal on files generated here.

The pages carry planted personal data (tests/scans.py); after `redacta redact` each planted
value's area must be painted over, the other words must stay readable, and none of the
metadata the inputs carried (EXIF with GPS/serial/owner, XMP, IPTC, TIFF tags, PDF info) may
be left in the outputs.
"""

from __future__ import annotations

import io
import json
import struct
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageSequence

import scans
from conftest import redact_process
from redacta.documents import redact_document
from redacta.documents.errors import NoTextLayerError
from redacta.documents.limits import MAX_RENDER_PIXELS
from redacta.documents.ocr import enlargement, read_page
from redacta.redaction.pipeline import Redactor

OWNER = "Evelyn Thornbury"
SERIAL = "SN-4471-9920-XK"
GPS_MARK = "51.5007"
SECRETS = (OWNER, SERIAL, "Thornbury", "4471-9920")


def _exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x013B] = OWNER  # Artist
    exif[0x010F] = "ScanCorp"  # Make
    exif[0x0112] = 1  # Orientation
    exif.get_ifd(0x8769)[0xA431] = SERIAL  # BodySerialNumber
    exif.get_ifd(0x8769)[0xA430] = OWNER  # CameraOwnerName
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (51.0, 30.0, 2.52)
    gps[3], gps[4] = "W", (0.0, 7.0, 28.8)
    return exif


XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-'
    'syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" '
    f'xmlns:exif="http://ns.adobe.com/exif/1.0/"><dc:creator>{OWNER}</dc:creator>'
    f"<exif:GPSLatitude>{GPS_MARK}N</exif:GPSLatitude></rdf:Description></rdf:RDF></x:xmpmeta>"
).encode()


def _with_iptc(jpeg: bytes) -> bytes:
    """Insert an IPTC By-line (Photoshop APP13 segment) right after the JPEG's SOI."""
    byline = OWNER.encode()
    dataset = b"\x1c\x02\x50" + struct.pack(">H", len(byline)) + byline
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(dataset)) + dataset
    body = b"Photoshop 3.0\x00" + resource
    return jpeg[:2] + b"\xff\xed" + struct.pack(">H", len(body) + 2) + body + jpeg[2:]


def _make_inputs(folder: Path) -> dict[str, list[scans.Page]]:
    folder.mkdir(parents=True)
    png = scans.letter(1, points=12)
    serif = scans.letter(2, font_name="DejaVuSerif.ttf", points=11, paper=232)
    jpg = scans.degrade(serif, angle=1.5)
    tiff = [scans.letter(3, points=12), scans.letter(4, font_name="DejaVuSansMono.ttf", points=11)]
    pdf = [scans.letter(5, points=12), scans.letter(6, font_name="DejaVuSerif.ttf", points=12)]

    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", OWNER)
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    png.image.save(folder / "letter.png", pnginfo=info, exif=_exif(), dpi=(150, 150))

    buffer = io.BytesIO()
    jpg.image.save(buffer, format="JPEG", quality=90, exif=_exif(), xmp=XMP, dpi=(150, 150))
    (folder / "photo.jpg").write_bytes(_with_iptc(buffer.getvalue()))

    tags = {315: OWNER, 270: f"scanned for {OWNER}", 33432: f"(c) {OWNER}"}
    tiff[0].image.save(
        folder / "fax.tif",
        save_all=True,
        append_images=[tiff[1].image],
        tiffinfo=tags,
        dpi=(150, 150),
        compression="tiff_deflate",
    )
    pdf[0].image.save(
        folder / "scan.pdf",
        save_all=True,
        append_images=[pdf[1].image],
        resolution=150,
        author=OWNER,
        title=f"Letter for {OWNER}",
        subject=SERIAL,
    )
    return {"letter.png": [png], "photo.jpg": [jpg], "fax.tif": tiff, "scan.pdf": pdf}


def _output_pages(path: Path, shape: tuple[int, int]) -> list[Image.Image]:
    if path.suffix == ".pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        pages = []
        for page in pdf:
            image = page.render(scale=150 / 72).to_pil().convert("RGB")
            pages.append(image.crop((0, 0, shape[1], shape[0])))  # pads/cuts a rounding pixel
        pdf.close()
        return pages
    with Image.open(path) as image:
        return [frame.convert("RGB") for frame in ImageSequence.Iterator(image)]


def _assert_no_metadata(path: Path) -> None:
    data = path.read_bytes()
    for secret in SECRETS:
        assert secret.encode() not in data, f"{path.name}: metadata value survived"
    assert GPS_MARK.encode() not in data
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        reader = PdfReader(path)
        meta = reader.metadata or {}
        assert not {"/Author", "/Title", "/Subject"} & set(meta), path.name
        assert reader.xmp_metadata is None
        for page in reader.pages:
            assert OWNER not in page.extract_text()
        return
    with Image.open(path) as image:
        if image.format != "TIFF":  # a TIFF's own structure is tags; checked one by one below
            assert not image.getexif(), f"{path.name}: EXIF survived"
        leftover = {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "Author", "photoshop"}
        assert not leftover & set(image.info), (path.name, set(image.info))
        if image.format == "TIFF":
            for frame in ImageSequence.Iterator(image):
                assert not {315, 270, 33432, 34665, 34853} & set(frame.tag_v2), path.name


@pytest.mark.slow
def test_redact_folder_of_scans_covers_planted_values_and_drops_metadata(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    pages = _make_inputs(src)
    result = redact_process(
        str(src), "-o", str(out), "--report", "json", data_dir=tmp_path / "data", timeout=1800
    )
    assert result.returncode == 0, result.stderr
    assert "4 file(s) redacted" in result.stderr
    report = json.loads((out / "redacta-report.json").read_text(encoding="utf-8"))
    notes = " ".join(n for f in report["files"] for n in f.get("notes", []))
    assert "OCR confidence" in notes
    for name, expected in pages.items():
        produced = out / name
        assert produced.is_file(), name
        _assert_no_metadata(produced)
        got = _output_pages(produced, expected[0].labels.shape)
        assert len(got) == len(expected), name
        for page, image in zip(expected, got, strict=True):
            cover = scans.coverage(page, image)
            assert cover.recall == 1.0, (name, cover)
            assert cover.false_box_rate <= 0.1, (name, cover)
    for text in (result.stderr, (out / "redacta-report.json").read_text(encoding="utf-8")):
        for _page in (p for ps in pages.values() for p in ps):
            for _type, value, _labels in _page.planted_values:
                assert value not in text


@pytest.mark.slow
@pytest.mark.parametrize("turn", [90, 180, 270])
def test_turned_page_is_read_upright_and_boxes_land_on_the_words(turn: int) -> None:
    page = scans.letter(7, points=12)
    turned = scans.turned(page, turn)
    read = read_page(np.asarray(turned.image))
    assert read.rotation == (360 - turn) % 360
    assert read.confidence > 0.9
    words = set(read.text.split())
    assert {"Patient:", "Phone:", "E-mail:"} <= words
    # Each OCR word box lies on the label of the generated word with the same text.
    hits = 0
    for word in read.words:
        x0, y0, x1, y1 = (int(v) for v in (*word.quad[0], *word.quad[2]))
        cx, cy = (x0 + x1) // 2, (y0 + y1) // 2
        label = turned.labels[cy, cx]
        hits += bool(label) and page.words[label - 1] == word.text
    assert hits >= 0.9 * len(read.words)


@pytest.mark.parametrize("shape", [(150, 192, 774, 400), (150, 900, 1100, 930)])
def test_a_filled_box_is_not_read_as_a_word(shape: tuple[int, int, int, int]) -> None:
    # A filled box or bar (a logo, an earlier redaction) is no text: read as a word it would
    # be analysed and painted, and a page holding only such a box would not be refused.
    from PIL import ImageDraw

    page = Image.new("L", (1275, 1651), 255)
    ImageDraw.Draw(page).rectangle(shape, fill=0)
    assert read_page(np.asarray(page)).words == ()


@pytest.fixture
def redactor(redacta_engine: object) -> Redactor:
    return Redactor(redacta_engine, salt=b"s" * 32)  # type: ignore[arg-type]


def test_degraded_scan_is_covered(tmp_path: Path, redactor: Redactor) -> None:
    page = scans.degrade(scans.letter(8, points=11, paper=225), angle=2.0, blur=0.8, jpeg=35)
    page.image.save(tmp_path / "scan.png")
    result = redact_document(tmp_path / "scan.png", tmp_path / "out.png", redactor)
    cover = scans.coverage(page, Image.open(tmp_path / "out.png"))
    assert cover.recall == 1.0, cover
    assert cover.false_box_rate <= 0.1, cover
    assert any(note.startswith("page 1: OCR confidence") for note in result.notes)


def test_screenshot_with_small_text_keeps_the_dots_of_addresses(
    tmp_path: Path, redactor: Redactor
) -> None:
    # A support ticket captured at 100 %: 15 px DejaVu letters, whose ':' and '.' are one or
    # two pixels. Read at that size the e-mail, URL and IP address lost their dots and colons
    # and stayed readable in the output; the IPv6 address was split after its colons.
    ticket: list[list[tuple[str, str | None]]] = [
        [("Ticket 48213: cannot sign in", None)],
        [("From:", None), ("b.nkemelu@gmail.com", "EMAIL_ADDRESS")],
        [("Portal:", None), ("https://portal.brightwave.io/account/settings", "URL")],
        [("Last login from", None), ("81.174.229.46", "IP_ADDRESS"), ("at 09:14", None)],
        [("IPv6:", None), ("2a02:c7f:8a1c:4e00:1d2b:3c4d:5e6f:7a8b", "IP_ADDRESS")],
        [("Status: open, priority normal", None)],
    ]
    page = scans.render(ticket, dpi=96, points=11.25)
    page.image.save(tmp_path / "ticket.png")
    result = redact_document(tmp_path / "ticket.png", tmp_path / "out.png", redactor)
    found = {entry.entity_type for entry in result.findings}
    assert {"EMAIL_ADDRESS", "URL", "IP_ADDRESS"} <= found, found
    done = scans.covered(page, Image.open(tmp_path / "out.png"))
    for entity, _value, labels in page.planted_values:
        assert set(labels) <= done, entity
    assert scans.coverage(page, Image.open(tmp_path / "out.png")).false_box_rate <= 0.1


def test_small_text_is_enlarged_only_while_the_page_stays_within_the_pixel_budget() -> None:
    # Enlarging quadruples each copy of the page the reading makes: an image may hold up to
    # REDACTA_MAX_IMAGE_PIXELS (500 million) pixels, and a 20000 x 20000 page of small text
    # enlarged would need gigabytes. Such a page is read at its own size, as before.
    small_lines, large_lines = [14.0, 15.0, 16.0], [30.0, 32.0, 31.0]
    assert enlargement(small_lines, 900, 700) == 2
    assert enlargement(large_lines, 900, 700) == 1
    assert enlargement([], 900, 700) == 1
    assert enlargement(small_lines, 20_000, 20_000) == 1
    side = int((MAX_RENDER_PIXELS / 4) ** 0.5)
    assert enlargement(small_lines, side, side) == 2
    assert enlargement(small_lines, side + 1, side + 1) == 1


def test_image_without_text_is_refused(tmp_path: Path, redactor: Redactor) -> None:
    Image.new("RGB", (600, 800), (200, 210, 220)).save(tmp_path / "blank.png")
    with pytest.raises(NoTextLayerError, match="OCR found no text"):
        redact_document(tmp_path / "blank.png", tmp_path / "out.png", redactor)
    assert not (tmp_path / "out.png").exists()


def test_image_with_wrong_extension_is_a_clear_error(tmp_path: Path, redactor: Redactor) -> None:
    from redacta.documents.errors import WrongFormatError

    scans.letter(9).image.save(tmp_path / "page.png")
    (tmp_path / "page.jpg").write_bytes((tmp_path / "page.png").read_bytes())
    with pytest.raises(WrongFormatError, match="not JPEG"):
        redact_document(tmp_path / "page.jpg", tmp_path / "out.jpg", redactor)


def test_image_is_a_pages_document_for_the_review(tmp_path: Path) -> None:
    from redacta.documents.registry import open_document, render_page_png

    page = scans.letter(10, points=12)
    page.image.save(tmp_path / "letter.png", dpi=(150, 150))
    document = open_document(tmp_path / "letter.png")
    try:
        assert document.kind == "pages"
        assert document.pages == [(round(1240 * 72 / 150, 2), round(1754 * 72 / 150, 2))]
        (unit,) = document.units
        _type, value, labels = next(v for v in page.planted_values if v[0] == "EMAIL_ADDRESS")
        start = unit.text.index(value)
        (box,) = document.unit_boxes(0, start, start + len(value))
        # The box (points, top-left origin) lies over the planted e-mail's pixels.
        x0, y0, x1, y1 = (round(v * 150 / 72) for v in box)
        assert set(np.unique(page.labels[y0:y1, x0:x1])) >= set(labels)
    finally:
        document.close()
    png = render_page_png(tmp_path / "letter.png", 1, 150 / 72)
    assert Image.open(io.BytesIO(png)).size == (1240, 1754)
