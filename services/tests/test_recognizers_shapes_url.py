"""URL: the whole URL is one finding (scheme, every label of the host, path, query)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from test_recognizers_helpers import findings

if TYPE_CHECKING:
    from redacta.engine import Engine


@pytest.mark.parametrize(
    ("text", "url"),
    [
        (
            "Forms are at https://intranet.northwind.example/hr/forms/leave.pdf today.",
            "https://intranet.northwind.example/hr/forms/leave.pdf",
        ),
        (
            "See http://portal.acme-corp.co.uk/a/b?x=1#top.",
            "http://portal.acme-corp.co.uk/a/b?x=1#top",
        ),
        (
            "Wiki: intranet.nordic.internal/wiki/Home, ask Ops.",
            "intranet.nordic.internal/wiki/Home",
        ),
        ("(docs at https://docs.example.org/guide)", "https://docs.example.org/guide"),
        (
            "Link https://en.wikipedia.org/wiki/Foo_(bar) here",
            "https://en.wikipedia.org/wiki/Foo_(bar)",
        ),
    ],
)
def test_url_is_reported_whole(redacta_engine: Engine, text: str, url: str) -> None:
    assert ("URL", url) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "The meeting ended. Next steps follow.",
        "Version 2.14.1 fixed the bug.",
        "Apartment 86, H.No. 632, Saini Circle",
        "Take the train to St.Ives tomorrow.",
        'File "/srv/app/billing/tasks.py", line 148, in charge',
        "resp = gateway.charge(amount, token)",
        'template "fatura_pt.docx" missing field',
    ],
)
def test_sentences_and_versions_are_not_urls(redacta_engine: Engine, text: str) -> None:
    assert not {f for f in findings(redacta_engine, text) if f[0] == "URL"}


def test_email_in_a_csv_row_stays_an_email(redacta_engine: Engine) -> None:
    text = "name,email,phone\nAarav Mehta,aarav.mehta@gmail.com,+91 99300 44821,India"
    found = findings(redacta_engine, text)
    assert ("EMAIL_ADDRESS", "aarav.mehta@gmail.com") in found
    assert not {f for f in found if f[0] == "URL"}
