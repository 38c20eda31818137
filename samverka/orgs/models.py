from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from samverka.lib.fields import CodeField

municipality_code_validator = RegexValidator(
    r"^\d{4}$", _("A municipality code has exactly four digits, for example 0880.")
)


class Municipality(models.Model):
    """A Swedish municipality, identified by its official four-digit code."""

    code = models.CharField(
        _("municipality code"), max_length=4, unique=True, validators=[municipality_code_validator]
    )
    name = models.CharField(_("name"), max_length=100)
    county = models.CharField(_("county"), max_length=100, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name


class OrganisationKind(models.TextChoices):
    SCHOOL = "school", _("School (municipal department)")
    SOCIAL_SERVICES = "social_services", _("Social services (municipal department)")
    SFI = "sfi", _("SFI, Swedish for immigrants (municipal department)")
    LEISURE = "leisure", _("Culture and leisure (municipal department)")
    LIBRARY = "library", _("Library (municipal department)")
    INTEGRATION = "integration", _("Integration unit (municipal department)")
    MUNICIPAL_OTHER = "municipal_other", _("Other municipal department")
    CSO = "cso", _("Civil-society organisation")
    ASSOCIATION = "association", _("Association or sports club")
    BUSINESS = "business", _("Business")
    AGENCY = "agency", _("Region or state agency")

    @classmethod
    def municipal(cls):
        return {
            cls.SCHOOL,
            cls.SOCIAL_SERVICES,
            cls.SFI,
            cls.LEISURE,
            cls.LIBRARY,
            cls.INTEGRATION,
            cls.MUNICIPAL_OTHER,
        }


class Organisation(models.Model):
    code = CodeField()
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
        help_text=_("Leave empty for national organisations and agencies."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["name", "municipality"], name="organisation_unique_name_in_municipality"
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("id")), name="organisation_not_own_parent"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_municipal(self) -> bool:
        return self.kind in OrganisationKind.municipal()


class Phase(models.TextChoices):
    INITIATION = "initiation", _("Initiation")
    IMPLEMENTATION = "implementation", _("Implementation")
    TRANSITION = "transition", _("Transition")


class Collaboration(models.Model):
    """A collaboration (samverkan) between a municipality and civil society."""

    code = CodeField()
    name = models.CharField(_("name"), max_length=200)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="collaborations",
    )
    lead_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("lead civil-society organisation"),
        on_delete=models.PROTECT,
        related_name="led_collaborations",
    )
    partners = models.ManyToManyField(
        Organisation,
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="partner_in",
    )
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"), null=True, blank=True)
    phase = models.CharField(
        _("phase"), max_length=20, choices=Phase.choices, default=Phase.INITIATION
    )
    shared_goal_picture = models.TextField(
        _("shared goal picture"),
        blank=True,
        help_text=_("What the parties want to achieve together, in a few sentences."),
    )
    collaboration_idea = models.TextField(
        _("collaboration idea"),
        blank=True,
        help_text=_("Why the parties work together and what each brings."),
    )
    builds_on = models.ForeignKey(
        "self",
        verbose_name=_("builds on"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="followed_by",
        help_text=_("The earlier collaboration whose lessons this one builds on."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["municipality__name", "-starts_on", "name"]
        verbose_name = _("collaboration")
        verbose_name_plural = _("collaborations")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="collaboration_period_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(builds_on=F("id")), name="collaboration_not_built_on_itself"
            ),
        ]

    def __str__(self):
        return self.name

    def chain(self) -> list["Collaboration"]:
        """The string of pearls this collaboration belongs to, oldest first."""
        earlier, seen, node = [], {self.pk}, self.builds_on
        while node is not None and node.pk not in seen:
            earlier.append(node)
            seen.add(node.pk)
            node = node.builds_on
        return list(reversed(earlier))
