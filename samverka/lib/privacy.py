"""Free text that others will read must not identify a participant.

Lessons shared nationally, consultations with children, incidents, evidence notes and reports
are read far outside the circle that may see who took part. `identifying_codes(text)` finds
the participant and household codes such a text contains (case-insensitively, as written on a
card); `no_identifying_codes` is the form validator that refuses the text with the reason.
Names cannot be searched for (they are stored encrypted); the forms say not to write them.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samverka.lib.codes import ALPHABET
from samverka.lib.scoping import national_scope

_TOKEN = re.compile(rf"(?<![0-9A-Za-z])[{ALPHABET}{ALPHABET.lower()}]{{6,8}}(?![0-9A-Za-z])")


def identifying_codes(text: str) -> list[str]:
    """The participant or household codes of any collaboration that `text` contains."""
    from samverka.participants.models import Household, Participant

    candidates = {token.upper() for token in _TOKEN.findall(text or "")}
    if not candidates:
        return []
    # Every collaboration's codes: a code from elsewhere identifies a child just as well.
    with national_scope():
        found = set(Participant.objects.filter(code__in=candidates).values_list("code", flat=True))
        found |= set(Household.objects.filter(code__in=candidates).values_list("code", flat=True))
    return sorted(found)


def no_identifying_codes(text: str) -> None:
    """Form validator: refuse a text that contains a participant or household code."""
    codes = identifying_codes(text)
    if codes:
        raise ValidationError(
            ngettext(
                "The text contains the participant code %(codes)s. Others will read it: "
                "write without codes or names.",
                "The text contains the participant codes %(codes)s. Others will read it: "
                "write without codes or names.",
                len(codes),
            )
            % {"codes": ", ".join(codes)},
            code="identifying",
        )


def warning_for(text: str) -> str:
    """A warning (not a refusal) for texts that only stay inside the collaboration."""
    codes = identifying_codes(text)
    if not codes:
        return ""
    return _("This text seems to contain a participant code (%(codes)s).") % {
        "codes": ", ".join(codes)
    }
