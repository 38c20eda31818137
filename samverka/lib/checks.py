from django.conf import settings
from django.core.checks import Error as CheckError
from django.core.checks import Warning as CheckWarning
from django.core.checks import register
from django.db import DatabaseError

from samverka.lib import crypto


@register(deploy=True)
def field_encryption_keys(app_configs, **kwargs):
    if settings.FIELD_ENCRYPTION_KEYS:
        return []
    return [
        CheckWarning(
            "FIELD_ENCRYPTION_KEYS is not set: names and phone numbers are encrypted with a key "
            "derived from SECRET_KEY.",
            hint="Set FIELD_ENCRYPTION_KEYS to a Fernet key (see README.md, Configuration).",
            id="samverka.W001",
        )
    ]


@register()
def field_encryption_keys_read_stored_data(app_configs, **kwargs):
    """`manage.py check` fails when FIELD_ENCRYPTION_KEYS cannot decrypt stored names and phone
    numbers: a key was changed instead of rotated, and the pages would show empty fields."""
    try:
        unreadable = crypto.unreadable_values()
    except DatabaseError:
        return []  # no database yet (before migrate): nothing stored to read
    if not unreadable:
        return []
    where = ", ".join(f"{field} ({count})" for field, count in sorted(unreadable.items()))
    return [
        CheckError(
            f"FIELD_ENCRYPTION_KEYS cannot decrypt stored personal data: {where}. The key that "
            "encrypted it is missing, so names and phone numbers cannot be shown and saving "
            "them is refused.",
            hint="Put the previous key back in FIELD_ENCRYPTION_KEYS, after the new one "
            "(newest first), and restart (README.md, Configuration: rotating the key).",
            id="samverka.E001",
        )
    ]
