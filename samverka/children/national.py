"""The national comparison: children heard (through the disclosure control), meetings between
decision-makers and children per collaboration and year, and the share of decisions that asked
for a child-rights check and have one."""

from collections import Counter

from django.shortcuts import render
from django.utils import timezone

from samverka.accounts.roles import Capability
from samverka.children.consultations.forms import band_label
from samverka.children.consultations.models import Consultation
from samverka.children.consultations.selectors import child_bands
from samverka.children.meetings.selectors import meetings_per_year
from samverka.children.rights_check.selectors import asked_decisions, share_with_check
from samverka.lib.disclosure import TOTAL, disclosure_control, display
from samverka.orgs.decorators import national_view
from samverka.orgs.selectors import collaborations_for_user

YEARS_SHOWN = 3


def children_cube(collaborations, year: int) -> dict:
    """Children heard in consultations of `year`, collaboration × age band, controlled."""
    counts: Counter = Counter()
    bands = child_bands()
    for consultation in Consultation.objects.filter(
        collaboration__in=collaborations, held_on__year=year
    ):
        for band, count in (consultation.children_by_age or {}).items():
            if band in bands:
                counts[(consultation.collaboration_id, band)] += int(count)
    return disclosure_control(counts, [[c.pk for c in collaborations], bands])


def comparison(collaborations, year: int) -> dict:
    collaborations = list(collaborations)
    bands = child_bands()
    cube = children_cube(collaborations, year)
    years = list(range(year - YEARS_SHOWN + 1, year + 1))
    meetings = meetings_per_year(collaborations)
    asked = asked_decisions(collaborations)
    consultations = Counter()
    told = Counter()
    for collaboration_id, told_back_on in Consultation.objects.filter(
        collaboration__in=collaborations, held_on__year=year
    ).values_list("collaboration_id", "told_back_on"):
        consultations[collaboration_id] += 1
        told[collaboration_id] += told_back_on is not None
    rows = []
    for collaboration in collaborations:
        mine = [a for a in asked if a.collaboration_id == collaboration.pk]
        with_check, total = share_with_check(mine)
        rows.append(
            {
                "collaboration": collaboration,
                "consultations": consultations[collaboration.pk],
                "told_back": told[collaboration.pk],
                "children": [display(cube[(collaboration.pk, band)]) for band in bands],
                "children_total": display(cube[(collaboration.pk, TOTAL)]),
                "meetings": [meetings[collaboration.pk][y] for y in years],
                "checks": with_check,
                "asked": total,
                "share": round(100 * with_check / total) if total else None,
            }
        )
    with_check, total = share_with_check(asked)
    return {
        "year": year,
        "years": years,
        "bands": [band_label(b) for b in bands],
        "rows": rows,
        "band_totals": [display(cube[(TOTAL, band)]) for band in bands],
        "children_total": display(cube[(TOTAL, TOTAL)]),
        "meeting_totals": [sum(meetings[c.pk][y] for c in collaborations) for y in years],
        "checks": with_check,
        "asked": total,
        "share": round(100 * with_check / total) if total else None,
    }


@national_view(Capability.VIEW_AGGREGATES)
def national(request, national):
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("year", this_year))
    except ValueError:
        year = this_year
    if not 2000 <= year <= this_year + 1:
        year = this_year
    collaborations = collaborations_for_user(request.user).order_by("municipality__name", "name")
    context = comparison(collaborations, year)
    context["year_choices"] = list(range(this_year, this_year - 5, -1))
    return render(request, "children/national.html", context)
