"""Following and stopping one running analysis from another thread.

A long text takes minutes of every core; when the caller goes away (the HTTP client
disconnects, the user presses Cancel) the work must stop, not run to the end unseen. The
engine checks the control between chunks, in this process and in the worker processes, and
reports how many characters are done.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

ProgressCallback = Callable[[int, int], None]
"""Called with `(characters analysed, total characters)` as chunks complete."""


class AnalysisCancelledError(Exception):
    """The analysis was cancelled before it finished; there are no results."""


class CancelFlag(Protocol):
    """Anything that says whether to stop (a `threading.Event`, a flag shared with workers)."""

    def is_set(self) -> bool: ...


class AnalysisControl:
    """Progress reports and cancellation for one analysis call (thread-safe)."""

    def __init__(
        self, on_progress: ProgressCallback | None = None, flag: CancelFlag | None = None
    ) -> None:
        self._on_progress = on_progress
        self._flag: CancelFlag = flag if flag is not None else threading.Event()

    def cancel(self) -> None:
        """Ask the analysis to stop; it raises `AnalysisCancelledError` at the next chunk."""
        if isinstance(self._flag, threading.Event):
            self._flag.set()

    @property
    def cancelled(self) -> bool:
        """Whether the analysis was asked to stop."""
        return self._flag.is_set()

    def check(self) -> None:
        """Raise `AnalysisCancelledError` if the analysis was asked to stop."""
        if self._flag.is_set():
            raise AnalysisCancelledError

    def report(self, done: int, total: int) -> None:
        """A chunk is done: stop here if cancelled, else tell the listener."""
        self.check()
        if self._on_progress is not None:
            self._on_progress(done, total)

    def checked(self, pieces: Iterable[str]) -> Iterator[str]:
        """`pieces`, checking for cancellation before handing out each one."""
        for piece in pieces:
            self.check()
            yield piece
