"""A lesson shared nationally must name no person.

Checked before a lesson leaves its collaboration (and again whenever a shared lesson is
changed):
- participant and household codes of any collaboration (samverka/lib/privacy.py);
- the full names of the collaboration's members, present and former, and of boundary spanners
  recorded without an account;
- the names stored for the collaboration's participants (encrypted; decrypted here only to
  compare, never shown or stored: the reason quotes the lesson's own words).

Names are matched as whole words, case-insensitively, whatever spacing the text uses. A first
name alone is not refused for members (too many are ordinary words or common names) but is for
participants, whose stored name may be only a first name.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samverka.assessment.models import BoundarySpanner
from samverka.lib.privacy import no_identifying_codes
from samverka.lib.scoping import collaboration_scope
from samverka.participants.models import Identity

MIN_NAME_LENGTH = 2


@dataclass(frozen=True)
class NameToAvoid:
    pattern: re.Pattern
    participant: bool


def _pattern(name: str) -> re.Pattern | None:
    name = re.sub(r"\([^)]*\)", " ", name or "")  # "Samira (demo)" -> "Samira"
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    if not words or len("".join(words)) < MIN_NAME_LENGTH:
        return None
    body = r"\s+".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def names_to_avoid(collaboration) -> list[NameToAvoid]:
    found: list[NameToAvoid] = []
    with collaboration_scope(collaboration):
        members = collaboration.memberships.select_related("user")
        for membership in members:
            user = membership.user
            if user.first_name.strip() and user.last_name.strip():
                pattern = _pattern(f"{user.first_name} {user.last_name}")
                if pattern:
                    found.append(NameToAvoid(pattern, participant=False))
        for name in BoundarySpanner.objects.filter(collaboration=collaboration).exclude(name=""):
            pattern = _pattern(name.name)
            if pattern and len(name.name.split()) > 1:
                found.append(NameToAvoid(pattern, participant=False))
        encrypted = Identity.objects.filter(participant__collaboration=collaboration).exclude(
            name_encrypted=""
        )
        for identity in encrypted:
            pattern = _pattern(identity.name)
            if pattern:
                found.append(NameToAvoid(pattern, participant=True))
    return found


def naming_problems(texts: dict[str, str], collaboration) -> list[str]:
    """Why the texts may not be shared nationally (empty: they may)."""
    joined = "\n".join(t for t in texts.values() if t)
    problems: list[str] = []
    try:
        no_identifying_codes(joined)
    except ValidationError as refused:
        problems.extend(refused.messages)
    members, participants = [], []
    for name in names_to_avoid(collaboration):
        match = name.pattern.search(joined)
        if match:
            quoted = " ".join(match.group(0).split())
            target = participants if name.participant else members
            if quoted not in target:
                target.append(quoted)
    if members:
        problems.append(
            ngettext(
                "The text names %(names)s, a person in the collaboration. A lesson shared "
                "nationally names no person: write the role instead (for example the school "
                "counsellor).",
                "The text names %(names)s, persons in the collaboration. A lesson shared "
                "nationally names no person: write the role instead (for example the school "
                "counsellor).",
                len(members),
            )
            % {"names": ", ".join(members)}
        )
    if participants:
        problems.append(
            _(
                "The text contains a name registered for a participant (%(names)s). A lesson "
                "shared nationally names no person."
            )
            % {"names": ", ".join(participants)}
        )
    return problems
