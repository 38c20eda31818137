"""The collaboration's strategic profile and its operational routines."""

from samverka.assessment.instrument import ELEMENTS_BY_KEY, OPERATIONAL_ELEMENTS
from samverka.assessment.models import CollaborationProfile, OperationalRoutine
from samverka.orgs.models import Collaboration


def profile_for(collaboration: Collaboration) -> CollaborationProfile:
    """The profile, unsaved and empty if none is written yet."""
    profile = CollaborationProfile.objects.filter(collaboration=collaboration).first()
    return profile or CollaborationProfile(collaboration=collaboration)


def routines_for(collaboration: Collaboration) -> list[OperationalRoutine]:
    """One routine per operational element, in the model's order (unsaved where not written)."""
    saved = {
        r.element: r
        for r in collaboration.operational_routines.select_related(
            "key_person__user", "backup_person__user"
        )
    }
    return [
        saved.get(e.key) or OperationalRoutine(collaboration=collaboration, element=e.key)
        for e in OPERATIONAL_ELEMENTS
    ]


def routine_rows(collaboration: Collaboration) -> list[dict]:
    """The routines with their elements, as the pages list them."""
    return [
        {"routine": routine, "element": ELEMENTS_BY_KEY[routine.element]}
        for routine in routines_for(collaboration)
    ]
