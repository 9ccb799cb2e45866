"""Redacta's own recognizers and NER tuning, plugged into the engine's registry.

The engine (`redacta.engine.registry`) calls:

* `redacta_recognizers(settings)`: postal addresses, phone numbers in the user's regions,
  calendar dates, credit cards incl. Mastercard 2-series, organisation names by form,
  people named after titles/greetings/labels, and places named after "lives in"/"moved to";
* `replaced_stock_recognizers()`: the stock recognizers those replace (phone, date, card);
* `ner_model_config()`: spaCy label mapping (ORG is kept as ORGANIZATION; spaCy's DATE and
  TIME are ignored because most of them are durations and bare numbers);
* `context_enhancer()`: the enhancer that cleans NER spans and settles overlaps.

How well this works is measured by `services/eval/run_eval.py` (`nox -s eval`).
"""

from __future__ import annotations

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
    from redacta.engine.recognizers.cards import RedactaCreditCardRecognizer
    from redacta.engine.recognizers.dates import RedactaDateRecognizer
    from redacta.engine.recognizers.organization import OrganizationRecognizer
    from redacta.engine.recognizers.person import PersonCueRecognizer
    from redacta.engine.recognizers.phone import RedactaPhoneRecognizer
    from redacta.engine.recognizers.places import LocationCueRecognizer

    language = settings.language
    return [
        AddressRecognizer(supported_language=language),
        RedactaPhoneRecognizer(settings.phone_regions, supported_language=language),
        RedactaDateRecognizer(supported_language=language),
        RedactaCreditCardRecognizer(supported_language=language),
        OrganizationRecognizer(supported_language=language),
        PersonCueRecognizer(supported_language=language),
        LocationCueRecognizer(supported_language=language),
    ]


def replaced_stock_recognizers() -> set[str]:
    """Stock Presidio recognizers that Redacta's replace (removed from the registry)."""
    return {"PhoneRecognizer", "DateRecognizer", "CreditCardRecognizer"}


def ner_model_config() -> dict[str, Any]:
    """spaCy label → Presidio entity mapping for `NerModelConfiguration.from_dict`."""
    return {
        "model_to_presidio_entity_mapping": {
            "PER": "PERSON",
            "PERSON": "PERSON",
            "NORP": "NRP",
            "FAC": "LOCATION",
            "LOC": "LOCATION",
            "GPE": "LOCATION",
            "LOCATION": "LOCATION",
            "ORG": "ORGANIZATION",
            "ORGANIZATION": "ORGANIZATION",
            "DATE": "DATE_TIME",
            "TIME": "DATE_TIME",
        },
        "low_confidence_score_multiplier": 0.4,
        "low_score_entity_names": [],
        "labels_to_ignore": [
            "DATE",  # durations, years, "weekly": RedactaDateRecognizer finds real dates
            "TIME",
            "DATE_TIME",
            "CARDINAL",
            "EVENT",
            "LANGUAGE",
            "LAW",
            "MONEY",
            "ORDINAL",
            "PERCENT",
            "PRODUCT",
            "QUANTITY",
            "WORK_OF_ART",
        ],
    }


def context_enhancer() -> ContextAwareEnhancer:
    """The enhancer the analyzer should use instead of Presidio's default."""
    from redacta.engine.recognizers.enhancer import RedactaContextEnhancer

    return RedactaContextEnhancer()
