"""thinc: its submodules and data files, minus its test suite and CUDA/C sources.

Replaces pyinstaller-hooks-contrib's hook, which also collects `thinc.tests`. The `.cu` CUDA
kernels stay: `thinc.backends._custom_kernels` reads them at import time, GPU or not.
"""

from bundle import is_excluded
from PyInstaller.utils.hooks import collect_data_files, collect_submodules

SOURCES = ["**/*.pyx", "**/*.pxd", "**/*.pyi", "**/*.c", "**/*.h", "**/tests/**"]

hiddenimports = collect_submodules("thinc", filter=lambda name: not is_excluded(name))
datas = collect_data_files("thinc", excludes=SOURCES)
