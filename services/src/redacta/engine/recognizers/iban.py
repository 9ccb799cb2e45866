"""IBANs whose groups are wrapped onto the next line, as PDF text layers and narrow columns
print them ("IBAN GB29" at a line's end, "NWBK 6016 1331 9268 19" on the next).

Presidio's recognizer only lets a space or a hyphen separate the groups, so a wrapped IBAN
was left in clear in a PDF although the same IBAN on one line was found. Here one line break
(with the spaces around it) may stand where a space stands; the IBAN checksum and the
country's format still decide, so a line that merely ends in letters and digits and a next
line that starts with some do not make an IBAN.
"""

from __future__ import annotations

from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import IbanRecognizer

NAME = "RedactaIbanRecognizer"

_GAP = r"(?:[ -]|[ \t]*\r?\n[ \t]*)?"
"""What may stand between two groups: nothing, a space, a hyphen or one line break."""

PATTERN = Pattern(
    "IBAN Generic, groups across one line break",
    rf"(?<![A-Z0-9])([A-Z]{{2}}[0-9]{{2}}(?:{_GAP}[A-Z0-9]{{4}}){{2,6}})"
    rf"((?:{_GAP}[A-Z0-9]{{4}})?)((?:{_GAP}[A-Z0-9]{{1,3}})?)(?![A-Z0-9])",
    0.5,
)


class RedactaIbanRecognizer(IbanRecognizer):
    """IBAN_CODE, checksum-validated, with groups separated by spaces, hyphens or a line break."""

    def __init__(self, supported_language: str = "en") -> None:
        self.PATTERNS = [PATTERN]
        super().__init__(
            supported_language=supported_language,
            replacement_pairs=[("-", ""), (" ", ""), ("\t", ""), ("\r", ""), ("\n", "")],
            name=NAME,
        )
