"""The core survey services (samverka/surveys/services.py): text units, language states,
new versions, copies, publishing and conditions."""

import pytest

from samverka.audit.models import AuditAction, AuditEvent
from samverka.lib.languages import LANGUAGE_CODES
from samverka.surveys import services
from samverka.surveys.models import (
    DONT_KNOW,
    ItemAudio,
    TranslationStatus,
    VersionStatus,
)
from samverka.surveys.tests.factories import make_version


def test_text_falls_back_to_swedish_and_then_to_nothing():
    assert services.text({"sv": "Hej", "ar": " مرحبا "}, "ar") == "مرحبا"
    assert services.text({"sv": "Hej"}, "so") == "Hej"
    assert services.text({"sv": "Hej", "en": "Hi"}, "so", fallback="en") == "Hi"
    assert services.text(None, "sv") == ""


def test_text_units_cover_every_respondent_text_with_stable_keys(db):
    version = make_version()
    keys = [unit.key for unit in services.text_units(version)]
    assert keys[:2] == ["version.title", "version.intro"]
    assert "section.network.title" in keys
    assert "item.T-NET-01.text" in keys
    assert "option.T-NET-01.5" in keys
    assert f"option.T-NET-01.{DONT_KNOW}" in keys
    assert "option.T-ABT-01.library" in keys
    assert len(keys) == len(set(keys))
    # The order is the respondent's: the first section's items come before the second's.
    assert keys.index("item.T-NET-04.text") < keys.index("item.T-ABT-01.text")


def test_a_unit_is_required_only_when_it_has_a_swedish_text(db):
    version = make_version()
    units = {unit.key: unit for unit in services.text_units(version)}
    assert units["item.T-NET-01.text"].required
    assert not units["item.T-NET-01.help"].required  # no help text in any language
    assert not units["section.network.intro"].required


def test_language_states_compute_missing_and_keep_stored_statuses(db):
    version = make_version()
    states = services.language_states(version)
    assert states["sv"] == TranslationStatus.REVIEWED
    assert states["en"] == TranslationStatus.REVIEWED
    assert states["ar"] == TranslationStatus.DRAFT
    for language in ("sv-easy", "prs", "so", "ti", "uk"):
        assert states[language] == TranslationStatus.MISSING
    assert set(states) == set(LANGUAGE_CODES)


def test_a_stored_status_does_not_hide_missing_texts(db):
    version = make_version()
    version.language_status = {**version.language_status, "so": "reviewed"}
    version.save()
    assert services.language_states(version)["so"] == TranslationStatus.MISSING


def test_a_complete_language_without_a_stored_status_counts_as_draft(db):
    version = make_version()
    version.language_status = {}
    version.save()
    assert services.language_states(version)["ar"] == TranslationStatus.DRAFT


def test_ready_languages_are_those_without_missing_texts(db):
    version = make_version()
    assert services.ready_languages(version) == ["sv", "en", "ar"]
    item = version.items.get(item_id="T-NET-01")
    item.text = {"sv": item.text["sv"], "en": item.text["en"]}
    item.save()
    assert "ar" not in services.ready_languages(version)
    missing = services.missing_texts(version, "ar")
    assert missing == ["item.T-NET-01.text"]


def test_new_draft_version_copies_everything_and_keeps_the_old_version(world):
    version = make_version(collaboration=world.kalmar)
    ItemAudio.objects.create(
        item=version.items.get(item_id="T-NET-01"), language="ar", file="survey-audio/a.mp3"
    )
    draft = services.new_draft_version(version, by=world.kalmar_ngo)
    assert draft.pk != version.pk
    assert draft.instrument == version.instrument
    assert draft.number == 2
    assert draft.status == VersionStatus.DRAFT
    assert draft.language_status == version.language_status
    assert draft.title == version.title
    old_units = {u.key: u.texts for u in services.text_units(version)}
    new_units = {u.key: u.texts for u in services.text_units(draft)}
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
    first = services.new_draft_version(version)
    again = services.new_draft_version(version)
    assert again == first
    assert version.instrument.versions.count() == 2


def test_copy_instrument_makes_an_own_editable_first_version(world):
    builtin = make_version()
    instrument = services.copy_instrument(
        builtin, collaboration=world.kalmar, by=world.kalmar_ngo, name="Vår enkät"
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
    instrument = services.copy_instrument(builtin, collaboration=world.kalmar)
    assert instrument.name == "Föräldraenkät"
    assert builtin.instrument.versions.count() == 1


def test_publish_freezes_a_draft_once(world):
    version = make_version(collaboration=world.kalmar, published=False)
    published = services.publish(version, by=world.kalmar_ngo)
    assert published.status == VersionStatus.PUBLISHED
    assert published.published_at is not None
    first_time = published.published_at
    again = services.publish(version, by=world.kalmar_ngo)
    assert again.published_at == first_time
    assert AuditEvent.objects.filter(object_code=version.code, fields=["status"]).count() == 1


@pytest.mark.parametrize(
    "answers, visible",
    [
        ({}, False),
        ({"T-NET-03": ["no"]}, False),
        ({"T-NET-03": ["yes"]}, True),
        ({"T-NET-03": [DONT_KNOW]}, False),
    ],
)
def test_a_conditional_item_is_visible_only_with_the_right_answer(db, answers, visible):
    version = make_version()
    conditional = version.items.get(item_id="T-NET-04")
    assert services.is_visible(conditional, answers) is visible


def test_an_item_without_condition_is_always_visible(db):
    version = make_version()
    assert services.is_visible(version.items.get(item_id="T-NET-01"), {})


def test_a_condition_on_multiple_choice_matches_any_chosen_value(db):
    version = make_version()
    where = version.items.get(item_id="T-ABT-01")
    other = version.items.get(item_id="T-ABT-03")
    other.condition_item = where
    other.condition_values = ["library", "sport"]
    other.save()
    assert services.is_visible(other, {"T-ABT-01": ["school", "sport"]})
    assert not services.is_visible(other, {"T-ABT-01": ["school"]})
