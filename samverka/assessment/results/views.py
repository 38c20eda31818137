"""A closed round's results, the printable report and the journey over the rounds."""

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from samverka.accounts.roles import Capability as C
from samverka.assessment.charts import PARTY_COLOURS, area_chart, journey_chart, quadrant_chart
from samverka.assessment.instrument import HIGH_THRESHOLD, QUADRANT_HELP, Section
from samverka.assessment.models import Party
from samverka.assessment.pages import page_context
from samverka.assessment.recommendations import RECOMMENDATIONS
from samverka.assessment.results.selectors import MIN_GROUP, PARTIES, journey_for, round_results
from samverka.assessment.rounds.selectors import round_or_404
from samverka.orgs.decorators import collaboration_view
from samverka.orgs.models import Phase


def _point_rows(results) -> list[dict]:
    """The groups drawn in the quadrant: each party's levels where shown, else the whole party."""
    rows = []
    for party in PARTIES:
        levels = [p for p in results.level_points if p.party == party]
        pooled = results.point_for(party)
        rows += levels if levels else ([pooled] if pooled else [])
    return [
        {
            "mark": str(index),
            "point": point,
            "quadrant": point.quadrant.label,
            "help": QUADRANT_HELP[point.quadrant],
        }
        for index, point in enumerate(rows, start=1)
    ]


def _results_context(results) -> dict:
    round = results.round
    points = _point_rows(results)
    bar_rows = []
    for section in Section:
        if section == Section.CAPACITY:
            pass  # drawn under the receptiveness heading: both are about the parties' conditions
        elif section == Section.RECEPTIVENESS:
            bar_rows.append({"label": _("Receptiveness and capacity"), "heading": True})
        else:
            bar_rows.append({"label": section.label, "heading": True})
        for area in results.areas_in(section):
            bar_rows.append(
                {
                    "label": str(area.element.name),
                    "values": {p: area.parties[p].mean for p in PARTIES},
                }
            )
    areas = area_chart(
        f"areas-{round.code}",
        bar_rows,
        title=_("Both parties' views, area by area"),
        desc=_(
            "Mean on the scale 1 to 5 for each area, the municipality side and the "
            "civil-society side side by side. The same figures are in the table."
        ),
    )
    chart = quadrant_chart(
        f"quadrant-{round.code}",
        [
            {
                "label": row["mark"],
                "party": row["point"].party,
                "level": row["point"].level,
                "receptiveness": row["point"].receptiveness,
                "capacity": row["point"].capacity,
            }
            for row in points
        ],
        title=_("Receptiveness and capacity"),
        desc=_(
            "Each party's place in the quadrant: receptiveness upwards, capacity to the right. "
            "The same figures are in the table."
        ),
    )
    sections = [
        {
            "label": section.label,
            "areas": results.areas_in(section),
            "items": results.items_in(section),
        }
        for section in Section
    ]
    area_groups = [
        {"label": Section.STRATEGIC.label, "areas": results.areas_in(Section.STRATEGIC)},
        {"label": Section.OPERATIONAL.label, "areas": results.areas_in(Section.OPERATIONAL)},
        {
            "label": _("Receptiveness and capacity"),
            "areas": results.areas_in(Section.RECEPTIVENESS) + results.areas_in(Section.CAPACITY),
        },
    ]
    return {
        "area_groups": area_groups,
        "results": results,
        "round": round,
        "area_chart": areas,
        "quadrant_chart": chart,
        "points": points,
        "sections": sections,
        "parties": [(p, Party(p).label) for p in PARTIES],
        "colours": PARTY_COLOURS,
        "min_group": MIN_GROUP,
        "threshold": HIGH_THRESHOLD,
        "all_recommendations": RECOMMENDATIONS,
    }


@collaboration_view(C.VIEW_ASSESSMENT_RESULTS)
def results(request, access, assessment_code):
    round = round_or_404(access.collaboration, assessment_code)
    if round.is_open:
        return render(
            request,
            "assessment/results_pending.html",
            page_context(access, "assessment", round=round, min_group=MIN_GROUP),
        )
    context = page_context(access, "assessment", **_results_context(round_results(round)))
    return render(request, "assessment/results.html", context)


@collaboration_view(C.VIEW_ASSESSMENT_RESULTS)
def report(request, access, assessment_code):
    round = round_or_404(access.collaboration, assessment_code)
    if round.is_open:
        return redirect("assessment:results", access.code, round.code)
    context = page_context(access, "assessment", **_results_context(round_results(round)))
    journey = journey_for(access.collaboration)
    if len(journey.results) > 1:
        context.update(_journey_context(journey))
    context["with_comments"] = request.GET.get("comments") == "1"
    context["phase_label"] = Phase(access.collaboration.phase).label
    return render(request, "assessment/report.html", context)


def _journey_context(journey) -> dict:
    paths = {
        party: [
            {"label": str(number), "receptiveness": p.receptiveness, "capacity": p.capacity}
            for number, p in journey.path(party)
        ]
        for party in PARTIES
    }
    chart = journey_chart(
        "journey",
        paths,
        title=_("The collaboration's journey"),
        desc=_(
            "Each party's place in the receptiveness and capacity quadrant, round by round; the "
            "numbers are the rounds. The same figures are in the table."
        ),
    )
    return {
        "journey": journey,
        "journey_chart": chart,
        "journey_rows": journey.area_rows(),
        "threshold": HIGH_THRESHOLD,
        "parties": [(p, Party(p).label) for p in PARTIES],
        "colours": PARTY_COLOURS,
    }


@collaboration_view(C.VIEW_ASSESSMENT_RESULTS)
def journey(request, access):
    context = page_context(access, "assessment", min_group=MIN_GROUP)
    context.update(_journey_context(journey_for(access.collaboration)))
    return render(request, "assessment/journey.html", context)
