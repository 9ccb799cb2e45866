#!/usr/bin/env python3
"""Run `invoke package` signed when the signing secrets exist, unsigned (and say so) otherwise.

The release workflow passes electron-builder's standard secrets as environment variables
(WIN_CSC_LINK / WIN_CSC_KEY_PASSWORD on Windows; CSC_LINK / CSC_KEY_PASSWORD and APPLE_ID /
APPLE_APP_SPECIFIC_PASSWORD / APPLE_TEAM_ID on macOS). On a fork they are empty strings: the
installers must still be built, without signing, and the job summary must tell whoever
downloads them. Empty variables are removed (electron-builder would otherwise try to use them)
and keychain auto-discovery is turned off so an unsigned build is really unsigned.

Usage: package_release.py [--platform win|mac|linux] [--dry-run] -- INVOKE_PACKAGE_ARGS...
Only names of secrets are ever printed, never values.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

SIGNING_VARS = ("CSC_LINK", "CSC_KEY_PASSWORD", "WIN_CSC_LINK", "WIN_CSC_KEY_PASSWORD")
NOTARIZE_VARS = ("APPLE_ID", "APPLE_APP_SPECIFIC_PASSWORD", "APPLE_TEAM_ID")


@dataclass
class Plan:
    """What this build will do about signing, and the environment it runs with."""

    signed: bool
    notarized: bool
    env: dict[str, str]
    notes: list[str] = field(default_factory=list)


def host_platform() -> str:
    """electron-builder's platform names: win, mac, linux."""
    if sys.platform == "win32":
        return "win"
    if sys.platform == "darwin":
        return "mac"
    return "linux"


def plan_signing(platform: str, environ: dict[str, str]) -> Plan:
    """Decide signing from which secrets are non-empty; drop the empty ones from the env."""
    env = {k: v for k, v in environ.items() if not (k in SIGNING_VARS + NOTARIZE_VARS and not v)}
    present = {name for name in SIGNING_VARS + NOTARIZE_VARS if env.get(name)}
    notes: list[str] = []
    if platform == "win":
        signed = bool(present & {"WIN_CSC_LINK", "CSC_LINK"})
        notarized = False
        if not signed:
            notes.append(
                "Windows installer is NOT signed (WIN_CSC_LINK is not set): SmartScreen will "
                'warn users ("Windows protected your PC" → More info → Run anyway).'
            )
    elif platform == "mac":
        signed = "CSC_LINK" in present
        notarized = signed and set(NOTARIZE_VARS) <= present
        if not signed:
            notes.append(
                "macOS app is NOT signed (CSC_LINK is not set): Gatekeeper will block it; users "
                "right-click → Open, or run "
                "`xattr -dr com.apple.quarantine /Applications/Redacta.app`."
            )
        elif not notarized:
            missing = ", ".join(sorted(set(NOTARIZE_VARS) - present))
            notes.append(
                f"macOS app is signed but NOT notarized (missing: {missing}): Gatekeeper will "
                "still warn on first launch."
            )
        if not notarized:
            for name in NOTARIZE_VARS:
                env.pop(name, None)
    else:
        signed = False
        notarized = False
        notes.append(
            "Linux AppImage and .deb are not code-signed (no such thing for them here); users "
            "can verify downloads against SHA256SUMS."
        )
    if not signed:
        for name in SIGNING_VARS:
            env.pop(name, None)
        env["CSC_IDENTITY_AUTO_DISCOVERY"] = "false"
    return Plan(signed=signed, notarized=notarized, env=env, notes=notes)


def summary_markdown(platform: str, plan: Plan) -> str:
    """The job summary section: signing state and what it means for users."""
    state = "signed" if plan.signed else "unsigned"
    if plan.notarized:
        state += " and notarized"
    lines = [f"### Installer signing ({platform}): {state}", ""]
    lines += [f"- {note}" for note in plan.notes]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Plan signing, write the job summary, run `invoke package ARGS`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--platform", choices=["win", "mac", "linux"], default=host_platform())
    parser.add_argument("--dry-run", action="store_true", help="print the plan, build nothing")
    parser.add_argument("package_args", nargs="*", help="arguments for `invoke package`")
    args = parser.parse_args(argv)

    plan = plan_signing(args.platform, dict(os.environ))
    summary = summary_markdown(args.platform, plan)
    print(summary)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:
        with Path(summary_file).open("a", encoding="utf-8") as handle:
            handle.write(summary)

    # `invoke package` always runs electron-builder with `--publish never`: the publish job
    # uploads, electron-builder never does.
    command = ["invoke", "package", *args.package_args]
    print("running:", " ".join(command), flush=True)
    if args.dry_run:
        return 0
    executable = shutil.which("invoke", path=plan.env.get("PATH"))
    if executable is None:
        print("package_release: `invoke` is not on PATH", file=sys.stderr)
        return 1
    return subprocess.run([executable, *command[1:]], env=plan.env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
