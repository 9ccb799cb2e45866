"""Deterministic benchmark corpus: English business prose with personal data.

The same seed always gives the same texts, so stock Presidio and Redacta are measured on
identical input. No dependency beyond the standard library.
"""

from __future__ import annotations

import random

FIRST = [
    "John",
    "Maria",
    "Wei",
    "Fatima",
    "Liam",
    "Sofia",
    "Ahmed",
    "Emma",
    "Raj",
    "Olivia",
    "Carlos",
    "Anna",
    "Kenji",
    "Grace",
    "Mohammed",
    "Chloe",
    "David",
    "Elena",
    "Tom",
    "Aisha",
]
LAST = [
    "Smith",
    "Garcia",
    "Chen",
    "Khan",
    "O'Brien",
    "Rossi",
    "Haddad",
    "Jones",
    "Patel",
    "Brown",
    "Silva",
    "Novak",
    "Tanaka",
    "Wilson",
    "Ali",
    "Martin",
    "Müller",
    "Ivanova",
]
ORGS = [
    "Microsoft Corporation",
    "Acme Holdings",
    "Globex Ltd",
    "Initech",
    "Siemens AG",
    "Northwind Traders",
    "Contoso Bank",
    "Umbrella Pharmaceuticals",
    "Stark Industries",
]
CITIES = [
    "Seattle",
    "London",
    "Berlin",
    "Paris",
    "Toronto",
    "Sydney",
    "Dublin",
    "Madrid",
    "Chicago",
    "Boston",
    "Manchester",
    "Vancouver",
]
FILLER = [
    "The committee reviewed the quarterly figures and agreed to revisit the budget.",
    "Several items on the agenda were postponed until the next meeting.",
    "Please find attached the revised schedule for the upcoming project phase.",
    "We appreciate your patience while the team resolves the outstanding issues.",
    "The new policy takes effect at the start of the next financial year.",
    "Feedback from the pilot was largely positive, with a few usability concerns.",
    "All staff are reminded to complete the mandatory training by the deadline.",
    "The vendor confirmed that the shipment left the warehouse this morning.",
]


def _card(rng: random.Random) -> str:
    digits = [4] + [rng.randint(0, 9) for _ in range(14)]
    total = sum(
        d * 2 - 9 if d * 2 > 9 and i % 2 == 0 else (d * 2 if i % 2 == 0 else d)
        for i, d in enumerate(reversed(digits))
    )
    digits.append((10 - total % 10) % 10)
    return "".join(map(str, digits))


def sentence(rng: random.Random) -> str:
    """One sentence; about a third carry no personal data."""
    first, last = rng.choice(FIRST), rng.choice(LAST)
    person = f"{first} {last}"
    email = f"{first.lower()}.{last.lower().replace(chr(39), '')}@example.com"
    phone = f"({rng.randint(201, 989)}) 555-{rng.randint(1000, 9999)}"
    templates = [
        f"{person} joined {rng.choice(ORGS)} in {rng.choice(CITIES)} last spring.",
        f"Please contact {person} at {email} or call {phone}.",
        f"The invoice was paid with card {_card(rng)} on behalf of {rng.choice(ORGS)}.",
        f"Our office in {rng.choice(CITIES)} will host {person} for the review.",
        f"Server logs show a login from 192.168.{rng.randint(0, 255)}.{rng.randint(1, 254)} "
        f"by {first}.",
        f"See https://www.example.org/cases/{rng.randint(1000, 9999)} for the case notes.",
        rng.choice(FILLER),
        rng.choice(FILLER),
        rng.choice(FILLER),
    ]
    return rng.choice(templates)


def text(n_chars: int, seed: int = 0) -> str:
    """About `n_chars` of prose in paragraphs of 3-7 sentences."""
    rng = random.Random(seed)  # noqa: S311 - reproducible corpus, not cryptography
    paras: list[str] = []
    size = 0
    while size < n_chars:
        para = " ".join(sentence(rng) for _ in range(rng.randint(3, 7)))
        paras.append(para)
        size += len(para) + 2
    return "\n\n".join(paras)[:n_chars].rstrip()


def short_texts(count: int, seed: int = 1) -> list[str]:
    """`count` one- or two-sentence texts (chat messages, form fields)."""
    rng = random.Random(seed)  # noqa: S311
    return [" ".join(sentence(rng) for _ in range(rng.randint(1, 2))) for _ in range(count)]
