"""Structured JSON-line logs on stderr (and optionally a rotating file) that never carry user data.

Redacta handles personal data, so a log line must never contain the text a user sent, a value
that was detected, the bearer token, or a query string. Two things make that hold:

* request logs are written by one middleware from a fixed set of fields (method, route
  template, status, duration, byte counts);
* exceptions are rendered as their type and stack frames only: an exception's message and
  args often embed the input (pydantic, json, regex errors do), so they are dropped.
"""

from __future__ import annotations

import json
import logging
import logging.handlers
import sys
import time
import traceback
from pathlib import Path
from typing import Any

#: Attributes every LogRecord has; anything else was passed with `extra=` and is a field.
_RECORD_ATTRS = frozenset(
    vars(logging.LogRecord("", 0, "", 0, "", None, None)).keys() | {"message", "asctime"}
)

#: Loggers of libraries whose messages may quote user input; they log at WARNING+ only.
_QUIET_LOGGERS = ("presidio-analyzer", "presidio-anonymizer", "spacy", "tldextract")

#: `extra=` fields of third-party loggers that only duplicate the message (uvicorn's colours).
_SKIPPED_EXTRAS = frozenset({"color_message"})

_HANDLER_MARK = "_redacta_handler"


def describe_exception(exc_info: Any) -> dict[str, Any]:
    """The exception's type and where it was raised: no message, no args (they may hold PII)."""
    exc_type, _exc, tb = exc_info
    frames = [f"{f.filename}:{f.lineno} in {f.name}" for f in traceback.extract_tb(tb)]
    return {"type": getattr(exc_type, "__qualname__", str(exc_type)), "frames": frames[-8:]}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, event and the `extra=` fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": self._event(record),
        }
        for key, value in vars(record).items():
            if key not in _RECORD_ATTRS and key not in _SKIPPED_EXTRAS and not key.startswith("_"):
                entry[key] = value
        if record.exc_info and record.exc_info[0] is not None:
            entry["exception"] = describe_exception(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)

    @staticmethod
    def _event(record: logging.LogRecord) -> str:
        """Our loggers pass a fixed event name; third-party messages are kept without args.

        Third-party code formats values into its messages (`"... %s", text`); the template
        alone is kept so no argument can leak.
        """
        if record.name.startswith("redacta"):
            return str(record.msg)
        return str(record.msg) if not record.args else f"{record.msg} [args dropped]"


def configure(level: str = "INFO", log_file: Path | None = None) -> None:
    """Send every log record to stderr (when there is one) and to `log_file`, as JSON lines.

    Idempotent: a second call replaces the handlers installed by the first.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _HANDLER_MARK, False):
            root.removeHandler(handler)
            handler.close()
    formatter = JsonFormatter()
    handlers: list[logging.Handler] = []
    # A windowed frozen build has no stderr at all (sys.stderr is None).
    if sys.stderr is not None:
        handlers.append(logging.StreamHandler(sys.stderr))
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(
            logging.handlers.RotatingFileHandler(
                log_file, maxBytes=5 * 1024 * 1024, backupCount=3, encoding="utf-8"
            )
        )
    for handler in handlers:
        handler.setFormatter(formatter)
        setattr(handler, _HANDLER_MARK, True)
        root.addHandler(handler)
    root.setLevel(level.upper())
    for name in _QUIET_LOGGERS:
        logging.getLogger(name).setLevel(max(logging.WARNING, root.level))
    # Uvicorn's access log prints paths with query strings: Redacta writes its own request log.
    logging.getLogger("uvicorn.access").disabled = True
    for name in ("uvicorn", "uvicorn.error"):
        uv_logger = logging.getLogger(name)
        uv_logger.handlers.clear()
        uv_logger.propagate = True


def get_logger(name: str) -> logging.Logger:
    """A logger under the `redacta` namespace."""
    return logging.getLogger(name if name.startswith("redacta") else f"redacta.{name}")
