"""Workflows of the volunteer roster. Names and phone numbers are encrypted and every look at
them is in the audit trail; the criminal-records extract is only recorded as SEEN."""

from collections.abc import Iterable, Mapping
from datetime import date

from django.db import transaction

from samverka.activities.models import Session
from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record, save_audited
from samverka.knowledge.volunteers.models import RecordCheck, Volunteer, VolunteerSession
from samverka.lib import crypto


@transaction.atomic
def volunteer_save(
    *,
    collaboration,
    volunteer: Volunteer | None = None,
    name: str,
    phone: str,
    user=None,
    organisation=None,
    activities: Iterable = (),
    started_on: date,
    ended_on: date | None = None,
    by,
) -> Volunteer:
    volunteer = volunteer or Volunteer(collaboration=collaboration)
    if not volunteer._state.adding and not (
        crypto.readable(volunteer.name_encrypted) and crypto.readable(volunteer.phone_encrypted)
    ):
        # A changed encryption key: never overwrite what cannot be read (manage.py check).
        raise crypto.KeyMismatch
    identity_changed = volunteer._state.adding or (volunteer.name, volunteer.phone) != (
        name.strip(),
        phone.strip(),
    )
    if identity_changed:
        volunteer.set_identity(name=name, phone=phone)
    saved = save_audited(
        volunteer,
        {
            "user": user,
            "organisation": organisation,
            "activities": list(activities),
            "started_on": started_on,
            "ended_on": ended_on,
        },
        by=by,
        collaboration=collaboration,
    )
    if identity_changed and not saved.created:
        audit_record(
            actor=by,
            action=AuditAction.UPDATE,
            obj=volunteer,
            collaboration=collaboration,
            fields=["name", "phone"],
        )
    return volunteer


def volunteer_identities_view(*, volunteers: list[Volunteer], collaboration, by) -> dict:
    """Decrypt names and phone numbers for a coordinator; the look is in the audit trail
    (one record per volunteer shown)."""
    shown = {}
    for volunteer in volunteers:
        audit_record(
            actor=by,
            action=AuditAction.VIEW,
            obj=volunteer,
            collaboration=collaboration,
            fields=["name", "phone"],
        )
        shown[volunteer.pk] = {"name": volunteer.name, "phone": volunteer.phone}
    return shown


@transaction.atomic
def record_check_add(
    *, volunteer: Volunteer, seen_on: date, seen_by, valid_until: date | None, by
) -> RecordCheck:
    """Record that an extract from the criminal-records register was SEEN (never stored)."""
    check = RecordCheck(volunteer=volunteer, seen_by=seen_by)
    save_audited(
        check,
        {"seen_on": seen_on, "valid_until": valid_until},
        by=by,
        collaboration=volunteer.collaboration,
    )
    return check


@transaction.atomic
def session_volunteers_set(*, session: Session, minutes: Mapping[Volunteer, int], by) -> int:
    """Who of the roster helped at the session and for how long (minutes; 0 or missing: not
    there). The session's number of volunteers then comes from the roster. Returns it."""
    collaboration = session.activity.collaboration
    wanted = {v.pk: m for v, m in minutes.items() if m and v.collaboration_id == collaboration.pk}
    existing = {row.volunteer_id: row for row in session.volunteer_rows.all()}
    for pk, row in existing.items():
        if pk not in wanted:
            row.delete()
        elif row.minutes != wanted[pk]:
            row.minutes = wanted[pk]
            row.recorded_by = by
            row.save(update_fields=["minutes", "recorded_by"])
    VolunteerSession.objects.bulk_create(
        [
            VolunteerSession(volunteer_id=pk, session=session, minutes=m, recorded_by=by)
            for pk, m in wanted.items()
            if pk not in existing
        ]
    )
    # Hook into activities.Session: its volunteer number follows the roster once one is kept.
    Session.objects.filter(pk=session.pk).update(volunteers=len(wanted))
    session.volunteers = len(wanted)
    audit_record(
        actor=by,
        action=AuditAction.UPDATE,
        obj=session,
        collaboration=collaboration,
        fields=["volunteers"],
        detail=f"{len(wanted)} volunteers",
    )
    return len(wanted)
