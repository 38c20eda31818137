"""Core survey services shared by every part of the feature.

- Text units: every respondent-facing text of a version, under a stable key, in every language
  (the basis of the translation status, of XLSX/PO export and import, and of the rule that a
  round cannot open in a language with missing text).
- Versions: publishing freezes a version; editing a published version means `new_draft_version`;
  copying a (built-in) instrument into a collaboration means `copy_instrument`.
- Conditions: `is_visible(item, answers)`.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record
from samverka.lib.languages import LANGUAGE_CODES
from samverka.surveys.models import (
    Instrument,
    InstrumentVersion,
    Item,
    ItemAudio,
    Option,
    Section,
    TranslationStatus,
    VersionStatus,
)

SOURCE_LANGUAGE = "sv"


def text(mapping: Mapping[str, str] | None, language: str, fallback: str = SOURCE_LANGUAGE) -> str:
    """A text in `language`, else in the fallback language, else ""."""
    mapping = mapping or {}
    return (mapping.get(language) or mapping.get(fallback) or "").strip()


@dataclass
class TextUnit:
    """One translatable text: `key` is stable across versions ("item.P-NET-01.text")."""

    key: str
    obj: object
    field: str
    context: str = ""  # what a translator sees next to it (item type, the question for options)

    @property
    def texts(self) -> dict:
        return getattr(self.obj, self.field) or {}

    @property
    def required(self) -> bool:
        """Only texts that exist in the source language (Swedish) must be translated."""
        return bool(self.texts.get(SOURCE_LANGUAGE, "").strip())

    def get(self, language: str) -> str:
        return (self.texts.get(language) or "").strip()

    def set(self, language: str, value: str) -> None:
        """Change the in-memory object; the caller saves it (see `save_units`)."""
        texts = dict(self.texts)
        value = (value or "").strip()
        if value:
            texts[language] = value
        else:
            texts.pop(language, None)
        setattr(self.obj, self.field, texts)


def text_units(version: InstrumentVersion) -> Iterator[TextUnit]:
    """Every respondent-facing text of a version, in the order a respondent meets them."""
    yield TextUnit("version.title", version, "title", "title")
    yield TextUnit("version.intro", version, "intro", "introduction")
    sections = list(version.sections.order_by("position", "id"))
    items = list(
        version.items.select_related("section")
        .prefetch_related("options")
        .order_by("section__position", "position", "id")
    )
    by_section: dict[int, list[Item]] = {}
    for item in items:
        by_section.setdefault(item.section_id, []).append(item)
    for section in sections:
        yield TextUnit(f"section.{section.key}.title", section, "title", "section title")
        yield TextUnit(f"section.{section.key}.intro", section, "intro", "section introduction")
        for item in by_section.get(section.pk, []):
            question = item.text.get(SOURCE_LANGUAGE, "")
            yield TextUnit(f"item.{item.item_id}.text", item, "text", item.get_type_display())
            yield TextUnit(f"item.{item.item_id}.help", item, "help", "help text")
            for option in item.options.all():
                yield TextUnit(f"option.{item.item_id}.{option.value}", option, "label", question)


def save_units(units: list[TextUnit]) -> None:
    """Save the objects whose texts were changed through `TextUnit.set` (every changed field)."""
    fields: dict[int, tuple[object, set[str]]] = {}
    for unit in units:
        fields.setdefault(id(unit.obj), (unit.obj, set()))[1].add(unit.field)
    for obj, names in fields.values():
        obj.save(update_fields=sorted(names))


def missing_texts(version: InstrumentVersion, language: str, units=None) -> list[str]:
    """Keys of the texts that exist in Swedish but not in `language`."""
    units = list(text_units(version)) if units is None else units
    return [u.key for u in units if u.required and not u.get(language)]


def language_states(version: InstrumentVersion) -> dict[str, str]:
    """Per survey language: missing, draft, reviewed or back_translated."""
    units = list(text_units(version))
    states = {}
    for language in LANGUAGE_CODES:
        if missing_texts(version, language, units):
            states[language] = TranslationStatus.MISSING
        else:
            states[language] = version.language_status.get(language) or TranslationStatus.DRAFT
    return states


def ready_languages(version: InstrumentVersion) -> list[str]:
    """Languages a round of this version may open in (no missing text)."""
    return [lang for lang, st in language_states(version).items() if st != "missing"]


# ---------------------------------------------------------------------------------- versions


def _copy_content(source: InstrumentVersion, target: InstrumentVersion) -> None:
    """Copy sections, items (with their conditions), options and recordings."""
    section_map = {}
    for section in source.sections.all():
        section_map[section.pk] = Section.objects.create(
            version=target,
            key=section.key,
            position=section.position,
            title=section.title,
            intro=section.intro,
        )
    item_map: dict[int, Item] = {}
    conditions = []
    for item in source.items.prefetch_related("options", "audio"):
        old_pk = item.pk
        copy = Item.objects.create(
            version=target,
            section=section_map[item.section_id],
            item_id=item.item_id,
            position=item.position,
            type=item.type,
            text=item.text,
            help=item.help,
            allow_dont_know=item.allow_dont_know,
            required=item.required,
            condition_values=item.condition_values,
            number_min=item.number_min,
            number_max=item.number_max,
            role=item.role,
            measure=item.measure,
        )
        item_map[old_pk] = copy
        if item.condition_item_id:
            conditions.append((copy, item.condition_item_id))
        Option.objects.bulk_create(
            Option(item=copy, value=o.value, position=o.position, label=o.label)
            for o in item.options.all()
        )
        ItemAudio.objects.bulk_create(
            ItemAudio(
                item=copy,
                language=a.language,
                file=a.file.name,
                content_type=a.content_type,
                uploaded_by_id=a.uploaded_by_id,
            )
            for a in item.audio.all()
        )
    for copy, old_condition_pk in conditions:
        target_item = item_map.get(old_condition_pk)
        if target_item is not None:
            copy.condition_item = target_item
            copy.save(update_fields=["condition_item"])


@transaction.atomic
def new_draft_version(version: InstrumentVersion, *, by=None) -> InstrumentVersion:
    """A new draft of the same instrument with the content of `version`.

    Editing a published version goes through here: answers stay with the version they answered.
    An existing draft of the instrument is returned instead of making a second one.
    """
    instrument = version.instrument
    existing = instrument.versions.filter(status=VersionStatus.DRAFT).order_by("-number").first()
    if existing is not None:
        return existing
    number = (instrument.versions.order_by("-number").values_list("number", flat=True).first()) or 0
    draft = InstrumentVersion.objects.create(
        instrument=instrument,
        number=number + 1,
        title=version.title,
        intro=version.intro,
        attribution=version.attribution,
        language_status=version.language_status,
        created_by=by,
    )
    _copy_content(version, draft)
    audit_record(
        actor=by,
        action=AuditAction.CREATE,
        obj=draft,
        collaboration=instrument.collaboration,
        fields=["from_version"],
        detail=f"v{version.number}",
    )
    return draft


@transaction.atomic
def copy_instrument(
    version: InstrumentVersion, *, collaboration, by=None, name: str = ""
) -> Instrument:
    """A collaboration's own editable copy (version 1, draft) of any instrument version."""
    source = version.instrument
    instrument = Instrument.objects.create(
        kind=source.kind,
        name=name or source.name,
        collaboration=collaboration,
        copied_from=version,
        created_by=by,
    )
    copy = InstrumentVersion.objects.create(
        instrument=instrument,
        number=1,
        title=version.title,
        intro=version.intro,
        attribution=version.attribution,
        language_status=version.language_status,
        created_by=by,
    )
    _copy_content(version, copy)
    audit_record(
        actor=by,
        action=AuditAction.CREATE,
        obj=instrument,
        collaboration=collaboration,
        fields=["copied_from"],
    )
    return instrument


@transaction.atomic
def publish(version: InstrumentVersion, *, by=None) -> InstrumentVersion:
    """Freeze a draft so rounds can use it. Publishing twice changes nothing."""
    version = InstrumentVersion.objects.select_for_update().get(pk=version.pk)
    if version.status == VersionStatus.PUBLISHED:
        return version
    version.status = VersionStatus.PUBLISHED
    version.published_at = timezone.now()
    version.save(update_fields=["status", "published_at"])
    audit_record(
        actor=by,
        action=AuditAction.UPDATE,
        obj=version,
        collaboration=version.instrument.collaboration,
        fields=["status"],
    )
    return version


# -------------------------------------------------------------------------------- conditions


def is_visible(item: Item, answers: Mapping[str, list[str]]) -> bool:
    """Whether a respondent sees `item`, given answers so far as {item_id: [values]}.

    An item with a condition is shown only when the condition item's answer is one of the
    condition values (for multiple choice: any chosen value). Conditions refer to earlier items.
    """
    if item.condition_item_id is None:
        return True
    wanted = {str(v) for v in item.condition_values or []}
    given = answers.get(item.condition_item.item_id, [])
    return bool(wanted.intersection(given))
