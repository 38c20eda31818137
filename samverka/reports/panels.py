from django.utils import timezone

from samverka.accounts.roles import Capability
from samverka.orgs.panels import Panel
from samverka.reports.forms import this_year
from samverka.reports.funder import display, funder_report, sees_exact_figures


def funder_panel(request, access):
    """This year's funder count of the collaboration, and the way to the report."""
    if not access.can(Capability.VIEW_AGGREGATES):
        return None
    exact = sees_exact_figures(access)
    start, end = this_year()
    municipality = access.collaboration.municipality
    report = funder_report(
        start=start, end=end, controlled=not exact, collaborations=[access.collaboration.pk]
    )
    return Panel(
        template="reports/panel.html",
        context={
            "collaboration": access.collaboration,
            "municipality": municipality,
            "year": timezone.localdate().year,
            "total": display(report.participant_count(municipality=municipality.code)),
            "exact": exact,
        },
        order=60,
    )
