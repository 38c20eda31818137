"""Workflows for participants, households, identities and the consent ledger.

`consent_record` is the one writer of the consent ledger and `consent_record_bulk` its bulk
variant (the demo, seed_synthetic): they keep the derived ConsentState in step (README,
"Derived tables").
"""

import datetime
from contextlib import AbstractContextManager
from typing import TypedDict, Unpack

from django.db import transaction
from django.utils import timezone

from samverka.activities import attendance_years
from samverka.audit.models import AuditAction
from samverka.audit.services import Saved, audit_record, save_audited
from samverka.lib import agebands, crypto
from samverka.lib.bulk import DerivedBulk
from samverka.lib.codes import unused_codes
from samverka.participants import consent_state
from samverka.participants.models import (
    ConsentEntry,
    ConsentMethod,
    Household,
    Identity,
    Participant,
    consent_answer_word,
    consent_giver_default,
    consent_giver_problem,
    new_participant_code,
)
from samverka.participants.notice_texts import NOTICE_VERSION


class ConsentRefused(ValueError):
    """The answer cannot be recorded as given by whom it says (the one consent rule:
    `samverka.participants.models.consent_giver_problem`); the message says why."""


def consent_giver_check(*, role: str, birth_year: int | None, given_by: str, on=None) -> None:
    """Raise ConsentRefused when `given_by` may not answer for this person."""
    problem = consent_giver_problem(
        role=role, birth_year=birth_year, given_by=given_by, on=on or timezone.localdate()
    )
    if problem:
        raise ConsentRefused(problem)


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
    display_name: str = "",
    consents: dict[str, bool] | None = None,
    consent_given_by: str | None = None,
    consent_method: str = ConsentMethod.VERBAL,
    code: str | None = None,
) -> Participant:
    """Register a participant; a new household is made unless one is given. Consents are
    answered by `consent_given_by` (by default whoever the one consent rule names: a guardian
    for a child); refused (ConsentRefused) when that person may not answer for them."""
    if consents:
        consent_given_by = consent_given_by or consent_giver_default(
            role=role, birth_year=birth_year, on=timezone.localdate()
        )
        consent_giver_check(role=role, birth_year=birth_year, given_by=consent_given_by)
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
    if display_name.strip():
        display_name_set(participant=participant, display_name=display_name, by=by)
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


class ParticipantFields(TypedDict, total=False):
    """What may change about a registered participant (ParticipantForm's fields; the display
    name only where the form offers it)."""

    display_name: str
    household: Household
    role: str
    birth_year: int | None
    gender: str
    third_country_national: str
    language: str


@transaction.atomic
def participant_update(
    *, participant: Participant, by, **fields: Unpack[ParticipantFields]
) -> Saved:
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    display_name = fields.pop("display_name", None)
    saved = save_audited(participant, fields, by=by)
    if display_name is not None and display_name_set(
        participant=participant, display_name=display_name, by=by
    ):
        saved = saved._replace(changed=(*saved.changed, "display_name"))
    # The birth year, gender and third-country status are on the participant's rows of the
    # funder count's table: kept in step by its one writer.
    attendance_years.refresh([participant.pk], years=())
    return saved


class IdentityLocked(Exception):
    """The stored identity cannot be decrypted with the configured keys (crypto.KeyMismatch):
    it is neither shown as empty nor overwritten."""


def identity_readable(identity: Identity | None) -> bool:
    return identity is None or all(
        crypto.readable(getattr(identity, field.attname))
        for field in Identity._meta.concrete_fields
        if field.name.endswith("_encrypted")
    )


@transaction.atomic
def identity_set(*, participant: Participant, name: str, phone: str, by) -> None:
    """Save name and phone; refused (IdentityLocked) while the stored ones cannot be read, so
    a changed key never lets a save overwrite them."""
    identity, _ = Identity.objects.select_for_update().get_or_create(participant=participant)
    if not identity_readable(identity):
        raise IdentityLocked
    identity.set(name=name, phone=phone)
    identity.save()
    audit_record(
        actor=by,
        action=AuditAction.UPDATE,
        obj=participant,
        collaboration=participant.collaboration,
        fields=["identity"],
    )


@transaction.atomic
def display_name_set(*, participant: Participant, display_name: str, by) -> bool:
    """Save the display name (empty: none), encrypted; the audit trail records that the field
    changed, never its value. Refused (IdentityLocked) while the stored identity cannot be
    read. Returns whether it changed."""
    identity, _ = Identity.objects.select_for_update().get_or_create(participant=participant)
    if not identity_readable(identity):
        raise IdentityLocked
    display_name = display_name.strip()
    if identity.display_name == display_name:
        return False
    crypto.forget(identity.display_name_encrypted)
    identity.display_name_encrypted = crypto.encrypt(display_name)
    identity.save()
    audit_record(
        actor=by,
        action=AuditAction.UPDATE,
        obj=participant,
        collaboration=participant.collaboration,
        fields=["display_name"],
    )
    return True


@transaction.atomic
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
    if not identity_readable(identity):
        raise IdentityLocked
    return {"name": identity.name, "phone": identity.phone}


@transaction.atomic
def stored_data_view(*, participant: Participant, by) -> None:
    """Record that `by` opened "what we store about you" for the participant."""
    audit_record(
        actor=by,
        action=AuditAction.VIEW,
        obj=participant,
        collaboration=participant.collaboration,
        detail="what we store",
    )


