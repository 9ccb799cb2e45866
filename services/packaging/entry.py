"""Entry script of the frozen `redacta-backend` executable: the same CLI as `python -m redacta`.

PyInstaller runs this file as `__main__`. `freeze_support()` must come first so that worker
processes started by multiprocessing (spaCy's `nlp.pipe(n_process=...)` uses the spawn method on
Windows and macOS) run their task instead of a second copy of the CLI.
"""

from __future__ import annotations

import multiprocessing
import os
import sys


def _ensure_std_streams() -> None:
    """Give a windowed build (no console: `sys.stdout` is None) streams that accept writes.

    The shipped build is a console build, because the ready line travels on stdout (the
    desktop shell spawns it with `windowsHide`); this only keeps a windowed build from crashing.
    """
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


if __name__ == "__main__":
    multiprocessing.freeze_support()
    _ensure_std_streams()
    from redacta.__main__ import main

    sys.exit(main())
