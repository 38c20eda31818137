"""Writing the strategic profile and the operational routines."""

from django.db import transaction

from samverka.accounts.models import Membership
from samverka.assessment.models import CollaborationProfile, OperationalRoutine
from samverka.audit.services import save_audited
from samverka.orgs.models import Collaboration


@transaction.atomic
def profile_save(
    *,
    collaboration: Collaboration,
    shared_goal_picture: str,
    collaboration_idea: str,
    welfare_gaps: str,
    anchoring_forums: str,
    decision_level: str,
    decisions: str,
    child_rights_link: str,
    organisation: str,
    by,
) -> CollaborationProfile:
    """Save the strategic profile; the goal picture and idea live on the collaboration itself."""
    collaboration = Collaboration.objects.select_for_update().get(pk=collaboration.pk)
    save_audited(
        collaboration,
        {"shared_goal_picture": shared_goal_picture, "collaboration_idea": collaboration_idea},
        by=by,
    )
    profile = CollaborationProfile.objects.select_for_update().filter(
        collaboration=collaboration
    ).first() or CollaborationProfile(collaboration=collaboration)
    profile.updated_by = by  # written only with a change
    save_audited(
        profile,
        {
            "welfare_gaps": welfare_gaps,
            "anchoring_forums": anchoring_forums,
            "decision_level": decision_level,
            "decisions": decisions,
            "child_rights_link": child_rights_link,
            "organisation": organisation,
        },
        by=by,
        collaboration=collaboration,
    )
    return profile


@transaction.atomic
def routine_save(
    *,
    collaboration: Collaboration,
    element: str,
    description: str,
    meetings: str,
    channels: str,
    contacts: str,
    key_person: Membership | None,
    backup_person: Membership | None,
    by,
) -> OperationalRoutine:
    """Describe how the collaboration works on one operational element, and who carries it."""
    routine = OperationalRoutine.objects.select_for_update().filter(
        collaboration=collaboration, element=element
    ).first() or OperationalRoutine(collaboration=collaboration, element=element)
    save_audited(
        routine,
        {
            "description": description,
            "meetings": meetings,
            "channels": channels,
            "contacts": contacts,
            "key_person": key_person,
            "backup_person": backup_person,
        },
        by=by,
        collaboration=collaboration,
        detail=element,
    )
    return routine
