from django.utils import timezone

from samverka.accounts.roles import Capability
from samverka.lib.disclosure import display
from samverka.orgs.panels import Panel
from samverka.referrals import selectors


def referrals_panel(request, access):
    """Follow-ups due for the user's own referrals, and the gap counts."""
    can_record = access.can(Capability.RECORD_REFERRALS)
    can_gaps = access.can(Capability.VIEW_REFERRALS) or access.can(Capability.VIEW_AGGREGATES)
    if not (can_record or can_gaps):
        return None
    collaboration = access.collaboration
    follow_ups = (
        selectors.referrals_for(collaboration)
        .filter(
            created_by=request.user,
            follow_up_on__lte=timezone.localdate(),
            status__in=["suggested", "contacted"],
        )
        .order_by("follow_up_on")
        if can_record
        else []
    )
    gaps = (
        [
            {
                "need": row["need"],
                "raised_without_actor": display(row["raised_without_actor"]),
                "failed_referrals": display(row["failed_referrals"]),
            }
            for row in selectors.gap_totals(collaboration)
        ]
        if can_gaps
        else []
    )
    context = {
        "collaboration": collaboration,
        "follow_ups": follow_ups,
        "gaps": gaps,
        "can_record": can_record,
        "can_gaps": can_gaps,
        "can_actors": can_record or access.can(Capability.MANAGE_ACTORS),
        "today": timezone.localdate(),
    }
    return Panel(template="referrals/panel.html", context=context, order=40)
