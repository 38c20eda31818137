"""Reads of lessons: a collaboration's own, and the national library of shared ones."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import QuerySet

from samverka.activities.models import FocusArea
from samverka.assessment.models import DilemmaKind
from samverka.lib.scoping import national_scope
from samverka.lib.search import text_search
from samverka.memory.lessons.models import TEXT_FIELDS, AddedValue, Lesson, element_choices
from samverka.orgs.models import Municipality, Phase

PAGE_SIZE = 20


@dataclass
class Filter:
    name: str
    label: str
    choices: list[tuple[str, str]]
    value: str = ""  # the chosen value


def tag_filters(chosen: dict[str, str] | None = None) -> list[Filter]:
    """The filters of lesson lists, one per tag (labels in the current language)."""
    from django.utils.translation import gettext as _

    filters = [
        Filter("focus_area", _("Focus area"), [(str(v), label) for v, label in FocusArea.choices]),
        Filter("phase", _("Phase"), list(Phase.choices)),
        Filter("element", _("Collaboration element"), element_choices()),
        Filter("added_value", _("Added value"), list(AddedValue.choices)),
        Filter("dilemma_kind", _("Dilemma"), list(DilemmaKind.choices)),
    ]
    for tag in filters:
        tag.value = (chosen or {}).get(tag.name, "")
    return filters


def apply_filters(lessons: QuerySet[Lesson], params) -> tuple[QuerySet[Lesson], dict[str, str]]:
    """Narrow `lessons` by the tags in `params` (a QueryDict); unknown values are ignored."""
    chosen: dict[str, str] = {}
    for tag in tag_filters():
        value = params.get(tag.name, "")
        if value and value in {v for v, _label in tag.choices}:
            chosen[tag.name] = value
            lessons = lessons.filter(
                **{tag.name: int(value) if tag.name == "focus_area" else value}
            )
    return lessons, chosen


def search(lessons: QuerySet[Lesson], query: str) -> QuerySet[Lesson]:
    """Full-text search over a lesson's texts (Swedish stemming on PostgreSQL)."""
    return text_search(lessons, list(TEXT_FIELDS), query)


def lessons_of(collaboration) -> QuerySet[Lesson]:
    return Lesson.objects.filter(collaboration=collaboration).select_related(
        "written_by", "learning_session", "dilemma"
    )


def library(params, page_number=1):
    """A page of the shared lessons of every collaboration matching the search and filters.

    Deliberately national: the library is the one page that reads lessons across
    collaborations, and it reads only lessons a coordinator or municipal contact shared
    nationally after the check that they name no person (Lesson.shared_at). Nothing else of
    any collaboration is read here.
    """
    with national_scope():
        shared = Lesson.objects.filter(shared_at__isnull=False).select_related(
            "collaboration__municipality"
        )
        shared, chosen = apply_filters(shared, params)
        municipality = params.get("municipality", "")
        if municipality:
            shared = shared.filter(collaboration__municipality__code=municipality)
            chosen["municipality"] = municipality
        query = " ".join((params.get("q") or "").split())[:200]
        shared = search(shared, query) if query else shared.order_by("-shared_at")
        page = Paginator(shared, PAGE_SIZE).get_page(page_number)
        page.object_list = list(page.object_list)
        return page, {"chosen": chosen, "query": query}


def library_municipalities() -> QuerySet[Municipality]:
    """Municipalities with at least one shared lesson (for the filter)."""
    with national_scope():
        codes = set(
            Lesson.objects.filter(shared_at__isnull=False).values_list(
                "collaboration__municipality__code", flat=True
            )
        )
    return Municipality.objects.filter(code__in=codes).order_by("name")


def shared_lesson(code: str) -> Lesson | None:
    """One lesson of the library (None unless it is shared nationally); see `library`."""
    with national_scope():
        return (
            Lesson.objects.filter(code=code, shared_at__isnull=False)
            .select_related("collaboration__municipality")
            .first()
        )
