"""The volunteer roster of a collaboration.

Name and phone are encrypted (samverka.lib.crypto, as participants' identities) and shown only
to coordinators, each look in the audit trail. The criminal-records extract is never stored:
only that it was SEEN — when, by whom, and until when it is valid.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.lib import crypto
from samverka.lib.fields import CodeField
from samverka.lib.scoping import tenant_manager


class Volunteer(models.Model):
    code = CodeField()
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="volunteers"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account in Samverka"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    name_encrypted = models.TextField(blank=True)
    phone_encrypted = models.TextField(blank=True)
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    activities = models.ManyToManyField(
        "activities.Activity", verbose_name=_("helps in"), blank=True, related_name="+"
    )
    started_on = models.DateField(_("volunteer since"), default=date.today)
    ended_on = models.DateField(_("ended"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = tenant_manager("collaboration")

    class Meta:
        ordering = ["started_on", "id"]
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")

    def __str__(self):
        return self.code

    @property
    def name(self) -> str:
        return crypto.shown(self.name_encrypted)

    @property
    def phone(self) -> str:
        return crypto.shown(self.phone_encrypted)

    def set_identity(self, *, name: str, phone: str) -> None:
        self.name_encrypted = crypto.encrypt(name.strip())
        self.phone_encrypted = crypto.encrypt(phone.strip())

    @property
    def active(self) -> bool:
        return self.ended_on is None or self.ended_on >= timezone.localdate()


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the month's last day where it is shorter)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


def oldest_current_check(today: date | None = None) -> date:
    """A check seen on or before this day is too old (CRIMINAL_RECORD_CHECK_MONTHS)."""
    return months_before(today or timezone.localdate(), settings.CRIMINAL_RECORD_CHECK_MONTHS)


class RecordCheck(models.Model):
    """An extract from the criminal-records register was SEEN. The extract is never stored."""

    code = CodeField()
    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="checks")
    seen_on = models.DateField(_("date seen"))
    seen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("seen by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)

    objects = tenant_manager("volunteer__collaboration")

    class Meta:
        ordering = ["-seen_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("seen_on")),
                name="knowledge_check_valid_after_seen",
            ),
        ]

    def __str__(self):
        return f"{self.volunteer_id} {self.seen_on}"

    def is_current(self, today: date | None = None) -> bool:
        """Seen within the configured age (CRIMINAL_RECORD_CHECK_MONTHS) and not expired."""
        today = today or timezone.localdate()
        if self.valid_until is not None and self.valid_until < today:
            return False
        return self.seen_on > oldest_current_check(today)


class VolunteerSession(models.Model):
    """A volunteer took part in a session, for so long."""

    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="sessions")
    session = models.ForeignKey(
        "activities.Session", on_delete=models.CASCADE, related_name="volunteer_rows"
    )
    minutes = models.PositiveIntegerField(_("minutes"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = tenant_manager("volunteer__collaboration")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["volunteer", "session"], name="knowledge_volunteer_session_once"
            ),
            models.CheckConstraint(
                condition=Q(minutes__gt=0) & Q(minutes__lte=24 * 60),
                name="knowledge_volunteer_minutes_in_a_day",
            ),
        ]

    def __str__(self):
        return f"{self.volunteer_id} @ {self.session_id}"

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 2)
