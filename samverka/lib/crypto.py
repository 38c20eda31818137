"""Encryption of the few identifying fields (names, phone numbers).

Keys come from FIELD_ENCRYPTION_KEYS (comma-separated Fernet keys, newest first, so old keys
can be rotated out). Without it, a key is derived from SECRET_KEY, which is fine for a
laptop and flagged by `check --deploy` for production.
"""

import base64
import time
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


class KeyMismatch(Exception):
    """Stored data that none of FIELD_ENCRYPTION_KEYS can decrypt: the key that encrypted it is
    missing (changed instead of rotated). Never shown as an empty field, never overwritten."""


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return fernet().decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise KeyMismatch from error


def shown(token: str) -> str:
    """The decrypted text for a page, or a visible mark that it cannot be read (never an empty
    field that looks like nothing was stored)."""
    from django.utils.translation import gettext

    try:
        return decrypt(token)
    except KeyMismatch:
        return gettext("[cannot be read: encryption key missing]")


# Decrypted display names kept in this process for the pages that show many at once (a
# decryption costs 0.3 ms). Bounded in time as well as in number, so that a name erased in
# another process leaves this one's memory within KEPT_SECONDS; the process that erases or
# changes a name forgets it at once (`forget`).
KEPT_SECONDS = 600
KEPT_MOST = 4096
_kept: dict[str, str] = {}
_kept_since = [0.0]


def shown_kept(token: str) -> str:
    """`shown`, kept per process for at most KEPT_SECONDS (the whole store is emptied when it is
    older, or full). What cannot be decrypted is never kept."""
    now = time.monotonic()
    if now - _kept_since[0] > KEPT_SECONDS or len(_kept) >= KEPT_MOST:
        _kept.clear()
        _kept_since[0] = now
    text = _kept.get(token)
    if text is None:
        try:
            text = _kept[token] = decrypt(token)
        except KeyMismatch:
            return shown(token)
    return text


def forget(token: str) -> None:
    """Drop a decrypted text this process keeps (erasure, a changed name)."""
    _kept.pop(token, None)


def readable(token: str) -> bool:
    try:
        decrypt(token)
    except KeyMismatch:
        return False
    return True


def encrypted_field_words(name: str) -> str:
    """What an encrypted field holds, in words, by its name (`name_encrypted` → "name")."""
    from django.utils.translation import gettext

    words = {
        "name": gettext("name"),
        "phone": gettext("phone number"),
        "display_name": gettext("display name"),
    }
    base = name.removesuffix("_encrypted")
    return words.get(base, base.replace("_", " "))


def encrypted_fields():
    """(model, field name) of every encrypted field: by convention named `*_encrypted`."""
    from django.apps import apps

    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if field.name.endswith("_encrypted"):
                yield model, field.name


def unreadable_values(*, sample: int = 200) -> dict[str, int]:
    """How many of the newest stored values per encrypted field the keys cannot decrypt
    (`sample` per field; the check of `manage.py check`)."""
    from samverka.lib.scoping import national_scope

    found = {}
    with national_scope():
        for model, name in encrypted_fields():
            values = (
                model._base_manager.exclude(**{name: ""})
                .order_by("-pk")
                .values_list(name, flat=True)[:sample]
            )
            bad = sum(1 for value in values if not readable(value))
            if bad:
                found[f"{model._meta.label}.{name}"] = bad
    return found
