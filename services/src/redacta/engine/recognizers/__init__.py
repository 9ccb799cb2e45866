"""Redacta's own recognizers and NER tuning, plugged into the engine's registry.

The engine (`redacta.engine.registry`) calls:

* `redacta_recognizers(settings)`: postal addresses, phone numbers in the user's regions and
  phone-shaped numbers after a phone cue, calendar dates, years, weekdays and clock times,
  credit cards of every scheme, IBANs of every country also when wrapped across a line, UK
  NHS numbers (not inside a decimal number), UK sort codes and account numbers, whole URLs,
  chat speakers, user handles and lower-case given names,
  e-mail addresses on any host, SSNs named as such, organisation names by form, people named
  after titles/greetings/labels or written as "Given Surname", places named after "lives in",
  "City:", a quoted "city" key or before their country, capitalised names after "in"/"near",
  and real place names from a list of GeoNames towns and countries;
* `replaced_stock_recognizers()`: the stock recognizers those replace (phone, date, card,
  IBAN, URL, e-mail, NHS number);
* `ner_model_config()`: spaCy label mapping (ORG is kept as ORGANIZATION; spaCy's DATE and
  TIME are ignored because most of them are durations and bare numbers);
* `context_enhancer()`: the enhancer that cleans NER spans and settles overlaps.

How well this works is measured by `services/eval/run_eval.py` (`nox -s eval`).
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from presidio_analyzer import EntityRecognizer
    from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer

    from redacta.settings import Settings

__all__ = [
    "context_enhancer",
    "ner_model_config",
    "redacta_recognizers",
    "replaced_stock_recognizers",
]


def redacta_recognizers(settings: Settings) -> list[EntityRecognizer]:
    """Redacta's recognizers for the configured language and phone regions."""
    from redacta.engine.recognizers.address import AddressRecognizer
    from redacta.engine.recognizers.address_intl import InternationalAddressRecognizer
    from redacta.engine.recognizers.cards import RedactaCreditCardRecognizer
    from redacta.engine.recognizers.chat import (
        ChatSpeakerRecognizer,
        LowerCaseNameRecognizer,
        LowerCasePlaceRecognizer,
    )
    from redacta.engine.recognizers.dates import RedactaDateRecognizer
    from redacta.engine.recognizers.email import RedactaEmailRecognizer
    from redacta.engine.recognizers.gazetteer import GazetteerRecognizer
    from redacta.engine.recognizers.iban import RedactaIbanRecognizer
    from redacta.engine.recognizers.nhs import RedactaNhsRecognizer
    from redacta.engine.recognizers.organization import OrganizationRecognizer
    from redacta.engine.recognizers.person import PersonCueRecognizer
    from redacta.engine.recognizers.person_list import PersonListRecognizer
    from redacta.engine.recognizers.person_shape import GivenNameRecognizer
    from redacta.engine.recognizers.phone import RedactaPhoneRecognizer
    from redacta.engine.recognizers.phone_cue import PhoneCueRecognizer
    from redacta.engine.recognizers.places import (
        LocationCueRecognizer,
        LocationPrepositionRecognizer,
        LocationWeakCueRecognizer,
    )
    from redacta.engine.recognizers.quoted_field import QuotedPlaceFieldRecognizer
    from redacta.engine.recognizers.ssn import SsnCueRecognizer
    from redacta.engine.recognizers.table import TableColumnRecognizer
    from redacta.engine.recognizers.uk_bank import UkBankRecognizer
    from redacta.engine.recognizers.url import RedactaUrlRecognizer

    language = settings.language
    return [
        AddressRecognizer(supported_language=language),
        InternationalAddressRecognizer(supported_language=language),
        RedactaPhoneRecognizer(settings.phone_regions, supported_language=language),
        PhoneCueRecognizer(supported_language=language),
        SsnCueRecognizer(supported_language=language),
        RedactaUrlRecognizer(supported_language=language),
        RedactaEmailRecognizer(supported_language=language),
        RedactaDateRecognizer(supported_language=language),
        RedactaCreditCardRecognizer(supported_language=language),
        RedactaIbanRecognizer(supported_language=language),
        RedactaNhsRecognizer(supported_language=language),
        UkBankRecognizer(supported_language=language),
        OrganizationRecognizer(supported_language=language),
        PersonCueRecognizer(supported_language=language),
        PersonListRecognizer(supported_language=language),
        GivenNameRecognizer(supported_language=language),
        ChatSpeakerRecognizer(supported_language=language),
        LowerCaseNameRecognizer(supported_language=language),
        LowerCasePlaceRecognizer(supported_language=language),
        LocationCueRecognizer(supported_language=language),
        LocationPrepositionRecognizer(supported_language=language),
        LocationWeakCueRecognizer(supported_language=language),
        QuotedPlaceFieldRecognizer(supported_language=language),
        GazetteerRecognizer(supported_language=language),
        TableColumnRecognizer(supported_language=language),
    ]


def replaced_stock_recognizers() -> set[str]:
    """Stock Presidio recognizers that Redacta's replace (removed from the registry)."""
    return {
        "PhoneRecognizer",
        "DateRecognizer",
        "CreditCardRecognizer",
        "UrlRecognizer",
        "EmailRecognizer",
        "IbanRecognizer",
        "NhsRecognizer",
    }


def ner_model_config() -> dict[str, Any]:
    """The engine's spaCy label mapping, also ignoring spaCy's DATE and TIME labels.

    Most of the small model's DATE/TIME spans are durations, years and words like "weekly";
    `RedactaDateRecognizer` finds the real dates.
    """
    from redacta.engine.nlp import DEFAULT_NER_CONFIG

    config = copy.deepcopy(DEFAULT_NER_CONFIG)
    config["labels_to_ignore"] = ["DATE", "TIME", "DATE_TIME", *config["labels_to_ignore"]]
    return config


def context_enhancer() -> ContextAwareEnhancer:
    """The enhancer the analyzer should use instead of Presidio's default."""
    from redacta.engine.recognizers.enhancer import RedactaContextEnhancer

    return RedactaContextEnhancer()
