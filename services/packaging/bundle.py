"""What goes into the frozen backend and what is left out; used by `redacta-backend.spec`.

Kept out of the spec so the rules can be read (and unit-checked) as plain Python.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

from redacta.engine import pattern_cache
from redacta.settings import Settings

#: The spaCy model package frozen into the build: the settings' default, so the exe works
#: with no configuration.
MODEL: str = str(Settings.model_fields["model"].default)

#: spaCy 3.8 imports these languages at start-up (xx, ja, ko, th, vi, zh); `en` is the model's.
SPACY_LANGUAGES_KEPT = frozenset({"en", "xx", "ja", "ko", "th", "vi", "zh"})

#: Never used by the app and large, or pulled in only by optional code paths.
_NOT_USED = (
    # GUI toolkits and the interactive/dev side of the standard library
    "tkinter",
    "_tkinter",
    "turtle",
    "turtledemo",
    "idlelib",
    "lib2to3",
    "pydoc_data",
    "test",
    "unittest.test",
    # Deep-learning stacks Presidio/thinc know about but Redacta does not use
    "torch",
    "torchvision",
    "transformers",
    "tokenizers",
    "huggingface_hub",
    "stanza",
    "spacy_transformers",
    "spacy_huggingface_pipelines",
    "tensorflow",
    "jax",
    "mxnet",
    "cupy",
    "cupyx",
    "langextract",
    "azure",
    # The Spark extra (`redacta.spark`, pyspark): for clusters, never in the desktop app
    "redacta.spark",
    "pyspark",
    "py4j",
    # Notebook / plotting / dataframe libraries occasionally probed by optional imports
    "IPython",
    "matplotlib",
    "pandas",
    # Build tooling
    "setuptools",
    "pkg_resources",
    "pip",
    "PyInstaller",
    "Cython",
    # phonenumbers' geocoder/carrier/timezone data (~20 MB): Presidio only matches numbers
    "phonenumbers.geocoder",
    "phonenumbers.carrier",
    "phonenumbers.timezone",
    "phonenumbers.geodata",
    "phonenumbers.carrierdata",
    "phonenumbers.tzdata",
    # Test suites shipped inside packages
    "spacy.tests",
    "thinc.tests",
    "srsly.tests",
    "blis.tests",
    "preshed.tests",
    "cymem.tests",
    "murmurhash.tests",
    "catalogue.tests",
    "confection.tests",
    "weasel.tests",
    "wasabi.tests",
    "numpy.tests",
    "pydantic.v1.tests",
    # Type-checker plugins and servers we do not run under
    "thinc.mypy",
    "pydantic.mypy",
    "pydantic.v1.mypy",
    "uvicorn.workers",  # gunicorn workers
    # OCR: onnxruntime's model-conversion and tuning tools (the app only runs sessions);
    # Pillow's AVIF codec (libavif, 5 MB; not an input format), its font rendering (FreeType,
    # HarfBuzz, Brotli; boxes are painted as polygons, no text is drawn) and Tk bridge
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._imagingft",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "onnxruntime.tools",
    "onnxruntime.transformers",
    "onnxruntime.quantization",
    # lxml parts python-docx/openpyxl never use (the contrib hook collects every submodule)
    "lxml.objectify",
    "lxml.html",
    "lxml.isoschematron",
)


def _unused_spacy_languages() -> list[str]:
    """`spacy.lang.<code>` packages not kept (read from disk, without importing spaCy)."""
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return []
    lang_dir = Path(next(iter(spec.submodule_search_locations))) / "lang"
    return sorted(
        f"spacy.lang.{entry.name}"
        for entry in lang_dir.iterdir()
        if (entry / "__init__.py").is_file() and entry.name not in SPACY_LANGUAGES_KEPT
    )


@cache
def excluded_modules() -> list[str]:
    """Modules PyInstaller must not collect even if some import statement mentions them."""
    return [*_NOT_USED, *_unused_spacy_languages()]


def is_excluded(module: str) -> bool:
    """True for an excluded module and everything below it (used by our hooks' filters)."""
    return any(module == name or module.startswith(name + ".") for name in excluded_modules())


def _is_shared_library(path: Path) -> bool:
    return path.is_file() and not path.is_symlink() and ".so" in path.name


def strip_debug_symbols(dist_dir: Path) -> int:
    """Drop debug info from our shared libraries (Linux); returns how many files were stripped.

    PyInstaller's own `strip=True` strips everything, which breaks the OpenBLAS vendored in
    `numpy.libs/` ("ELF load command address/offset not page-aligned"), so the vendored
    `*.libs/` folders of manylinux wheels are left alone. This halves the bundle on Linux.
    """
    strip = shutil.which("strip")
    if strip is None:
        print("WARNING: `strip` not found (install binutils): bundle left unstripped")
        return 0
    targets = [
        path
        for path in sorted(dist_dir.rglob("*.so*"))
        if _is_shared_library(path)
        and not any(part.endswith(".libs") for part in path.relative_to(dist_dir).parts)
    ]
    for start in range(0, len(targets), 200):
        subprocess.run(
            [strip, "--strip-debug", *map(str, targets[start : start + 200])], check=True
        )
    print(f"stripped debug info from {len(targets)} shared libraries", file=sys.stderr)
    return len(targets)


def compiled_pattern_files() -> list[tuple[str, str]]:
    """The compiled-pattern cache files as PyInstaller data entries (`(file, folder)`).

    Built with the interpreter and `regex` that are being frozen, so the frozen app reads its
    address patterns instead of parsing them on every start (`redacta/engine/pattern_cache.py`:
    the frozen app never writes them). A build without them would start a second slower, so a
    missing file fails the build.
    """
    files = pattern_cache.write_files()
    missing = [path.name for path in files if not path.is_file()]
    if not files or missing:
        folder = pattern_cache.CACHE_DIR
        raise SystemExit(f"compiled-pattern cache not written in {folder}: {missing}")
    folder = pattern_cache.CACHE_DIR.relative_to(Path(pattern_cache.__file__).parents[2])
    return [(str(path), folder.as_posix()) for path in files]
