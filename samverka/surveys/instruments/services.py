"""Changing survey instruments: instruments, versions, sections, questions and their options,
translations and recordings.

Every function is one transaction with an audit record (field names, never values). A published
version is frozen: every function that changes what a respondent reads refuses it
(`VersionFrozen`), whatever view calls it. Two things may change on a published version because
they do not change its texts: a language's translation status and the recordings (a recording
reads the same text aloud). How a text change moves the translation status: `texts`.

Versions: publishing freezes a version; editing a published version means `new_draft_version`;
copying a (built-in) instrument into a collaboration means `copy_instrument`.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record
from samverka.lib.languages import LANGUAGE_CODES
from samverka.surveys.builtin.scales import (
    DONT_KNOW_LABEL,
    FACES_LABELS,
    SCALE_LABELS,
    YES_NO_LABELS,
)
from samverka.surveys.instruments.models import (
    CHOICE_TYPES,
    DONT_KNOW,
    Instrument,
    InstrumentVersion,
    Item,
    ItemAudio,
    ItemRole,
    ItemType,
    Option,
    Section,
    TranslationStatus,
    VersionStatus,
)
from samverka.surveys.instruments.rules import condition_problems, publish_problems
from samverka.surveys.instruments.texts import (
    MAX_TEXT_LENGTH,
    SETTABLE_STATUSES,
    SOURCE_LANGUAGE,
    TextUnit,
    clean_text,
    merge_texts,
    missing_texts,
    not_complete_message,
    statuses_after_change,
    text_units,
)

SOURCE = SOURCE_LANGUAGE
# Options that come with the item type, in order: (value, {language: label}).
STANDARD_LABELS = {
    ItemType.AGREEMENT: SCALE_LABELS,
    ItemType.FACES: FACES_LABELS,
    ItemType.YES_NO: YES_NO_LABELS,
}


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


# ------------------------------------------------------------------------------- helpers


def _locked(version: InstrumentVersion, *, draft: bool = True) -> InstrumentVersion:
    """The version's row, locked for this transaction; a published one refused if `draft`."""
    fresh = InstrumentVersion.objects.select_for_update().select_related("instrument")
    fresh = fresh.get(pk=version.pk)
    if draft and fresh.status != VersionStatus.DRAFT:
        raise VersionFrozen
    return fresh


def _collaboration(version: InstrumentVersion):
    return version.instrument.collaboration


def _audit(by, action, obj, version, fields=(), detail=""):
    audit_record(
        actor=by,
        action=action,
        obj=obj,
        collaboration=_collaboration(version),
        fields=fields,
        detail=detail,
    )


def _note_text_change(version: InstrumentVersion, changed: set[str]) -> list[str]:
    """Reset statuses on the locked `version` after its texts changed; the saved fields."""
    if not changed:
        return []
    new_status = statuses_after_change(version.language_status, changed)
    if new_status == (version.language_status or {}):
        return []
    version.language_status = new_status
    version.save(update_fields=["language_status"])
    return ["language_status"]


def _renumber_sections(version: InstrumentVersion) -> None:
    for index, section in enumerate(version.sections.order_by("position", "id")):
        if section.position != index:
            section.position = index
            section.save(update_fields=["position"])


def _renumber_items(section: Section) -> None:
    for index, item in enumerate(section.items.order_by("position", "id")):
        if item.position != index:
            item.position = index
            item.save(update_fields=["position"])


def unique_section_key(version: InstrumentVersion, wanted: str, *, exclude=None) -> str:
    base = slugify(wanted)[:32] or "section"
    taken = set(
        version.sections.exclude(pk=getattr(exclude, "pk", None)).values_list("key", flat=True)
    )
    key, n = base, 2
    while key in taken:
        key = f"{base}-{n}"
        n += 1
    return key


# -------------------------------------------------------------------------------- versions


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


# ---------------------------------------------------------------------------------- checks


@transaction.atomic
def version_publish(*, version: InstrumentVersion, by) -> InstrumentVersion:
    """Publish a draft after checking it (`publish` freezes it and audits)."""
    version = _locked(version, draft=False)
    if version.status == VersionStatus.PUBLISHED:
        return version
    problems = publish_problems(version)
    if problems:
        raise EditRefused(" ".join(problems))
    return publish(version, by=by)


