"""The check that what the workflows call exists (.github/scripts/check_workflow_refs.py).

`nox -s workflows` runs it on this repository; here it runs on copies of the real workflows
next to a noxfile and a tasks.py made here, to show it catches a renamed nox session, a
missing `invoke package` option and a missing script (and passes when all exist).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / ".github" / "scripts" / "check_workflow_refs.py"


def run_check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--root", str(root)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def sessions_called_by_workflows() -> set[str]:
    """Every session name the real workflows pass to `nox -s` (incl. the matrix lists)."""
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        import check_workflow_refs as refs
    finally:
        sys.path.pop(0)
    import yaml

    names: set[str] = set()
    for workflow in ("ci.yml", "release.yml"):
        text = (REPO / ".github" / "workflows" / workflow).read_text(encoding="utf-8")
        for words in refs.commands(yaml.safe_load(text)):
            if words[:1] == ["nox"] and "-s" in words:
                names.update(words[words.index("-s") + 1 :])
    return names


def make_repo(
    root: Path,
    sessions: set[str],
    package_params: str,
    drop_script: str = "",
    desktop_scripts: tuple[str, ...] = ("test:e2e",),
) -> Path:
    shutil.copytree(REPO / ".github", root / ".github")
    (root / "desktop").mkdir()
    (root / "desktop" / "package.json").write_text(
        json.dumps({"scripts": dict.fromkeys(desktop_scripts, "playwright test")}),
        encoding="utf-8",
    )
    if drop_script:
        (root / ".github" / "scripts" / drop_script).unlink()
    noxfile = "import nox\n" + "".join(
        f"\n@nox.session(name={name!r})\ndef s_{i}(session): ...\n"
        for i, name in enumerate(sorted(sessions))
    )
    (root / "noxfile.py").write_text(noxfile, encoding="utf-8")
    (root / "tasks.py").write_text(
        textwrap.dedent(
            f"""
            from invoke import task

            @task
            def package(c, {package_params}):
                ...
            """
        ),
        encoding="utf-8",
    )
    return root


def test_passes_when_every_session_option_and_script_exists(tmp_path: Path) -> None:
    sessions = sessions_called_by_workflows()
    assert {"freeze", "frozen"} <= sessions
    root = make_repo(tmp_path, sessions, "target=None, arch=None")
    result = run_check(root)
    assert result.returncode == 0, result.stderr


def test_a_missing_nox_session_is_reported(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path, sessions_called_by_workflows() - {"frozen"}, "target=None, arch=None"
    )
    result = run_check(root)
    assert result.returncode == 1
    assert "nox session 'frozen' is not in noxfile.py" in result.stderr


def test_a_missing_package_option_is_reported(tmp_path: Path) -> None:
    root = make_repo(tmp_path, sessions_called_by_workflows(), "target=None")
    result = run_check(root)
    assert result.returncode == 1
    assert "`invoke package --arch` is not an option" in result.stderr


def test_a_missing_script_is_reported(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path, sessions_called_by_workflows(), "target=None, arch=None", "smoke_installer.py"
    )
    result = run_check(root)
    assert result.returncode == 1
    assert ".github/scripts/smoke_installer.py does not exist" in result.stderr


def test_a_missing_npm_script_is_reported(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path, sessions_called_by_workflows(), "target=None, arch=None", desktop_scripts=()
    )
    result = run_check(root)
    assert result.returncode == 1
    assert "desktop/package.json has no script 'test:e2e'" in result.stderr
