"""Built-in patterns skip Presidio's compile-to-validate; user patterns are still validated."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from presidio_analyzer import Pattern

from redacta.engine import builtin_patterns


def test_validation_is_skipped_inside_the_block_and_restored_after() -> None:
    with builtin_patterns.trusted():
        Pattern("built-in", "(unbalanced", 0.5)  # not compiled, so not rejected
    with pytest.raises(ValueError, match="Invalid regex"):
        Pattern("user", "(unbalanced", 0.5)


def test_a_fresh_import_skips_presidio_validation_then_restores_it() -> None:
    """In a new process: Presidio's import-time patterns are not compiled, user ones are."""
    script = textwrap.dedent(
        """
        import regex
        compiled = []
        real_compile = regex.compile

        def counting_compile(pattern, *args, **kwargs):
            compiled.append(pattern)
            return real_compile(pattern, *args, **kwargs)

        regex.compile = counting_compile
        from redacta.engine import builtin_patterns
        with builtin_patterns.trusted():
            import presidio_analyzer
        assert compiled == [], f"{len(compiled)} built-in patterns were compiled at import"
        try:
            presidio_analyzer.Pattern("user", "(unbalanced", 0.5)
        except ValueError:
            print("user pattern validated")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "user pattern validated" in result.stdout
