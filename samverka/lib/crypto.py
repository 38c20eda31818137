"""Encryption of the few identifying fields (names, phone numbers).

Keys come from FIELD_ENCRYPTION_KEYS (comma-separated Fernet keys, newest first, so old keys
can be rotated out). Without it, a key is derived from SECRET_KEY, which is fine for a
laptop and flagged by `check --deploy` for production.
"""

import base64
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings


def _derived_key() -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"samverka-field-encryption")
    return base64.urlsafe_b64encode(hkdf.derive(settings.SECRET_KEY.encode()))


@cache
def _fernet(keys: tuple[str, ...], secret: str) -> MultiFernet:
    materials = [k.encode() for k in keys] or [_derived_key()]
    return MultiFernet([Fernet(k) for k in materials])


def fernet() -> MultiFernet:
    return _fernet(tuple(settings.FIELD_ENCRYPTION_KEYS), settings.SECRET_KEY)


def encrypt(text: str) -> str:
    return fernet().encrypt(text.encode()).decode() if text else ""


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        return ""
