"""The release's signing decision (.github/scripts/package_release.py), run for real.

Signing itself needs certificates and GitHub's macOS/Windows runners; what is tested here is
the decision the script makes from which secrets are set, the job summary it writes, and the
environment it hands to `invoke package` (a stand-in `invoke` on PATH records it, since the
real packaging builds Electron installers this machine cannot build).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / ".github" / "scripts" / "package_release.py"
SECRET = "s3cr3t-value-never-printed"
ALL_SECRETS = (
    "CSC_LINK",
    "CSC_KEY_PASSWORD",
    "WIN_CSC_LINK",
    "WIN_CSC_KEY_PASSWORD",
    "APPLE_ID",
    "APPLE_APP_SPECIFIC_PASSWORD",
    "APPLE_TEAM_ID",
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="stand-in `invoke` is a script")


def package(
    tmp_path: Path, platform: str, secrets: dict[str, str]
) -> tuple[str, str, dict[str, str]]:
    """Run the script as the workflow does; return (stdout, job summary, env invoke saw)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    record = tmp_path / "invoke-env.json"
    stand_in = bin_dir / "invoke"
    stand_in.write_text(
        textwrap.dedent(
            f"""\
            #!{sys.executable}
            import json, os, sys
            json.dump({{"argv": sys.argv[1:], "env": dict(os.environ)}}, open({str(record)!r}, "w"))
            """
        ),
        encoding="utf-8",
    )
    stand_in.chmod(0o755)
    summary = tmp_path / "summary.md"
    env = {k: v for k, v in os.environ.items() if k not in ALL_SECRETS}
    env |= dict.fromkeys(ALL_SECRETS, "")  # what GitHub passes for unset secrets
    env |= secrets
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    env["GITHUB_STEP_SUMMARY"] = str(summary)
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--platform", platform, "--", "--target", "dmg"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(record.read_text(encoding="utf-8"))
    assert seen["argv"] == ["package", "--target", "dmg"]
    text = summary.read_text(encoding="utf-8")
    assert SECRET not in result.stdout + result.stderr + text
    return result.stdout, text, seen["env"]


def test_no_secrets_builds_unsigned_and_says_so(tmp_path: Path) -> None:
    _, summary, env = package(tmp_path, "mac", {})
    assert "unsigned" in summary
    assert "xattr -dr com.apple.quarantine" in summary
    assert env["CSC_IDENTITY_AUTO_DISCOVERY"] == "false"
    assert not set(ALL_SECRETS) & set(env), "empty secrets must not reach electron-builder"


def test_windows_certificate_signs_windows(tmp_path: Path) -> None:
    secrets = {"WIN_CSC_LINK": SECRET, "WIN_CSC_KEY_PASSWORD": SECRET}
    _, summary, env = package(tmp_path, "win", secrets)
    assert "(win): signed" in summary
    assert env["WIN_CSC_LINK"] == SECRET
    assert "CSC_IDENTITY_AUTO_DISCOVERY" not in env


def test_mac_signed_without_notarization_credentials_is_reported(tmp_path: Path) -> None:
    secrets = {"CSC_LINK": SECRET, "CSC_KEY_PASSWORD": SECRET, "APPLE_ID": SECRET}
    _, summary, env = package(tmp_path, "mac", secrets)
    assert "(mac): signed" in summary
    assert "NOT notarized (missing: APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID)" in summary
    assert "APPLE_ID" not in env, "partial notarization credentials are dropped"


def test_mac_with_every_secret_is_signed_and_notarized(tmp_path: Path) -> None:
    secrets = {name: SECRET for name in ALL_SECRETS if not name.startswith("WIN_")}
    _, summary, env = package(tmp_path, "mac", secrets)
    assert "(mac): signed and notarized" in summary
    assert all(env[name] == SECRET for name in secrets)


def test_linux_is_never_signed_and_points_to_checksums(tmp_path: Path) -> None:
    _, summary, env = package(tmp_path, "linux", {"CSC_LINK": SECRET})
    assert "(linux): unsigned" in summary
    assert "SHA256SUMS" in summary
    assert "CSC_LINK" not in env
