"""The collaboration's strategic profile and its operational routines."""

from samverka.assessment.instrument import ELEMENTS_BY_KEY, OPERATIONAL_ELEMENTS
from samverka.assessment.models import CollaborationProfile, OperationalRoutine
from samverka.orgs.models import Collaboration


def profile_for(collaboration: Collaboration) -> CollaborationProfile:
    """The profile, unsaved and empty if none is written yet."""
    profile = CollaborationProfile.objects.filter(collaboration=collaboration).first()
    return profile or CollaborationProfile(collaboration=collaboration)


def profiles_in(collaborations) -> dict[int, CollaborationProfile]:
    """`profile_for` of each collaboration, in one query (the national comparison)."""
    saved = {
        p.collaboration_id: p
        for p in CollaborationProfile.objects.filter(
            collaboration__in=[c.pk for c in collaborations]
        )
    }
    return {c.pk: saved.get(c.pk) or CollaborationProfile(collaboration=c) for c in collaborations}


def routines_for(collaboration: Collaboration) -> list[OperationalRoutine]:
    """One routine per operational element, in the model's order (unsaved where not written)."""
    return routines_in([collaboration])[collaboration.pk]


def routines_in(collaborations) -> dict[int, list[OperationalRoutine]]:
    """`routines_for` of each collaboration, in one query."""
    by_pk = {c.pk: c for c in collaborations}
    saved: dict[int, dict[str, OperationalRoutine]] = {pk: {} for pk in by_pk}
    routines = OperationalRoutine.objects.filter(collaboration__in=list(by_pk)).select_related(
        "key_person__user", "backup_person__user"
    )
    for routine in routines:
        routine.collaboration = by_pk[routine.collaboration_id]
        saved[routine.collaboration_id][routine.element] = routine
    return {
        c.pk: [
            saved[c.pk].get(e.key) or OperationalRoutine(collaboration=c, element=e.key)
            for e in OPERATIONAL_ELEMENTS
        ]
        for c in collaborations
    }


def routine_rows(collaboration: Collaboration) -> list[dict]:
    """The routines with their elements, as the pages list them."""
    return [
        {"routine": routine, "element": ELEMENTS_BY_KEY[routine.element]}
        for routine in routines_for(collaboration)
    ]
