"""Decision-makers meet children: who took part (by title and organisation, never by name is
needed) in a session of a dialogue forum or children's council, or was invited to listen at a
consultation."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samverka.lib.fields import CodeField
from samverka.lib.scoping import tenant_manager


class DecisionMaker(models.Model):
    code = CodeField()
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="+"
    )
    session = models.ForeignKey(
        "activities.Session",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="decision_makers",
    )
    consultation = models.ForeignKey(
        "children.Consultation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="decision_makers",
    )
    title = models.CharField(
        _("title"), max_length=200, help_text=_("For example: Chair of the education committee.")
    )
    organisation = models.CharField(
        _("organisation"), max_length=200, help_text=_("For example: Kalmar municipality.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = tenant_manager("collaboration")

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("decision-maker")
        verbose_name_plural = _("decision-makers")
        constraints = [
            # Either present at a session or invited to a consultation, never both or neither.
            models.CheckConstraint(
                condition=Q(session__isnull=True, consultation__isnull=False)
                | Q(session__isnull=False, consultation__isnull=True),
                name="decision_maker_at_one_meeting",
            ),
        ]

    def __str__(self):
        return f"{self.title}, {self.organisation}"
