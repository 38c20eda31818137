"""Writing, changing and reading handover notes."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record, save_audited
from samverka.memory.handovers.models import Handover, HandoverContact
from samverka.orgs.models import Collaboration

FIELDS = ("reason", "leaving", "successor", "routine", "spanner", "held", "open_matters")
CONTACT_FIELDS = ("role", "organisation", "organisation_other", "route", "why")


def _clean_contacts(contacts: list[dict]) -> list[dict]:
    kept = []
    for contact in contacts:
        row = {name: contact.get(name) for name in CONTACT_FIELDS}
        row["role"] = (row["role"] or "").strip()
        if not row["role"]:
            continue
        for name in ("organisation_other", "route", "why"):
            row[name] = (row[name] or "").strip()
        kept.append(row)
    return kept


@transaction.atomic
def handover_save(
    *,
    collaboration: Collaboration,
    data: dict,
    contacts: list[dict],
    by,
    handover: Handover | None = None,
) -> Handover:
    """Write or change a handover note and replace its contacts (those with a role)."""
    data = {name: data[name] for name in FIELDS if name in data}
    if not (data.get("held") or "").strip():
        raise ValidationError(_("Write what you held."))
    for name in ("leaving", "successor"):
        membership = data.get(name)
        if membership is not None and membership.collaboration_id != collaboration.pk:
            raise ValidationError(_("Choose a member of this collaboration."))
    if data.get("successor") is not None and data.get("successor") == data.get("leaving"):
        raise ValidationError(_("The successor must be another person."))
    if handover is None:
        handover = Handover(collaboration=collaboration, written_by=by)
    else:
        # As stored, not as a bound form left it: changes are compared with the database.
        handover = Handover.objects.select_for_update().get(pk=handover.pk)
        if "successor" in data and data["successor"] != handover.successor:
            handover.read_at = None  # a new successor has not read it yet
    saved = save_audited(handover, data, by=by, collaboration=collaboration)
    rows = _clean_contacts(contacts)
    existing = [
        {name: getattr(c, name) for name in CONTACT_FIELDS} for c in handover.contacts.all()
    ]
    if rows != existing:
        handover.contacts.all().delete()
        HandoverContact.objects.bulk_create(
            HandoverContact(handover=handover, order=index, **row) for index, row in enumerate(rows)
        )
        if not saved.created:
            audit_record(
                actor=by,
                action=AuditAction.UPDATE,
                obj=handover,
                collaboration=collaboration,
                fields=["contacts"],
            )
    return handover


@transaction.atomic
def handover_mark_read(*, handover: Handover, by) -> Handover:
    """The successor has read the note: it leaves their start page."""
    if handover.successor_id is None or handover.successor.user_id != by.pk:
        raise ValidationError(_("Only the successor marks a handover note as read."))
    if handover.read_at is None:
        handover.read_at = timezone.now()
        handover.save(update_fields=["read_at"])
        audit_record(
            actor=by,
            action=AuditAction.UPDATE,
            obj=handover,
            collaboration=handover.collaboration,
            fields=["read_at"],
        )
    return handover


@transaction.atomic
def handover_delete(*, handover: Handover, by) -> None:
    audit_record(
        actor=by, action=AuditAction.DELETE, obj=handover, collaboration=handover.collaboration
    )
    handover.delete()
