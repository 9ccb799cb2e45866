"""Make every network fetch in our dependencies impossible before they are imported.

Presidio asks spaCy to download a missing model and tldextract fetches the public-suffix list
on first use; on a machine without internet either hangs without a timeout. Redacta must
never reach the network, so this module pins both to their offline behaviour. It must be
imported (via `enforce()`) before `presidio_analyzer` or `tldextract`.
"""

from __future__ import annotations

import os
from typing import Any

_ENV = {
    # tldextract: use the snapshot bundled in the wheel, never fetch, never write a cache.
    "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS": "",
    "TLDEXTRACT_CACHE": "",
    # Presidio: pick the CPU without importing torch to probe for a GPU.
    "PRESIDIO_DEVICE": "cpu",
    # Hugging Face libraries, should any be pulled in: never call the hub.
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
}


class ModelDownloadBlockedError(RuntimeError):
    """Raised instead of letting spaCy download a model at run time."""


def _refuse_download(*_args: object, **_kwargs: object) -> None:
    raise ModelDownloadBlockedError(
        "Redacta never downloads models. Install the spaCy model package or set "
        "REDACTA_MODEL to a model directory."
    )


def _pin_tldextract() -> None:
    """Make tldextract's shared extractor use its bundled snapshot, whenever it was imported.

    The environment above covers an extractor created after `enforce()`; this also covers one
    created earlier (module import reads the environment once).
    """
    import tldextract.tldextract as tld
    from tldextract.cache import DiskCache

    extractor = tld.TLD_EXTRACTOR
    extractor.suffix_list_urls = ()
    extractor.fallback_to_snapshot = True
    extractor._cache = DiskCache(cache_dir=None)


def enforce() -> None:
    """Set the offline environment, disable spaCy's model download, pin tldextract to its
    bundled public-suffix snapshot. Idempotent."""
    for key, value in _ENV.items():
        os.environ[key] = value
    _pin_tldextract()
    import spacy.cli

    # Presidio's spaCy engine calls `spacy.cli.download(name)` through this module attribute.
    setattr(spacy.cli, "download", _refuse_download)  # noqa: B010 - not a re-exported name


def remove_network_operators(anonymizer: Any) -> None:
    """Drop Presidio's anonymizer operators that call a cloud service.

    `surrogate_ahds` sends the text to Azure Health Data Services; an offline app must not
    offer it. Pass any `presidio_anonymizer.AnonymizerEngine`.
    """
    from presidio_anonymizer.operators import AHDSSurrogate

    if AHDSSurrogate is not None and "surrogate_ahds" in anonymizer.get_anonymizers():
        anonymizer.remove_anonymizer(AHDSSurrogate)
