"""Consultations: each time children were asked, what they raised, what was decided, and how
and when they were told back (Lundy: space, voice, audience, influence).

Children are never identified: counts by age band only, and texts are checked for participant
codes (`samverka.lib.privacy`) before they are saved.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.lib.fields import CodeField
from samverka.lib.scoping import tenant_manager


class Method(models.TextChoices):
    CIRCLE_TALK = "circle_talk", _("Circle talk")
    DRAWINGS = "drawings", _("Drawings")
    WALK_AND_TALK = "walk_and_talk", _("Walk-and-talk")
    CHILD_SURVEY = "child_survey", _("Child survey")
    DIALOGUE_FORUM = "dialogue_forum", _("Dialogue forum")
    CHILDREN_COUNCIL = "children_council", _("Children's council")
    OTHER = "other", _("Other way")


class FeedbackMethod(models.TextChoices):
    AT_ACTIVITY = "at_activity", _("Told at the activity")
    POSTER = "poster", _("“Ni sa – vi gjorde” poster")
    MEETING = "meeting", _("At a meeting with the children")
    FAMILIES = "families", _("Message to the families")
    OTHER = "other", _("Other way")


class Consultation(models.Model):
    """One time children were asked. Who took part is never stored: counts by age band only."""

    code = CodeField()
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="consultations"
    )
    held_on = models.DateField(_("date"))
    topic = models.CharField(
        _("what the children were asked"),
        max_length=200,
        help_text=_("For example: What would make the leisure club better?"),
    )
    method = models.CharField(_("how"), max_length=20, choices=Method.choices)
    activity = models.ForeignKey(
        "activities.Activity",
        verbose_name=_("activity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    session = models.ForeignKey(
        "activities.Session",
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # {age band label: number of children}, bands from samverka.lib.agebands.
    children_by_age = models.JSONField(_("children by age band"), default=dict, blank=True)
    listeners = models.ManyToManyField(
        "accounts.Membership", verbose_name=_("members who listened"), blank=True, related_name="+"
    )
    told_back_on = models.DateField(_("told back on"), null=True, blank=True)
    told_back_how = models.CharField(
        _("how the children were told"), max_length=20, choices=FeedbackMethod.choices, blank=True
    )
    told_back_note = models.TextField(_("what the children were told"), blank=True)
    told_back_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = tenant_manager("collaboration")

    class Meta:
        ordering = ["-held_on", "-created_at"]
        verbose_name = _("consultation with children")
        verbose_name_plural = _("consultations with children")
        constraints = [
            models.CheckConstraint(
                condition=Q(told_back_on__isnull=True) | ~Q(told_back_how=""),
                name="consultation_told_back_says_how",
            ),
        ]

    def __str__(self):
        return self.topic

    @property
    def children_total(self) -> int:
        return sum(int(n) for n in (self.children_by_age or {}).values())

    @property
    def told_back(self) -> bool:
        return self.told_back_on is not None


class Voice(models.Model):
    """What the children raised: a theme and, where noted, their own words (never names)."""

    code = CodeField()
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="voices")
    theme = models.CharField(_("theme"), max_length=200)
    words = models.TextField(
        _("in the children's own words"),
        blank=True,
        help_text=_("Quotes without names or codes, one per line."),
    )
    order = models.PositiveSmallIntegerField(default=0)

    objects = tenant_manager("consultation__collaboration")

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("what the children raised")
        verbose_name_plural = _("what the children raised")

    def __str__(self):
        return self.theme

    def quotes(self) -> list[str]:
        return [line.strip() for line in self.words.splitlines() if line.strip()]


class DecisionStatus(models.TextChoices):
    PLANNED = "planned", _("Decided, not done yet")
    DONE = "done", _("Done")
    NOT_POSSIBLE = "not_possible", _("Not possible")


class Decision(models.Model):
    """What was decided in response to the children, by whom and by when."""

    code = CodeField()
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="decisions"
    )
    voice = models.ForeignKey(
        Voice,
        verbose_name=_("in answer to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decisions",
    )
    text = models.CharField(_("what was decided"), max_length=500)
    decided_by = models.CharField(
        _("decided by"),
        max_length=200,
        help_text=_("Title and organisation, for example: Head of leisure, Kalmar municipality."),
    )
    due_on = models.DateField(_("to be done by"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=DecisionStatus.choices, default=DecisionStatus.PLANNED
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    note = models.TextField(
        _("note"), blank=True, help_text=_("If it was not possible: why, in words for children.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = tenant_manager("consultation__collaboration")

    class Meta:
        ordering = ["due_on", "created_at"]
        verbose_name = _("decision in response")
        verbose_name_plural = _("decisions in response")

    def __str__(self):
        return self.text

    @property
    def is_open(self) -> bool:
        return self.status == DecisionStatus.PLANNED

    @property
    def is_due(self) -> bool:
        return self.is_open and self.due_on is not None and self.due_on <= timezone.localdate()
