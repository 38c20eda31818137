"""Free-text survey answers for researchers: without participant or household codes and
without the names a collaboration keeps (encrypted) for its participants."""

import re

from samverka.lib.privacy import identifying_codes

CODE_MARK = "[kod]"
NAME_MARK = "[namn]"


def known_names(collaborations) -> list[str]:
    """Names (whole and each part of three letters or more) of the participants of these
    collaborations, longest first. Decrypted here only to be taken out of the text."""
    from samverka.participants.models import Identity

    names: set[str] = set()
    for identity in Identity.objects.filter(participant__collaboration__in=list(collaborations)):
        name = identity.name.strip()
        if not name:
            continue
        names.add(name)
        names.update(part for part in re.split(r"[\s\-]+", name) if len(part) >= 3)
    return sorted(names, key=len, reverse=True)


def redact(text: str, names: list[str]) -> str:
    """`text` with codes and known names replaced by markers."""
    for code in identifying_codes(text):
        text = re.sub(rf"(?i)(?<![0-9A-Za-z]){re.escape(code)}(?![0-9A-Za-z])", CODE_MARK, text)
    for name in names:
        text = re.sub(rf"(?i)(?<!\w){re.escape(name)}(?!\w)", NAME_MARK, text)
    return text
