"""E-mail addresses on any host, not only on domains in the public suffix list.

Presidio's recognizer keeps an address only when `tldextract` knows its top-level domain, so
addresses on company-internal and example hosts ("ops@corp.local", "x@mailbox.example") were
left in clear. For redaction the shape is what counts: Presidio's pattern decides whether
there is an address, and the host only has to end in a label made of letters (as every
top-level domain does), which keeps package versions ("lodash@4.17.21") out.
"""

from __future__ import annotations

from presidio_analyzer.predefined_recognizers import EmailRecognizer

NAME = "RedactaEmailRecognizer"


class RedactaEmailRecognizer(EmailRecognizer):
    """EMAIL_ADDRESS for every address whose host ends in a letter-only (or punycode) label."""

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_language=supported_language, name=NAME)

    def validate_result(self, pattern_text: str) -> bool:
        """True when the host's last label could be a top-level domain."""
        host = pattern_text.rpartition("@")[2]
        last_label = host.rpartition(".")[2]
        return last_label.isalpha() or last_label.lower().startswith("xn--")
