"""One pseudonym vault per job, shared by every worker process that redacts its files.

The files of a job are redacted in parallel processes; for the same value to get the same
label in every file, the labels come from one vault served by a small manager process (the
values stay in memory, as in the app's session vaults). A job run in this process just uses
a plain `Vault`.

The manager process imports this module (its class is pickled by reference), so the module
stays outside `redacta.jobs`, whose package imports the whole redaction pipeline: importing
that took seconds of CPU in every job's manager process, for a class that needs only the
vault.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.managers import BaseManager

from redacta.processes import exit_with_parent
from redacta.redaction.vault import LabelSource, Vault


class _LabelManager(BaseManager):
    """Serves one `Vault` to the job's worker processes."""


_LabelManager.register("Vault", Vault, exposed=("label_for", "value_of"))


@contextmanager
def job_labels(*, shared: bool) -> Iterator[LabelSource]:
    """A label source for one job: served to other processes when `shared`."""
    if not shared:
        yield Vault()
        return
    manager = _LabelManager(ctx=multiprocessing.get_context("spawn"))
    manager.start(initializer=exit_with_parent)
    try:
        labels: LabelSource = manager.Vault()  # type: ignore[attr-defined]
        yield labels
    finally:
        manager.shutdown()
