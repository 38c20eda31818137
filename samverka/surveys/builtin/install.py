"""Install the built-in instruments (`samverka.surveys.builtin`) as published versions.

Idempotent: run it on every deploy (`python manage.py load_survey_instruments`) and from the demo
seeder. For each definition it compares the content the definition would install with the content
of the instrument's published versions, rebuilt from the database. One of them equal: nothing
changes (so versions the national lead published through the instrument pages stay current).
None equal (a text, an option, a condition, a translation status changed in the code): a NEW
published version is added. A published version is never edited: rounds and answers are tied to
it.
"""

import json

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record
from samverka.surveys.builtin import InstrumentDef, definitions, problems
from samverka.surveys.builtin.scales import options_for
from samverka.surveys.instruments.models import (
    Instrument,
    InstrumentVersion,
    Item,
    Option,
    Section,
    VersionStatus,
)

CREATED = "created"
NEW_VERSION = "new version"
UNCHANGED = "unchanged"


def definition_content(definition: InstrumentDef) -> dict:
    """What a definition installs, in the same shape as `version_content`."""
    return {
        "title": dict(definition.title),
        "intro": dict(definition.intro),
        "attribution": definition.attribution,
        "language_status": dict(definition.language_status),
        "sections": [
            {
                "key": section.key,
                "title": dict(section.title),
                "intro": dict(section.intro),
                "items": [
                    {
                        "item_id": item.item_id,
                        "type": str(item.type),
                        "text": dict(item.text),
                        "help": dict(item.help),
                        "allow_dont_know": item.offers_dont_know,
                        "required": item.required,
                        "condition": (
                            [item.condition.item_id, [str(v) for v in item.condition.values]]
                            if item.condition
                            else None
                        ),
                        "number_min": item.number_min,
                        "number_max": item.number_max,
                        "role": str(item.role or ""),
                        "measure": item.measure,
                        "options": [[value, label] for value, label in options_for(item)],
                    }
                    for item in section.items
                ],
            }
            for section in definition.sections
        ],
    }


def version_content(version: InstrumentVersion) -> dict:
    """The content of a stored version, comparable with `definition_content`."""
    items_by_section: dict[int, list[Item]] = {}
    items = (
        version.items.select_related("condition_item")
        .prefetch_related("options")
        .order_by("position", "id")
    )
    for item in items:
        items_by_section.setdefault(item.section_id, []).append(item)
    return {
        "title": version.title or {},
        "intro": version.intro or {},
        "attribution": version.attribution,
        "language_status": version.language_status or {},
        "sections": [
            {
                "key": section.key,
                "title": section.title or {},
                "intro": section.intro or {},
                "items": [
                    {
                        "item_id": item.item_id,
                        "type": item.type,
                        "text": item.text or {},
                        "help": item.help or {},
                        "allow_dont_know": item.allow_dont_know,
                        "required": item.required,
                        "condition": (
                            [item.condition_item.item_id, list(item.condition_values or [])]
                            if item.condition_item_id
                            else None
                        ),
                        "number_min": item.number_min,
                        "number_max": item.number_max,
                        "role": item.role or "",
                        "measure": item.measure,
                        "options": [
                            [option.value, option.label or {}]
                            for option in sorted(item.options.all(), key=lambda o: o.position)
                        ],
                    }
                    for item in items_by_section.get(section.pk, [])
                ],
            }
            for section in version.sections.order_by("position", "id")
        ],
    }


