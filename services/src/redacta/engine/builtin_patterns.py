"""Skip Presidio's compile-to-validate of built-in regex patterns, to start faster.

`presidio_analyzer.Pattern.__init__` compiles every regex once only to validate it; the
recognizer then compiles it again, with its own flags, on first use. Presidio builds ~170
such patterns when `presidio_analyzer` is imported (class attributes of its predefined
recognizers) and Redacta's recognizers add more: ~0.2-0.3 s of a start-up budgeted at 2 s.
Built-in patterns are fixed in code and exercised by the tests, so inside `trusted()` their
validation is skipped; outside it (user regexes, ad-hoc recognizers) Presidio validates as usual.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import ModuleType
from typing import Any

_PATTERN_MODULE = "presidio_analyzer.pattern"
_VALIDATOR = "_Pattern__validate_regex"


def _skip(_pattern: str) -> None:
    """Stand-in for Presidio's validator: accept the (built-in) pattern as it is."""


class _PatchPatternOnLoad(importlib.abc.MetaPathFinder):
    """Finds `presidio_analyzer.pattern` and disables its validator right after it loads."""

    def __init__(self) -> None:
        self.original: Any = None

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,  # noqa: ARG002 - the finder protocol's signature
        target: ModuleType | None = None,  # noqa: ARG002
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != _PATTERN_MODULE:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(fullname)
        if spec is None or spec.loader is None:
            return spec
        loader: Any = spec.loader
        load = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            load(module)
            self.original = module.Pattern.__dict__[_VALIDATOR]
            setattr(module.Pattern, _VALIDATOR, staticmethod(_skip))

        loader.exec_module = exec_module
        return spec


@contextmanager
def trusted() -> Iterator[None]:
    """Inside the block, `Pattern`s are built without validation (built-in patterns only)."""
    finder = _PatchPatternOnLoad()
    loaded = sys.modules.get(_PATTERN_MODULE)
    if loaded is not None:
        finder.original = loaded.Pattern.__dict__[_VALIDATOR]
        setattr(loaded.Pattern, _VALIDATOR, staticmethod(_skip))
    else:
        sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        if finder in sys.meta_path:
            sys.meta_path.remove(finder)
        module = sys.modules.get(_PATTERN_MODULE)
        if module is not None and finder.original is not None:
            setattr(module.Pattern, _VALIDATOR, finder.original)
