"""Opaque, human-friendly codes for URLs and cards.

URLs never carry sequential ids. Codes use an alphabet without characters that
are easy to confuse when read aloud or written by hand (0/O, 1/I/L).
"""

import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_code(length: int = 8) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def unused_codes(model, count: int, make=new_code, field: str = "code") -> list[str]:
    """`count` distinct codes from `make` that no row of `model` holds yet.

    Codes are random, so they collide now and then: at a million participants a fresh
    six-character code is already taken about once in 900 draws. Writers ask the database
    instead of trusting luck; two writers drawing the same unused code at the same instant is
    left to the unique constraint.
    """
    chosen: list[str] = []
    while len(chosen) < count:
        drawn = {make() for _ in range(count - len(chosen))}.difference(chosen)
        taken = set()
        batch = sorted(drawn)
        for start in range(0, len(batch), 500):
            taken.update(
                model._default_manager.filter(
                    **{f"{field}__in": batch[start : start + 500]}
                ).values_list(field, flat=True)
            )
        chosen.extend(code for code in batch if code not in taken)
    return chosen


def new_token() -> str:
    """A long secret for links that act as a credential (invitations)."""
    return secrets.token_urlsafe(32)
