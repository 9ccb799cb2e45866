"""Shared fixtures: the REAL backend (`python -m redacta serve`), started by `redacta.launch`.

`server` (session-scoped) is one running backend with a token, a temp data dir and a log file;
`start_server(...)` starts an extra one (own data dir, env, args) for tests that stop, restart
or kill it. Both give a `RunningServer`: `base_url`, `token`, `port`, `pid`, `client()` (an
httpx client with the bearer token), `get`/`post`/`put`/`delete` shortcuts, the paths of its
stderr log, log file and network-audit file, and `stop()`.

Tests of the request logic under other settings (allowed hosts, body limit, served UI) use
`app_client(...)`: the real app in this process on the session's engine (`redacta_engine`),
without a server start and a model load per test. `run_cli(...)` runs `redacta ...` in this
process the same way (jobs with one worker on the session's engine); tests of the process
boundary (exit status, signals, worker pools) start `python -m redacta` themselves.

Under pytest-xdist with `--dist loadfile` (the `tests` session's default) the scheduler here
puts every test that uses a session server on one worker, so that server starts once.

Every server runs with `tests/netaudit/sitecustomize.py` on PYTHONPATH: an audit hook that
records any non-loopback socket use; `RunningServer.outbound_attempts()` reads it.
"""

from __future__ import annotations

import itertools
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.testclient import TestClient

from redacta.launch import BackendStartError, StartedBackend, start_backend

NETAUDIT_DIR = Path(__file__).parent / "netaudit"
_names = itertools.count()


@dataclass
class RunningServer:
    """A backend process started for the tests, and how to talk to it."""

    ready: dict[str, Any]
    port: int
    pid: int
    token: str | None
    data_dir: Path
    stderr_path: Path
    log_file: Path
    audit_file: Path
    process: StartedBackend = field(repr=False)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def client(self, *, token: bool = True, timeout: float = 120.0, **kwargs: Any) -> httpx.Client:
        """An httpx client for this server (with the bearer token unless `token=False`)."""
        headers = dict(self.auth_headers) if token else {}
        headers.update(kwargs.pop("headers", {}))
        return httpx.Client(base_url=self.base_url, headers=headers, timeout=timeout, **kwargs)

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        with self.client() as client:
            return client.request(method, path, **kwargs)

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("PUT", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("DELETE", path, **kwargs)

    def wait_for_job(
        self,
        job_id: str,
        states: frozenset[str] | set[str] = frozenset({"completed", "cancelled", "failed"}),
        timeout: float = 600,
    ) -> dict[str, Any]:
        """Poll the job's status until its state is one of `states` (by default: finished)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            job: dict[str, Any] = self.get(f"/api/v1/jobs/{job_id}").json()
            if job["state"] in states:
                return job
            time.sleep(0.3)
        raise AssertionError(f"job never reached {sorted(states)}")

    def job_events(self, job_id: str, timeout: float = 600) -> list[tuple[str, dict[str, Any]]]:
        """Read the job's SSE stream to its end (the server closes it after `finished`)."""
        events: list[tuple[str, dict[str, Any]]] = []
        kind = ""
        with (
            self.client(timeout=timeout) as client,
            client.stream("GET", f"/api/v1/jobs/{job_id}/events") as response,
        ):
            assert response.status_code == 200
            assert response.headers["content-type"].startswith("text/event-stream")
            for line in response.iter_lines():
                if line.startswith("event: "):
                    kind = line[7:]
                elif line.startswith("data: "):
                    events.append((kind, json.loads(line[6:])))
        return events

    def log_lines(self) -> list[str]:
        """Everything the server logged so far: stderr lines plus the log file's lines."""
        lines = self.stderr_path.read_text(encoding="utf-8", errors="replace").splitlines()
        if self.log_file.exists():
            lines += self.log_file.read_text(encoding="utf-8", errors="replace").splitlines()
        return lines

    def outbound_attempts(self) -> list[str]:
        """Non-loopback socket operations the audit hook recorded (should be none)."""
        if not self.audit_file.exists():
            return []
        return self.audit_file.read_text(encoding="utf-8").splitlines()

    def stop(self) -> None:
        """Terminate the process (SIGTERM, then SIGKILL) if it still runs."""
        self.process.stop(grace_s=20)


def user_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a `redacta` process started as a user's shell would: ours without
    the REDACTA_* settings of the test run, REDACTA_DATA_DIR set, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDACTA_")}
    env["REDACTA_DATA_DIR"] = str(data_dir)
    env.update(extra)
    return env


def redact_process(
    *args: str, data_dir: Path, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """`python -m redacta redact *args` as its own process (`user_env`), for tests where the
    process is the subject; `run_cli` runs the same command in this process."""
    return subprocess.run(
        [sys.executable, "-m", "redacta", "redact", *args],
        capture_output=True,
        text=True,
        env=user_env(data_dir),
        timeout=timeout,
        check=False,
    )


def server_env(
    *, token: str | None, data_dir: Path, log_file: Path, audit_file: Path, extra: dict[str, str]
) -> dict[str, str]:
    """The environment a test server runs with: `user_env`, plus the given values."""
    env = user_env(
        data_dir,
        REDACTA_LOG_FILE=str(log_file),
        REDACTA_TEST_NET_AUDIT=str(audit_file),
        PYTHONUNBUFFERED="1",
    )
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(NETAUDIT_DIR), env.get("PYTHONPATH")]))
    if token:
        env["REDACTA_TOKEN"] = token
    env.update(extra)
    return env


