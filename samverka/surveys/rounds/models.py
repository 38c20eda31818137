"""Survey rounds: one period of asking, in one collaboration, with one published instrument
version, and the public links respondents reach it through."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.lib.codes import new_code
from samverka.lib.fields import CodeField
from samverka.lib.scoping import tenant_manager
from samverka.surveys.instruments.models import InstrumentVersion


def new_public_code() -> str:
    """Six characters, easy to type from a poster: /s/K7F3QX."""
    return new_code(6)


class Round(models.Model):
    """One period of asking, in one collaboration, with one published instrument version."""

    code = CodeField()
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="survey_rounds"
    )
    version = models.ForeignKey(
        InstrumentVersion,
        verbose_name=_("instrument"),
        on_delete=models.PROTECT,
        related_name="rounds",
    )
    title = models.CharField(_("name"), max_length=200)
    activity = models.ForeignKey(
        "activities.Activity",
        verbose_name=_("activity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_rounds",
    )
    session = models.ForeignKey(
        "activities.Session",
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_rounds",
    )
    opens_on = models.DateField(_("opens"))
    closes_on = models.DateField(_("closes"))
    languages = models.JSONField(_("languages"), default=list)
    closed_at = models.DateTimeField(_("closed early"), null=True, blank=True)
    # How many were offered the round (the denominator of its response rate, samverka/followup):
    # entered by hand, or when empty the unique attenders of its activity (or the
    # collaboration) while it was open (rounds.selectors.offered_count).
    offered = models.PositiveIntegerField(
        _("offered to"),
        null=True,
        blank=True,
        help_text=_(
            "How many people were offered the survey. Leave empty to count the unique "
            "attenders of its activity (or of the collaboration) while it is open."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = tenant_manager("collaboration")

    class Meta:
        ordering = ["-opens_on", "-id"]
        verbose_name = _("survey round")
        verbose_name_plural = _("survey rounds")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")),
                name="survey_round_closes_after_opening",
            ),
        ]

    def __str__(self):
        return self.title

    def is_open(self, day=None) -> bool:
        day = day or timezone.localdate()
        return self.closed_at is None and self.opens_on <= day <= self.closes_on

    @property
    def state(self) -> str:
        today = timezone.localdate()
        if self.closed_at is not None or today > self.closes_on:
            return "closed"
        if today < self.opens_on:
            return "planned"
        return "open"


class RespondentLink(models.Model):
    """A public link /s/<code>. Each round has one general link; partner rounds also one per
    partner organisation, so answers are known to come from that organisation."""

    code = models.CharField(
        _("code"), max_length=12, unique=True, editable=False, default=new_public_code
    )
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="links")
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="survey_links",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = tenant_manager("round__collaboration")

    class Meta:
        ordering = ["round", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "organisation"], name="survey_link_one_per_organisation"
            ),
            models.UniqueConstraint(
                fields=["round"],
                condition=Q(organisation__isnull=True),
                name="survey_link_one_general",
            ),
        ]

    def __str__(self):
        return self.code
