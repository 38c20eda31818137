"""The built-in survey instruments and `manage.py load_survey_instruments`."""

import re
from dataclasses import replace
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from samverka.audit.models import AuditEvent
from samverka.lib.languages import LANGUAGE_CODES
from samverka.surveys.builtin import ITEM_ID_PATTERN, definitions, parent, scales
from samverka.surveys.builtin.install import install_builtin_instruments, version_content
from samverka.surveys.instruments import rules, texts
from samverka.surveys.instruments.models import (
    DONT_KNOW,
    Instrument,
    InstrumentKind,
    InstrumentVersion,
    Item,
    ItemRole,
    ItemType,
    VersionStatus,
)
from samverka.surveys.instruments.services.versions import (
    instrument_copy,
    version_draft,
    version_publish,
)
from samverka.surveys.rounds.models import Round
from samverka.surveys.tests.factories import make_round

pytestmark = pytest.mark.django_db

KEYS = {"parent", "child", "partner", "feedback"}
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")
GEEZ = re.compile(r"[\u1200-\u137F]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def load() -> str:
    out = StringIO()
    call_command("load_survey_instruments", stdout=out)
    return out.getvalue()


def installed() -> dict[str, InstrumentVersion]:
    return {i.key: i.published_version() for i in Instrument.objects.filter(builtin=True)}


def items_of(version) -> dict[str, Item]:
    return {
        item.item_id: item
        for item in version.items.select_related("section", "condition_item").prefetch_related(
            "options"
        )
    }


@pytest.fixture
def versions():
    install_builtin_instruments()
    return installed()


# ----------------------------------------------------------------------------- the command


def test_command_installs_four_published_instruments():
    output = load()

    instruments = Instrument.objects.filter(builtin=True)
    assert {i.key for i in instruments} == KEYS
    kinds = {i.key: i.kind for i in instruments}
    assert kinds == {
        "parent": InstrumentKind.PARENT,
        "child": InstrumentKind.CHILD,
        "partner": InstrumentKind.PARTNER,
        "feedback": InstrumentKind.FEEDBACK,
    }
    for instrument in instruments:
        assert instrument.collaboration is None
        assert instrument.name
        version = instrument.published_version()
        assert version.number == 1
        assert version.status == VersionStatus.PUBLISHED
        assert version.published_at is not None
        assert version.items.exists()
        assert f"{instrument.key}: created, version 1 published" in output
    assert "4 built-in survey instruments are up to date." in output
    # Each creation is in the audit trail (no actor: the system did it).
    assert AuditEvent.objects.filter(object_type="surveys.instrumentversion").count() == 4


def test_running_twice_changes_nothing():
    load()
    first = {key: version.pk for key, version in installed().items()}
    counts = (InstrumentVersion.objects.count(), Item.objects.count(), AuditEvent.objects.count())

    output = load()

    assert {key: version.pk for key, version in installed().items()} == first
    assert (
        InstrumentVersion.objects.count(),
        Item.objects.count(),
        AuditEvent.objects.count(),
    ) == counts
    for key in KEYS:
        assert f"{key}: unchanged (version 1)" in output


def test_installer_returns_the_current_published_version_per_key():
    result = install_builtin_instruments()
    assert set(result) == KEYS
    assert result == installed()
    assert install_builtin_instruments() == result


def _with_item_text(definition, item_id: str, language: str, value: str):
    sections = []
    for section in definition.sections:
        items = tuple(
            replace(item, text={**item.text, language: value}) if item.item_id == item_id else item
            for item in section.items
        )
        sections.append(replace(section, items=items))
    return replace(definition, sections=tuple(sections))


def test_a_changed_definition_makes_a_new_version_and_keeps_the_old_one(monkeypatch, world):
    load()
    old = installed()["parent"]
    old_content = version_content(old)
    old_round = make_round(world.kalmar, old, title="Hösten")
    others = {key: v.pk for key, v in installed().items() if key != "parent"}

    changed = _with_item_text(
        parent.INSTRUMENT, "P-NET-01", "sv", "Jag har någon att prata med om det som är svårt."
    )
    monkeypatch.setattr(parent, "INSTRUMENT", changed)
    output = load()

    new = installed()["parent"]
    assert new.pk != old.pk
    assert new.number == 2
    assert new.status == VersionStatus.PUBLISHED
    assert items_of(new)["P-NET-01"].text["sv"] == (
        "Jag har någon att prata med om det som är svårt."
    )
    assert "parent: the definition changed since version 1; version 2 published" in output
    # The old version is untouched and the round still uses it.
    old.refresh_from_db()
    assert old.status == VersionStatus.PUBLISHED
    assert version_content(old) == old_content
    assert (
        items_of(old)["P-NET-01"].text["sv"] == "Jag har någon att prata med när jag behöver det."
    )
    assert Round.objects.get(pk=old_round.pk).version_id == old.pk
    # The other instruments did not move.
    assert {key: v.pk for key, v in installed().items() if key != "parent"} == others
    # Loading the changed definition again changes nothing more.
    assert "parent: unchanged (version 2)" in load()


def test_a_changed_translation_status_is_a_new_version(monkeypatch):
    load()
    status = {**parent.INSTRUMENT.language_status, "ar": "reviewed"}
    monkeypatch.setattr(parent, "INSTRUMENT", replace(parent.INSTRUMENT, language_status=status))
    load()
    versions = Instrument.objects.get(builtin=True, key="parent").versions.order_by("number")
    assert [v.language_status["ar"] for v in versions] == ["draft", "reviewed"]


def test_a_version_the_national_lead_published_stays_current_after_a_reinstall():
    load()
    first = installed()["parent"]
    draft = version_draft(version=first, by=None)
    draft.language_status = {**draft.language_status, "ar": "reviewed"}
    draft.save(update_fields=["language_status"])
    version_publish(version=draft, by=None)
    assert "parent: unchanged (version 2)" in load()
    assert installed()["parent"].pk == draft.pk


def test_an_invalid_definition_is_refused_and_nothing_is_written(monkeypatch):
    broken = _with_item_text(parent.INSTRUMENT, "P-NET-01", "ti", "")
    # Make a condition point at a later item, too.
    sections = list(broken.sections)
    first = sections[0]
    items = list(first.items)
    items[0] = replace(items[0], condition=replace(items[5].condition))  # P-NET-06's condition
    sections[0] = replace(first, items=tuple(items))
    monkeypatch.setattr(parent, "INSTRUMENT", replace(broken, sections=tuple(sections)))

    with pytest.raises(CommandError) as refused:
        load()

    message = str(refused.value)
    assert "P-NET-01: no text in ti" in message
    assert "P-NET-01: condition must refer to an earlier item" in message
    assert not Instrument.objects.exists()
    assert not AuditEvent.objects.exists()


# ------------------------------------------------------------------------------- the content


def test_item_ids_are_unique_and_well_formed(versions):
    all_ids = []
    for version in versions.values():
        ids = list(version.items.values_list("item_id", flat=True))
        assert len(ids) == len(set(ids))
        all_ids += ids
        for item_id in ids:
            assert ITEM_ID_PATTERN.match(item_id), item_id
    # Unique across the built-in instruments too (each has its own prefix).
    assert len(all_ids) == len(set(all_ids))
    prefixes = {
        key: {i.split("-")[0] for i in v.items.values_list("item_id", flat=True)}
        for key, v in versions.items()
    }
    assert prefixes == {"parent": {"P"}, "child": {"C"}, "partner": {"PA"}, "feedback": {"F"}}


def test_every_text_exists_in_all_eight_languages_in_the_right_script(versions):
    for key, version in versions.items():
        states = texts.language_states(version)
        assert set(states) == set(LANGUAGE_CODES)
        assert "missing" not in states.values(), key
        assert texts.ready_languages(version) == LANGUAGE_CODES
        units = [unit for unit in texts.text_units(version) if unit.required]
        assert len(units) > 10
        differs_from_english = 0
        for unit in units:
            for language in LANGUAGE_CODES:
                assert unit.get(language), (key, unit.key, language)
            assert ARABIC_SCRIPT.search(unit.get("ar")), (unit.key, unit.get("ar"))
            assert ARABIC_SCRIPT.search(unit.get("prs")), (unit.key, unit.get("prs"))
            assert GEEZ.search(unit.get("ti")), (unit.key, unit.get("ti"))
            assert CYRILLIC.search(unit.get("uk")), (unit.key, unit.get("uk"))
            differs_from_english += unit.get("so") != unit.get("en")
        # Somali is written in Latin letters: at least it is not English (a few names are).
        assert differs_from_english >= 0.9 * len(units), key


def test_translation_status_is_honest(versions):
    expected = dict.fromkeys(LANGUAGE_CODES, "draft") | {"sv": "reviewed", "en": "reviewed"}
    for version in versions.values():
        assert version.language_status == expected
        assert texts.language_states(version) == expected


def test_conditions_refer_to_earlier_items_and_their_options(versions):
    conditions = 0
    for version in versions.values():
        order = {
            item.item_id: (item.section.position, item.position)
            for item in version.items.select_related("section")
        }
        for item in items_of(version).values():
            if item.condition_item_id is None:
                continue
            conditions += 1
            target = item.condition_item
            assert target.version_id == version.pk
            assert order[target.item_id] < order[item.item_id]
            values = {o.value for o in target.options.all()}
            assert item.condition_values
            assert set(item.condition_values) <= values
            assert rules.is_visible(item, {target.item_id: [item.condition_values[0]]})
            assert not rules.is_visible(item, {target.item_id: ["no"]})
    assert conditions >= 3
    housing = items_of(versions["parent"])["P-HOU-02"]
    assert housing.condition_item.item_id == "P-HOU-01"
    assert housing.condition_values == ["yes"]


def test_standard_options_come_from_the_scales(versions):
    for version in versions.values():
        for item in items_of(version).values():
            options = list(item.options.all())
            values = [o.value for o in options]
            if item.type in (ItemType.AGREEMENT, ItemType.FACES):
                labels = (
                    scales.SCALE_LABELS if item.type == ItemType.AGREEMENT else scales.FACES_LABELS
                )
                assert values[:5] == ["1", "2", "3", "4", "5"]
                for option in options[:5]:
                    assert option.label == {
                        lang: labels[lang][option.value] for lang in LANGUAGE_CODES
                    }
            if item.type == ItemType.YES_NO:
                assert values[:2] == ["yes", "no"]
            if item.type in (ItemType.NUMBER, ItemType.TEXT):
                assert values == []
                assert not item.allow_dont_know
            if item.allow_dont_know:
                assert values[-1] == DONT_KNOW
                assert options[-1].label == scales.DONT_KNOW_LABEL
            else:
                assert DONT_KNOW not in values
            assert [o.position for o in options] == list(range(len(options)))


def test_scale_labels_cover_every_language():
    for labels in (scales.SCALE_LABELS, scales.FACES_LABELS):
        assert set(labels) == set(LANGUAGE_CODES)
        for by_value in labels.values():
            assert list(by_value) == ["1", "2", "3", "4", "5"]
            assert all(t.strip() for t in by_value.values())
    assert set(scales.YES_NO_LABELS) == set(LANGUAGE_CODES)
    assert all(list(t) == ["yes", "no"] for t in scales.YES_NO_LABELS.values())
    assert set(scales.DONT_KNOW_LABEL) == set(LANGUAGE_CODES)


def test_parent_survey(versions):
    version = versions["parent"]
    items = items_of(version)
    assert 25 <= len(items) <= 35
    assert [s.key for s in version.sections.order_by("position")] == [
        "networks",
        "housing",
        "wellbeing",
        "agency",
        "trust",
        "society",
        "activity",
        "about",
    ]
    # WHO-5: its own section, five items with six answer points 0–5, and its attribution.
    assert "WHO-5 Well-Being Index © Psychiatric Research Unit" in version.attribution
    assert "Mental Health Centre North Zealand; free to use" in version.attribution
    who5 = [item for item in items.values() if item.measure == "who5"]
    assert [i.item_id for i in who5] == [f"P-WHO-0{n}" for n in range(1, 6)]
    for item in who5:
        assert item.section.key == "wellbeing"
        assert item.type == ItemType.SINGLE
        assert [o.value for o in item.options.all()] == ["0", "1", "2", "3", "4", "5", DONT_KNOW]
    assert "två veckorna" in version.sections.get(key="wellbeing").intro["sv"]
    # Trust in school, social services, police, health care and associations.
    trust = [i.text["en"] for i in items.values() if i.measure == "trust"]
    for actor in ("school", "social services", "police", "health care", "associations"):
        assert any(actor in text for text in trust), actor
    # Background: age (used for age bands), time in Sweden, languages (optional).
    age = items["P-BAK-01"]
    assert (age.type, age.role, age.required) == (ItemType.NUMBER, ItemRole.AGE, False)
    assert (age.number_min, age.number_max) == (15, 99)
    assert items["P-BAK-02"].type == ItemType.SINGLE
    assert items["P-BAK-03"].type == ItemType.MULTIPLE
    assert not any(item.required for item in items.values())


def test_child_survey(versions):
    items = items_of(versions["child"])
    assert 8 <= len(items) <= 12
    faces = [i for i in items.values() if i.type == ItemType.FACES]
    assert len(faces) >= 7
    texts = {i.text["en"] for i in faces}
    assert {"I have a friend to play with.", "I like coming here."} <= texts
    assert "The adults here listen to me." in texts
    free = [i for i in items.values() if i.type == ItemType.TEXT]
    assert [i.text["en"] for i in free] == ["What would you like to do more of?"]
    assert [i.item_id for i in items.values() if i.role == ItemRole.AGE] == ["C-END-01"]
    # Read-aloud friendly: every statement is one short sentence.
    for item in faces:
        assert len(item.text["sv"].split()) <= 10
        assert item.text["sv"].count(".") == 1


def test_partner_survey(versions):
    version = versions["partner"]
    items = items_of(version)
    # The five kinds of change, on the agreement scale.
    changes = [i for i in items.values() if i.measure == "change"]
    assert all(i.type == ItemType.AGREEMENT for i in changes)
    english = " ".join(i.text["en"].lower() for i in changes)
    for kind in ("knowledge", "routines", "working methods", "treat", "priority"):
        assert kind in english, kind
    # Temporary or part of ordinary work.
    lasting = items["PA-LST-01"]
    assert lasting.type == ItemType.SINGLE
    assert {"temporary", "integrated"} <= {o.value for o in lasting.options.all()}
    # Which effects followed: multiple choice and a short text.
    effect_types = {i.type for i in items.values() if i.measure == "effects"}
    assert effect_types == {ItemType.MULTIPLE, ItemType.TEXT}
    # Every one of the four added values has items.
    for value in ("functional", "altruistic", "emotional", "social"):
        assert [i for i in items.values() if i.measure == value], value
    # Background: kind of organisation and role in the collaboration.
    assert items["PA-BAK-01"].type == ItemType.SINGLE
    assert {"municipal", "cso", "sports"} <= {o.value for o in items["PA-BAK-01"].options.all()}
    assert items["PA-BAK-02"].type == ItemType.SINGLE


def test_feedback_has_exactly_three_items(versions):
    items = list(items_of(versions["feedback"]).values())
    assert [i.type for i in items] == [ItemType.FACES, ItemType.FACES, ItemType.YES_NO]
    assert [i.text["en"] for i in items] == [
        "I liked what we did today.",
        "I learned something new.",
        "Do you want to come again?",
    ]


def test_definitions_match_what_is_installed(versions):
    by_key = {d.key: d for d in definitions()}
    for key, version in versions.items():
        definition = by_key[key]
        assert version.title == definition.title
        assert version.instrument.name == definition.name
        assert [i.item_id for i in definition.items()] == list(
            version.items.order_by("section__position", "position").values_list(
                "item_id", flat=True
            )
        )


def test_a_builtin_instrument_can_be_copied_into_a_collaboration(versions, world):
    copy = instrument_copy(version=versions["parent"], by=None, collaboration=world.kalmar)
    draft = copy.latest_version()
    assert copy.builtin is False
    assert draft.status == VersionStatus.DRAFT
    assert draft.items.count() == versions["parent"].items.count()
    assert texts.ready_languages(draft) == LANGUAGE_CODES
    # The copy's conditions point into the copy.
    moved = draft.items.get(item_id="P-HOU-02")
    assert moved.condition_item.version_id == draft.pk
