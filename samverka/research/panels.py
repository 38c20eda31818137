"""The collaboration overview's research section: projects waiting for a decision and those
that include the collaboration (coordinators, municipal contacts, the national lead)."""

from samverka.accounts.roles import Capability
from samverka.orgs.panels import Panel
from samverka.research.projects.models import InclusionStatus


def research_panel(request, access):
    if not access.can(Capability.VIEW_RESEARCH_INCLUSIONS):
        return None
    inclusions = list(
        access.collaboration.research_inclusions.filter(status__in=InclusionStatus.current())
        .select_related("project")
        .order_by("status", "-requested_at")
    )
    if not inclusions:
        return None
    return Panel(
        template="research/panel.html",
        context={
            "collaboration": access.collaboration,
            "waiting": [i for i in inclusions if i.is_requested],
            "approved": [i for i in inclusions if i.is_approved],
            "can_decide": access.can(Capability.APPROVE_RESEARCH_INCLUSION),
        },
        order=90,
    )
