"""The national comparison: every collaboration in the quadrant and in a table."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from samverka.assessment.charts import PARTY_COLOURS, quadrant_chart
from samverka.assessment.models import Party
from samverka.assessment.national.selectors import national_rows
from samverka.assessment.results.selectors import MIN_GROUP, PARTIES
from samverka.orgs.decorators import national_view
from samverka.orgs.models import Phase
from samverka.orgs.selectors import collaborations_for_user


@national_view()
def national(request, national):
    collaborations = collaborations_for_user(request.user).order_by("municipality__name", "name")
    phase = request.GET.get("phase", "")
    if phase in Phase.values:
        collaborations = collaborations.filter(phase=phase)
    rows = national_rows(collaborations)
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
        table.append(
            {
                "number": index,
                "row": row,
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
        },
    )
