"""What a version must keep: conditions that refer to earlier questions, and what it needs
before it is published; and when a respondent sees a question with a condition."""

from collections.abc import Mapping

from django.utils.translation import gettext as _

from samverka.surveys.instruments.models import (
    CHOICE_TYPES,
    DONT_KNOW,
    InstrumentVersion,
    Item,
    ItemType,
)
from samverka.surveys.instruments.selectors import ordered_items
from samverka.surveys.instruments.texts import SOURCE_LANGUAGE, clean_text, text


def condition_problems(version: InstrumentVersion) -> list[str]:
    """What is wrong with the version's conditions (an empty list when nothing is)."""
    items = ordered_items(version)
    order = {item.pk: index for index, item in enumerate(items)}
    by_pk = {item.pk: item for item in items}
    problems = []
    for item in items:
        if item.condition_item_id is None:
            continue
        target = by_pk.get(item.condition_item_id)
        names = {"item": item.item_id}
        if target is None:
            problems.append(_("%(item)s depends on an item of another version.") % names)
            continue
        names["other"] = target.item_id
        if target.pk == item.pk:
            problems.append(_("%(item)s depends on its own answer.") % names)
        elif order[target.pk] > order[item.pk]:
            problems.append(
                _(
                    "%(item)s depends on %(other)s, which comes after it. "
                    "Conditions must refer to an earlier question."
                )
                % names
            )
        elif target.type not in CHOICE_TYPES:
            problems.append(
                _("%(item)s depends on %(other)s, which has no answer options.") % names
            )
        else:
            values = {o.value for o in target.options.all()}
            wanted = [str(v) for v in item.condition_values or []]
            if not wanted:
                problems.append(_("%(item)s depends on %(other)s but names no answer.") % names)
            elif not set(wanted) <= values:
                problems.append(
                    _("%(item)s depends on answers that %(other)s does not have.") % names
                )
    return problems


def publish_problems(version: InstrumentVersion) -> list[str]:
    """Why a draft cannot be published yet (an empty list when it can)."""
    problems = []
    items = ordered_items(version)
    if not items:
        problems.append(_("The version has no questions."))
    if not clean_text((version.title or {}).get(SOURCE_LANGUAGE)):
        problems.append(_("The version has no Swedish title."))
    with_items = {item.section_id for item in items}
    for section in version.sections.all():
        if section.pk not in with_items:
            problems.append(
                _("The section “%(section)s” has no questions.")
                % {"section": text(section.title, SOURCE_LANGUAGE) or section.key}
            )
    for item in items:
        if not clean_text((item.text or {}).get(SOURCE_LANGUAGE)):
            problems.append(_("%(item)s has no Swedish question.") % {"item": item.item_id})
        if item.type in (ItemType.SINGLE, ItemType.MULTIPLE):
            real = [o for o in item.options.all() if o.value != DONT_KNOW]
            if len(real) < 2:
                problems.append(
                    _("%(item)s needs at least two answer options.") % {"item": item.item_id}
                )
    problems.extend(condition_problems(version))
    return problems


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
