"""Offline proof for the engine: loading the model and analyzing texts full of e-mail
addresses and URLs (which make Presidio call tldextract) opens no network connection, and
spaCy's model download cannot run. The server-side proof (whole HTTP request path in the real
server) lives with the server tests."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from typing import Any

import pytest

from redacta import offline
from redacta.engine import Engine
from redacta.settings import Settings

TEXT = (
    "Write to maria.garcia@example.co.uk or j.doe@mail.example.com.au, see "
    "https://www.example.org/path?q=1 and http://sub.domain.example.io, or www.acme.com. "
    "John Smith of Acme Corporation lives in Seattle."
)


def _is_loopback(host: object) -> bool:
    if not isinstance(host, str):
        return False
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


class NetworkAttemptError(AssertionError):
    """Raised (and recorded) when code tries to reach a non-loopback host."""


@pytest.fixture
def outbound(socket_enabled: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Real sockets, but every non-loopback connect or DNS lookup is recorded and refused."""
    attempts: list[str] = []
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def _check(what: str, address: Any) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(address, str | bytes) and not isinstance(address, tuple):
            return  # AF_UNIX path
        if not _is_loopback(host):
            attempts.append(f"{what} {host!r}")
            raise NetworkAttemptError(f"outbound {what} to {host!r}")

    def connect(self: socket.socket, address: Any) -> None:
        _check("connect", address)
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        _check("connect_ex", address)
        return real_connect_ex(self, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        _check("getaddrinfo", (host if isinstance(host, str) else repr(host),))
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return attempts


def _analyze_everything(engine: Engine) -> None:
    found = {(r.entity_type, TEXT[r.start : r.end]) for r in engine.analyze(TEXT)}
    assert ("EMAIL_ADDRESS", "maria.garcia@example.co.uk") in found
    assert any(kind == "URL" for kind, _ in found)
    batch = engine.analyze_batch([TEXT, "mail bob@example.net"])
    assert batch[1]
    assert batch[1][0].entity_type == "EMAIL_ADDRESS"


def test_the_recorder_catches_outbound_connects(outbound: list[str]) -> None:
    """Control: the guard really sees a connect to a public address."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(NetworkAttemptError):
            sock.connect(("203.0.113.7", 443))
    finally:
        sock.close()
    with pytest.raises(NetworkAttemptError):
        socket.getaddrinfo("publicsuffix.org", 443)
    assert len(outbound) == 2


def test_engine_opens_no_outbound_connection(outbound: list[str]) -> None:
    engine = Engine.create(Settings())
    _analyze_everything(engine)
    import tldextract

    assert tldextract.extract("forums.news.cnn.co.uk").suffix == "co.uk"
    assert outbound == []


def test_engine_works_with_sockets_disabled(socket_disabled: None, redacta_engine: Engine) -> None:
    """Analysis with no socket at all (loading with every outbound connect refused is above)."""
    with pytest.raises(Exception, match=r"[Ss]ocket"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    _analyze_everything(redacta_engine)


def test_tldextract_uses_its_bundled_snapshot() -> None:
    offline.enforce()
    import tldextract.tldextract as tld

    extractor = tld.TLD_EXTRACTOR
    assert extractor.suffix_list_urls == ()
    assert extractor.fallback_to_snapshot is True
    assert extractor._cache.enabled is False  # nothing read from or written to a cache dir
    assert tld.extract("a.b.example.com.au").suffix == "com.au"


def test_spacy_download_is_impossible() -> None:
    offline.enforce()
    import spacy.cli

    with pytest.raises(offline.ModelDownloadBlockedError):
        spacy.cli.download("en_core_web_lg")
