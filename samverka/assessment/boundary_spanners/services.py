"""Naming, changing and removing the collaboration's boundary spanners."""

from collections.abc import Iterable
from datetime import date

from django.db import transaction

from samverka.accounts.models import Membership
from samverka.assessment.models import BoundarySpanner
from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record, save_audited
from samverka.orgs.models import Collaboration, Organisation


@transaction.atomic
def boundary_spanner_save(
    *,
    collaboration: Collaboration,
    spanner: BoundarySpanner | None = None,
    membership: Membership | None,
    name: str,
    description: str,
    organisations: Iterable[Organisation],
    successor: Membership | None,
    ended_on: date | None,
    by,
) -> BoundarySpanner:
    """Name a new boundary spanner of the collaboration, or change `spanner`."""
    if spanner is None:
        spanner = BoundarySpanner(collaboration=collaboration, created_by=by)
    else:
        spanner = BoundarySpanner.objects.select_for_update().get(pk=spanner.pk)
    save_audited(
        spanner,
        {
            "membership": membership,
            "name": name,
            "description": description,
            "organisations": organisations,
            "successor": successor,
            "ended_on": ended_on,
        },
        by=by,
        collaboration=collaboration,
    )
    return spanner


@transaction.atomic
def boundary_spanner_delete(*, spanner: BoundarySpanner, by) -> None:
    audit_record(actor=by, action=AuditAction.DELETE, obj=spanner)
    spanner.delete()
