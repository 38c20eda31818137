"""Instruments and versions: a new instrument, a copy into a collaboration, a new draft of a
published version, publishing, and a draft's name, title, introduction and attribution.

Publishing freezes a version; editing a published version means `version_draft`; copying a
(built-in) instrument into a collaboration means `instrument_copy`.
"""

from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record, save_audited
from samverka.surveys.instruments.models import (
    Instrument,
    InstrumentVersion,
    Item,
    ItemAudio,
    Option,
    Section,
    VersionStatus,
)
from samverka.surveys.instruments.rules import publish_problems
from samverka.surveys.instruments.services import (
    EditRefused,
    audit_change,
    locked_version,
    note_text_change,
)
from samverka.surveys.instruments.texts import clean_text, merge_texts


@transaction.atomic
def instrument_create(
    *, collaboration, name: str, kind: str, title: Mapping[str, str], by
) -> InstrumentVersion:
    """A new, empty instrument of a collaboration; its version 1, a draft."""
    instrument = Instrument()
    data = {
        "name": clean_text(name),
        "kind": kind,
        "collaboration": collaboration,
        "created_by": by,
    }
    save_audited(instrument, data, by=by, collaboration=collaboration)
    titles, _changed = merge_texts({}, title)
    return InstrumentVersion.objects.create(
        instrument=instrument, number=1, title=titles, created_by=by
    )


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


def _copy_version(
    source: InstrumentVersion, *, instrument: Instrument, number: int, by
) -> InstrumentVersion:
    """A new draft `number` of `instrument` with the texts and content of `source`."""
    copy = InstrumentVersion.objects.create(
        instrument=instrument,
        number=number,
        title=source.title,
        intro=source.intro,
        attribution=source.attribution,
        language_status=source.language_status,
        created_by=by,
    )
    _copy_content(source, copy)
    return copy


@transaction.atomic
def version_draft(*, version: InstrumentVersion, by) -> InstrumentVersion:
    """A new draft of the same instrument with the content of `version`.

    Editing a published version goes through here: answers stay with the version they answered.
    An existing draft of the instrument is returned instead of making a second one.
    """
    instrument = version.instrument
    existing = instrument.versions.filter(status=VersionStatus.DRAFT).order_by("-number").first()
    if existing is not None:
        return existing
    number = (instrument.versions.order_by("-number").values_list("number", flat=True).first()) or 0
    draft = _copy_version(version, instrument=instrument, number=number + 1, by=by)
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
def instrument_copy(*, version: InstrumentVersion, collaboration, name: str = "", by) -> Instrument:
    """A collaboration's own editable copy (version 1, draft) of any instrument version."""
    source = version.instrument
    instrument = Instrument.objects.create(
        kind=source.kind,
        name=clean_text(name)[:200] or source.name,
        collaboration=collaboration,
        copied_from=version,
        created_by=by,
    )
    _copy_version(version, instrument=instrument, number=1, by=by)
    audit_record(
        actor=by,
        action=AuditAction.CREATE,
        obj=instrument,
        collaboration=collaboration,
        fields=["copied_from"],
    )
    return instrument


@transaction.atomic
def version_publish(*, version: InstrumentVersion, by) -> InstrumentVersion:
    """Freeze a draft so rounds can use it, once it has what a respondent needs
    (`rules.publish_problems`; EditRefused says what is missing). Publishing twice changes
    nothing."""
    version = locked_version(version, draft=False)
    if version.status == VersionStatus.PUBLISHED:
        return version
    problems = publish_problems(version)
    if problems:
        raise EditRefused(" ".join(problems))
    version.status = VersionStatus.PUBLISHED
    version.published_at = timezone.now()
    version.save(update_fields=["status", "published_at"])
    audit_change(by, AuditAction.UPDATE, version, version, ["status"])
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
    version = locked_version(version)
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
    fields += note_text_change(version, title_changed | intro_changed)
    if fields:
        audit_change(by, AuditAction.UPDATE, version, version, fields)
    return fields
