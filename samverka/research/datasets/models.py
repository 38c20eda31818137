"""A dataset definition of a research project: which period, how counted, which survey
rounds, and k. The rows are made at export time from what the approved inclusions allow."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.lib.fields import CodeField

K_DEFAULT = 5


class Period(models.TextChoices):
    YEAR = "year", _("Year")
    HALF_YEAR = "half_year", _("Half-year")
    QUARTER = "quarter", _("Quarter")


class Dataset(models.Model):
    code = CodeField()
    project = models.ForeignKey(
        "research.ResearchProject", on_delete=models.CASCADE, related_name="datasets"
    )
    title = models.CharField(_("title"), max_length=200)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    period = models.CharField(
        _("attendance counted per"), max_length=10, choices=Period.choices, default=Period.HALF_YEAR
    )
    k = models.PositiveSmallIntegerField(
        _("k (smallest group)"),
        default=K_DEFAULT,
        validators=[MinValueValidator(5), MaxValueValidator(50)],
        help_text=_(
            "Every combination of age band, gender, third-country status and place is shared "
            "by at least k participants."
        ),
    )
    survey_rounds = models.ManyToManyField(
        "surveys.Round", verbose_name=_("survey rounds"), blank=True, related_name="+"
    )
    last_summary = models.JSONField(default=dict, blank=True, editable=False)
    last_exported_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("dataset")
        verbose_name_plural = _("datasets")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="research_dataset_period"
            ),
        ]

    def __str__(self):
        return self.title
