"""E-mail addresses on any host, not only on domains in the public suffix list.

Presidio's recognizer keeps an address only when `tldextract` knows its top-level domain, so
addresses on company-internal and example hosts ("ops@corp.local", "x@mailbox.example") were
left in clear. For redaction the shape is what counts: Presidio's pattern decides whether
there is an address, and the host only has to end in a label made of letters (as every
top-level domain does), which keeps package versions ("lodash@4.17.21") out, and must not be
a file extension that no top-level domain uses, which keeps retina asset names
("icon@2x.png", "logo@3x.svg") out.
"""

from __future__ import annotations

from presidio_analyzer.predefined_recognizers import EmailRecognizer

NAME = "RedactaEmailRecognizer"

#: File extensions of assets and documents that are not top-level domains ("icon@2x.png").
#: Extensions that are also domains (.zip, .mov, .py, .md, .pl, .sh) are not listed: there
#: the address reading wins, as a redaction tool should.
_FILE_EXTENSIONS = """
    png jpg jpeg gif svg webp bmp ico tif tiff heic avif css scss js mjs ts tsx jsx json
    html htm txt pdf doc docx xls xlsx ppt pptx csv tsv log yaml yml toml ini lock tar gz tgz
    bz2 xz wasm map woff woff2 ttf otf eot mp3 mp4 wav webm ogg
"""
FILE_EXTENSIONS: frozenset[str] = frozenset(_FILE_EXTENSIONS.split())


class RedactaEmailRecognizer(EmailRecognizer):
    """EMAIL_ADDRESS for every address whose host ends in a letter-only (or punycode) label."""

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_language=supported_language, name=NAME)

    def validate_result(self, pattern_text: str) -> bool:
        """True when the host's last label could be a top-level domain."""
        host = pattern_text.rpartition("@")[2]
        last_label = host.rpartition(".")[2]
        label = last_label.lower()
        if label.startswith("xn--"):
            return True
        return last_label.isalpha() and label not in FILE_EXTENSIONS
