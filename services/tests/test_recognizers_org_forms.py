# ruff: noqa: RUF001, RUF002 (legal forms and names in Cyrillic, Greek and CJK scripts are the point)
"""ORGANIZATION by the legal form or institution word of many countries: forms after the name
("Kft.", "s.r.o.", "EAD", "Oyj"), forms before it ("ООО «Ромашка»", "PT Sinar Jaya"), Chinese,
Japanese and Korean forms, and institution words written first ("Farmacia San Rafael").
Streets named after people are no people. Look-alikes stay what they are."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from test_recognizers_helpers import findings, types_over

if TYPE_CHECKING:
    from redacta.engine import Engine


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("The invoice came from Bártfai Kft. on Monday.", "Bártfai Kft."),
        ("Please pay Horváth Zrt. by Friday.", "Horváth Zrt."),
        ("Delivered by Novák s.r.o. to the warehouse.", "Novák s.r.o."),
        ("Contract with Kovač d.o.o. signed today.", "Kovač d.o.o."),
        ("Supplier: Virtanen Oyj, Espoo", "Virtanen Oyj"),
        ("In 1975 she became the first woman to lead Petrov EAD.", "Petrov EAD"),
        ("Our agent at Pereira Lda. confirmed the date.", "Pereira Lda."),
    ],
)
def test_legal_forms_after_the_name(redacta_engine: Engine, text: str, org: str) -> None:
    assert ("ORGANIZATION", org) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("The movers from ООО «Ромашка» will call on Monday.", "ООО «Ромашка»"),
        ("Invoice from ТОВ «Світанок», Kyiv.", "ТОВ «Світанок»"),
        ("She signed the merger with PT Sinar Jaya Abadi in July.", "PT Sinar Jaya Abadi"),
        ("Keys were left at 精芯传媒有限公司 on Friday.", "精芯传媒有限公司"),
        ("The parcel is for 삼성전자 주식회사, Suwon.", "삼성전자 주식회사"),
        ("Importer: 株式会社坂本通信, Osaka", "株式会社坂本通信"),
    ],
)
def test_legal_forms_before_the_name_and_in_cjk_scripts(
    redacta_engine: Engine, text: str, org: str
) -> None:
    assert ("ORGANIZATION", org) in findings(redacta_engine, text)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Card declined at Farmacia San Rafael, Mérida.", "Farmacia San Rafael"),
        (
            "Belma from Advokatska kancelarija Begić asked for a quote.",
            "Advokatska kancelarija Begić",
        ),
        ("I have called Dom zdravlja Prijedor twice since Saturday.", "Dom zdravlja Prijedor"),
        ("She will visit Klinik Hassan in Ipoh next week.", "Klinik Hassan"),
    ],
)
def test_institution_words_written_first(redacta_engine: Engine, text: str, org: str) -> None:
    assert "ORGANIZATION" in types_over(redacta_engine, text, org)
    assert "PERSON" not in types_over(redacta_engine, text, org)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Jane Smith PT will see you at 10.", "PT"),
        ("The band, Also Known As, played last night.", "Known"),
        ("Turn left into Hospital Road after the bridge.", "Hospital Road"),
    ],
)
def test_look_alikes_of_legal_forms_are_no_organisations(
    redacta_engine: Engine, text: str, word: str
) -> None:
    assert "ORGANIZATION" not in types_over(redacta_engine, text, word)


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("Deliver to No. 12, Jalan Tun Razak, 50400 Kuala Lumpur.", "Tun Razak"),
        ("Meet me at Avenida Bolívar con Calle 54, Mérida.", "Bolívar"),
    ],
)
def test_a_street_named_after_a_person_is_no_person(
    redacta_engine: Engine, text: str, street: str
) -> None:
    assert "PERSON" not in types_over(redacta_engine, text, street)


def test_a_club_after_a_role_word_is_no_person(redacta_engine: Engine) -> None:
    assert "PERSON" not in types_over(
        redacta_engine, "The Customer Club newsletter is out.", "Club"
    )
