"""Learning sessions' decisions that still wait for their follow-up."""

from django.db.models import QuerySet

from samverka.assessment.models import LearningDecision
from samverka.orgs.models import Collaboration


def open_decisions(collaboration: Collaboration) -> QuerySet[LearningDecision]:
    """Decisions not yet followed up, the earliest due first."""
    return (
        LearningDecision.objects.filter(session__collaboration=collaboration, done_on__isnull=True)
        .select_related("session", "follow_up_by__user")
        .order_by("due_on", "created_at")
    )
