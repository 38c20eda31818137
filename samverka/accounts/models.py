import hashlib

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.accounts.roles import MEMBERSHIP_ROLES, NationalRole, Role
from samverka.lib.fields import CodeField


class User(AbstractUser):
    """A staff account. Families never have accounts."""

    code = CodeField()
    national_role = models.CharField(
        _("national role"),
        max_length=20,
        choices=NationalRole.choices,
        blank=True,
        default=NationalRole.NONE,
        help_text=_("National staff see every collaboration."),
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="sv"
    )

    class Meta:
        ordering = ["first_name", "last_name", "username"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def is_national_lead(self) -> bool:
        return self.national_role == NationalRole.NATIONAL_LEAD

    @property
    def is_national_researcher(self) -> bool:
        return self.national_role == NationalRole.RESEARCHER

    @property
    def is_national_staff(self) -> bool:
        return bool(self.national_role)

    @property
    def requires_two_factor(self) -> bool:
        """Everyone with a national role (they read every collaboration) and administrators
        must use two-factor authentication."""
        return self.is_national_staff or self.is_superuser or self.is_staff


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(ended_at__isnull=True)


class Membership(models.Model):
    """A person's role in one collaboration. Ended, never deleted, so history stays."""

    code = CodeField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    collaboration = models.ForeignKey(
        "orgs.Collaboration",
        verbose_name=_("collaboration"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(
        _("role"), max_length=20, choices=[(r.value, r.label) for r in MEMBERSHIP_ROLES]
    )
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="memberships",
        help_text=_("The organisation the person represents in this collaboration."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["collaboration", "role", "user"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "collaboration", "role"],
                condition=Q(ended_at__isnull=True),
                name="membership_one_active_role_per_person",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} – {self.collaboration}"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


class Invitation(models.Model):
    """An invitation into a collaboration. Only a hash of the link's secret is stored."""

    code = CodeField()
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="invitations"
    )
    role = models.CharField(
        _("role"), max_length=20, choices=[(r.value, r.label) for r in MEMBERSHIP_ROLES]
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email"), blank=True)
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"

    @property
    def is_pending(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )


__all__ = ["Invitation", "Membership", "Role", "User", "hash_token"]
