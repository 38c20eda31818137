"""A version's texts per language (instruments/texts.py): text units and language states."""

from samverka.lib.languages import LANGUAGE_CODES
from samverka.surveys.instruments import texts
from samverka.surveys.instruments.models import DONT_KNOW, TranslationStatus
from samverka.surveys.tests.factories import make_version


def test_text_falls_back_to_swedish_and_then_to_nothing():
    assert texts.text({"sv": "Hej", "ar": " مرحبا "}, "ar") == "مرحبا"
    assert texts.text({"sv": "Hej"}, "so") == "Hej"
    assert texts.text({"sv": "Hej", "en": "Hi"}, "so", fallback="en") == "Hi"
    assert texts.text(None, "sv") == ""


def test_text_units_cover_every_respondent_text_with_stable_keys(db):
    version = make_version()
    keys = [unit.key for unit in texts.text_units(version)]
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
    units = {unit.key: unit for unit in texts.text_units(version)}
    assert units["item.T-NET-01.text"].required
    assert not units["item.T-NET-01.help"].required  # no help text in any language
    assert not units["section.network.intro"].required


def test_language_states_compute_missing_and_keep_stored_statuses(db):
    version = make_version()
    states = texts.language_states(version)
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
    assert texts.language_states(version)["so"] == TranslationStatus.MISSING


def test_a_complete_language_without_a_stored_status_counts_as_draft(db):
    version = make_version()
    version.language_status = {}
    version.save()
    assert texts.language_states(version)["ar"] == TranslationStatus.DRAFT


def test_ready_languages_are_those_without_missing_texts(db):
    version = make_version()
    assert texts.ready_languages(version) == ["sv", "en", "ar"]
    item = version.items.get(item_id="T-NET-01")
    item.text = {"sv": item.text["sv"], "en": item.text["en"]}
    item.save()
    assert "ar" not in texts.ready_languages(version)
    missing = texts.missing_texts(version, "ar")
    assert missing == ["item.T-NET-01.text"]
