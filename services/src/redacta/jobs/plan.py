"""Turn a job's inputs into (source, relative output path) pairs, refusing unsafe layouts.

Output mirrors the input tree: a single folder's contents land directly in the output
folder; otherwise each input keeps its own name under it. The output folder may not be an
input or inside one (the job would read its own outputs), and no target may be a source.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from redacta.documents import SUPPORTED_SUFFIXES

TEMP_SUFFIX = ".redacta-part"


class PlanError(ValueError):
    """The job request cannot be run as given (bad paths, unsafe output folder)."""


@dataclass(frozen=True)
class PlannedFile:
    source: Path
    relative: PurePosixPath
    explicit: bool  # named directly (an unsupported type is then an error, not a skip)
    duplicate: bool = False  # another input already maps to the same output path


def _matches(rel: PurePosixPath, patterns: list[str]) -> bool:
    text = rel.as_posix()
    return any(fnmatch.fnmatch(text, p) or fnmatch.fnmatch(rel.name, p) for p in patterns)


def _is_within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def plan_files(
    inputs: list[str],
    output_dir: str,
    include: list[str],
    exclude: list[str],
    *,
    keep_names: bool = False,
) -> tuple[Path, list[PlannedFile]]:
    """Resolve inputs (files and folders, recursively) into the files to process, named as
    `output_name` names their outputs; a plan whose output would replace an input file (an
    input in the output folder itself, names kept) is refused: the original would be lost."""
    output = Path(output_dir).expanduser().resolve()
    roots = [Path(p).expanduser().resolve() for p in inputs]
    for root in roots:
        if not root.exists():
            raise PlanError(f"Input not found: {root}")
        if root.is_dir() and _is_within(output, root):
            raise PlanError(
                "The output folder must not be an input folder or inside one "
                f"({output} is inside {root}); choose a folder elsewhere."
            )
        if root.is_file() and output == root:
            raise PlanError("The output folder cannot be an input file.")
    if output.exists() and not output.is_dir():
        raise PlanError(f"The output path exists and is not a folder: {output}")
    if not output.exists():
        existing = next(p for p in output.parents if p.exists())  # the root always exists
        if not existing.is_dir():
            raise PlanError(
                f"The output folder {output} cannot be created: {existing} is a file; "
                "choose an output folder elsewhere."
            )

    single_dir = len(roots) == 1 and roots[0].is_dir()
    files: list[PlannedFile] = []
    for root in roots:
        base = root if single_dir else root.parent
        if root.is_file():
            files.append(PlannedFile(root, PurePosixPath(root.name), True))
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for name in sorted(filenames):
                path = Path(dirpath) / name
                if name.endswith(TEMP_SUFFIX) or path.is_symlink():
                    continue
                rel = PurePosixPath(path.relative_to(base).as_posix())
                if include and not _matches(rel, include):
                    continue
                if exclude and _matches(rel, exclude):
                    continue
                files.append(PlannedFile(path, rel, False))
    seen: set[PurePosixPath] = set()
    planned_files: list[PlannedFile] = []
    for planned in files:
        duplicate = planned.relative in seen
        seen.add(planned.relative)
        planned_files.append(
            PlannedFile(planned.source, planned.relative, planned.explicit, duplicate)
        )
    _refuse_replacing_inputs(output, planned_files, keep_names=keep_names)
    return output, planned_files


def _refuse_replacing_inputs(output: Path, files: list[PlannedFile], *, keep_names: bool) -> None:
    """PlanError when the output of a file is an input file (the same file on disk, however
    its path is spelt or its letters cased)."""
    targets = [(f, output / output_name(f.relative, keep_names=keep_names)) for f in files]
    existing = [(f, target) for f, target in targets if target.is_file()]
    if not existing:
        return
    inputs = {(s.st_dev, s.st_ino) for s in (f.source.stat() for f in files)}
    for planned, target in existing:
        found = target.stat()
        if (found.st_dev, found.st_ino) in inputs:
            raise PlanError(
                f"The output of {planned.relative} would replace the input file {target}; "
                "choose an output folder that holds no input."
            )


OUTPUT_MARK = "-redacted"


def output_name(relative: PurePosixPath, *, keep_names: bool) -> PurePosixPath:
    """Where a file's output goes under the output folder: the same tree, the file named
    `<name>-redacted.<ext>` unless the names are kept."""
    if keep_names:
        return relative
    return relative.with_name(f"{relative.stem}{OUTPUT_MARK}{relative.suffix}")


# Names Windows reserves for devices, with or without an extension ("CON.txt" opens the console).
_WINDOWS_DEVICES = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"com{i}" for i in range(1, 10)]
    + [f"lpt{i}" for i in range(1, 10)]
)


def upload_names(paths: list[PurePosixPath]) -> list[PurePosixPath]:
    """One stored name per uploaded part, in order, that no other part's name or folder can
    collide with on any desktop file system: names equal but for letter case (macOS and
    Windows fold case) get " (2)", " (3)"...; a file named like another part's folder
    ("a" beside "a/b.txt") is renamed the same way; Windows device names get a leading "_"."""
    safe = [
        PurePosixPath(
            *(
                f"_{part}" if part.split(".")[0].casefold() in _WINDOWS_DEVICES else part
                for part in path.parts
            )
        )
        for path in paths
    ]
    folders = {str(parent).casefold() for path in safe for parent in path.parents}
    taken: set[str] = set(folders)
    names: list[PurePosixPath] = []
    for path in safe:
        name, n = path, 1
        while str(name).casefold() in taken:
            n += 1
            name = path.with_name(f"{path.stem} ({n}){path.suffix}")
        taken.add(str(name).casefold())
        names.append(name)
    return names


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES
