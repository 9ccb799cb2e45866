"""Test-only: record every non-loopback socket connect/bind the server process attempts.

Put this folder on PYTHONPATH and set REDACTA_TEST_NET_AUDIT=<file>; Python imports
`sitecustomize` at start-up, before Redacta, so every `socket.connect` (and getaddrinfo,
sendto) made while serving is audited. A non-loopback target is appended to the file (host
and port only); the tests assert the file stays empty.
"""

from __future__ import annotations

import ipaddress
import os
import sys

_PATH = os.environ.get("REDACTA_TEST_NET_AUDIT")
_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", ""}


def _is_loopback(host: object) -> bool:
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    if not isinstance(host, str):
        return True  # AF_UNIX paths and the like are not network traffic
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _audit(event: str, args: tuple[object, ...]) -> None:
    target: object = None
    if event in ("socket.connect", "socket.sendto", "socket.bind"):
        address = args[1]
        if isinstance(address, tuple) and address:
            target = address
            if _is_loopback(address[0]):
                return
        else:
            return
    elif event == "socket.getaddrinfo":
        target = (args[0], args[1])
        if _is_loopback(args[0]):
            return
    else:
        return
    with open(_PATH, "a", encoding="utf-8") as handle:  # type: ignore[arg-type]
        handle.write(f"{event} {target!r}\n")


if _PATH:
    sys.addaudithook(_audit)
