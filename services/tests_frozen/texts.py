"""Fixture texts sent to both the frozen exe and the dev server (invented people and numbers)."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "contact": (
        "Hi, I'm John Smith from Acme Corporation in Boston. Reach me at "
        "john.smith@example.com or +1 (212) 555-0147, or see https://www.acme-example.com/team."
    ),
    "finance": (
        "Please wire the refund to IBAN GB82 WEST 1234 5698 7654 32; the card used was "
        "4111 1111 1111 1111 and the SSN on file is 078-05-1120."
    ),
    "uk_health": (
        "Patient Mary O'Connor (NHS number 943 476 5919, NI number AB 12 34 56 C) was seen "
        "at St Thomas' Hospital in London on 3 March 2024 by Dr. Ahmed Khan."
    ),
    "network": (
        "The request came from 192.168.10.45 and 2001:db8::ff00:42:8329 at 10:42 on "
        "Tuesday; wallet 1BoatSLRHtKNngkdXEeobR76b53LETtpyT received the payment."
    ),
    "unicode": (
        "Zoë Łukasiewicz and José Álvarez met François in Zürich; write to "
        "zoe.lukasiewicz@example.org — tel. +44 20 7946 0958."
    ),
    # Long enough to be analyzed in several windows (offsets must still be exact).
    "long": " ".join(
        f"Record {n}: Sarah Johnson (sarah.j{n}@example.com, +1 415 555 {n:04d}) visited "
        f"Seattle on 2023-0{1 + n % 9}-1{n % 10} for Globex Corporation."
        for n in range(60)
    ),
}

# Prose with no personal data, to pad large texts the way real documents are padded.
FILLER = (
    "The quarterly review covered the migration of the archive, the new retention rules and "
    "the training plan for the coming season. Most teams reported steady progress, although "
    "the shared storage remained slower than expected during the busiest weeks. "
)


def large_text(chars: int) -> str:
    """At least `chars` characters: filler prose with a fixture text every ~10 KB."""
    samples = [TEXTS[name] for name in sorted(TEXTS) if name != "long"]
    parts: list[str] = []
    size = 0
    while size < chars:
        block = FILLER * (10_000 // len(FILLER)) + samples[len(parts) % len(samples)] + "\n"
        parts.append(block)
        size += len(block)
    return "".join(parts)
