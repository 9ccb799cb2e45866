"""phonenumbers: the matching code and per-region metadata, without the geocoder, carrier and
time-zone data (~20 MB) that Presidio never uses.

Replaces pyinstaller-hooks-contrib's hook, which lists every submodule as a hidden import.
"""

from bundle import is_excluded
from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("phonenumbers", filter=lambda name: not is_excluded(name))