def _check_condition(item: Item, target: Item | None, values: list[str]) -> None:
    if target is None:
        if values:
            raise EditRefused(_("Choose the question the condition depends on."))
        return
    if target.version_id != item.version_id:
        raise EditRefused(_("A condition must refer to a question of the same version."))
    if item.pk is not None and target.pk == item.pk:
        raise EditRefused(_("A question cannot depend on its own answer."))
    if target.type not in CHOICE_TYPES:
        raise EditRefused(_("A condition can only depend on a question with answer options."))
    if not values:
        raise EditRefused(_("Choose at least one answer for the condition."))
    known = set(target.options.values_list("value", flat=True))
    if not set(values) <= known:
        raise EditRefused(_("The condition names answers the question does not have."))


def _check_order(version: InstrumentVersion, before: list[str]) -> None:
    """Refuse (and so roll back) a change that breaks a condition, for example by putting it
    after its question. Problems that were there `before` the change do not block it."""
    problems = [p for p in condition_problems(version) if p not in before]
    if problems:
        raise EditRefused(" ".join(problems))


# -------------------------------------------------------------------------- instruments


@transaction.atomic
def instrument_create(*, collaboration, by, name: str, kind: str, title: Mapping[str, str]):
    """A new, empty instrument of a collaboration (version 1, a draft)."""
    instrument = Instrument.objects.create(
        name=clean_text(name), kind=kind, collaboration=collaboration, created_by=by
    )
    titles, _changed = merge_texts({}, title)
    version = InstrumentVersion.objects.create(
        instrument=instrument, number=1, title=titles, created_by=by
    )
    audit_record(actor=by, action=AuditAction.CREATE, obj=instrument, collaboration=collaboration)
    return version


@transaction.atomic
def version_update(
    *,
    version: InstrumentVersion,
    by,
    name: str,
    title: Mapping[str, str],
    intro: Mapping[str, str],
    attribution: str,
) -> list[str]:
    """Change a draft's title, introduction and attribution and the instrument's name."""
    version = _locked(version)
    fields = []
    instrument = version.instrument
    name = clean_text(name)
    if name and name != instrument.name:
        instrument.name = name
        instrument.save(update_fields=["name"])
        fields.append("name")
    titles, title_changed = merge_texts(version.title, title)
    intros, intro_changed = merge_texts(version.intro, intro)
    attribution = clean_text(attribution)
    if title_changed:
        version.title = titles
        fields.append("title")
    if intro_changed:
        version.intro = intros
        fields.append("intro")
    if attribution != version.attribution:
        version.attribution = attribution
        fields.append("attribution")
    version_fields = [f for f in fields if f != "name"]
    if version_fields:
        version.save(update_fields=version_fields)
    fields += _note_text_change(version, title_changed | intro_changed)
    if fields:
        _audit(by, AuditAction.UPDATE, version, version, fields)
    return fields


# ------------------------------------------------------------------------------- sections


@transaction.atomic
def section_create(
    *, version: InstrumentVersion, by, key: str, title: Mapping[str, str], intro: Mapping[str, str]
) -> Section:
    version = _locked(version)
    key = unique_section_key(version, key or title.get(SOURCE, ""))
    position = (version.sections.aggregate(m=Max("position"))["m"] or 0) + 1
    titles, title_changed = merge_texts({}, title)
    intros, intro_changed = merge_texts({}, intro)
    section = Section.objects.create(
        version=version, key=key, position=position, title=titles, intro=intros
    )
    _renumber_sections(version)
    _note_text_change(version, title_changed | intro_changed)
    _audit(by, AuditAction.CREATE, version, version, ["sections"], detail=f"section {key}")
    return section


