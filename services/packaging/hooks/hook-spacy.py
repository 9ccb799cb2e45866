"""spaCy: its submodules and data files, minus test suites, unused languages and C sources.

Replaces pyinstaller-hooks-contrib's hook, which collects every submodule (tests and ~80
languages included).
"""

from bundle import is_excluded
from PyInstaller.utils.hooks import collect_data_files, collect_submodules

SOURCES = ["**/*.pyx", "**/*.pxd", "**/*.pyi", "**/*.c", "**/*.h", "**/*.hh", "**/*.cu"]

hiddenimports = collect_submodules("spacy", filter=lambda name: not is_excluded(name))
datas = [
    (src, dest)
    for src, dest in collect_data_files("spacy", excludes=SOURCES)
    if not is_excluded(dest.replace("/", ".").replace("\\", "."))
]
