"""Fixtures of the frozen smoke tests: the exe and the dev server, both started offline.

Run through `nox -s frozen`, which builds the exe if needed and runs pytest inside a new network
namespace (`tests_frozen/netns.py`), so the exe and the dev server run with no route off the
machine. Outside such a namespace the server tests skip, saying why.
"""

from __future__ import annotations

import errno
import json
import os
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from backend_process import SERVICES, Backend, clean_env, dev_command, frozen_exe

sys.path.insert(0, str(SERVICES / "packaging"))
import manifest

TEST_NET_ADDRESS = ("192.0.2.1", 80)  # RFC 5737 documentation address: never routable


def _network_isolation_problem() -> str | None:
    """None when this process has no network but loopback; else what is wrong."""
    unavailable = os.environ.get("REDACTA_NETNS_UNAVAILABLE")
    if unavailable:
        return f"no network namespace: {unavailable}"
    if not hasattr(socket, "if_nameindex"):
        return "cannot list network interfaces on this platform"
    interfaces = sorted(name for _index, name in socket.if_nameindex())
    if interfaces != ["lo"]:
        return (
            f"not in an isolated network namespace (interfaces: {interfaces}); "
            "run through `nox -s frozen` or `python tests_frozen/netns.py pytest tests_frozen`"
        )
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    probe.settimeout(2)
    try:
        probe.connect(TEST_NET_ADDRESS)
    except OSError as error:
        if error.errno != errno.ENETUNREACH:
            return f"an off-machine connect failed with {error!r}, not 'network unreachable'"
        return None
    finally:
        probe.close()
    return "an off-machine address was reachable"


def skip_unless_offline() -> None:
    """Skip (with the reason) unless the tests run without any network but loopback."""
    problem = _network_isolation_problem()
    if problem is not None:
        pytest.skip(problem)


@pytest.fixture
def offline() -> None:
    """For tests that start the exe themselves: skip unless isolated from the network."""
    skip_unless_offline()


@pytest.fixture(scope="session")
def exe() -> Path:
    """The frozen executable; a missing build is a failure (the session builds it first)."""
    path = frozen_exe()
    if not path.is_file():
        pytest.fail(f"{path} does not exist: build it with `nox -s freeze`")
    return path


def _start(command: list[str], root: Path, **env: str) -> Iterator[Backend]:
    skip_unless_offline()
    backend = Backend.start(command, clean_env(root, **env), root / "stderr.log")
    try:
        yield backend
    finally:
        backend.kill()


@pytest.fixture(scope="module")
def frozen_server(exe: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    """The frozen exe serving on a free port, empty HOME/APPDATA/XDG dirs, token set."""
    yield from _start([str(exe)], tmp_path_factory.mktemp("frozen"))


@pytest.fixture(scope="module")
def dev_server(exe: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    """`python -m redacta serve` from the venv, same settings: the reference for the exe.

    Comparing only makes sense if the exe was built from the sources the dev server runs, so
    a stale build (sources edited after the freeze) fails here, saying so.
    """
    built = json.loads((exe.parent / manifest.MANIFEST_NAME).read_text(encoding="utf-8"))
    if built.get("input_hash") != manifest.input_hash():
        pytest.fail("the exe is stale: services/src, the spec or uv.lock changed since the freeze")
    # PYTHONPATH lets a run point the dev server at a source snapshot the exe was built from.
    extra = {"PYTHONPATH": os.environ["PYTHONPATH"]} if "PYTHONPATH" in os.environ else {}
    yield from _start(dev_command(), tmp_path_factory.mktemp("dev"), **extra)
