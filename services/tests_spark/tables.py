"""Generated support-ticket tables with planted personal data, and what was planted.

Every planted value is one the desktop engine finds in these sentences (the tests check the
Spark output against the desktop engine's own findings, so a value it missed would show).
Names recur across rows, so the same person lands in several partitions.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

PEOPLE = [
    ("Maria Garcia", "maria.garcia@example.com", "+1 415 555 0134"),
    ("Peter Novak", "peter.novak@example.org", "(212) 555-0199"),
    ("Aisha Khan", "aisha.khan@example.org", "020 7946 0958"),
    ("John Smith", "john.smith@example.net", "+44 20 7946 0321"),
    ("Emma Johnson", "emma.johnson@example.com", "(312) 555-0147"),
    ("David Miller", "david.miller@example.net", "+1 646 555 0188"),
]
CARDS = ["4111 1111 1111 1111", "5500 0000 0000 0004"]
IPS = ["192.168.10.24", "10.20.30.40"]
ALLOWED = "Redacta Support"

BODIES = [
    "Customer {name} wrote from {email} and asked us to call {phone}.",
    "Please refund {name}; card {card} was charged twice.",
    "Login from {ip} by {email}, then {name} called {phone}.",
    "Hi, this is {name}, my number is {phone}. Regards, " + ALLOWED + ".",
    "{name} ({email}) asked to close the account.",
]
SUBJECTS = ["Ticket from {name}", "Call back {name}", "Refund request"]
CATEGORIES = ["billing", "login", "account"]


@dataclass
class Table:
    """Rows as dicts (id, subject, body, category, priority) and every value planted in them."""

    rows: list[dict[str, object]]
    planted: set[str] = field(default_factory=set)


def tickets(count: int = 60, seed: int = 17) -> Table:
    """`count` ticket rows; deterministic for a seed."""
    rng = random.Random(seed)
    table = Table(rows=[])
    for index in range(count):
        name, email, phone = PEOPLE[index % len(PEOPLE)]
        values = {
            "name": name,
            "email": email,
            "phone": phone,
            "card": rng.choice(CARDS),
            "ip": rng.choice(IPS),
        }
        body, subject = rng.choice(BODIES), rng.choice(SUBJECTS)
        table.planted.update(v for k, v in values.items() if "{" + k + "}" in body + subject)
        body, subject = body.format(**values), subject.format(**values)
        table.rows.append(
            {
                "id": index,
                "subject": subject,
                "body": body,
                "category": rng.choice(CATEGORIES),
                "priority": index % 3,
            }
        )
    return table
