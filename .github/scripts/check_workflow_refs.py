#!/usr/bin/env python3
"""Check that what the workflows call exists: nox sessions, invoke options, npm scripts, files.

The workflows never duplicate build steps: they call `nox -s NAME`, `invoke TASK --option` and
`.github/scripts/*`. Those live in files other people change (noxfile.py, tasks.py); a renamed
session or task would only show up as a red run on GitHub. This reads the workflows and finds
every such reference, then checks it against noxfile.py and tasks.py, parsed (not imported, so
no nox or invoke is needed) with `ast`.

Usage: check_workflow_refs.py [--root REPO]     (exit 1 and one line per broken reference)
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shlex
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped,unused-ignore]

WORKFLOWS = ("ci.yml", "release.yml")
SCRIPT_REF = re.compile(r"\.github/scripts/[\w.-]+")


def walk(node: Any) -> Iterator[tuple[str, Any]]:
    """Every (key, value) pair in a parsed YAML document, depth first."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield str(key), value
            yield from walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from walk(item)


def decorated_functions(path: Path, decorator: str) -> dict[str, ast.FunctionDef]:
    """Functions of a module decorated with `decorator` (e.g. `nox.session`, `task`), by name.

    nox and invoke both accept `name=` in the decorator; invoke also turns `_` into `-`.
    """
    found: dict[str, ast.FunctionDef] = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.FunctionDef):
            continue
        for deco in node.decorator_list:
            target = deco.func if isinstance(deco, ast.Call) else deco
            if ast.unparse(target) != decorator:
                continue
            name = node.name
            if isinstance(deco, ast.Call):
                for keyword in deco.keywords:
                    if keyword.arg == "name" and isinstance(keyword.value, ast.Constant):
                        name = str(keyword.value.value)
            found[name] = node
            found[name.replace("_", "-")] = node
    return found


def invoke_tasks(root: Path) -> dict[str, ast.FunctionDef]:
    """Tasks of tasks.py, and of a tasks/ package's modules as `module.task`."""
    tasks: dict[str, ast.FunctionDef] = {}
    if (root / "tasks.py").is_file():
        tasks.update(decorated_functions(root / "tasks.py", "task"))
    if (root / "tasks").is_dir():
        for module in (root / "tasks").glob("*.py"):
            for name, node in decorated_functions(module, "task").items():
                tasks[name] = node
                tasks[f"{module.stem}.{name}"] = node
    return tasks


def commands(workflow: Any) -> Iterator[list[str]]:
    """Each `nox` / `invoke` command line of the workflow, with matrix values substituted."""
    matrices = [v for k, v in walk(workflow) if k == "include" and isinstance(v, list)]
    for key, value in walk(workflow):
        if key != "run" or not isinstance(value, str):
            continue
        for line in value.replace("\\\n", " ").splitlines():
            if not any(word in line for word in ("nox", "invoke", "package_release.py")):
                continue
            try:
                words = shlex.split(line, comments=True)
            except ValueError:
                continue
            yield from expand(words, matrices)


def expand(words: list[str], matrices: list[list[dict[str, Any]]]) -> Iterator[list[str]]:
    """Replace `$NOX_SESSIONS` / `$PACKAGE_ARGS` by each matrix entry's value."""
    variables = {"$NOX_SESSIONS": "nox-sessions", "$PACKAGE_ARGS": "package-args"}
    hits = [w for w in words if w in variables]
    if not hits:
        yield words
        return
    for matrix in matrices:
        for entry in matrix:
            value = entry.get(variables[hits[0]])
            if value is None:
                continue
            i = words.index(hits[0])
            yield [*words[:i], *shlex.split(str(value)), *words[i + 1 :]]


def check(root: Path) -> list[str]:
    """Every broken reference, as a message."""
    problems: list[str] = []
    sessions = decorated_functions(root / "noxfile.py", "nox.session")
    tasks = invoke_tasks(root)
    for name in WORKFLOWS:
        path = root / ".github" / "workflows" / name
        text = path.read_text(encoding="utf-8")
        for ref in sorted(set(SCRIPT_REF.findall(text))):
            if not (root / ref).is_file():
                problems.append(f"{name}: {ref} does not exist")
        for words in commands(yaml.safe_load(text)):
            if words and words[0] == "nox" and "-s" in words:
                for session in words[words.index("-s") + 1 :]:
                    if session.startswith("-"):
                        break
                    if session not in sessions:
                        problems.append(f"{name}: nox session {session!r} is not in noxfile.py")
            if "package_release.py" in " ".join(words) or words[:2] == ["invoke", "package"]:
                problems += check_package_args(name, words, tasks)
        problems += check_npm_scripts(root, name, yaml.safe_load(text))
        if "invoke package" in text and "package" not in tasks:
            problems.append(f"{name}: `invoke package` but tasks.py has no `package` task")
    return list(dict.fromkeys(problems))


def steps(node: Any) -> Iterator[dict[str, Any]]:
    """Every step (a mapping with `run:`) of a parsed workflow."""
    if isinstance(node, dict):
        if isinstance(node.get("run"), str):
            yield node
        for value in node.values():
            yield from steps(value)
    elif isinstance(node, list):
        for item in node:
            yield from steps(item)


def check_npm_scripts(root: Path, workflow_name: str, workflow: Any) -> list[str]:
    """`npm run X` in a step must name a script of the package.json in its working directory."""
    problems: list[str] = []
    for step in steps(workflow):
        folder = root / str(step.get("working-directory", "."))
        for script in re.findall(r"npm run ([\w:.-]+)", step["run"]):
            manifest = folder / "package.json"
            if not manifest.is_file():
                problems.append(f"{workflow_name}: `npm run {script}` but no {manifest}")
                continue
            scripts = json.loads(manifest.read_text(encoding="utf-8")).get("scripts", {})
            if script not in scripts:
                problems.append(
                    f"{workflow_name}: {manifest.parent.name}/package.json has no script {script!r}"
                )
    return problems


def check_package_args(
    workflow: str, words: list[str], tasks: dict[str, ast.FunctionDef]
) -> list[str]:
    """`invoke package --flag` options must be parameters of the `package` task."""
    task = tasks.get("package")
    if task is None:
        return [f"{workflow}: `invoke package` but tasks.py has no `package` task"]
    params = {arg.arg.replace("_", "-") for arg in task.args.args + task.args.kwonlyargs}
    flags = [w[2:].split("=")[0] for w in words if w.startswith("--") and w != "--"]
    return [
        f"{workflow}: `invoke package --{flag}` is not an option of the package task"
        for flag in flags
        if flag not in params
    ]


def main(argv: list[str] | None = None) -> int:
    """Print each broken reference; exit 1 if there is any."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[2])
    args = parser.parse_args(argv)
    problems = check(args.root)
    for problem in problems:
        print(f"check_workflow_refs: {problem}", file=sys.stderr)
    if not problems:
        print("check_workflow_refs: every nox session, invoke option and script exists")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
