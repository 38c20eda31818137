"""Scoped reads of activities and sessions."""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from samverka.accounts.roles import Capability
from samverka.activities.models import Activity, Session


def activities_for(access) -> QuerySet[Activity]:
    """All activities for those who manage them; an activity leader's own otherwise."""
    qs = Activity.objects.filter(collaboration=access.collaboration)
    if access.can(Capability.MANAGE_ACTIVITIES) or access.can(Capability.VIEW_AGGREGATES):
        return qs
    if access.can(Capability.RECORD_OWN_SESSIONS):
        user = access.user
        return qs.filter(Q(leaders=user) | Q(sessions__leaders=user)).distinct()
    return qs.none()


def sessions_for(access) -> QuerySet[Session]:
    """Sessions whose attendance the user may record: all for managers, own for leaders."""
    qs = Session.objects.filter(activity__collaboration=access.collaboration).select_related(
        "activity"
    )
    if access.can(Capability.MANAGE_ACTIVITIES):
        return qs
    if access.can(Capability.RECORD_OWN_SESSIONS):
        user = access.user
        return qs.filter(Q(leaders=user) | Q(activity__leaders=user)).distinct()
    return qs.none()


def activity_for(access, code: str) -> Activity:
    return get_object_or_404(activities_for(access), code=code)


def session_for(access, code: str) -> Session:
    """A session the user may record, or 404 (another leader's session is out of scope)."""
    return get_object_or_404(sessions_for(access), code=code)
