"""Tables of the competence work for the collaboration and national pages.

Exact for those who may see the rows (the course runs' organisers, the national lead); for
everyone else every figure goes through the one disclosure-control function, each table one
controlled cube with its margins."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from samverka.knowledge import counting
from samverka.knowledge.courses.models import Course, Module, TraineeRole
from samverka.lib.disclosure import TOTAL, disclosure_control, display, full_table
from samverka.orgs.models import OrganisationKind


@dataclass
class FigureRow:
    label: str
    cells: list[str]  # one per role, then the row's total
    section: bool = False  # a heading row (a course above its topics), no cells


@dataclass
class FigureTable:
    title: str
    row_label: str
    columns: list[str]
    rows: list[FigureRow]
    total: list[str] | None  # None where a total would count people twice (topics)


def _table(
    title, row_label, counts, row_values, row_labels, controlled, *, sections=None, total=True
) -> FigureTable:
    """One table (one controlled cube): rows × the three trainee roles, with margins.

    `sections` maps a row value to the heading it starts (the course of a topic)."""
    roles = list(TraineeRole.values)
    dims = [row_values, roles]
    cube = disclosure_control(counts, dims) if controlled else full_table(counts, dims)

    def cell(r, c):
        return display(cube[(r, c)]) if controlled else str(cube[(r, c)])

    rows = []
    for value in row_values:
        if cube[(value, TOTAL)] == 0:
            continue
        if sections and value in sections:
            rows.append(FigureRow(sections[value], [], section=True))
        rows.append(
            FigureRow(row_labels.get(value, value), [cell(value, r) for r in [*roles, TOTAL]])
        )
    return FigureTable(
        title=title,
        row_label=row_label,
        columns=[*(TraineeRole(r).label for r in roles), _("Total")],
        rows=rows,
        total=[cell(TOTAL, role) for role in [*roles, TOTAL]] if total else None,
    )


def competence_figures(*, start: date, end: date, collaborations=None, controlled: bool) -> dict:
    by_kind = counting.trained_people_by(
        start=start,
        end=end,
        dimensions=("organisation_kind", "role"),
        collaborations=collaborations,
    )
    by_topic = counting.trained_people_by(
        start=start, end=end, dimensions=("topic", "role"), collaborations=collaborations
    )
    modules = {m.code: m for m in Module.objects.select_related("course")}
    topic_values = sorted(
        {k[0] for k in by_topic},
        key=lambda c: (modules[c].course.title, modules[c].order) if c in modules else ("", 0),
    )
    topic_labels = {code: modules[code].title if code in modules else code for code in topic_values}
    sections, course_seen = {}, set()
    for code in topic_values:
        course = modules[code].course if code in modules else None
        if course is not None and course.pk not in course_seen and by_topic:
            course_seen.add(course.pk)
            sections[code] = course.title
    total = counting.trained_people(start=start, end=end, collaborations=collaborations)
    figures = {
        "total": display(total) if controlled and 0 < total < 5 else str(total),
        "by_kind": _table(
            _("People trained by kind of organisation and role"),
            _("Kind of organisation"),
            by_kind,
            list(OrganisationKind.values),
            dict(OrganisationKind.choices),
            controlled,
        ),
        "by_topic": _table(
            _("People trained per topic (one person may have completed several)"),
            _("Topic"),
            by_topic,
            topic_values,
            topic_labels,
            controlled,
            sections=sections,
            total=False,
        ),
        "per_quarter": [
            (
                f"{quarter.year} Q{(quarter.month - 1) // 3 + 1}",
                display(n) if controlled and 0 < n < 5 else str(n),
            )
            for quarter, n in counting.trained_people_per_period(
                start=start, end=end, period="quarter", collaborations=collaborations
            )
        ],
        "volunteer_hours": counting.volunteer_hours(
            start=start, end=end, collaborations=collaborations
        ),
        "courses": Course.objects.count(),
        "controlled": controlled,
    }
    figures["tables"] = [figures["by_kind"], figures["by_topic"]]
    return figures
