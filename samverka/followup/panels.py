"""The follow-up plan's section on the collaboration overview: how many goals and indicators,
and the way in (cheap: no indicator is computed here)."""

from samverka.accounts.roles import Capability
from samverka.followup.selectors import goals_for, indicators_for
from samverka.orgs.panels import Panel


def followup_panel(request, access) -> Panel | None:
    if not access.can(Capability.VIEW_FOLLOWUP):
        return None
    collaboration = access.collaboration
    goals = goals_for(collaboration)
    context = {
        "collaboration": collaboration,
        "goals": goals.count(),
        "indicators": indicators_for(collaboration)
        .filter(archived_at__isnull=True, goal__archived_at__isnull=True)
        .count(),
        "can_edit": access.can(Capability.EDIT_FOLLOWUP),
    }
    return Panel(template="followup/panel.html", context=context, order=12)
