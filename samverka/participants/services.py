"""Workflows for participants, households, identities and the consent ledger."""

from django.db import transaction
from django.utils import timezone

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record
from samverka.lib import agebands
from samverka.lib.codes import unused_codes
from samverka.participants import consent_state
from samverka.participants.models import (
    ConsentEntry,
    ConsentGivenBy,
    ConsentMethod,
    Household,
    Identity,
    Participant,
    new_participant_code,
)
from samverka.participants.notice_texts import NOTICE_VERSION


@transaction.atomic
def participant_create(
    *,
    collaboration,
    by,
    household: Household | None = None,
    role: str,
    birth_year: int | None,
    gender: str,
    third_country_national: str,
    language: str,
    name: str = "",
    phone: str = "",
    consents: dict[str, bool] | None = None,
    consent_given_by: str = ConsentGivenBy.SELF,
    consent_method: str = ConsentMethod.VERBAL,
    code: str | None = None,
) -> Participant:
    """Register a participant; a new household is made unless one is given."""
    if household is None:
        household = Household.objects.create(collaboration=collaboration)
        audit_record(
            actor=by, action=AuditAction.CREATE, obj=household, collaboration=collaboration
        )
    participant = Participant.objects.create(
        code=code or unused_codes(Participant, 1, new_participant_code)[0],
        collaboration=collaboration,
        household=household,
        role=role,
        birth_year=birth_year,
        gender=gender,
        third_country_national=third_country_national,
        language=language,
        created_by=by,
    )
    audit_record(actor=by, action=AuditAction.CREATE, obj=participant, collaboration=collaboration)
    if name or phone:
        identity_set(participant=participant, name=name, phone=phone, by=by)
    for purpose, given in (consents or {}).items():
        consent_record(
            participant=participant,
            purpose=purpose,
            given=given,
            given_by=consent_given_by,
            method=consent_method,
            notice_language=language,
            by=by,
        )
    return participant


@transaction.atomic
def participant_update(*, form, by) -> Participant:
    participant = form.save()
    audit_record(
        actor=by,
        action=AuditAction.UPDATE,
        obj=participant,
        collaboration=participant.collaboration,
        fields=form.changed_data,
    )
    return participant


@transaction.atomic
def identity_set(*, participant: Participant, name: str, phone: str, by) -> None:
    identity, _ = Identity.objects.get_or_create(participant=participant)
    identity.set(name=name, phone=phone)
    identity.save()
    audit_record(
        actor=by,
        action=AuditAction.UPDATE,
        obj=participant,
        collaboration=participant.collaboration,
        fields=["identity"],
    )


def identity_view(*, participant: Participant, by) -> dict[str, str]:
    """Decrypt name and phone for a coordinator; the view is written to the audit trail."""
    identity = Identity.objects.filter(participant=participant).first()
    audit_record(
        actor=by,
        action=AuditAction.VIEW,
        obj=participant,
        collaboration=participant.collaboration,
        fields=["name", "phone"],
    )
    if identity is None:
        return {"name": "", "phone": ""}
    return {"name": identity.name, "phone": identity.phone}


@transaction.atomic
def consent_record(
    *,
    participant: Participant,
    purpose: str,
    given: bool,
    by,
    given_by: str = ConsentGivenBy.SELF,
    guardian: Participant | None = None,
    method: str = ConsentMethod.VERBAL,
    notice_language: str = "",
    given_at=None,
) -> ConsentEntry:
    entry = ConsentEntry.objects.create(
        participant=participant,
        purpose=purpose,
        given=given,
        given_at=given_at or timezone.now(),
        given_by=given_by,
        guardian=guardian,
        method=method,
        notice_version=NOTICE_VERSION,
        notice_language=notice_language or participant.language,
        recorded_by=by,
    )
    consent_state.refresh([participant.pk])
    audit_record(
        actor=by,
        action=AuditAction.UPDATE,
        obj=participant,
        collaboration=participant.collaboration,
        fields=[f"consent:{purpose}"],
        detail="given" if given else "withdrawn",
    )
    return entry


@transaction.atomic
def participant_erase(*, participant: Participant, by) -> None:
    """Erase a person: identity, personal data and ledger go; sessions keep anonymous counts."""
    from samverka.activities.models import Headcount

    collaboration = participant.collaboration
    for attendance in participant.attendances.select_related("session"):
        band = agebands.band_for(participant.age_on(attendance.session.date))
        cell, _ = Headcount.objects.get_or_create(
            session=attendance.session, age_band=band, gender=participant.gender
        )
        cell.count += 1
        cell.save(update_fields=["count"])
    household = participant.household
    code = participant.code
    participant.delete()
    if not household.members.exists():
        household.delete()
    audit_record(
        actor=by,
        action=AuditAction.DELETE,
        collaboration=collaboration,
        detail=f"participant {code} erased",
    )
