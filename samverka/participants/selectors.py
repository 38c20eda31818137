from django.db.models import Count, Max, Q, QuerySet
from django.shortcuts import get_object_or_404

from samverka.accounts.roles import Capability
from samverka.participants.models import Household, Participant


def participants_for(access) -> QuerySet[Participant]:
    """Pseudonymous participant rows, for roles that work with participant data."""
    qs = Participant.objects.filter(collaboration=access.collaboration).select_related("household")
    if access.can(Capability.VIEW_PARTICIPANT_DATA) or access.can(Capability.REGISTER_PARTICIPANTS):
        return qs
    return qs.none()


def participant_for(access, code: str) -> Participant:
    """The participant with this code, or 404; its views require VIEW_PARTICIPANT_DATA."""
    return get_object_or_404(participants_for(access), code=code.upper())


def household_for(access, code: str) -> Household:
    """The household with this code, or 404; its view requires VIEW_PARTICIPANT_DATA."""
    return get_object_or_404(
        Household.objects.filter(collaboration=access.collaboration), code=code
    )


def search(qs: QuerySet[Participant], query: str) -> QuerySet[Participant]:
    query = query.strip().upper()
    if not query:
        return qs
    return qs.filter(Q(code__startswith=query) | Q(household__code__startswith=query))


def with_attendance_stats(qs: QuerySet[Participant]) -> QuerySet[Participant]:
    return qs.annotate(
        sessions_attended=Count("attendances", distinct=True),
        last_seen=Max("attendances__session__date"),
    )
