"""Opaque, human-friendly codes for URLs and cards.

URLs never carry sequential ids. Codes use an alphabet without characters that
are easy to confuse when read aloud or written by hand (0/O, 1/I/L).
"""

import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_code(length: int = 8) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def new_token() -> str:
    """A long secret for links that act as a credential (invitations)."""
    return secrets.token_urlsafe(32)
