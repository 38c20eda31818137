"""Changing survey instruments. One module per kind of change:

- `versions`: instruments and versions: create, copy, a new draft, publish, title and introduction;
- `editing`: the sections and questions of a draft, with their options and conditions;
- `translations`: texts per language, translation status, translation files out;
- `recordings`: questions read aloud.

Every function is one transaction with an audit record (field names, never values). A published
version is frozen: every function that changes what a respondent reads refuses it
(`VersionFrozen`), whatever view calls it. Two things may change on a published version because
they do not change its texts: a language's translation status and the recordings (a recording
reads the same text aloud). How a text change moves the translation status: `texts`.

Below: what they share (the refusals, the locked version, its audit record).
"""

from django.utils.translation import gettext as _

from samverka.audit.services import audit_record
from samverka.surveys.instruments.models import InstrumentVersion, VersionStatus
from samverka.surveys.instruments.texts import statuses_after_change


class EditRefused(Exception):
    """A change that would break the version; `message` says why, in the user's language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class VersionFrozen(EditRefused):
    def __init__(self):
        super().__init__(
            _("This version is published and cannot change. Make a new version to edit it.")
        )


def locked_version(version: InstrumentVersion, *, draft: bool = True) -> InstrumentVersion:
    """The version's row, locked for this transaction; a published one refused if `draft`."""
    fresh = InstrumentVersion.objects.select_for_update().select_related("instrument")
    fresh = fresh.get(pk=version.pk)
    if draft and fresh.status != VersionStatus.DRAFT:
        raise VersionFrozen
    return fresh


def audit_change(by, action, obj, version: InstrumentVersion, fields=(), detail="") -> None:
    """Record `action` on `obj` in the trail of the version's collaboration (none: built in)."""
    audit_record(
        actor=by,
        action=action,
        obj=obj,
        collaboration=version.instrument.collaboration,
        fields=fields,
        detail=detail,
    )


def note_text_change(version: InstrumentVersion, changed: set[str]) -> list[str]:
    """Reset statuses on the locked `version` after its texts changed; the saved fields."""
    if not changed:
        return []
    new_status = statuses_after_change(version.language_status, changed)
    if new_status == (version.language_status or {}):
        return []
    version.language_status = new_status
    version.save(update_fields=["language_status"])
    return ["language_status"]
