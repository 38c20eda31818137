"""Install or update the built-in knowledge: method cards, parent-group themes, guides and
research summaries in the bank, and the two course outlines.

Idempotent, run on every deploy (`manage.py load_knowledge`) and by the demo:
- a missing item or course is created (items published, with their English translation);
- an item whose text changed in the code gets a new published version, as long as the version
  readers see is still the built-in one and no editor's draft is waiting; otherwise the new
  text waits as a draft for an editor (never overwriting theirs);
- a course an editor has changed is left alone.
"""

import hashlib
import json

from django.db import transaction

from samverka.knowledge.bank import services as bank_services
from samverka.knowledge.bank.models import Item, ItemTranslation
from samverka.knowledge.builtin.courses import COURSES
from samverka.knowledge.builtin.guides import GUIDES
from samverka.knowledge.builtin.methods import METHODS
from samverka.knowledge.builtin.themes import THEMES, theme_texts
from samverka.knowledge.courses.models import Course, Module
from samverka.knowledge.languages import TranslationStatus

CHANGE_NOTE = "Inbyggt innehåll från Samverka"


def _hash(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def definitions() -> list[dict]:
    """Every built-in item: key, kind, metadata, Swedish and English texts."""
    items = []
    for key, (types, areas, groups, ages, sv, en) in METHODS.items():
        items.append(
            {
                "key": key,
                "kind": "method",
                "sv": sv,
                "en": en,
                "meta": {
                    "activity_types": types,
                    "focus_areas": areas,
                    "target_groups": groups,
                    "age_groups": ages,
                    "is_public": True,
                },
            }
        )
    for key, (category, ages, sv, en) in THEMES.items():
        items.append(
            {
                "key": key,
                "kind": "theme_material",
                "sv": theme_texts(sv, english=False),
                "en": theme_texts(en, english=True),
                "meta": {
                    "theme_category": category,
                    "focus_areas": [3],
                    "target_groups": ["guardians"],
                    "age_groups": ages,
                    "is_public": True,
                },
            }
        )
    for key, (kind, areas, groups, sv, en) in GUIDES.items():
        items.append(
            {
                "key": key,
                "kind": kind,
                "sv": sv,
                "en": en,
                "meta": {"focus_areas": areas, "target_groups": groups, "is_public": True},
            }
        )
    return items


def _install_item(definition: dict) -> str:
    key, kind, meta = definition["key"], definition["kind"], definition["meta"]
    (title, summary, body), (en_title, en_summary, en_body) = definition["sv"], definition["en"]
    digest = _hash(definition)
    item = Item.objects.filter(builtin_key=key).first()
    if item is None:
        item = bank_services.item_create(
            kind=kind,
            title=title,
            summary=summary,
            body=body,
            meta=meta,
            publish=True,
            change_note=CHANGE_NOTE,
            by=None,
            builtin_key=key,
        )
        result = "created"
    elif item.builtin_hash == digest:
        return "unchanged"
    else:
        latest = item.versions.order_by("-number").first()
        ours = item.current is not None and item.current.published_by_id is None
        human_draft = latest is not None and not latest.is_published and latest.created_by_id
        if human_draft:
            return "kept (an editor's draft is waiting)"
        bank_services.item_update(
            item=item,
            title=title,
            summary=summary,
            body=body,
            change_note=CHANGE_NOTE,
            meta={**meta, "kind": kind},
            publish=ours,
            by=None,
        )
        result = "updated" if ours else "new draft"
    translation = ItemTranslation.objects.filter(item=item, language="en").first()
    if translation is None or translation.updated_by_id is None:
        bank_services.translation_save(
            item=item,
            language="en",
            title=en_title,
            summary=en_summary,
            body=en_body,
            status=TranslationStatus.REVIEWED,
            by=None,
        )
    Item.objects.filter(pk=item.pk).update(builtin_hash=digest)
    return result


def _install_course(key: str, definition) -> str:
    title, summary, audience, modules = definition
    digest = _hash(definition)
    course = Course.objects.filter(builtin_key=key).first()
    if course is not None and (course.builtin_hash == digest or course.edited):
        return "unchanged" if course.builtin_hash == digest else "kept (changed by an editor)"
    result = "created" if course is None else "updated"
    course = course or Course(builtin_key=key)
    course.title, course.summary, course.audience, course.builtin_hash = (
        title,
        summary,
        audience,
        digest,
    )
    course.save()
    for order, (mkey, mtitle, description, goals, case, questions, materials) in enumerate(
        modules, start=1
    ):
        module = course.modules.filter(key=mkey).first() or Module(course=course, key=mkey)
        module.order, module.title, module.description = order, mtitle, description
        module.learning_goals, module.case_description = goals, case
        module.reflection_questions = questions
        module.save()
        module.materials.set(Item.objects.filter(builtin_key__in=materials))
    return result


@transaction.atomic
def install_builtin_knowledge(stdout=None) -> dict[str, int]:
    counts: dict[str, int] = {}
    for definition in definitions():
        result = _install_item(definition)
        counts[result] = counts.get(result, 0) + 1
        if stdout is not None and result != "unchanged":
            stdout.write(f"{definition['key']}: {result}")
    for key, definition in COURSES.items():
        result = _install_course(key, definition)
        counts[result] = counts.get(result, 0) + 1
        if stdout is not None and result != "unchanged":
            stdout.write(f"{key}: {result}")
    return counts