@transaction.atomic
def section_update(
    *, section: Section, by, key: str, title: Mapping[str, str], intro: Mapping[str, str]
) -> list[str]:
    version = _locked(section.version)
    section = Section.objects.select_for_update().get(pk=section.pk)
    fields = []
    key = clean_text(key)
    if key and key != section.key:
        if version.sections.exclude(pk=section.pk).filter(key=key).exists():
            raise EditRefused(_("Another section of this version has that key."))
        section.key = key
        fields.append("key")
    titles, title_changed = merge_texts(section.title, title)
    intros, intro_changed = merge_texts(section.intro, intro)
    if title_changed:
        section.title = titles
        fields.append("title")
    if intro_changed:
        section.intro = intros
        fields.append("intro")
    if fields:
        section.save(update_fields=fields)
        _note_text_change(version, title_changed | intro_changed)
        _audit(
            by,
            AuditAction.UPDATE,
            version,
            version,
            [f"section.{f}" for f in fields],
            detail=f"section {section.key}",
        )
    return fields


@transaction.atomic
def section_delete(*, section: Section, by) -> int:
    """Delete a section and its questions; refused while questions elsewhere depend on them."""
    version = _locked(section.version)
    items = list(section.items.all())
    dependents = (
        Item.objects.filter(condition_item__in=items).exclude(section=section).order_by("item_id")
    )
    if dependents.exists():
        raise EditRefused(
            _(
                "Questions in other sections depend on this section: %(items)s. "
                "Change their conditions first."
            )
            % {"items": ", ".join(dependents.values_list("item_id", flat=True))}
        )
    key = section.key
    section.delete()
    _renumber_sections(version)
    _audit(by, AuditAction.DELETE, version, version, ["sections"], detail=f"section {key}")
    return len(items)


@transaction.atomic
def section_move(*, section: Section, by, direction: str) -> bool:
    """Move a section one place up or down; False when it is already first or last."""
    version = _locked(section.version)
    before = condition_problems(version)
    _renumber_sections(version)
    sections = list(version.sections.order_by("position", "id"))
    index = next(i for i, s in enumerate(sections) if s.pk == section.pk)
    other = index - 1 if direction == "up" else index + 1
    if other < 0 or other >= len(sections):
        return False
    a, b = sections[index], sections[other]
    a.position, b.position = b.position, a.position
    a.save(update_fields=["position"])
    b.save(update_fields=["position"])
    _check_order(version, before)
    _audit(
        by, AuditAction.UPDATE, version, version, ["section.position"], detail=f"section {a.key}"
    )
    return True


# ---------------------------------------------------------------------------------- items


@dataclass
class ItemData:
    """What the item form gives: texts in Swedish and English, and the rest of the item."""

    item_id: str
    type: str
    text: dict[str, str]
    help: dict[str, str] = field(default_factory=dict)
    allow_dont_know: bool = True
    required: bool = False
    # (value, {language: label}) for single and multiple choice; others get standard options.
    options: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    condition_item: Item | None = None
    condition_values: list[str] = field(default_factory=list)
    number_min: int | None = None
    number_max: int | None = None
    role: str = ItemRole.NONE
    measure: str = ""


def wanted_options(data: ItemData) -> list[tuple[str, dict[str, str]]]:
    """The options an item of this kind has: (value, labels to set) in order."""
    if data.type in STANDARD_LABELS:
        labels = STANDARD_LABELS[data.type]
        options = [
            (value, {lang: labels[lang][value] for lang in labels if value in labels[lang]})
            for value in labels[SOURCE]
        ]
    elif data.type in (ItemType.SINGLE, ItemType.MULTIPLE):
        options = [(value, dict(labels)) for value, labels in data.options]
    else:
        return []
    if data.allow_dont_know:
        options.append((DONT_KNOW, dict(DONT_KNOW_LABEL)))
    return options


