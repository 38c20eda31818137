"""The national comparison: every collaboration in the quadrant and in a table.

The national lead sees the warnings as they are; national researchers (and researchers who
compare only the collaborations they are members of) read it without names: the number of
answers of each closed round through the disclosure control, and the person-dependence
warnings by kind, never naming the person.
"""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samverka.accounts.roles import Capability
from samverka.assessment.charts import PARTY_COLOURS, quadrant_chart
from samverka.assessment.models import Party
from samverka.assessment.national.selectors import national_rows
from samverka.assessment.results.selectors import MIN_GROUP, PARTIES
from samverka.lib.disclosure import disclosure_control, display
from samverka.orgs.decorators import national_view
from samverka.orgs.models import Phase

# The warnings of samverka.assessment.boundary_spanners.selectors.dependence_warnings, by kind,
# without the person's name (for readers outside the collaboration who compare).
WARNING_KINDS = {
    "spanner_left": gettext_lazy("A boundary spanner has left and no successor is named."),
    "spanner_leaving": gettext_lazy(
        "A boundary spanner is about to leave and no successor is named."
    ),
    "routine_orphaned": gettext_lazy("A routine rests on someone who has left."),
    "one_person": gettext_lazy("More than half of the routines and relations rest on one person."),
}


def _anonymous(warnings) -> list[str]:
    return [str(WARNING_KINDS.get(w.kind, WARNING_KINDS["one_person"])) for w in warnings]


@national_view(Capability.VIEW_NATIONAL_COMPARISONS)
def national(request, national):
    collaborations = national.collaborations().order_by("municipality__name", "name")
    phase = request.GET.get("phase", "")
    if phase in Phase.values:
        collaborations = collaborations.filter(phase=phase)
    rows = national_rows(collaborations)
    exact = national.exact_figures
    # The number of answers behind each latest round, through the one disclosure control for
    # everyone who may not see exact figures (one cube: collaboration × nothing, with its total).
    answers = {(r.collaboration.pk,): r.latest.total for r in rows if r.latest}
    cube = disclosure_control(answers, [[r.collaboration.pk for r in rows]]) if answers else {}
    points = []
    table = []
    for index, row in enumerate(rows, start=1):
        quadrants = {}
        if row.latest:
            for party in PARTIES:
                point = row.latest.point_for(party)
                quadrants[party] = point
                if point:
                    points.append(
                        {
                            "label": str(index),
                            "party": party,
                            "level": "",
                            "receptiveness": point.receptiveness,
                            "capacity": point.capacity,
                        }
                    )
        if row.latest is None:
            answered = ""
        elif exact:
            answered = str(row.latest.total)
        else:
            answered = display(cube[(row.collaboration.pk,)])
        table.append(
            {
                "number": index,
                "row": row,
                "answered": answered,
                "warnings": [w.text for w in row.warnings] if exact else _anonymous(row.warnings),
                "quadrants": [
                    {"label": Party(p).label, "point": quadrants.get(p)} for p in PARTIES
                ],
            }
        )
    chart = quadrant_chart(
        "national",
        points,
        title=_("All collaborations in the quadrant"),
        desc=_(
            "Each collaboration's parties in the receptiveness and capacity quadrant, from the "
            "latest closed round; the numbers refer to the rows of the table."
        ),
    )
    phase_counts = [
        {"value": p.value, "label": p.label, "count": sum(r.collaboration.phase == p for r in rows)}
        for p in Phase
    ]
    return render(
        request,
        "assessment/national.html",
        {
            "table": table,
            "chart": chart,
            "has_points": bool(points),
            "parties": [(p, Party(p).label) for p in PARTIES],
            "colours": PARTY_COLOURS,
            "phase": phase,
            "phases": phase_counts,
            "min_group": MIN_GROUP,
            "warning_total": sum(len(r.warnings) for r in rows),
            "exact": exact,
            "scoped": national.is_scoped,
        },
    )
