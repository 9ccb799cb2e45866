"""URLs reported whole: the entire host and path, never a prefix that happens to end in a TLD.

Presidio's URL pattern stops at the first dot-word it knows as a top-level domain, so
"https://intranet.northwind.example/hr" was reported as "https://intranet.no" and the rest
of the host and path stayed in clear. This recognizer keeps Presidio's patterns (they decide
*whether* there is a URL) and then grows each finding over the characters a URL can contain,
in both directions, dropping sentence punctuation at the end.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import UrlRecognizer

NAME = "RedactaUrlRecognizer"

# RFC 3986 unreserved + reserved characters (quotes, angle brackets, spaces end a URL).
_URL_CHARS = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&*+;=%()"
)
_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._")
_TRAILING = ".,;:!?'\"*"
_DOTTED_WORD = regex.compile(r"(?<!\S)\S*?\.\p{L}\S*")
"""A word (a run of non-space characters) with a full stop before a letter: every URL the
patterns find has its top-level domain after a full stop and no space in it ("example.org",
"https://www.example.org/cases/1831", "'intranet.no'")."""
_PAIRS = {")": "(", "]": "["}


def url_end(text: str, end: int, schemeless: bool = False) -> int:
    """Where the URL that reaches `end` really ends: after its last URL character. A URL
    written without a scheme grows only over a path ("/", "?", "#"), never over a comma or
    the next word ("mail.com,+91")."""
    if schemeless:
        while end < len(text) and text[end] in _HOST_CHARS:
            end += 1
        if end >= len(text) or text[end] not in "/?#":
            return end
    while end < len(text) and (
        text[end] in _URL_CHARS or (not text[end].isascii() and text[end].isalnum())
    ):
        end += 1
    return end


_FILE_SUFFIXES = frozenset({"py", "md", "sh", "ps"})
"""File-name endings that are also country TLDs ("tasks.py", "README.md")."""


def _not_a_host(text: str, start: int, matched_end: int) -> bool:
    """A scheme-less match that is not a host: the domain of an e-mail address ("@onet.pl"),
    a word that goes on after the "TLD" ("gateway.ch|arge", "fatura_pt.do|cx") with no path,
    or a file name."""
    if start > 0 and text[start - 1] == "@":
        return True
    host_end = matched_end
    while host_end < len(text) and text[host_end] in _HOST_CHARS:
        host_end += 1
    has_path = host_end < len(text) and text[host_end] == "/"
    if host_end > matched_end and text[matched_end - 1].isalpha() and not has_path:
        return not text[start:host_end].lower().startswith("www")
    last_label = text[start:host_end].rsplit(".", 1)[-1].lower()
    return last_label in _FILE_SUFFIXES and not has_path


def trim_end(text: str, start: int, end: int) -> int:
    """Drop trailing punctuation and unbalanced closing brackets."""
    while end > start:
        last = text[end - 1]
        unbalanced = last in _PAIRS and text[start:end].count(last) > text[start:end].count(
            _PAIRS[last]
        )
        if last not in _TRAILING and not unbalanced:
            break
        end -= 1
    return end


def url_start(text: str, start: int) -> int:
    """Where the URL that begins at `start` really begins: take in the rest of its host
    ("intranet." before "nordic.example") and a scheme ("https://") written before it."""
    while start > 0 and text[start - 1] in _HOST_CHARS:
        start -= 1
    for scheme in ("https://", "http://", "ftp://"):
        if text[:start].lower().endswith(scheme):
            return start - len(scheme)
    return start


def _abbreviation(url: str) -> bool:
    """ "H.No", "St.Ives", "e.g": a dotted abbreviation whose last part happens to be a
    country TLD, not a host (no scheme, no "www", no path, a first label of one or two
    letters or a capitalised last label)."""
    if "://" in url or "/" in url or url.lower().startswith("www"):
        return False
    labels = url.split(".")
    return len(labels) == 2 and (len(labels[0]) <= 2 or labels[1][:1].isupper())


class RedactaUrlRecognizer(UrlRecognizer):
    """Presidio's URL patterns, with each finding grown to the whole host and path."""

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_language=supported_language, name=NAME)

    def pattern_findings(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """What Presidio's `UrlRecognizer.analyze` finds in `text`, its patterns tried only on
        the words that may hold a URL: they try to match at every character, and most words
        of running text hold no full stop before a letter. A match lies inside one word, so
        the findings are the same."""
        found: list[RecognizerResult] = []
        for word in _DOTTED_WORD.finditer(text):
            for r in super().analyze(
                word.group(), entities, nlp_artifacts=nlp_artifacts, regex_flags=regex_flags
            ):
                r.start += word.start()
                r.end += word.start()
                found.append(r)
        # as Presidio does over its findings of the whole text
        return EntityRecognizer.remove_duplicates(found)

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Presidio's findings, each extended to the full URL around it."""
        found = self.pattern_findings(text, entities, nlp_artifacts, regex_flags)
        for r in found:
            matched_end = r.end
            r.start = url_start(text, r.start)
            schemeless = "://" not in text[r.start : matched_end]
            if schemeless and _not_a_host(text, r.start, matched_end):
                r.score = 0.0  # Presidio drops zero-score findings
                continue
            r.end = trim_end(text, r.start, url_end(text, r.end, schemeless))
            if _abbreviation(text[r.start : r.end]):
                r.score = 0.0
        # Several patterns can grow to the same span: keep one finding per span (best score).
        best: dict[tuple[int, int], RecognizerResult] = {}
        for r in found:
            prev = best.get((r.start, r.end))
            if prev is None or r.score > prev.score:
                best[(r.start, r.end)] = r
        return list(best.values())