def _sync_options(item: Item, data: ItemData, *, type_changed: bool) -> tuple[set[str], bool]:
    """Make the item's options what the data asks; (changed label languages, options changed).

    Standard options (scales, yes/no, don't know) keep labels already there, so translations
    made for this instrument survive; declared options get their Swedish and English labels
    from the form and keep the other languages.
    """
    wanted = wanted_options(data)
    existing = {o.value: o for o in item.options.all()}
    wanted_values = [value for value, _labels in wanted]
    removed = [value for value in existing if value not in wanted_values]
    if removed:
        dependents = Item.objects.filter(condition_item=item).order_by("item_id")
        using = [d.item_id for d in dependents if set(d.condition_values or []) & set(removed)]
        if using:
            raise EditRefused(
                _(
                    "The answers %(values)s are used by the condition of %(items)s. "
                    "Change that condition first."
                )
                % {"values": ", ".join(removed), "items": ", ".join(using)}
            )
        Option.objects.filter(item=item, value__in=removed).delete()
    changed: set[str] = set()
    structure_changed = bool(removed)
    standard = data.type in STANDARD_LABELS
    # A scale that becomes faces (or a list that becomes a scale) gets the standard words.
    relabel = standard and type_changed
    for position, (value, labels) in enumerate(wanted):
        option = existing.get(value)
        if option is None:
            texts, langs = merge_texts({}, labels)
            Option.objects.create(item=item, value=value, position=position, label=texts)
            changed |= langs
            structure_changed = True
            continue
        update = []
        if option.position != position:
            option.position = position
            update.append("position")
        if relabel and value != DONT_KNOW:
            texts, langs = merge_texts({}, labels)
            old = option.label or {}
            if texts != old:
                option.label = texts
                changed |= {lang for lang in {*texts, *old} if texts.get(lang) != old.get(lang)}
                update.append("label")
        elif not standard and value != DONT_KNOW:
            texts, langs = merge_texts(option.label, labels)
            if langs:
                option.label = texts
                changed |= langs
                update.append("label")
        elif not clean_text((option.label or {}).get(SOURCE)):
            texts, langs = merge_texts({}, labels)
            option.label = {**texts, **(option.label or {})}
            changed |= langs
            update.append("label")
        if update:
            option.save(update_fields=update)
            structure_changed = True
    return changed, structure_changed


def _apply_item(item: Item, data: ItemData, *, by, created: bool) -> list[str]:
    version = item.version
    before = condition_problems(version)
    if Item.objects.filter(version=version, item_id=data.item_id).exclude(pk=item.pk).exists():
        raise EditRefused(
            _("Another question of this version has the id %(item)s.") % {"item": data.item_id}
        )
    if data.role == ItemRole.AGE:
        if data.type != ItemType.NUMBER:
            raise EditRefused(_("Only a number question can give the age."))
        if Item.objects.filter(version=version, role=ItemRole.AGE).exclude(pk=item.pk).exists():
            raise EditRefused(_("Another question of this version already gives the age."))
    if (
        data.number_min is not None
        and data.number_max is not None
        and data.number_min > data.number_max
    ):
        raise EditRefused(_("The smallest number is larger than the largest."))
    if not created and data.type not in CHOICE_TYPES and item.dependent_items.exists():
        raise EditRefused(
            _("Other questions depend on the answer to this one, so it must keep answer options.")
        )
    _check_condition(item, data.condition_item, list(data.condition_values))

    fields = []
    type_changed = not created and item.type != data.type
    texts, text_changed = merge_texts(item.text, data.text)
    helps, help_changed = merge_texts(item.help, data.help)
    is_number = data.type == ItemType.NUMBER
    values = {
        "item_id": data.item_id,
        "type": data.type,
        "allow_dont_know": data.allow_dont_know,
        "required": data.required,
        "condition_item": data.condition_item,
        "condition_values": list(data.condition_values) if data.condition_item else [],
        "number_min": data.number_min if is_number else None,
        "number_max": data.number_max if is_number else None,
        "role": data.role or ItemRole.NONE,
        "measure": data.measure or "",
    }
    for name, value in values.items():
        current = getattr(item, name)
        if name == "condition_item":
            if getattr(current, "pk", None) != getattr(value, "pk", None):
                fields.append(name)
        elif current != value:
            fields.append(name)
        setattr(item, name, value)
    if text_changed:
        item.text = texts
        fields.append("text")
    if help_changed:
        item.help = helps
        fields.append("help")
    if created:
        item.save()
    elif fields:
        item.save(update_fields=fields)
    label_changed, options_changed = _sync_options(item, data, type_changed=type_changed)
    if options_changed and not created:
        fields.append("options")
    _note_text_change(version, text_changed | help_changed | label_changed)
    _check_order(version, before)
    if created:
        _audit(by, AuditAction.CREATE, version, version, ["items"], detail=f"item {item.item_id}")
    elif fields:
        _audit(
            by,
            AuditAction.UPDATE,
            version,
            version,
            [f"item.{f}" for f in fields],
            detail=f"item {item.item_id}",
        )
    return fields


