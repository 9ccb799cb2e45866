"""`.docx`: every paragraph of the body (tables and text boxes included), headers, footers,
footnotes, endnotes, comments and the glossary (building blocks, the placeholder texts of
content controls).

A value may be split over several formatting runs ("Jo" bold + "hn Smith" plain). Each
paragraph's text is the concatenation of its runs' text elements; findings are mapped back by
offset: the replacement goes into the first text element the span touches and the span's
characters are trimmed from the others, so every run keeps its own formatting (and drawings,
fields, tabs outside the span are left alone). Tracked deletions and field codes are text too:
they are redacted so no copy of a value survives in the file.

Beside the paragraphs, these are units too, so the review shows them and the output applies
exactly what it showed: link targets, the alternative text and names of pictures and shapes
(`docPr`/`cNvPr` title, descr, name), the document properties a user reads (title, subject,
keywords, comments, category, status, identifier, version), custom property values and the
text of custom XML parts (SharePoint columns, bibliography sources). Who touched the file is
cleared, not reviewed: author, last editor, authors and initials of comments and tracked
changes, the people list of comments (`word/people.xml`: names and sign-in ids), and the
company, manager and hyperlink base of `docProps/app.xml`, whose titles of parts (a copy of
the title) go too. The first-page thumbnail (`docProps/thumbnail.*`) is dropped: it is a
picture of the unredacted page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from redacta.documents.errors import RESAVE, CorruptFileError
from redacta.documents.limits import check_office_zip
from redacta.documents.model import (
    DocumentOptions,
    Extraction,
    RedactedText,
    Replacement,
    TextUnit,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_EDITABLE = {W + "t", W + "delText", W + "instrText"}
_FIXED = {W + "tab": "\t", W + "ptab": "\t", W + "br": "\n", W + "cr": "\n"}


@dataclass
class _Segment:
    element: Any
    text: str
    editable: bool


def _paragraph_segments(paragraph: Any) -> list[_Segment]:
    """Text pieces of this paragraph's runs, in order; not those of paragraphs nested in
    its text boxes (they are paragraphs of their own)."""
    segments: list[_Segment] = []
    for el in paragraph.iter(*_EDITABLE, *_FIXED):
        parent = el.getparent()
        while parent is not None and parent.tag != W + "p":
            parent = parent.getparent()
        if parent is not paragraph:
            continue
        if el.tag in _EDITABLE:
            segments.append(_Segment(el, el.text or "", True))
        else:
            segments.append(_Segment(el, _FIXED[el.tag], False))
    return segments


def _parts(document: Any) -> Iterator[tuple[str, Any, Any]]:
    """(label, root element, generic part to re-serialize or None) of every text part; the
    label's first word is the part's kind (body, header, footer, footnotes, ...)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml

    kinds = {
        RT.HEADER: "header",
        RT.FOOTER: "footer",
        RT.FOOTNOTES: "footnotes",
        RT.ENDNOTES: "endnotes",
        RT.COMMENTS: "comments",
        RT.GLOSSARY_DOCUMENT: "glossary",
    }
    yield "body", document.element.body, None
    seen: set[str] = set()
    for rel in list(document.part.rels.values()):
        if rel.is_external or rel.reltype not in kinds:
            continue
        part = rel.target_part
        name = str(part.partname)
        if name in seen:
            continue
        seen.add(name)
        label = f"{kinds[rel.reltype]} {name.rsplit('/', 1)[-1]}"
        element = getattr(part, "element", None)
        if element is not None:
            yield label, element, None
        else:
            yield label, parse_xml(part.blob), part


def _rewrite(segments: list[_Segment], reps: tuple[Replacement, ...]) -> None:
    """Apply `reps` (paragraph offsets) to the segments, right to left."""
    bounds = []
    pos = 0
    for seg in segments:
        bounds.append((pos, pos + len(seg.text)))
        pos += len(seg.text)
    for rep in sorted(reps, key=lambda r: r.start, reverse=True):
        placed = False
        for seg, (a, b) in zip(segments, bounds, strict=True):
            lo, hi = max(a, rep.start), min(b, rep.end)
            if lo >= hi:
                continue
            if not seg.editable:  # a tab or break inside a value: drop it with the value
                seg.text = ""
                continue
            new = rep.new_text if not placed else ""
            placed = True
            seg.text = seg.text[: lo - a] + new + seg.text[hi - a :]
    for seg in segments:
        if seg.editable and seg.text != (seg.element.text or ""):
            seg.element.text = seg.text
            seg.element.set(XML_SPACE, "preserve")
        elif not seg.editable and seg.text == "" and seg.element.getparent() is not None:
            seg.element.getparent().remove(seg.element)


