"""Actor map (services of organisations, relations between them), referrals and gaps."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samverka.lib.fields import CodeField
from samverka.lib.scoping import tenant_manager


class NeedCategory(models.TextChoices):
    SCHOOL = "school", _("School contact")
    SOCIAL = "social", _("Social services")
    HEALTH = "health", _("Health and dental care")
    HOUSING = "housing", _("Housing")
    WORK = "work", _("Work and SFI")
    LEISURE = "leisure", _("Leisure and clubs")
    LEGAL = "legal", _("Legal and migration advice")
    ECONOMY = "economy", _("Economy")
    PARENTING = "parenting", _("Parenting support")
    CHILD_PROTECTION = "child_protection", _("Child protection")


class Service(models.Model):
    """A service an organisation offers (after the Open Referral HSDS idea)."""

    code = CodeField()
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="services",
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("what it offers"), blank=True)
    need_categories = models.JSONField(_("needs covered"), default=list, blank=True)
    target_groups = models.CharField(_("for whom"), max_length=200, blank=True)
    languages = models.CharField(_("languages"), max_length=200, blank=True)
    how_to_get_there = models.CharField(_("how to get there"), max_length=300, blank=True)
    contact_route = models.CharField(_("contact route"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def __str__(self):
        return f"{self.organisation}: {self.name}"

    def need_labels(self) -> list[str]:
        return [NeedCategory(n).label for n in self.need_categories if n in NeedCategory.values]


class RelationKind(models.TextChoices):
    COLLABORATES = "collaborates", _("collaborates with")
    REFERS = "refers", _("refers to")
    FUNDS = "funds", _("funds")
    HOSTS = "hosts", _("hosts activities for")


class ActorRelation(models.Model):
    code = CodeField()
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="actor_relations"
    )
    from_organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("from"),
        on_delete=models.CASCADE,
        related_name="relations_from",
    )
    to_organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("to"),
        on_delete=models.CASCADE,
        related_name="relations_to",
    )
    kind = models.CharField(_("relation"), max_length=20, choices=RelationKind.choices)
    since = models.DateField(_("since"), null=True, blank=True)
    contact_role = models.CharField(_("contact role"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = tenant_manager("collaboration")

    class Meta:
        ordering = ["from_organisation__name", "kind", "to_organisation__name"]
        verbose_name = _("relation between actors")
        verbose_name_plural = _("relations between actors")

    def __str__(self):
        return f"{self.from_organisation} {self.get_kind_display()} {self.to_organisation}"


class ReferralStatus(models.TextChoices):
    SUGGESTED = "suggested", _("Suggested")
    CONTACTED = "contacted", _("Contacted")
    CONNECTED = "connected", _("Connected")
    NOT_HELPED = "not_helped", _("Could not be helped")
    DECLINED = "declined", _("Declined")

    @classmethod
    def failed(cls):
        return [cls.NOT_HELPED, cls.DECLINED]


class Referral(models.Model):
    """Guiding a family onward (lotsning) to an actor for one need. Never holds names."""

    code = CodeField()
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="referrals"
    )
    participant = models.ForeignKey(
        "participants.Participant",
        verbose_name=_("participant"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    household = models.ForeignKey(
        "participants.Household",
        verbose_name=_("household"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    need_category = models.CharField(_("need"), max_length=20, choices=NeedCategory.choices)
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("referred to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="referrals",
    )
    service = models.ForeignKey(
        Service,
        verbose_name=_("service"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals",
    )
    date = models.DateField(_("date"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    consent_to_share = models.BooleanField(
        _("consent to share with the actor"),
        default=False,
        help_text=_("Without consent nothing is shared with the actor."),
    )
    consent_recorded_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ReferralStatus.choices,
        default=ReferralStatus.SUGGESTED,
    )
    outcome_note = models.TextField(_("outcome note"), blank=True)
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = tenant_manager("collaboration")

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")

    def __str__(self):
        return self.code

    @property
    def has_actor(self) -> bool:
        return bool(self.organisation_id or self.service_id)

    @property
    def actor(self):
        return self.service.organisation if self.service_id else self.organisation