def _same(a: dict, b: dict) -> bool:
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def _create_version(instrument: Instrument, number: int, content: dict) -> InstrumentVersion:
    version = InstrumentVersion.objects.create(
        instrument=instrument,
        number=number,
        status=VersionStatus.PUBLISHED,
        published_at=timezone.now(),
        title=content["title"],
        intro=content["intro"],
        attribution=content["attribution"],
        language_status=content["language_status"],
    )
    items: dict[str, Item] = {}
    options: list[Option] = []
    for section_position, section_content in enumerate(content["sections"]):
        section = Section.objects.create(
            version=version,
            key=section_content["key"],
            position=section_position,
            title=section_content["title"],
            intro=section_content["intro"],
        )
        for position, spec in enumerate(section_content["items"]):
            condition = spec["condition"]
            item = Item.objects.create(
                version=version,
                section=section,
                item_id=spec["item_id"],
                position=position,
                type=spec["type"],
                text=spec["text"],
                help=spec["help"],
                allow_dont_know=spec["allow_dont_know"],
                required=spec["required"],
                # Conditions refer to earlier items (checked by builtin.problems).
                condition_item=items[condition[0]] if condition else None,
                condition_values=condition[1] if condition else [],
                number_min=spec["number_min"],
                number_max=spec["number_max"],
                role=spec["role"],
                measure=spec["measure"],
            )
            items[item.item_id] = item
            options.extend(
                Option(item=item, value=value, position=i, label=label)
                for i, (value, label) in enumerate(spec["options"])
            )
    Option.objects.bulk_create(options)
    return version


def _install_one(definition: InstrumentDef) -> tuple[str, InstrumentVersion, InstrumentVersion]:
    """(what happened, the current published version, the version compared with or None)."""
    instrument = (
        Instrument.objects.select_for_update().filter(builtin=True, key=definition.key).first()
    )
    if instrument is None:
        instrument = Instrument.objects.create(
            key=definition.key, kind=definition.kind, name=definition.name, builtin=True
        )
        audit_record(actor=None, action=AuditAction.CREATE, obj=instrument, detail="built in")
    else:
        changed = [
            name
            for name, value in (("kind", definition.kind), ("name", definition.name))
            if getattr(instrument, name) != value
        ]
        if changed:
            instrument.kind = definition.kind
            instrument.name = definition.name
            instrument.save(update_fields=changed)
            audit_record(actor=None, action=AuditAction.UPDATE, obj=instrument, fields=changed)
    wanted = definition_content(definition)
    current = instrument.published_version()
    # The national lead may publish newer versions of a built-in (reviewed translations, a
    # recording, a corrected text) through the instrument pages. Those must survive a deploy, so
    # the code counts as installed when ANY published version still equals it; only a changed
    # definition in the code adds a new version (which then becomes the current one).
    published = instrument.versions.filter(status=VersionStatus.PUBLISHED).order_by("-number")
    if any(_same(version_content(version), wanted) for version in published):
        return UNCHANGED, current, current
    number = (instrument.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = _create_version(instrument, number, wanted)
    audit_record(
        actor=None,
        action=AuditAction.CREATE,
        obj=version,
        fields=["status"],
        detail=f"built-in {definition.key} v{number}",
    )
    return (CREATED if current is None else NEW_VERSION), version, current


def _describe(key: str, outcome: str, version: InstrumentVersion, previous) -> str:
    items = version.items.count()
    if outcome == CREATED:
        return f"{key}: created, version {version.number} published ({items} items)"
    if outcome == NEW_VERSION:
        return (
            f"{key}: the definition changed since version {previous.number}; "
            f"version {version.number} published ({items} items)"
        )
    return f"{key}: unchanged (version {version.number})"


@transaction.atomic
def install_builtin_instruments(*, stdout=None) -> dict[str, InstrumentVersion]:
    """Create or update the built-in instruments; return the current published version per key.

    Refuses (ImproperlyConfigured, nothing written) when a definition is not valid.
    """
    found = definitions()
    errors = [problem for definition in found for problem in problems(definition)]
    keys = [definition.key for definition in found]
    if len(set(keys)) != len(keys):
        errors.append("two built-in instruments have the same key")
    if errors:
        raise ImproperlyConfigured(
            "The built-in survey instruments are not valid:\n" + "\n".join(errors)
        )
    result: dict[str, InstrumentVersion] = {}
    for definition in found:
        outcome, version, previous = _install_one(definition)
        result[definition.key] = version
        if stdout is not None:
            stdout.write(_describe(definition.key, outcome, version, previous) + "\n")
    return result
