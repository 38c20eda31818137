"""Safe activities: a joint risk analysis per activity, signed off by one person of each party,
sessions marked as excursions, and incidents (tillbud) written without names."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.lib.fields import CodeField
from samverka.lib.scoping import tenant_manager


class RiskArea(models.TextChoices):
    PLACES = "places", _("Places and premises")
    TRANSPORT = "transport", _("Transport")
    EXCURSIONS_WATER = "excursions_water", _("Excursions and water")
    RATIO = "ratio", _("Adults per child")
    ALLERGIES_FIRST_AID = "allergies_first_aid", _("Allergies and first aid")
    EMERGENCY = "emergency", _("Emergency routine")
    PHOTO_CONSENT = "photo_consent", _("Photos and consent")
    OTHER = "other", _("Other")


class Likelihood(models.IntegerChoices):
    UNLIKELY = 1, _("1 – unlikely")
    POSSIBLE = 2, _("2 – possible")
    LIKELY = 3, _("3 – likely")
    VERY_LIKELY = 4, _("4 – very likely")


class Consequence(models.IntegerChoices):
    MINOR = 1, _("1 – minor")
    NOTABLE = 2, _("2 – notable")
    SERIOUS = 3, _("3 – serious")
    VERY_SERIOUS = 4, _("4 – very serious")


class AnalysisState(models.TextChoices):
    DRAFT = "draft", _("Not signed off")
    CURRENT = "current", _("Current")
    EXPIRED = "expired", _("Review date passed")


class RiskAnalysis(models.Model):
    """One activity's joint risk analysis. Current when both parties have signed it off and
    its review date has not passed; changing its risks asks for new signatures."""

    code = CodeField()
    activity = models.ForeignKey(
        "activities.Activity", on_delete=models.CASCADE, related_name="risk_analyses"
    )
    scope = models.CharField(
        _("what it covers"),
        max_length=300,
        blank=True,
        help_text=_("For example: the autumn term, including the excursion to the beach."),
    )
    review_on = models.DateField(_("review by"))
    municipal_signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    municipal_signed_on = models.DateField(
        _("signed for the municipality on"), null=True, blank=True
    )
    civil_signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    civil_signed_on = models.DateField(_("signed for civil society on"), null=True, blank=True)
    replaces = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replaced_by"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = tenant_manager("activity__collaboration")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("risk analysis")
        verbose_name_plural = _("risk analyses")

    def __str__(self):
        return str(self.activity)

    @property
    def signed(self) -> bool:
        return self.municipal_signed_on is not None and self.civil_signed_on is not None

    def state_on(self, day: date | None = None) -> str:
        day = day or timezone.localdate()
        if not self.signed:
            return AnalysisState.DRAFT
        if self.review_on < day:
            return AnalysisState.EXPIRED
        return AnalysisState.CURRENT

    @property
    def state(self) -> str:
        return self.state_on()

    def get_state_display(self) -> str:
        return AnalysisState(self.state).label

    def is_current_on(self, day: date) -> bool:
        return self.state_on(day) == AnalysisState.CURRENT


class Risk(models.Model):
    code = CodeField()
    analysis = models.ForeignKey(RiskAnalysis, on_delete=models.CASCADE, related_name="risks")
    area = models.CharField(_("area"), max_length=30, choices=RiskArea.choices)
    description = models.CharField(_("risk"), max_length=300)
    likelihood = models.PositiveSmallIntegerField(_("likelihood"), choices=Likelihood.choices)
    consequence = models.PositiveSmallIntegerField(_("consequence"), choices=Consequence.choices)
    measure = models.CharField(_("measure"), max_length=500)
    responsible = models.ForeignKey(
        "accounts.Membership",
        verbose_name=_("responsible"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = tenant_manager("analysis__activity__collaboration")

    class Meta:
        ordering = ["area", "-likelihood", "-consequence", "id"]
        verbose_name = _("risk")
        verbose_name_plural = _("risks")
        constraints = [
            models.CheckConstraint(
                condition=Q(likelihood__gte=1, likelihood__lte=4)
                & Q(consequence__gte=1, consequence__lte=4),
                name="risk_levels_from_1_to_4",
            ),
        ]

    def __str__(self):
        return self.description

    @property
    def level(self) -> int:
        return self.likelihood * self.consequence

    @property
    def level_label(self) -> str:
        if self.level >= 9:
            return "high"
        return "medium" if self.level >= 4 else "low"


class Excursion(models.Model):
    """A session marked as an excursion (activities of the type 'excursion' always are)."""

    session = models.OneToOneField("activities.Session", on_delete=models.CASCADE, related_name="+")
    destination = models.CharField(_("where to"), max_length=200, blank=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    marked_at = models.DateTimeField(auto_now_add=True)

    objects = tenant_manager("session__activity__collaboration")

    class Meta:
        verbose_name = _("excursion")
        verbose_name_plural = _("excursions")

    def __str__(self):
        return self.destination or str(self.session_id)


class Informed(models.TextChoices):
    GUARDIANS = "guardians", _("Guardians")
    COORDINATOR = "coordinator", _("Coordinator")
    MUNICIPAL_CONTACT = "municipal_contact", _("Municipal contact")
    SCHOOL = "school", _("School")
    SOCIAL_SERVICES = "social_services", _("Social services")
    HEALTHCARE = "healthcare", _("Health care or ambulance")
    POLICE = "police", _("Police")
    INSURANCE = "insurance", _("Insurance company")


class Incident(models.Model):
    """An incident (tillbud) or accident at a session, written without names."""

    code = CodeField()
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="+"
    )
    session = models.ForeignKey(
        "activities.Session",
        verbose_name=_("session"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    happened_on = models.DateField(_("date"))
    what_happened = models.TextField(_("what happened"))
    measures = models.TextField(_("measures"), blank=True)
    informed = models.JSONField(_("who was informed"), default=list, blank=True)
    informed_other = models.CharField(_("others informed"), max_length=200, blank=True)
    follow_up_by = models.ForeignKey(
        "accounts.Membership",
        verbose_name=_("measures followed up by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    follow_up_on = models.DateField(_("follow up the measures on"), null=True, blank=True)
    followed_up_on = models.DateField(_("followed up on"), null=True, blank=True)
    follow_up_note = models.TextField(_("what the follow-up showed"), blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = tenant_manager("collaboration")

    class Meta:
        ordering = ["-happened_on", "-created_at"]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")

    def __str__(self):
        return f"{self.happened_on:%Y-%m-%d}"

    def informed_labels(self) -> list[str]:
        labels = [Informed(v).label for v in self.informed if v in Informed.values]
        if self.informed_other:
            labels.append(self.informed_other)
        return labels

    @property
    def follow_up_open(self) -> bool:
        return self.follow_up_on is not None and self.followed_up_on is None
