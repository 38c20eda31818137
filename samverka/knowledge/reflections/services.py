from django.db import transaction
from django.utils import timezone

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record, save_audited
from samverka.knowledge.reflections.models import Reflection


class AlreadyAnswered(Exception):
    pass


@transaction.atomic
def reflection_save(
    *,
    session,
    what_worked: str,
    what_to_change: str,
    needs_support: bool,
    support_request: str,
    by,
) -> Reflection:
    """A leader's reflection on a session (one per leader; changed until it is answered)."""
    reflection = Reflection.objects.filter(session=session, author=by).first()
    if reflection is not None and reflection.answered_at is not None:
        raise AlreadyAnswered
    reflection = reflection or Reflection(session=session, author=by)
    save_audited(
        reflection,
        {
            "what_worked": what_worked,
            "what_to_change": what_to_change,
            "needs_support": needs_support,
            "support_request": support_request if needs_support else "",
        },
        by=by,
        collaboration=session.activity.collaboration,
    )
    return reflection


@transaction.atomic
def reflection_answer(*, reflection: Reflection, answer: str, by) -> Reflection:
    """The coordinator answers; the request for support leaves the overview."""
    reflection.answer = answer
    reflection.answered_at = timezone.now()
    reflection.answered_by = by
    reflection.save(update_fields=["answer", "answered_at", "answered_by"])
    audit_record(
        actor=by,
        action=AuditAction.UPDATE,
        obj=reflection,
        collaboration=reflection.session.activity.collaboration,
        fields=["answer"],
    )
    return reflection
