from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
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


def display_names(access, participant_ids) -> dict[int, str]:
    """The display names (participant id → name) that the person of `access` may see among
    `participant_ids`: every one for a coordinator (VIEW_IDENTITIES); for anyone else only
    those of participants who attended a session of an activity the person leads (as the
    activity's or the session's leader). One query; names are decrypted here only."""
    from samverka.activities.models import Attendance
    from samverka.lib import crypto
    from samverka.participants.models import Identity

    ids = list(participant_ids)
    if not ids:
        return {}
    identities = Identity.objects.filter(participant_id__in=ids).exclude(display_name_encrypted="")
    if not access.can(Capability.VIEW_IDENTITIES):
        user = access.user
        led = Attendance.objects.filter(participant_id=OuterRef("participant_id")).filter(
            Q(session__activity__leaders=user) | Q(session__leaders=user)
        )
        identities = identities.filter(Exists(led))
    return {
        pid: crypto.shown(token)
        for pid, token in identities.values_list("participant_id", "display_name_encrypted")
    }
