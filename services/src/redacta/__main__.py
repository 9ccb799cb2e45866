"""`python -m redacta` / `redacta-backend`: a thin dispatcher; sub-commands live in own modules.

Argument definitions stay here (cheap); the module that runs a sub-command is imported only
when that sub-command is chosen, so `--version` never imports Presidio or spaCy.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from redacta import __version__

if TYPE_CHECKING:
    from redacta.engine import Engine
    from redacta.settings import Settings


def _version_text() -> str:
    from redacta.build_manifest import read_manifest

    manifest = read_manifest()
    text = f"redacta {__version__}"
    return text if manifest is None else f"{text}\n{json.dumps(manifest, indent=2)}"


def build_parser() -> argparse.ArgumentParser:
    """The command line: `serve`, `openapi` (and sub-commands other modules register here)."""
    parser = argparse.ArgumentParser(prog="redacta", description="Redacta backend.")
    parser.add_argument("--version", action="store_true", help="Print the version and exit.")
    sub = parser.add_subparsers(dest="command")

    serve = sub.add_parser("serve", help="Run the local HTTP API (prints a JSON ready line).")
    serve.add_argument("--host", default="127.0.0.1", help="Interface to bind (default loopback).")
    serve.add_argument(
        "--port", type=int, default=8000, help="Port; a free one if taken; 0 = any free port."
    )
    serve.add_argument(
        "--parent-watch",
        choices=["stdin"],
        default=None,
        help="Exit when stdin reaches EOF (the parent closed the pipe or died).",
    )
    serve.add_argument("--parent-pid", type=int, default=None, help="Exit when this process exits.")
    serve.add_argument(
        "--reload",
        action="store_true",
        help="Development: restart on source changes (no ready line, no parent watch).",
    )

    sub.add_parser("openapi", help="Print the OpenAPI schema of the HTTP API as JSON.")
    from redacta.cli import redact as redact_cli  # argparse definitions only: cheap

    redact_cli.add_parser(sub)
    return parser


def main(argv: list[str] | None = None, *, engine: Engine | None = None) -> int:
    """Parse the command line and run the chosen sub-command.

    `engine`: an engine the caller has already loaded, which `redact` uses when it runs the
    job in this process (one worker) instead of loading the model again; the test suite shares
    one this way. Worker processes always load their own.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        if sys.stdout is not None:
            print(_version_text())
        return 0
    from redacta.settings import Settings

    # Read once here and handed down: every part of a run sees the same settings.
    settings = Settings()
    if args.command == "serve" and args.reload:
        from redacta.server import serve_reload

        return serve_reload(settings, host=args.host, port=args.port)
    if args.command == "serve":
        from redacta.server import serve

        return serve(
            settings,
            host=args.host,
            port=args.port,
            parent_watch=args.parent_watch,
            parent_pid=args.parent_pid,
        )
    if args.command == "redact":
        return redact_cli_run(args, settings, engine)
    if args.command == "openapi":
        from redacta.api.schema import print_schema

        return print_schema()
    parser.print_usage(sys.stderr)
    return 2


def redact_cli_run(
    args: argparse.Namespace, settings: Settings, engine: Engine | None = None
) -> int:
    """`redacta redact ...` (documents and folders; see `redacta redact --help`)."""
    from redacta.cli.redact import run

    return run(args, settings, engine)


if __name__ == "__main__":
    sys.exit(main())
