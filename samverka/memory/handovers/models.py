"""Handover notes between people: what the leaving person held, the contacts that matter (by
role and organisation, which outlive names) and the open matters. The successor sees the note on
their start page until they mark it read.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samverka.lib.fields import CodeField
from samverka.lib.scoping import tenant_manager


class HandoverReason(models.TextChoices):
    LEAVING = "leaving", _("Leaving the collaboration")
    ROUTINE = "routine", _("Handing over a routine")
    SPANNER = "spanner", _("Handing over a boundary-spanner role")
    OTHER = "other", _("Other change of tasks")


class Handover(models.Model):
    code = CodeField()
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="handovers"
    )
    reason = models.CharField(_("why"), max_length=20, choices=HandoverReason.choices)
    leaving = models.ForeignKey(
        "accounts.Membership",
        verbose_name=_("who hands over"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="handovers_given",
    )
    successor = models.ForeignKey(
        "accounts.Membership",
        verbose_name=_("successor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="handovers_received",
        help_text=_("Who takes over. Leave empty if no one is chosen yet."),
    )
    routine = models.ForeignKey(
        "assessment.OperationalRoutine",
        verbose_name=_("routine"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("If a routine's key or backup person is replaced."),
    )
    spanner = models.ForeignKey(
        "assessment.BoundarySpanner",
        verbose_name=_("boundary-spanner role"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    held = models.TextField(
        _("what I held"),
        help_text=_(
            "Tasks, responsibilities, meetings you called, where things are kept – what your "
            "successor would otherwise have to find out alone."
        ),
    )
    open_matters = models.TextField(
        _("open matters"),
        blank=True,
        help_text=_("What is under way, promised or waiting for an answer, and by when."),
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    written_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    read_at = models.DateTimeField(_("read by the successor"), null=True, blank=True)

    objects = tenant_manager("collaboration")

    class Meta:
        ordering = ["-written_at"]
        verbose_name = _("handover note")
        verbose_name_plural = _("handover notes")
        constraints = [
            # A handover passes something from one person to another, never to themselves.
            models.CheckConstraint(
                condition=Q(successor__isnull=True) | ~Q(successor=models.F("leaving")),
                name="handover_not_to_oneself",
            ),
        ]

    def __str__(self):
        return _("Handover from %(person)s") % {"person": self.leaving_name}

    @property
    def leaving_name(self) -> str:
        return str(self.leaving.user) if self.leaving_id else str(_("a former member"))

    @property
    def successor_name(self) -> str:
        return str(self.successor.user) if self.successor_id else ""

    @property
    def is_unread(self) -> bool:
        return self.successor_id is not None and self.read_at is None


class HandoverContact(models.Model):
    """A contact that matters, by role and organisation (names change, roles stay)."""

    handover = models.ForeignKey(Handover, on_delete=models.CASCADE, related_name="contacts")
    role = models.CharField(
        _("role"), max_length=200, help_text=_("For example: principal, school counsellor.")
    )
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation_other = models.CharField(_("or another organisation"), max_length=200, blank=True)
    route = models.CharField(
        _("how to reach them"),
        max_length=300,
        blank=True,
        help_text=_("For example: through the school's office, the association's chat group."),
    )
    why = models.CharField(_("why they matter"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    objects = tenant_manager("handover__collaboration")

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return f"{self.role} ({self.organisation_label})"

    @property
    def organisation_label(self) -> str:
        return str(self.organisation) if self.organisation_id else self.organisation_other
