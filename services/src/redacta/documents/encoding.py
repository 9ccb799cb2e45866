"""Decode text files in their own encoding and write them back in the same one."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from redacta.documents.errors import WrongFormatError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    bom: bytes

    def encode(self, text: str) -> bytes:
        """Encode in the original encoding (with its BOM); unencodable chars become '?'."""
        return self.bom + text.encode(self.encoding, errors="replace")


def decode(data: bytes) -> DecodedText:
    """BOM first, then strict UTF-8, then charset-normalizer's best guess; binary is refused."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data[len(bom) :].decode(name), name, bom)
            except UnicodeDecodeError:
                break
    try:
        return DecodedText(data.decode("utf-8"), "utf-8", b"")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or (b"\x00" in data and not best.encoding.startswith("utf_16")):
        raise WrongFormatError(
            "File is not text (binary content or unknown encoding); save it as UTF-8 text, "
            "or add it under its real extension."
        )
    encoding = codecs.lookup(best.encoding).name
    return DecodedText(data.decode(encoding), encoding, b"")
