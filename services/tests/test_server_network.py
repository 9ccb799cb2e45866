"""The whole request path opens no outbound socket (audit hook in the real server process)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import NETAUDIT_DIR, Toured


def test_every_endpoint_with_emails_and_urls_opens_no_outbound_socket(
    toured_server: Toured,
) -> None:
    assert len(toured_server.calls) > 40
    assert toured_server.server.outbound_attempts() == []


def test_the_audit_hook_does_record_outbound_attempts(tmp_path: Path) -> None:
    """Positive control: the same hook in a process that does try to reach out."""
    audit = tmp_path / "net.txt"
    code = textwrap.dedent(
        """
        import socket
        s = socket.socket()
        s.setblocking(False)
        try:
            s.connect(("192.0.2.1", 443))  # TEST-NET-1: documentation range, never routed
        except OSError:
            pass
        socket.socket().bind(("127.0.0.1", 0))  # loopback: not recorded
        """
    )
    env = {**os.environ, "PYTHONPATH": str(NETAUDIT_DIR), "REDACTA_TEST_NET_AUDIT": str(audit)}
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)
    assert audit.read_text().splitlines() == ["socket.connect ('192.0.2.1', 443)"]
