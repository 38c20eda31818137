"""The sections and questions of a draft: create, change, move and delete them, with their
options and conditions. A change that breaks a condition is refused and rolls back."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Required, TypedDict, Unpack

from django.db import transaction
from django.db.models import F, Max
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samverka.audit.models import AuditAction
from samverka.surveys.builtin.scales import (
    DONT_KNOW_LABEL,
    FACES_LABELS,
    SCALE_LABELS,
    YES_NO_LABELS,
)
from samverka.surveys.instruments.models import (
    CHOICE_TYPES,
    DONT_KNOW,
    InstrumentVersion,
    Item,
    ItemRole,
    ItemType,
    Option,
    Section,
)
from samverka.surveys.instruments.rules import condition_problems
from samverka.surveys.instruments.services import (
    EditRefused,
    audit_change,
    locked_version,
    note_text_change,
)
from samverka.surveys.instruments.texts import SOURCE_LANGUAGE, clean_text, merge_texts

# Options that come with the item type, in order: (value, {language: label}).
STANDARD_LABELS = {
    ItemType.AGREEMENT: SCALE_LABELS,
    ItemType.FACES: FACES_LABELS,
    ItemType.YES_NO: YES_NO_LABELS,
}


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


@transaction.atomic
def section_create(
    *, version: InstrumentVersion, by, key: str, title: Mapping[str, str], intro: Mapping[str, str]
) -> Section:
    version = locked_version(version)
    key = unique_section_key(version, key or title.get(SOURCE_LANGUAGE, ""))
    position = (version.sections.aggregate(m=Max("position"))["m"] or 0) + 1
    titles, title_changed = merge_texts({}, title)
    intros, intro_changed = merge_texts({}, intro)
    section = Section.objects.create(
        version=version, key=key, position=position, title=titles, intro=intros
    )
    _renumber_sections(version)
    note_text_change(version, title_changed | intro_changed)
    audit_change(by, AuditAction.CREATE, version, version, ["sections"], detail=f"section {key}")
    return section


@transaction.atomic
def section_update(
    *, section: Section, by, key: str, title: Mapping[str, str], intro: Mapping[str, str]
) -> list[str]:
    version = locked_version(section.version)
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
        note_text_change(version, title_changed | intro_changed)
        audit_change(
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
    version = locked_version(section.version)
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
    audit_change(by, AuditAction.DELETE, version, version, ["sections"], detail=f"section {key}")
    return len(items)


@transaction.atomic
def section_move(*, section: Section, by, direction: str) -> bool:
    """Move a section one place up or down; False when it is already first or last."""
    version = locked_version(section.version)
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
    audit_change(
        by, AuditAction.UPDATE, version, version, ["section.position"], detail=f"section {a.key}"
    )
    return True


class Question(TypedDict, total=False):
    """A question as `item_create` and `item_update` take it: keyword arguments, declared once."""

    item_id: Required[str]  # stable across versions and languages, e.g. "P-NET-01"
    type: Required[str]  # ItemType
    text: Required[Mapping[str, str]]  # {language: text}; the form gives Swedish and English
    help: Mapping[str, str]
    allow_dont_know: bool  # offer "don't know / don't want to answer" (default yes)
    required: bool
    # (value, {language: label}) for single and multiple choice, in order; scales and yes/no
    # get the standard options.
    options: Sequence[tuple[str, Mapping[str, str]]]
    # Shown only when `condition_item` (an earlier choice question) has one of these answers.
    condition_item: Item | None
    condition_values: Sequence[str]
    number_min: int | None
    number_max: int | None
    role: str  # ItemRole
    measure: str


@dataclass
class _ItemFields:
    """A `Question` with its defaults, in the shapes stored."""

    item_id: str
    type: str
    text: dict[str, str]
    help: dict[str, str] = field(default_factory=dict)
    allow_dont_know: bool = True
    required: bool = False
    options: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    condition_item: Item | None = None
    condition_values: list[str] = field(default_factory=list)
    number_min: int | None = None
    number_max: int | None = None
    role: str = ItemRole.NONE
    measure: str = ""

    def __post_init__(self):
        self.text = dict(self.text)
        self.help = dict(self.help or {})
        self.options = [(value, dict(labels)) for value, labels in self.options]
        self.condition_values = list(self.condition_values)
        self.role = self.role or ItemRole.NONE
        self.measure = self.measure or ""


def _wanted_options(data: _ItemFields) -> list[tuple[str, dict[str, str]]]:
    """The options an item of this kind has: (value, labels to set) in order."""
    if data.type in STANDARD_LABELS:
        labels = STANDARD_LABELS[data.type]
        options = [
            (value, {lang: labels[lang][value] for lang in labels if value in labels[lang]})
            for value in labels[SOURCE_LANGUAGE]
        ]
    elif data.type in (ItemType.SINGLE, ItemType.MULTIPLE):
        options = [(value, dict(labels)) for value, labels in data.options]
    else:
        return []
    if data.allow_dont_know:
        options.append((DONT_KNOW, dict(DONT_KNOW_LABEL)))
    return options


def _sync_options(item: Item, data: _ItemFields, *, type_changed: bool) -> tuple[set[str], bool]:
    """Make the item's options what the data asks; (changed label languages, options changed).

    Standard options (scales, yes/no, don't know) keep labels already there, so translations
    made for this instrument survive; declared options get their Swedish and English labels
    from the form and keep the other languages.
    """
    wanted = _wanted_options(data)
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
        elif not clean_text((option.label or {}).get(SOURCE_LANGUAGE)):
            texts, langs = merge_texts({}, labels)
            option.label = {**texts, **(option.label or {})}
            changed |= langs
            update.append("label")
        if update:
            option.save(update_fields=update)
            structure_changed = True
    return changed, structure_changed


def _apply_item(item: Item, data: _ItemFields, *, by, created: bool) -> list[str]:
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
    note_text_change(version, text_changed | help_changed | label_changed)
    _check_order(version, before)
    if created:
        audit_change(
            by, AuditAction.CREATE, version, version, ["items"], detail=f"item {item.item_id}"
        )
    elif fields:
        audit_change(
            by,
            AuditAction.UPDATE,
            version,
            version,
            [f"item.{f}" for f in fields],
            detail=f"item {item.item_id}",
        )
    return fields


@transaction.atomic
def item_create(*, section: Section, by, **question: Unpack[Question]) -> Item:
    """A new question at the end of `section`."""
    data = _ItemFields(**question)
    version = locked_version(section.version)
    position = (section.items.aggregate(m=Max("position"))["m"] or 0) + 1
    item = Item(version=version, section=section, position=position)
    _apply_item(item, data, by=by, created=True)
    _renumber_items(section)
    item.refresh_from_db()
    return item


@transaction.atomic
def item_update(*, item: Item, by, **question: Unpack[Question]) -> list[str]:
    """Change a question of a draft; the names of the changed fields.

    Texts in languages the question does not give stay; options keep their translations.
    """
    data = _ItemFields(**question)
    version = locked_version(item.version)
    item = Item.objects.select_for_update().get(pk=item.pk)
    item.version = version
    return _apply_item(item, data, by=by, created=False)


@transaction.atomic
def item_delete(*, item: Item, by) -> None:
    """Delete a question; refused while other questions depend on its answer."""
    version = locked_version(item.version)
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
    audit_change(by, AuditAction.DELETE, version, version, ["items"], detail=f"item {item_id}")


@transaction.atomic
def item_move(*, item: Item, by, direction: str) -> bool:
    """Move a question one place up or down, into the neighbouring section at either end.

    Refused when a condition would then refer to a later question; False when there is
    nowhere to go.
    """
    version = locked_version(item.version)
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
    audit_change(
        by, AuditAction.UPDATE, version, version, ["item.position"], detail=f"item {item.item_id}"
    )
    return True