@transaction.atomic
def item_create(*, section: Section, by, data: ItemData) -> Item:
    """A new question at the end of `section`."""
    version = _locked(section.version)
    position = (section.items.aggregate(m=Max("position"))["m"] or 0) + 1
    item = Item(version=version, section=section, position=position)
    _apply_item(item, data, by=by, created=True)
    _renumber_items(section)
    item.refresh_from_db()
    return item


@transaction.atomic
def item_update(*, item: Item, by, data: ItemData) -> list[str]:
    version = _locked(item.version)
    item = Item.objects.select_for_update().get(pk=item.pk)
    item.version = version
    return _apply_item(item, data, by=by, created=False)


@transaction.atomic
def item_delete(*, item: Item, by) -> None:
    """Delete a question; refused while other questions depend on its answer."""
    version = _locked(item.version)
    dependents = list(item.dependent_items.order_by("item_id").values_list("item_id", flat=True))
    if dependents:
        raise EditRefused(
            ngettext(
                "%(items)s depends on the answer to this question. Change its condition first.",
                "%(items)s depend on the answer to this question. Change their conditions first.",
                len(dependents),
            )
            % {"items": ", ".join(dependents)}
        )
    section = item.section
    item_id = item.item_id
    item.delete()
    _renumber_items(section)
    _audit(by, AuditAction.DELETE, version, version, ["items"], detail=f"item {item_id}")


@transaction.atomic
def item_move(*, item: Item, by, direction: str) -> bool:
    """Move a question one place up or down, into the neighbouring section at either end.

    Refused when a condition would then refer to a later question; False when there is
    nowhere to go.
    """
    version = _locked(item.version)
    item = Item.objects.select_for_update().select_related("section").get(pk=item.pk)
    before = condition_problems(version)
    section = item.section
    _renumber_items(section)
    item.refresh_from_db(fields=["position"])
    siblings = list(section.items.order_by("position", "id"))
    index = next(i for i, s in enumerate(siblings) if s.pk == item.pk)
    step = -1 if direction == "up" else 1
    other = index + step
    if 0 <= other < len(siblings):
        neighbour = siblings[other]
        item.position, neighbour.position = neighbour.position, item.position
        item.save(update_fields=["position"])
        neighbour.save(update_fields=["position"])
    else:
        sections = list(version.sections.order_by("position", "id"))
        at = next(i for i, s in enumerate(sections) if s.pk == section.pk)
        if not 0 <= at + step < len(sections):
            return False
        target = sections[at + step]
        if step < 0:
            item.position = (target.items.aggregate(m=Max("position"))["m"] or 0) + 1
        else:
            target.items.update(position=F("position") + 1)
            item.position = 0
        item.section = target
        item.save(update_fields=["section", "position"])
        _renumber_items(section)
        _renumber_items(target)
    _check_order(version, before)
    _audit(
        by, AuditAction.UPDATE, version, version, ["item.position"], detail=f"item {item.item_id}"
    )
    return True


# ------------------------------------------------------------------------------ translations


def _save_units(units: list[TextUnit]) -> None:
    """Save the objects whose texts were changed through `TextUnit.set` (every changed field)."""
    fields: dict[int, tuple[object, set[str]]] = {}
    for unit in units:
        fields.setdefault(id(unit.obj), (unit.obj, set()))[1].add(unit.field)
    for obj, names in fields.values():
        obj.save(update_fields=sorted(names))


def _units_by_key(version: InstrumentVersion) -> dict[str, TextUnit]:
    return {unit.key: unit for unit in text_units(version)}


def _check_status(version, language: str, status: str, units) -> None:
    if status not in SETTABLE_STATUSES:
        raise EditRefused(_("“%(status)s” is not a translation status.") % {"status": status})
    if status != TranslationStatus.DRAFT:
        missing = missing_texts(version, language, units)
        if missing:
            raise EditRefused(not_complete_message(language, len(missing)))


