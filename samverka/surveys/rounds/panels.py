"""The surveys section of the collaboration overview."""

from django.utils import timezone

from samverka.accounts.roles import Capability
from samverka.orgs.panels import Panel
from samverka.surveys.rounds import selectors


def surveys_panel(request, access):
    """Open rounds with their submitted answers for staff; a partner's own open links."""
    can_manage = access.can(Capability.MANAGE_SURVEYS)
    can_results = access.can(Capability.VIEW_SURVEY_RESULTS)
    collaboration = access.collaboration
    if can_manage or can_results:
        today = timezone.localdate()
        current = selectors.rounds_for(collaboration).filter(
            closed_at__isnull=True, closes_on__gte=today
        )
        open_rounds = sorted(
            (r for r in current if r.opens_on <= today), key=lambda r: (r.closes_on, r.title)
        )
        context = {
            "collaboration": collaboration,
            "staff": True,
            "can_manage": can_manage,
            "open_rounds": open_rounds,
            "planned_count": sum(1 for r in current if r.opens_on > today),
        }
        return Panel(template="surveys/rounds/panel.html", context=context, order=50)
    if access.can(Capability.ANSWER_PARTNER_SURVEYS):
        links = selectors.partner_links_for(access)
        if not links:
            return None
        context = {"collaboration": collaboration, "staff": False, "partner_links": links}
        return Panel(template="surveys/rounds/panel.html", context=context, order=50)
    return None
