"""`redacta openapi`: the API's OpenAPI schema, the file the UI generates its client from.

Built from the app without loading the model, so it is quick and deterministic; the committed
`services/openapi.json` must equal this output (a test checks it).
"""

from __future__ import annotations

import json
import sys
from typing import Any


def openapi_schema() -> dict[str, Any]:
    """The schema of the app as built with default settings (no engine loaded)."""
    from redacta.api.app import create_app
    from redacta.settings import Settings

    schema: dict[str, Any] = create_app(Settings()).openapi()
    return schema


def render() -> str:
    """The schema as stable, indented JSON text ending with a newline."""
    return json.dumps(openapi_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def print_schema() -> int:
    """Print the schema on stdout."""
    if sys.stdout is not None:
        sys.stdout.write(render())
    return 0