def _scrub_authors(document: Any, roots: list[Any]) -> int:
    """Blank the names Word records as metadata: document author/last editor, and the
    authors and initials of comments and tracked changes."""
    count = 0
    props = document.core_properties
    for field in ("author", "last_modified_by"):
        if getattr(props, field):
            setattr(props, field, "")
            count += 1
    for root in roots:
        for el in root.iter():
            for attr in (W + "author", W + "initials"):
                if el.get(attr):
                    el.set(attr, "")
                    count += attr == W + "author"
    return count


_PART_KINDS = {
    "body": "body",
    "header": "header",
    "footer": "footer",
    "footnotes": "note",
    "endnotes": "note",
    "comments": "comment",
    "glossary": "glossary",
}


def _external_links(document: Any) -> list[Any]:
    """External link targets (`mailto:...`, URLs with names) live in the relationships, not
    in the text: they are units too."""
    rels = [
        rel
        for part in [
            document.part,
            *(r.target_part for r in document.part.rels.values() if not r.is_external),
        ]
        for rel in getattr(part, "rels", {}).values()
        if rel.is_external
    ]
    return list({id(rel): rel for rel in rels}.values())


PROPERTY_FIELDS = (
    "title",
    "subject",
    "keywords",
    "comments",
    "category",
    "content_status",
    "identifier",
    "version",
)
"""Core properties that hold text a user wrote about the document: reviewed like the body."""
APP_CLEARED = ("Company", "Manager", "HyperlinkBase", "TitlesOfParts", "HeadingPairs")
"""`docProps/app.xml` elements that name an organisation or person or copy the title."""
_DRAWING_NAMES = ("docPr", "cNvPr")
_DRAWING_TEXTS = ("title", "descr", "name")


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1] if isinstance(tag, str) else ""


class _XmlPart:
    """A package part python-docx keeps as bytes, parsed so its text can be changed."""

    def __init__(self, part: Any) -> None:
        from lxml import etree

        self.part = part
        self.root = etree.fromstring(part.blob)
        self.changed = False

    def save(self) -> None:
        from lxml import etree

        if self.changed:
            self.part._blob = etree.tostring(
                self.root, xml_declaration=True, encoding="UTF-8", standalone=True
            )


def _package_parts(document: Any, prefix: str) -> list[_XmlPart]:
    """The XML parts of the package whose name starts with `prefix` that python-docx keeps
    as bytes. One that does not parse fails the file: it cannot be checked."""
    from lxml import etree

    found = []
    for part in document.part.package.iter_parts():
        name = str(part.partname)
        if name.startswith(prefix) and name.endswith(".xml"):
            if getattr(part, "element", None) is not None:
                continue
            try:
                found.append(_XmlPart(part))
            except etree.XMLSyntaxError:
                raise CorruptFileError(
                    f"Cannot read the part {name} of the document; {RESAVE}"
                ) from None
    return found


def _in_table(paragraph: Any) -> bool:
    parent = paragraph.getparent()
    while parent is not None:
        if parent.tag == W + "tc":
            return True
        parent = parent.getparent()
    return False


