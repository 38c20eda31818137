"""Recording learning sessions and following up the decisions taken at them."""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverka.accounts.models import Membership
from samverka.assessment.models import AssessmentRound, Dilemma, LearningDecision, LearningSession
from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record, save_audited
from samverka.orgs.models import Collaboration


@transaction.atomic
def learning_session_save(
    *,
    collaboration: Collaboration,
    session: LearningSession | None = None,
    held_on: date,
    participants: Iterable[Membership],
    other_participants: str,
    rounds: Iterable[AssessmentRound],
    dilemmas: Iterable[Dilemma],
    other_material: str,
    notes: str,
    by,
) -> LearningSession:
    """Record a new learning session of the collaboration, or change `session`."""
    if session is None:
        session = LearningSession(collaboration=collaboration, created_by=by)
    else:
        session = LearningSession.objects.select_for_update().get(pk=session.pk)
    save_audited(
        session,
        {
            "held_on": held_on,
            "participants": participants,
            "other_participants": other_participants,
            "rounds": rounds,
            "dilemmas": dilemmas,
            "other_material": other_material,
            "notes": notes,
        },
        by=by,
        collaboration=collaboration,
    )
    return session


@transaction.atomic
def learning_session_delete(*, session: LearningSession, by) -> None:
    audit_record(actor=by, action=AuditAction.DELETE, obj=session)
    session.delete()


@transaction.atomic
def decision_add(
    *,
    session: LearningSession,
    text: str,
    follow_up_by: Membership | None = None,
    due_on: date | None = None,
    indicators=(),
    by,
) -> LearningDecision:
    """A decision of a learning session; `indicators` are the follow-up plan's indicators it
    discusses (samverka/followup), each shown with the decisions made about it."""
    indicators = list(indicators or ())
    if any(i.goal.collaboration_id != session.collaboration_id for i in indicators):
        raise ValidationError(_("Choose indicators of this collaboration."))
    decision = LearningDecision(session=session)
    save_audited(
        decision,
        {"text": text.strip(), "follow_up_by": follow_up_by, "due_on": due_on},
        by=by,
        collaboration=session.collaboration,
    )
    if indicators:
        decision.followup_indicators.set(indicators)
    return decision


@transaction.atomic
def decision_toggle(*, decision: LearningDecision, by) -> LearningDecision:
    """Mark a decision as followed up today, or as open again."""
    done_on = None if decision.done_on else timezone.localdate()
    collaboration = decision.session.collaboration
    save_audited(decision, {"done_on": done_on}, by=by, collaboration=collaboration)
    return decision


@transaction.atomic
def decision_delete(*, decision: LearningDecision, by) -> None:
    audit_record(
        actor=by,
        action=AuditAction.DELETE,
        obj=decision,
        collaboration=decision.session.collaboration,
    )
    decision.delete()
