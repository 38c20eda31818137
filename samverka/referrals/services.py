"""Workflows for the actor directory and referrals; each audited, one transaction each."""

import datetime
from typing import TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record, save_audited
from samverka.lib.disclosure import display
from samverka.lib.exports import csv_bytes
from samverka.referrals import selectors
from samverka.referrals.models import ActorRelation, Referral, ReferralStatus, Service

NEEDS_CONSENT = {ReferralStatus.CONTACTED, ReferralStatus.CONNECTED, ReferralStatus.NOT_HELPED}


def check_consent(*, status: str, consent_to_share: bool, has_actor: bool) -> None:
    """No referral shares anything without consent: only 'suggested' or 'declined' without it."""
    if has_actor and not consent_to_share and status in NEEDS_CONSENT:
        raise ValidationError(
            _("Record consent to share with the actor before the actor is contacted.")
        )


class ServiceFields(TypedDict, total=False):
    """What a service in the directory is (ServiceForm's fields)."""

    organisation: object
    name: str
    description: str
    need_categories: list[str]
    target_groups: str
    languages: str
    how_to_get_there: str
    contact_route: str


@transaction.atomic
def service_create(*, collaboration, by, **fields: Unpack[ServiceFields]) -> Service:
    """Add a service to the directory (`collaboration`: where it was added, for the trail)."""
    service = Service()
    save_audited(service, fields, by=by, collaboration=collaboration)
    return service


@transaction.atomic
def service_update(
    *, service: Service, collaboration, by, **fields: Unpack[ServiceFields]
) -> Service:
    service = Service.objects.select_for_update().get(pk=service.pk)
    save_audited(service, fields, by=by, collaboration=collaboration)
    return service


@transaction.atomic
def relation_create(
    *,
    collaboration,
    from_organisation,
    kind: str,
    to_organisation,
    since: datetime.date | None = None,
    contact_role: str = "",
    by,
) -> ActorRelation:
    relation = ActorRelation(collaboration=collaboration)
    data = {
        "from_organisation": from_organisation,
        "kind": kind,
        "to_organisation": to_organisation,
        "since": since,
        "contact_role": contact_role,
    }
    save_audited(relation, data, by=by)
    return relation


class ReferralFields(TypedDict, total=False):
    """What a referral records (ReferralForm's fields, the person code resolved)."""

    participant: object
    household: object
    need_category: str
    organisation: object
    service: Service | None
    consent_to_share: bool
    status: str
    follow_up_on: datetime.date | None
    outcome_note: str


@transaction.atomic
def referral_create(*, collaboration, by, **fields: Unpack[ReferralFields]) -> Referral:
    """Record a referral, dated today."""
    referral = Referral(
        collaboration=collaboration,
        created_by=by if getattr(by, "is_authenticated", False) else None,
        date=timezone.localdate(),
    )
    return _referral_save(referral, fields, by)


@transaction.atomic
def referral_update(*, referral: Referral, by, **fields: Unpack[ReferralFields]) -> Referral:
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    return _referral_save(referral, fields, by)


def _referral_save(referral: Referral, fields: dict, by) -> Referral:
    """The referral's rules, then save: a service names its organisation; nothing moves past
    'suggested' without consent to share; consent is time-stamped when first recorded."""
    data = dict(fields)
    service = data.get("service", referral.service)
    organisation = data.get("organisation", referral.organisation)
    if service is not None and organisation is None:
        organisation = data["organisation"] = service.organisation
    consent = data.get("consent_to_share", referral.consent_to_share)
    check_consent(
        status=data.get("status", referral.status),
        consent_to_share=consent,
        has_actor=bool(service or organisation),
    )
    if not consent:
        data["consent_recorded_at"] = None
    elif referral.consent_recorded_at is None:
        data["consent_recorded_at"] = timezone.now()
    save_audited(referral, data, by=by)
    return referral


@transaction.atomic
def gaps_export(*, collaboration, by) -> bytes:
    """The collaboration's gaps as CSV, through disclosure control; the export is audited."""
    rows = [
        [
            row["need"].value,
            row["period"],
            display(row["raised_without_actor"]),
            display(row["failed_referrals"]),
        ]
        for row in selectors.gap_rows(collaboration)
    ]
    audit_record(actor=by, action=AuditAction.EXPORT, obj=collaboration, detail="referral gaps")
    return csv_bytes(["need_category", "period", "raised_without_actor", "failed_referrals"], rows)


@transaction.atomic
def national_gaps_export(*, lines: list[list], year: int | None, by) -> bytes:
    """The national gaps (already disclosure-controlled) as CSV; the export is audited."""
    content = csv_bytes(
        [
            "need_category",
            "municipality_code",
            "municipality",
            "raised_without_actor",
            "failed_referrals",
        ],
        lines,
    )
    audit_record(
        actor=by, action=AuditAction.EXPORT, detail=f"national referral gaps {year or 'all'}"
    )
    return content
