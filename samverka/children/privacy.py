"""Children are never identified here: every text others will read is checked for participant
and household codes (`samverka.lib.privacy`) in the forms, and again in the services."""

from django.core.exceptions import ValidationError

from samverka.lib.privacy import no_identifying_codes


def refuse_identifying(**texts: str) -> None:
    """Raise a ValidationError naming each field whose text contains a participant code."""
    errors = {}
    for name, text in texts.items():
        try:
            no_identifying_codes(text or "")
        except ValidationError as error:
            errors[name] = error.messages
    if errors:
        raise ValidationError(errors)