class WordExtraction(Extraction):
    """Paragraphs of the body (tables and text boxes included), headers, footers, notes and
    comments in document order, then external link targets, picture texts, properties and
    custom XML texts (see the module docstring)."""

    kind = "docx"

    def __init__(self, document: Any, parts: list[tuple[str, Any, Any]]) -> None:
        self.document, self.parts = document, parts
        self.paragraphs: list[list[_Segment]] = []
        self.writers: list[Callable[[str], None]] = []
        units: list[TextUnit] = []
        for label, root, _ in parts:
            kind = _PART_KINDS.get(label.split(" ", 1)[0], "body")
            for number, p in enumerate(root.iter(W + "p"), 1):
                segments = _paragraph_segments(p)
                if any(s.editable and s.text for s in segments):
                    self.paragraphs.append(segments)
                    part = "table" if kind == "body" and _in_table(p) else kind
                    text = "".join(s.text for s in segments)
                    units.append(TextUnit(text, f"{label}, paragraph {number}", part=part))
        extra: list[TextUnit] = []
        for rel in _external_links(document):
            extra.append(TextUnit(str(rel.target_ref), "link target", part="link"))
            self.writers.append(_setter(rel, "_target"))
        for label, root, _ in parts:
            for el in root.iter():
                if _local(el.tag) in _DRAWING_NAMES:
                    for attr in _DRAWING_TEXTS:
                        value = el.get(attr)
                        if value and value.strip():
                            extra.append(
                                TextUnit(value, f"{label}, picture {attr}", part="alt_text")
                            )
                            self.writers.append(_attribute_setter(el, attr))
        props = document.core_properties
        for attr in PROPERTY_FIELDS:
            value = getattr(props, attr)
            if value and value.strip():
                extra.append(TextUnit(value, f"document property {attr}", part="property"))
                self.writers.append(_setter(props, attr))
        self.xml_parts = [
            *_package_parts(document, "/docProps/custom.xml"),
            *_package_parts(document, "/customXml/item"),
        ]
        for xml in self.xml_parts:
            custom = str(xml.part.partname) == "/docProps/custom.xml"
            number = 0
            for el in xml.root.iter():
                if isinstance(el.tag, str) and el.text and el.text.strip() and not len(el):
                    number += 1
                    where = "custom property" if custom else f"{xml.part.partname} text"
                    extra.append(TextUnit(el.text, f"{where} {number}", part="property"))
                    self.writers.append(_xml_text_setter(xml, el))
        self.app = _package_parts(document, "/docProps/app.xml")
        self.people = _package_parts(document, "/word/people.xml")
        super().__init__(units + extra)

    def write_units(self, dst: Path, redacted: Sequence[RedactedText]) -> list[str]:
        from lxml import etree

        count = len(self.paragraphs)
        for segments, red in zip(self.paragraphs, redacted[:count], strict=True):
            if red.replacements:
                _rewrite(segments, red.replacements)
        for write, red in zip(self.writers, redacted[count:], strict=True):
            if red.replacements:
                write(red.text)
        notes: list[str] = []
        authors = _scrub_authors(self.document, [root for _, root, _ in self.parts])
        authors += sum(_clear_people(xml) for xml in self.people)
        if authors:
            notes.append(f"{authors} author name(s) removed from the document's metadata.")
        if any(_clear_app(xml) for xml in self.app):
            notes.append("Company, manager and hyperlink base removed from the metadata.")
        if _drop_thumbnail(self.document):
            notes.append("The first-page thumbnail is not kept in the output.")
        for xml in [*self.xml_parts, *self.app, *self.people]:
            xml.save()
        for _, root, generic_part in self.parts:
            if generic_part is not None:
                generic_part._blob = etree.tostring(
                    root, xml_declaration=True, encoding="UTF-8", standalone=True
                )
        self.document.save(str(dst))
        return notes


def _setter(owner: Any, attr: str) -> Callable[[str], None]:
    def store(new: str) -> None:
        setattr(owner, attr, new)

    return store


def _attribute_setter(element: Any, attr: str) -> Callable[[str], None]:
    def store(new: str) -> None:
        element.set(attr, new)

    return store


def _xml_text_setter(xml: _XmlPart, element: Any) -> Callable[[str], None]:
    def store(new: str) -> None:
        element.text = new
        xml.changed = True

    return store


def _clear_people(xml: _XmlPart) -> int:
    """Blank the names and sign-in ids (often an e-mail address) of comment authors."""
    count = 0
    for el in xml.root.iter():
        for attr in list(el.attrib):
            if _local(attr) in ("author", "userId") and el.get(attr):
                el.set(attr, "")
                count += _local(attr) == "author"
                xml.changed = True
    return count


def _clear_app(xml: _XmlPart) -> bool:
    """Remove the company, manager, hyperlink base and titles of parts of app.xml; whether
    a company, manager or hyperlink base was set (the titles of parts are only a copy of
    the title, which is reviewed with the properties)."""
    named = False
    for el in list(xml.root):
        if _local(el.tag) in APP_CLEARED and (len(el) or (el.text or "").strip()):
            xml.root.remove(el)
            xml.changed = True
            named = named or not len(el)
    return named


def _drop_thumbnail(document: Any) -> bool:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    rels = document.part.package.rels
    dropped = [r_id for r_id, rel in rels.items() if rel.reltype == RT.THUMBNAIL]
    for r_id in dropped:
        rels.pop(r_id)
    return bool(dropped)


def read_docx_file(src: Path, options: DocumentOptions) -> WordExtraction:
    check_office_zip(src, options.limits, "word/document.xml")
    import docx

    try:
        document = docx.Document(str(src))
        parts = list(_parts(document))
    except Exception as exc:  # python-docx raises many kinds on damaged files
        raise CorruptFileError(
            f"Cannot read the Word document ({type(exc).__name__}); {RESAVE}"
        ) from None
    return WordExtraction(document, parts)