def launch(
    root: Path,
    *,
    token: str | None = "generated",  # noqa: S107 - a marker, not a password
    data_dir: Path | None = None,
    env: dict[str, str] | None = None,
    args: list[str] | None = None,
) -> RunningServer:
    """Start `python -m redacta serve --port 0 ...` and wait for its ready line."""
    work = root / f"redacta-{next(_names)}"
    work.mkdir(parents=True)
    token = secrets.token_urlsafe(24) if token == "generated" else token
    data_dir = data_dir or work / "data"
    stderr_path, log_file, audit_file = work / "stderr.log", work / "redacta.log", work / "net.txt"
    # Without other arguments the server watches this process: it exits if pytest dies.
    serve_args = args if args is not None else ["--parent-pid", str(os.getpid())]
    process_env = server_env(
        token=token, data_dir=data_dir, log_file=log_file, audit_file=audit_file, extra=env or {}
    )
    with stderr_path.open("wb") as stderr:  # logs apart from the stdout ready line
        try:
            started = start_backend(
                [sys.executable, "-m", "redacta"],
                "--port",
                "0",
                *serve_args,
                env=process_env,
                stderr=stderr,
            )
        except BackendStartError as error:
            log = stderr_path.read_text(encoding="utf-8", errors="replace")
            raise BackendStartError(f"{error}\n{log[-3000:]}") from None
    return RunningServer(
        ready=started.ready,
        port=started.port,
        pid=started.process.pid,
        token=token,
        data_dir=data_dir,
        stderr_path=stderr_path,
        log_file=log_file,
        audit_file=audit_file,
        process=started,
    )


SESSION_SERVER_FIXTURES = frozenset({"server", "toured_server"})
"""Session fixtures that start a backend process: the tests using them share one xdist worker."""

_SERVER_TESTS_FILE = pytest.StashKey[Path]()


