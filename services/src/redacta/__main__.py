"""`python -m redacta` / `redacta-backend`: the command line entry point."""

from __future__ import annotations

import argparse
import sys

from redacta import __version__


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the chosen sub-command."""
    parser = argparse.ArgumentParser(prog="redacta", description="Redacta backend.")
    parser.add_argument("--version", action="version", version=f"redacta {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="Run the local HTTP API (prints a JSON ready line).")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    if args.command == "serve":
        from redacta.server import serve as run_server  # noqa: PLC0415

        return run_server(host=args.host, port=args.port)
    return 2


if __name__ == "__main__":
    sys.exit(main())
