"""Run a command (the frozen smoke tests) in a new network namespace with only loopback up.

    python tests_frozen/netns.py pytest tests_frozen ...

Inside the namespace there is no route off the machine: any connection attempt by the frozen
exe (a model download, a public-suffix fetch) fails at once, so the tests prove the build works
offline. Root uses `unshare -n`; other users `unshare -rn` (a user namespace, where the kernel
allows it). When neither works the command runs as is, with `REDACTA_NETNS_UNAVAILABLE` set to
the reason: the tests that need isolation then skip with that reason instead of passing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

UP_LOOPBACK = 'ip link set lo up && exec "$@"'


def _unshare_prefix() -> tuple[list[str] | None, str]:
    """The working `unshare ... sh -c` prefix, or None and why there is none."""
    unshare, ip = shutil.which("unshare"), shutil.which("ip")
    if unshare is None or ip is None:
        return None, "`unshare` (util-linux) or `ip` (iproute2) is not installed"
    flags = ["-n"] if os.geteuid() == 0 else ["-r", "-n"]
    prefix = [unshare, *flags, "sh", "-c", UP_LOOPBACK, "sh"]
    probe = subprocess.run([*prefix, "true"], capture_output=True, text=True, check=False)
    if probe.returncode != 0:
        return None, f"`unshare {' '.join(flags)}` failed: {probe.stderr.strip()[:200]}"
    return prefix, ""


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    if not sys.platform.startswith("linux"):
        prefix, reason = None, f"network namespaces are Linux-only (this is {sys.platform})"
    else:
        prefix, reason = _unshare_prefix()
    if prefix is None:
        print(f"netns: running WITHOUT network isolation: {reason}", file=sys.stderr)
        os.environ["REDACTA_NETNS_UNAVAILABLE"] = reason
        return subprocess.run(argv, check=False).returncode
    return subprocess.run([*prefix, *argv], check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
