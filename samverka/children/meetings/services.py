"""Recording which decision-makers met the children."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record, save_audited
from samverka.children.meetings.models import DecisionMaker


@transaction.atomic
def decision_maker_add(
    *, collaboration, session=None, consultation=None, title: str, organisation: str, by
) -> DecisionMaker:
    if (session is None) == (consultation is None):
        raise ValueError("a decision-maker meets children at a session or a consultation")
    if not title.strip() or not organisation.strip():
        raise ValidationError(_("Give the decision-maker's title and organisation."))
    maker = DecisionMaker(collaboration=collaboration, session=session, consultation=consultation)
    save_audited(
        maker,
        {"title": title.strip(), "organisation": organisation.strip()},
        by=by,
        collaboration=collaboration,
    )
    return maker


@transaction.atomic
def decision_maker_remove(*, decision_maker: DecisionMaker, by) -> None:
    audit_record(actor=by, action=AuditAction.DELETE, obj=decision_maker)
    decision_maker.delete()
