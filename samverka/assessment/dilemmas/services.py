"""Recording, changing and deleting the dilemmas the parties met."""

from datetime import date

from django.db import transaction

from samverka.assessment.models import Dilemma
from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record, save_audited
from samverka.orgs.models import Collaboration


@transaction.atomic
def dilemma_save(
    *,
    collaboration: Collaboration,
    dilemma: Dilemma | None = None,
    kind: str,
    title: str,
    occurred_on: date,
    situation: str,
    municipality_view: str,
    civil_society_view: str,
    balance: str,
    outcome: str,
    status: str,
    by,
) -> Dilemma:
    """Record a new dilemma of the collaboration, or change `dilemma`."""
    if dilemma is None:
        dilemma = Dilemma(collaboration=collaboration, created_by=by)
    else:
        dilemma = Dilemma.objects.select_for_update().get(pk=dilemma.pk)
    save_audited(
        dilemma,
        {
            "kind": kind,
            "title": title,
            "occurred_on": occurred_on,
            "situation": situation,
            "municipality_view": municipality_view,
            "civil_society_view": civil_society_view,
            "balance": balance,
            "outcome": outcome,
            "status": status,
        },
        by=by,
        collaboration=collaboration,
    )
    return dilemma


@transaction.atomic
def dilemma_delete(*, dilemma: Dilemma, by) -> None:
    audit_record(actor=by, action=AuditAction.DELETE, obj=dilemma)
    dilemma.delete()
