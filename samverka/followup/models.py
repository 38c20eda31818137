"""The follow-up plan: goals, the indicators that follow them (from the indicator library),
values entered by hand, and evidence notes.

Values of computed indicators are never stored: they are computed from what the collaboration
records when a page is drawn (`samverka/followup/sources.py`). An indicator or goal that has
values or notes is archived, never deleted, so what was followed stays readable.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from samverka.followup.periods import PeriodKind
from samverka.lib.fields import CodeField
from samverka.lib.scoping import tenant_manager


class Level(models.TextChoices):
    FAMILIES = "families", _("Children and families")
    STAFF = "staff", _("Staff and organisations")
    SOCIETY = "society", _("The collaboration and local society")


class Unit(models.TextChoices):
    COUNT = "count", _("Count")
    SHARE = "share", _("Share (%)")
    MEAN = "mean", _("Mean on a scale")


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")


class AddedValue(models.TextChoices):
    """The four added values of collaboration with civil society, with the civil-society role
    the research report ties each to."""

    FUNCTIONAL = "functional", _("Functional added value")
    ALTRUISTIC = "altruistic", _("Altruistic added value")
    EMOTIONAL = "emotional", _("Emotional added value")
    SOCIAL = "social", _("Social added value")


ADDED_VALUE_ROLES = {
    AddedValue.FUNCTIONAL: _("service improver (verksamhetsförbättrare)"),
    AddedValue.ALTRUISTIC: _("value bearer (värdebärare)"),
    AddedValue.EMOTIONAL: _("trust builder (tillitsskapare)"),
    AddedValue.SOCIAL: _("community builder (samhällsbyggare)"),
}


class IndicatorDefinition(models.Model):
    """An entry of the indicator library: built in (a stable `builtin_id`, loaded by
    `manage.py load_indicators`) or a collaboration's own."""

    code = CodeField()
    builtin_id = models.CharField(_("stable id"), max_length=20, blank=True)
    collaboration = models.ForeignKey(
        "orgs.Collaboration",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="indicator_definitions",
        help_text=_("Empty for the built-in indicators."),
    )
    name_sv = models.CharField(_("name (Swedish)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description_sv = models.TextField(_("description (Swedish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)
    direction = models.CharField(
        _("which direction is better"),
        max_length=10,
        choices=Direction.choices,
        default=Direction.HIGHER,
    )
    source = models.CharField(_("source"), max_length=40)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, blank=True)
    added_value = models.CharField(
        _("added value"), max_length=20, choices=AddedValue.choices, blank=True
    )
    scale_max = models.PositiveSmallIntegerField(null=True, blank=True)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["builtin_id", "name_sv"]
        verbose_name = _("indicator definition")
        verbose_name_plural = _("indicator definitions")
        constraints = [
            models.UniqueConstraint(
                fields=["builtin_id"],
                condition=~Q(builtin_id=""),
                name="followup_builtin_id_unique",
            ),
            # A built-in definition belongs to no collaboration; a collaboration's own has none.
            models.CheckConstraint(
                condition=Q(builtin_id="") | Q(collaboration__isnull=True),
                name="followup_builtin_has_no_collaboration",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def builtin(self) -> bool:
        return bool(self.builtin_id)

    @property
    def name(self) -> str:
        if (get_language() or "sv").startswith("en") and self.name_en:
            return self.name_en
        return self.name_sv

    @property
    def description(self) -> str:
        if (get_language() or "sv").startswith("en") and self.description_en:
            return self.description_en
        return self.description_sv

    @property
    def is_manual(self) -> bool:
        return self.source == "manual"

    @property
    def is_qualitative(self) -> bool:
        return self.source == "qualitative"


class Goal(models.Model):
    """A goal in plain words, tied to a focus area (or the collaboration itself) and a level."""

    code = CodeField()
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="followup_goals"
    )
    title = models.CharField(_("goal"), max_length=300)
    description = models.TextField(_("what it means"), blank=True)
    focus_area = models.PositiveSmallIntegerField(
        _("focus area"),
        null=True,
        blank=True,
        help_text=_("Empty when the goal is about the collaboration itself."),
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    position = models.PositiveSmallIntegerField(default=0)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = tenant_manager("collaboration")

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        constraints = [
            models.CheckConstraint(
                condition=Q(focus_area__isnull=True) | Q(focus_area__in=[1, 2, 3]),
                name="followup_goal_focus_area_1_to_3",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def focus_area_label(self) -> str:
        from samverka.activities.models import FocusArea

        if self.focus_area is None:
            return str(_("The collaboration itself"))
        return str(FocusArea(self.focus_area).label)


class PlanIndicator(models.Model):
    """An indicator of the library following one goal: its periods, baseline and target."""

    code = CodeField()
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="indicators")
    definition = models.ForeignKey(
        IndicatorDefinition,
        verbose_name=_("indicator"),
        on_delete=models.PROTECT,
        related_name="plan_indicators",
    )
    period_kind = models.CharField(
        _("followed per"), max_length=10, choices=PeriodKind.choices, default=PeriodKind.HALF
    )
    baseline_value = models.DecimalField(
        _("baseline"), max_digits=10, decimal_places=1, null=True, blank=True
    )
    baseline_period = models.CharField(_("baseline period"), max_length=10, blank=True)
    target_value = models.DecimalField(
        _("target"), max_digits=10, decimal_places=1, null=True, blank=True
    )
    target_period = models.CharField(_("target period"), max_length=10, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    decisions = models.ManyToManyField(
        "assessment.LearningDecision",
        verbose_name=_("learning decisions about it"),
        blank=True,
        related_name="followup_indicators",
    )
    position = models.PositiveSmallIntegerField(default=0)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = tenant_manager("goal__collaboration")

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("plan indicator")
        verbose_name_plural = _("plan indicators")

    def __str__(self):
        return self.definition.name

    @property
    def collaboration(self):
        return self.goal.collaboration


class ManualValue(models.Model):
    """The value of a hand-entered indicator for one period, with where it comes from."""

    indicator = models.ForeignKey(PlanIndicator, on_delete=models.CASCADE, related_name="values")
    period = models.CharField(_("period"), max_length=10)
    value = models.DecimalField(_("value"), max_digits=10, decimal_places=1)
    source_note = models.CharField(_("source"), max_length=300)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(default=timezone.now)

    objects = tenant_manager("indicator__goal__collaboration")

    class Meta:
        ordering = ["period"]
        verbose_name = _("value")
        verbose_name_plural = _("values")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period"], name="followup_one_value_per_period"
            ),
        ]

    def __str__(self):
        return f"{self.period}: {self.value}"


class EvidenceKind(models.TextChoices):
    OBSERVATION = "observation", _("Observation")
    QUOTE = "quote", _("Quote")
    STORY = "story", _("Story")


class EvidenceSource(models.TextChoices):
    LEARNING_SESSION = "learning_session", _("Learning session")
    ACTIVITY = "activity", _("Activity")
    SURVEY_ROUND = "survey_round", _("Survey round")
    OTHER = "other", _("Other")


class EvidenceNote(models.Model):
    """A qualitative note (observation, quote, story) about a goal or an indicator in a period.

    Read by the steering group and in national comparisons, so it must not identify a
    participant (`samverka.lib.privacy`)."""

    code = CodeField()
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="evidence_notes"
    )
    goal = models.ForeignKey(
        Goal,
        verbose_name=_("goal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="evidence",
    )
    indicator = models.ForeignKey(
        PlanIndicator,
        verbose_name=_("indicator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="evidence",
    )
    period = models.CharField(_("period"), max_length=10)
    kind = models.CharField(_("kind"), max_length=20, choices=EvidenceKind.choices)
    text = models.TextField(_("note"))
    source = models.CharField(
        _("source"), max_length=20, choices=EvidenceSource.choices, default=EvidenceSource.OTHER
    )
    learning_session = models.ForeignKey(
        "assessment.LearningSession",
        verbose_name=_("learning session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    activity = models.ForeignKey(
        "activities.Activity",
        verbose_name=_("activity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    survey_round = models.ForeignKey(
        "surveys.Round",
        verbose_name=_("survey round"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    added_value = models.CharField(
        _("added value"), max_length=20, choices=AddedValue.choices, blank=True
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    written_at = models.DateTimeField(auto_now_add=True)

    objects = tenant_manager("collaboration")

    class Meta:
        ordering = ["-period", "-written_at"]
        verbose_name = _("evidence note")
        verbose_name_plural = _("evidence notes")

    def __str__(self):
        return f"{self.get_kind_display()} {self.period}"
