"""Versions (instruments/services.py): new drafts, copies into a collaboration, publishing."""

from samverka.audit.models import AuditAction, AuditEvent
from samverka.surveys.instruments import texts
from samverka.surveys.instruments.models import ItemAudio, VersionStatus
from samverka.surveys.instruments.services.versions import (
    instrument_copy,
    version_draft,
    version_publish,
)
from samverka.surveys.tests.factories import make_version


def test_new_draft_version_copies_everything_and_keeps_the_old_version(world):
    version = make_version(collaboration=world.kalmar)
    ItemAudio.objects.create(
        item=version.items.get(item_id="T-NET-01"), language="ar", file="survey-audio/a.mp3"
    )
    draft = version_draft(version=version, by=world.kalmar_ngo)
    assert draft.pk != version.pk
    assert draft.instrument == version.instrument
    assert draft.number == 2
    assert draft.status == VersionStatus.DRAFT
    assert draft.language_status == version.language_status
    assert draft.title == version.title
    old_units = {u.key: u.texts for u in texts.text_units(version)}
    new_units = {u.key: u.texts for u in texts.text_units(draft)}
    assert old_units == new_units
    # The condition points at the copy's own item, never at the old version's.
    conditional = draft.items.get(item_id="T-NET-04")
    assert conditional.condition_item.version == draft
    assert conditional.condition_item.item_id == "T-NET-03"
    assert draft.items.get(item_id="T-NET-01").audio.get().file.name == "survey-audio/a.mp3"
    version.refresh_from_db()
    assert version.status == VersionStatus.PUBLISHED
    assert version.items.count() == draft.items.count()
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, object_code=draft.code, collaboration_code=world.kalmar.code
    ).exists()


def test_new_draft_version_returns_the_existing_draft(world):
    version = make_version(collaboration=world.kalmar)
    first = version_draft(version=version, by=None)
    again = version_draft(version=version, by=None)
    assert again == first
    assert version.instrument.versions.count() == 2


def test_copy_instrument_makes_an_own_editable_first_version(world):
    builtin = make_version()
    instrument = instrument_copy(
        version=builtin, collaboration=world.kalmar, by=world.kalmar_ngo, name="Vår enkät"
    )
    assert instrument.collaboration == world.kalmar
    assert not instrument.builtin
    assert instrument.copied_from == builtin
    assert instrument.name == "Vår enkät"
    copy = instrument.versions.get()
    assert copy.number == 1
    assert copy.status == VersionStatus.DRAFT
    assert [i.item_id for i in copy.items.all()] == [i.item_id for i in builtin.items.all()]
    assert copy.items.get(item_id="T-NET-04").condition_item.version == copy
    assert AuditEvent.objects.filter(
        object_code=instrument.code, collaboration_code=world.kalmar.code
    ).exists()


def test_copy_instrument_keeps_the_source_name_by_default(world):
    builtin = make_version(name="Föräldraenkät")
    instrument = instrument_copy(version=builtin, by=None, collaboration=world.kalmar)
    assert instrument.name == "Föräldraenkät"
    assert builtin.instrument.versions.count() == 1


def test_publish_freezes_a_draft_once(world):
    version = make_version(collaboration=world.kalmar, published=False)
    published = version_publish(version=version, by=world.kalmar_ngo)
    assert published.status == VersionStatus.PUBLISHED
    assert published.published_at is not None
    first_time = published.published_at
    again = version_publish(version=version, by=world.kalmar_ngo)
    assert again.published_at == first_time
    assert AuditEvent.objects.filter(object_code=version.code, fields=["status"]).count() == 1
