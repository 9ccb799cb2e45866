"""LOCATION: towns named after a motion or place cue, in any cased script and in capitals;
companies, weekdays and departments after the same words are not places."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from test_recognizers_helpers import types_over

if TYPE_CHECKING:
    from redacta.engine import Engine


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Guest arriving from София on Wed.", "София"),
        ("I'm moving from Ciudad Real to Cuenca in April.", "Ciudad Real"),
        ("It is a short walk from Novi Marof centre.", "Novi Marof"),
        ("Invitation for a guest born in 1999 in TARRAGONA.", "TARRAGONA"),
        ("Take the motorway towards Sungai Penuh.", "Sungai Penuh"),
        ("Baptism record, parish of Bufalata.", "Bufalata"),
    ],
)
def test_cued_places(redacta_engine: Engine, text: str, place: str) -> None:
    assert "LOCATION" in types_over(redacta_engine, text, place)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I'm arriving from Monday onwards.", "Monday"),
        ("Two hours from Start to finish.", "Start"),
        ("The e-mail came from Accounts.", "Accounts"),
    ],
)
def test_cue_words_before_non_places(redacta_engine: Engine, text: str, value: str) -> None:
    assert "LOCATION" not in types_over(redacta_engine, text, value)