@transaction.atomic
def consent_record(
    *,
    participant: Participant,
    purpose: str,
    given: bool,
    by,
    given_by: str | None = None,
    guardian: Participant | None = None,
    method: str = ConsentMethod.VERBAL,
    notice_language: str = "",
    given_at=None,
) -> ConsentEntry:
    """Add an entry to the participant's consent ledger (the one writer of single entries).

    Refused (ConsentRefused) when `given_by` may not answer for the participant (a child
    below CONSENT_OWN_AGE answering themselves). The audit trail says given, withdrawn (a no
    after a yes) or not given (a first no).
    """
    given_at = given_at or timezone.now()
    on = timezone.localdate(given_at) if timezone.is_aware(given_at) else given_at.date()
    given_by = given_by or consent_giver_default(
        role=participant.role, birth_year=participant.birth_year, on=on
    )
    consent_giver_check(
        role=participant.role, birth_year=participant.birth_year, given_by=given_by, on=on
    )
    # A "no" is a withdrawal only when a "yes" came before it.
    given_before = not given and (
        ConsentEntry.objects.filter(participant=participant, purpose=purpose, given=True).exists()
    )
    entry = ConsentEntry.objects.create(
        participant=participant,
        purpose=purpose,
        given=given,
        given_at=given_at,
        given_by=given_by,
        guardian=guardian,
        method=method,
        notice_version=NOTICE_VERSION,
        notice_language=notice_language or participant.language,
        recorded_by=by,
    )
    _ConsentDerived.refresh([participant.pk])
    audit_record(
        actor=by,
        action=AuditAction.UPDATE,
        obj=participant,
        collaboration=participant.collaboration,
        fields=[f"consent:{purpose}"],
        detail=consent_answer_word(given, given_before),
    )
    return entry


@transaction.atomic
def consents_update(
    *,
    participant: Participant,
    consents: dict[str, bool],
    given_by: str | None = None,
    method: str = ConsentMethod.VERBAL,
    by,
) -> int:
    """Record the answers (purpose → given) that differ from the participant's latest ledger
    entries; returns how many entries were added (0: nothing changed)."""
    current = {
        purpose: entry.given
        for purpose, entry in participant.consent_state().items()
        if entry is not None
    }
    changed = 0
    for purpose, given in consents.items():
        if current.get(purpose) is not given:
            consent_record(
                participant=participant,
                purpose=purpose,
                given=given,
                given_by=given_by,
                method=method,
                by=by,
            )
            changed += 1
    return changed


class _ConsentDerived:
    """What the consent ledger's writers keep in step: ConsentState, and the consent on the
    funder count's rows (AttendanceYear), through that table's one writer."""

    @staticmethod
    def refresh(participant_ids) -> None:
        ids = list(participant_ids)
        consent_state.refresh(ids)
        attendance_years.refresh(ids, years=())

    @staticmethod
    def rebuild() -> int:
        rows = consent_state.rebuild()
        attendance_years.refresh_consent()
        return rows


class ConsentBulk(DerivedBulk):
    """Consent-ledger entries in bulk: see `consent_record_bulk`."""

    model = ConsentEntry
    columns = [
        "participant_id",
        "purpose",
        "given",
        "given_at",
        "given_by",
        "guardian_id",
        "method",
        "notice_version",
        "notice_language",
        "recorded_by_id",
        "recorded_at",
    ]
    derived = _ConsentDerived

    def add(
        self,
        participant_id: int,
        purpose: str,
        given: bool,
        *,
        given_at: datetime.datetime,
        given_by: str,
        method: str,
        notice_language: str,
        guardian_id: int | None = None,
        recorded_at: datetime.datetime | None = None,
    ) -> None:
        """One entry, asked with the current notice; recorded now by the writer's `by` unless
        told when."""
        self.sink.add(
            self._row(
                participant_id,
                purpose,
                given,
                given_at,
                given_by,
                guardian_id,
                method,
                NOTICE_VERSION,
                notice_language,
                self.by_id,
                recorded_at or timezone.now(),
            )
        )
        if not self.large:
            self.participants.add(participant_id)


def consent_record_bulk(*, by, large: bool = False) -> AbstractContextManager[ConsentBulk]:
    """The bulk variant of `consent_record`, for the demo and seed_synthetic:

        with consent_record_bulk(by=user) as ledger:
            ledger.add(participant.pk, "photos", True, given_at=..., given_by=..., ...)

    One transaction; when the block ends, the rest is written and ConsentState is brought in
    step (`large`: see `samverka.lib.bulk.DerivedBulk`). The audit trail is the caller's.
    """
    return ConsentBulk.writing(by=by, large=large)


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
    # The entry names the person by their pseudonym, written before the pseudonym's link to
    # them goes with them (AuditPseudonym): afterwards it leads nowhere.
    audit_record(
        actor=by,
        action=AuditAction.DELETE,
        obj=participant,
        collaboration=collaboration,
        detail="participant erased",
    )
    identity = Identity.objects.filter(participant=participant).first()
    participant.delete()
    if identity is not None:
        crypto.forget(identity.display_name_encrypted)
    if not household.members.exists():
        household.delete()
    # Unconfirmed uploads that list the code (with birth year, gender …) go at once.
    from samverka.imports.services import pending_imports_of_code_delete

    pending_imports_of_code_delete(collaboration=collaboration, code=code)
