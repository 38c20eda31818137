"""Workflows around people, memberships, invitations and two-factor authentication."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from samverka.accounts.models import Invitation, Membership, User, hash_token
from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record
from samverka.lib.codes import new_token

BACKUP_CODE_COUNT = 10


@transaction.atomic
def membership_add(*, user: User, collaboration, role: str, by, organisation=None) -> Membership:
    """Give `user` the role in the collaboration; a no-op if they already have it."""
    membership, created = Membership.objects.active().get_or_create(
        user=user,
        collaboration=collaboration,
        role=role,
        defaults={"created_by": by, "organisation": organisation},
    )
    if created:
        audit_record(actor=by, action=AuditAction.CREATE, obj=membership, detail=role)
    return membership


@transaction.atomic
def membership_end(*, membership: Membership, by) -> None:
    if membership.ended_at is None:
        membership.ended_at = timezone.now()
        membership.save(update_fields=["ended_at"])
        audit_record(
            actor=by,
            action=AuditAction.UPDATE,
            obj=membership,
            fields=["ended_at"],
            detail=membership.role,
        )


@transaction.atomic
def invitation_create(
    *, collaboration, role: str, name: str, email: str, by, organisation=None
) -> tuple[Invitation, str]:
    """Create an invitation and return it with the one-time link (only its hash is stored)."""
    token = new_token()
    invitation = Invitation.objects.create(
        token_hash=hash_token(token),
        collaboration=collaboration,
        role=role,
        name=name,
        email=email,
        organisation=organisation,
        invited_by=by,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    audit_record(actor=by, action=AuditAction.CREATE, obj=invitation, detail=role)
    link = settings.SITE_URL + reverse("accounts:invitation", args=[token])
    if email:
        with translation.override(translation.get_language()):
            body = render_to_string(
                "accounts/email/invitation.txt",
                {"invitation": invitation, "link": link, "inviter": by},
            )
        send_mail(
            subject=str(collaboration),
            message=body,
            from_email=None,
            recipient_list=[email],
            fail_silently=True,
        )
    return invitation, link


def invitation_for_token(token: str) -> Invitation | None:
    invitation = (
        Invitation.objects.select_related("collaboration", "collaboration__municipality")
        .filter(token_hash=hash_token(token))
        .first()
    )
    return invitation if invitation and invitation.is_pending else None


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    membership = membership_add(
        user=user,
        collaboration=invitation.collaboration,
        role=invitation.role,
        by=invitation.invited_by,
        organisation=invitation.organisation,
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    audit_record(actor=user, action=AuditAction.UPDATE, obj=invitation, fields=["accepted_at"])
    return membership


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, by) -> None:
    if invitation.is_pending:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        audit_record(actor=by, action=AuditAction.UPDATE, obj=invitation, fields=["revoked_at"])


def totp_device_pending(*, user: User) -> TOTPDevice:
    """The unconfirmed authenticator being set up, created on first use."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


@transaction.atomic
def two_factor_enable(*, user: User, device: TOTPDevice) -> list[str]:
    """Confirm the authenticator and issue fresh backup codes; returns the codes."""
    TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = backup_codes_renew(user=user)
    audit_record(actor=user, action=AuditAction.SECURITY, obj=user, detail="2fa_enabled")
    return codes


@transaction.atomic
def backup_codes_renew(*, user: User) -> list[str]:
    static, _ = StaticDevice.objects.get_or_create(
        user=user, name="backup", defaults={"confirmed": True}
    )
    static.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=static, token=c) for c in codes])
    return codes


@transaction.atomic
def two_factor_disable(*, user: User) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    audit_record(actor=user, action=AuditAction.SECURITY, obj=user, detail="2fa_disabled")
