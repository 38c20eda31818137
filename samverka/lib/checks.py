from django.conf import settings
from django.core.checks import Warning as CheckWarning
from django.core.checks import register


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
