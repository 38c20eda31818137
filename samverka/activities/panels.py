from django.db.models import Count
from django.utils import timezone

from samverka.accounts.roles import Capability
from samverka.activities import selectors
from samverka.orgs.panels import Panel


def activities_panel(request, access):
    """Today's sessions and the way into activities and participants."""
    can_record = access.can(Capability.RECORD_OWN_SESSIONS)
    can_see = access.can(Capability.MANAGE_ACTIVITIES) or access.can(Capability.VIEW_AGGREGATES)
    if not (can_record or can_see):
        return None
    today = timezone.localdate()
    sessions = (
        selectors.sessions_for(access)
        .filter(date=today, cancelled=False)
        .annotate(present=Count("attendances", distinct=True))
        if can_record
        else []
    )
    context = {
        "collaboration": access.collaboration,
        "today_sessions": sessions,
        "can_record": can_record,
        "activity_count": selectors.activities_for(access).count(),
        "participants": access.can(Capability.VIEW_PARTICIPANT_DATA),
        "can_register": access.can(Capability.REGISTER_PARTICIPANTS),
        "participant_count": access.collaboration.participants.count()
        if access.can(Capability.VIEW_PARTICIPANT_DATA)
        else None,
    }
    return Panel(template="activities/panel.html", context=context, order=10)
