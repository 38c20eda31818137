"""Workflows around people, accounts, memberships, invitations and two-factor authentication.

`by` is the person acting: for what people do to their own account (logging in, their details,
password and second factor) they are both `by` and the account changed.
"""

from datetime import timedelta
from typing import TypedDict, Unpack

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from samverka.accounts.models import Invitation, Membership, User, hash_token
from samverka.audit.models import AuditAction
from samverka.audit.services import Saved, audit_record, save_audited
from samverka.lib.addresses import site_url
from samverka.lib.codes import new_token

BACKUP_CODE_COUNT = 10


# --- Logging in and one's own account ------------------------------------------------------


@transaction.atomic
def login_record(*, by: User) -> None:
    audit_record(actor=by, action=AuditAction.LOGIN, obj=by)


@transaction.atomic
def logout_record(*, by: User) -> None:
    audit_record(actor=by, action=AuditAction.LOGOUT, obj=by)


class AccountFields(TypedDict, total=False):
    """What people change about their own account (AccountForm's fields)."""

    first_name: str
    last_name: str
    email: str
    language: str


@transaction.atomic
def account_update(*, by: User, **fields: Unpack[AccountFields]) -> Saved:
    """Change one's own name, email or language."""
    account = User.objects.select_for_update().get(pk=by.pk)
    return save_audited(account, fields, by=by)


@transaction.atomic
def account_language_set(*, language: str, by: User) -> None:
    """Remember the language chosen in the page header on the account. A display preference,
    like the cookie it sits beside: not written to the audit trail."""
    by.language = language
    by.save(update_fields=["language"])


def _password_set(user: User, password: str, detail: str) -> None:
    user.set_password(password)
    user.save(update_fields=["password"])
    audit_record(actor=user, action=AuditAction.SECURITY, obj=user, detail=detail)


@transaction.atomic
def password_change(*, password: str, by: User) -> None:
    """A new password, chosen by its logged-in owner (a validated PasswordChangeForm's)."""
    _password_set(by, password, "password_changed")


@transaction.atomic
def password_reset(*, password: str, by: User) -> None:
    """A forgotten password replaced through the emailed link; `by` is the link's owner."""
    _password_set(by, password, "password_reset")


# --- People, as national staff see them ----------------------------------------------------


@transaction.atomic
def person_update(*, person: User, national_role: str, is_active: bool | None = None, by) -> Saved:
    """Give a person a national role (or none, "") and, unless None, make their account active
    or not. Nobody removes their own national role (`by` None: a command)."""
    if by is not None and person.pk == by.pk and not national_role:
        raise ValidationError(_("You cannot remove your own national role."))
    person = User.objects.select_for_update().get(pk=person.pk)
    data: dict = {"national_role": national_role}
    if is_active is not None:
        data["is_active"] = is_active
    return save_audited(person, data, by=by)


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
    link = site_url() + reverse("accounts:invitation", args=[token])
    if email:
        with translation.override(translation.get_language()):
            body = render_to_string(
                "accounts/email/invitation.txt",
                {"invitation": invitation, "link": link, "inviter": by},
            )
            subject = _("Invitation to %(collaboration)s in Samverka") % {
                "collaboration": collaboration
            }
        send_mail(
            subject=subject,
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
def invitation_accept(*, invitation: Invitation, by: User) -> Membership:
    """`by` accepts the invitation and gets its role."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    membership = membership_add(
        user=by,
        collaboration=invitation.collaboration,
        role=invitation.role,
        by=invitation.invited_by,
        organisation=invitation.organisation,
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = by
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    audit_record(actor=by, action=AuditAction.UPDATE, obj=invitation, fields=["accepted_at"])
    return membership


@transaction.atomic
def invitation_sign_up(
    *,
    invitation: Invitation,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    password: str,
) -> User:
    """Create the account of someone who accepts an invitation without one, and accept it.
    The new person is the one acting."""
    user = User()
    user.set_password(password)
    names = {"username": username, "first_name": first_name, "last_name": last_name}
    save_audited(user, {**names, "email": email}, by=user)
    invitation_accept(invitation=invitation, by=user)
    return user


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, by) -> None:
    if invitation.is_pending:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        audit_record(actor=by, action=AuditAction.UPDATE, obj=invitation, fields=["revoked_at"])


@transaction.atomic
def totp_device_pending(*, by: User) -> TOTPDevice:
    """The unconfirmed authenticator `by` is setting up, created on first use."""
    device = TOTPDevice.objects.filter(user=by, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=by, name="authenticator", confirmed=False)
    return device


@transaction.atomic
def two_factor_enable(*, device: TOTPDevice, by: User) -> list[str]:
    """Confirm `by`'s authenticator and issue fresh backup codes; returns the codes."""
    TOTPDevice.objects.filter(user=by, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _new_backup_codes(by)
    audit_record(actor=by, action=AuditAction.SECURITY, obj=by, detail="2fa_enabled")
    return codes


def _new_backup_codes(user: User) -> list[str]:
    static, _created = StaticDevice.objects.get_or_create(
        user=user, name="backup", defaults={"confirmed": True}
    )
    static.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=static, token=c) for c in codes])
    return codes


@transaction.atomic
def backup_codes_renew(*, by: User) -> list[str]:
    """New backup codes for `by` (the old ones stop working); returns them."""
    codes = _new_backup_codes(by)
    audit_record(actor=by, action=AuditAction.SECURITY, obj=by, detail="backup_codes")
    return codes


@transaction.atomic
def two_factor_disable(*, by: User) -> None:
    TOTPDevice.objects.filter(user=by).delete()
    StaticDevice.objects.filter(user=by).delete()
    audit_record(actor=by, action=AuditAction.SECURITY, obj=by, detail="2fa_disabled")
