"""Redacta's backend: finds and removes personal data, offline, behind a local HTTP API.

Importing this package must stay cheap (no Presidio, no spaCy): the CLI parses its arguments
and the frozen executable answers `--version` before any heavy import.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("redacta")
except PackageNotFoundError:  # frozen build without metadata
    __version__ = "0.0.0"

__all__ = ["__version__"]
