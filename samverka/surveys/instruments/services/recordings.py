"""Recordings of a question read aloud, per language (also on a published version: a recording
reads the same text). A replaced or deleted recording's file goes after the commit."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverka.audit.models import AuditAction
from samverka.lib.languages import LANGUAGE_CODES
from samverka.surveys.instruments.models import InstrumentVersion, Item, ItemAudio
from samverka.surveys.instruments.services import EditRefused, audit_change, locked_version


def _recordings_changed(version: InstrumentVersion) -> None:
    """Respondent pages keep a published survey in memory; this tells them it changed."""
    InstrumentVersion.objects.filter(pk=version.pk).update(recordings_changed_at=timezone.now())


def _delete_file_later(name: str) -> None:
    """Remove a recording's file after commit, unless another row (a copy) still uses it."""

    def remove():
        if name and not ItemAudio.objects.filter(file=name).exists():
            ItemAudio._meta.get_field("file").storage.delete(name)

    transaction.on_commit(remove)


@transaction.atomic
def audio_save(*, item: Item, by, language: str, upload, content_type: str) -> ItemAudio:
    """Store (or replace) the item's recording in `language`. Allowed on published versions."""
    version = locked_version(item.version, draft=False)
    if language not in LANGUAGE_CODES:
        raise EditRefused(_("“%(language)s” is not a survey language.") % {"language": language})
    audio = ItemAudio.objects.select_for_update().filter(item=item, language=language).first()
    created = audio is None
    old_name = "" if created else audio.file.name
    if created:
        audio = ItemAudio(item=item, language=language)
    audio.content_type = content_type
    audio.uploaded_by = by
    audio.file.save(upload.name or f"recording.{language}", upload, save=False)
    audio.save()
    if old_name:
        _delete_file_later(old_name)
    _recordings_changed(version)
    audit_change(
        by,
        AuditAction.CREATE if created else AuditAction.UPDATE,
        version,
        version,
        ["audio"],
        detail=f"item {item.item_id} {language}",
    )
    return audio


@transaction.atomic
def audio_delete(*, audio: ItemAudio, by) -> None:
    version = locked_version(audio.item.version, draft=False)
    name = audio.file.name
    detail = f"item {audio.item.item_id} {audio.language}"
    audio.delete()
    _delete_file_later(name)
    _recordings_changed(version)
    audit_change(by, AuditAction.DELETE, version, version, ["audio"], detail=detail)