def _server_tests_file(config: pytest.Config) -> Path:
    """Where the xdist workers list the tests that use a session server (controller's file)."""
    if _SERVER_TESTS_FILE not in config.stash:
        handle, name = tempfile.mkstemp(prefix="redacta-session-server-tests-", suffix=".txt")
        os.close(handle)
        config.stash[_SERVER_TESTS_FILE] = Path(name)
    return config.stash[_SERVER_TESTS_FILE]


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    node.workerinput["session_server_tests"] = str(_server_tests_file(node.config))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In an xdist worker: list the tests that use a session server for the scheduler below."""
    target = getattr(config, "workerinput", {}).get("session_server_tests")
    if target is None:
        return
    names = [
        item.nodeid
        for item in items
        if SESSION_SERVER_FIXTURES & set(getattr(item, "fixturenames", ()))
    ]
    partial = Path(f"{target}.{config.workerinput['workerid']}")
    partial.write_text("\n".join(names), encoding="utf-8")
    partial.replace(target)  # every worker collects the same tests: the last write wins


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """`--dist loadfile` (the `tests` session's default), except that every test that talks
    to a session server runs in one worker, so each such server starts once. Module-scoped
    engines and worker pools still start once; `redacta_engine` loads once per worker."""
    if config.getoption("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadScopeScheduling

    listing = _server_tests_file(config)

    class SessionServerScheduling(LoadScopeScheduling):  # type: ignore[misc]
        server_tests: frozenset[str] | None = None

        def _split_scope(self, nodeid: str) -> str:
            if self.server_tests is None:  # read once every worker has collected
                self.server_tests = frozenset(listing.read_text(encoding="utf-8").splitlines())
            return "session-server" if nodeid in self.server_tests else nodeid.split("::")[0]

    return SessionServerScheduling(config, log)


def pytest_unconfigure(config: pytest.Config) -> None:
    if _SERVER_TESTS_FILE in config.stash:
        config.stash[_SERVER_TESTS_FILE].unlink(missing_ok=True)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """One real backend shared by the session (token set, temp data dir, log file)."""
    running = launch(tmp_path_factory.mktemp("server"))
    yield running
    running.stop()


@dataclass
class Toured:
    """A server after `server_tour.tour`: the calls made, then the stopped server (its logs and
    network audit are complete)."""

    server: RunningServer
    calls: list[tuple[str, str, int]]


@pytest.fixture(scope="session")
def toured_server(tmp_path_factory: pytest.TempPathFactory) -> Toured:
    """One server (DEBUG logging) toured with personal data through every endpoint and stopped,
    shared by the log-privacy and the no-outbound-socket tests."""
    from server_tour import tour

    running = launch(tmp_path_factory.mktemp("toured"), env={"REDACTA_LOG_LEVEL": "DEBUG"})
    try:
        calls = tour(running)
    finally:
        running.stop()
    return Toured(running, calls)


StartServer = Callable[..., RunningServer]


@pytest.fixture
def start_server(tmp_path: Path) -> Iterator[StartServer]:
    """Factory for extra servers: `start_server(token=..., data_dir=..., env=..., args=...)`.

    Every server it started is stopped after the test.
    """
    started: list[RunningServer] = []

    def start(**kwargs: Any) -> RunningServer:
        running = launch(tmp_path, **kwargs)
        started.append(running)
        return running

    yield start
    for running in started:
        running.stop()


@pytest.fixture(scope="session")
def redacta_engine() -> Iterator[Any]:
    """One real in-process engine (default settings, no worker processes) for the session:
    loading spaCy and the recognizers takes seconds, so the shape tests share it."""
    from test_recognizers_helpers import make_engine

    engine = make_engine()
    yield engine
    engine.close()


AppClient = Callable[..., TestClient]


@pytest.fixture
def app_client(redacta_engine: Any, tmp_path: Path) -> AppClient:
    """Factory for the real app in this process: `with app_client(max_body_bytes=...) as
    client:` runs `create_app` with those settings (a fresh token; data in `tmp_path/data`
    unless `data_dir` is given) on the session's engine, through its lifespan, and the client
    sends the token and a loopback Host header."""
    from redacta.api.app import create_app
    from redacta.settings import Settings

    def make(**settings: Any) -> TestClient:
        secret = secrets.token_urlsafe(24)
        settings.setdefault("data_dir", tmp_path / "data")
        app = create_app(Settings(token=secret, **settings), redacta_engine)
        headers = {"Authorization": f"Bearer {secret}"}
        return TestClient(app, base_url="http://127.0.0.1:8000", headers=headers)

    return make


@dataclass
class CliResult:
    """What `run_cli` saw: the exit code and everything printed."""

    returncode: int
    stdout: str
    stderr: str


RunCli = Callable[..., CliResult]


@pytest.fixture
def run_cli(
    redacta_engine: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> RunCli:
    """`run_cli("redact", src, "-o", out, data_dir=path)`: `redacta`'s `main` in this process
    with only REDACTA_DATA_DIR set among the REDACTA_* variables, as a user's shell would run
    it; a job with one worker runs on the session's engine instead of loading the model."""
    from redacta.__main__ import main

    def run(*args: str, data_dir: Path) -> CliResult:
        for name in [name for name in os.environ if name.startswith("REDACTA_")]:
            monkeypatch.delenv(name)
        monkeypatch.setenv("REDACTA_DATA_DIR", str(data_dir))
        capsys.readouterr()
        try:
            code = main(list(args), engine=redacta_engine)
        except SystemExit as exited:  # argparse: --help and usage errors
            code = exited.code if isinstance(exited.code, int) else 1
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return run
