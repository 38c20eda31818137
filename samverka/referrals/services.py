"""Workflows for the actor directory and referrals; each audited, one transaction each."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record, audit_saved
from samverka.referrals.models import ActorRelation, Referral, ReferralStatus, Service

NEEDS_CONSENT = {ReferralStatus.CONTACTED, ReferralStatus.CONNECTED, ReferralStatus.NOT_HELPED}


def check_consent(*, status: str, consent_to_share: bool, has_actor: bool) -> None:
    """No referral shares anything without consent: only 'suggested' or 'declined' without it."""
    if has_actor and not consent_to_share and status in NEEDS_CONSENT:
        raise ValidationError(
            _("Record consent to share with the actor before the actor is contacted.")
        )


@transaction.atomic
def service_save(*, actor, collaboration, service: Service, fields) -> Service:
    creating = service.pk is None
    service.save()
    audit_saved(
        actor=actor, obj=service, created=creating, fields=fields, collaboration=collaboration
    )
    return service


@transaction.atomic
def relation_create(*, actor, relation: ActorRelation) -> ActorRelation:
    relation.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=relation,
        fields=["from_organisation", "to_organisation", "kind", "since", "contact_role"],
    )
    return relation


@transaction.atomic
def referral_save(*, actor, referral: Referral, fields) -> Referral:
    """Create or change a referral; consent is time-stamped when it is first recorded."""
    creating = referral.pk is None
    if referral.service_id and not referral.organisation_id:
        referral.organisation = referral.service.organisation
    check_consent(
        status=referral.status,
        consent_to_share=referral.consent_to_share,
        has_actor=referral.has_actor,
    )
    if referral.consent_to_share and referral.consent_recorded_at is None:
        referral.consent_recorded_at = timezone.now()
    if not referral.consent_to_share:
        referral.consent_recorded_at = None
    if creating and referral.date is None:
        referral.date = timezone.localdate()
    referral.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE if creating else AuditAction.UPDATE,
        obj=referral,
        fields=fields,
    )
    return referral