@transaction.atomic
def texts_apply(
    *,
    version: InstrumentVersion,
    by,
    changes: Iterable[tuple[str, str, str]],
    statuses: Mapping[str, str] | None = None,
    source: str = "form",
) -> int:
    """Set texts [(key, language, text)] of a draft and, optionally, language statuses.

    All or nothing: an unknown key or language, a text that is too long, a text for a key that
    has no Swedish source, or a status that the texts do not allow refuses the whole change.
    Returns the number of texts that changed.
    """
    version = _locked(version)
    units = _units_by_key(version)
    changed_languages: set[str] = set()
    touched = []
    count = 0
    for key, language, value in changes:
        unit = units.get(key)
        if unit is None:
            raise EditRefused(_("“%(key)s” is not a text of this version.") % {"key": key})
        if language not in LANGUAGE_CODES:
            raise EditRefused(
                _("“%(language)s” is not a survey language.") % {"language": language}
            )
        value = clean_text(value)
        if len(value) > MAX_TEXT_LENGTH:
            raise EditRefused(
                _("The text for %(key)s is longer than %(limit)s characters.")
                % {"key": key, "limit": MAX_TEXT_LENGTH}
            )
        if value == unit.get(language):
            continue
        if language != SOURCE and value and not unit.required:
            raise EditRefused(
                _("%(key)s has no Swedish text, so it cannot be translated.") % {"key": key}
            )
        if language == SOURCE and not value and unit.field in ("text", "label", "title"):
            raise EditRefused(_("A question or an answer option needs its Swedish text."))
        unit.set(language, value)
        touched.append(unit)
        changed_languages.add(language)
        count += 1
    _save_units(touched)
    explicit = {lang: str(s) for lang, s in (statuses or {}).items() if s}
    all_units = list(units.values())
    for language, status in explicit.items():
        if language not in LANGUAGE_CODES:
            raise EditRefused(
                _("“%(language)s” is not a survey language.") % {"language": language}
            )
        _check_status(version, language, status, all_units)
    new_status = statuses_after_change(version.language_status, changed_languages, explicit)
    fields = [f"texts.{lang}" for lang in sorted(changed_languages)]
    if new_status != (version.language_status or {}):
        version.language_status = new_status
        version.save(update_fields=["language_status"])
        fields.append("language_status")
    if fields:
        _audit(
            by,
            AuditAction.UPDATE,
            version,
            version,
            fields,
            detail=f"{source}: {count} texts",
        )
    return count


@transaction.atomic
def language_status_set(*, version: InstrumentVersion, by, language: str, status: str) -> bool:
    """Set one language's translation status (also on a published version); False if unchanged."""
    version = _locked(version, draft=False)
    if language not in LANGUAGE_CODES:
        raise EditRefused(_("“%(language)s” is not a survey language.") % {"language": language})
    _check_status(version, language, status, list(text_units(version)))
    if (version.language_status or {}).get(language) == status:
        return False
    version.language_status = {**(version.language_status or {}), language: str(status)}
    version.save(update_fields=["language_status"])
    _audit(by, AuditAction.UPDATE, version, version, ["language_status"], detail=language)
    return True


# ------------------------------------------------------------------------------ recordings


def _delete_file_later(name: str) -> None:
    """Remove a recording's file after commit, unless another row (a copy) still uses it."""

    def remove():
        if name and not ItemAudio.objects.filter(file=name).exists():
            ItemAudio._meta.get_field("file").storage.delete(name)

    transaction.on_commit(remove)


@transaction.atomic
def audio_save(*, item: Item, by, language: str, upload, content_type: str) -> ItemAudio:
    """Store (or replace) the item's recording in `language`. Allowed on published versions."""
    version = _locked(item.version, draft=False)
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
    _audit(
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
    version = _locked(audio.item.version, draft=False)
    name = audio.file.name
    detail = f"item {audio.item.item_id} {audio.language}"
    audio.delete()
    _delete_file_later(name)
    _audit(by, AuditAction.DELETE, version, version, ["audio"], detail=detail)
