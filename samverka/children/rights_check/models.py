"""The child-rights check (barnrättsbaserad prövning): a structured check of a decision that
affects children, in the steps municipalities use. It points at what it is about with a
subject kind and optional links (activity, phase change, learning decision), so the apps it is
about need not know it exists."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samverka.lib.fields import CodeField
from samverka.lib.scoping import tenant_manager
from samverka.orgs.models import Phase


class Subject(models.TextChoices):
    NEW_ACTIVITY = "new_activity", _("A new activity")
    ACTIVITY_CHANGE = "activity_change", _("Changing an activity")
    ACTIVITY_END = "activity_end", _("Ending an activity")
    PHASE_CHANGE = "phase_change", _("A phase change")
    LEARNING_DECISION = "learning_decision", _("A learning decision")
    OTHER = "other", _("Another decision")


class CheckState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    DECIDED = "decided", _("Decided")


class ChildRightsCheck(models.Model):
    code = CodeField()
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="+"
    )
    subject = models.CharField(_("what is decided"), max_length=20, choices=Subject.choices)
    title = models.CharField(
        _("the decision in a line"),
        max_length=200,
        help_text=_("For example: The bicycle workshop ends after the spring term."),
    )
    activity = models.ForeignKey(
        "activities.Activity",
        verbose_name=_("activity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    phase_change = models.ForeignKey(
        "assessment.PhaseChange",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    to_phase = models.CharField(
        _("to phase"),
        max_length=20,
        choices=Phase.choices,
        blank=True,
        help_text=_("The phase the collaboration changes (or plans to change) to."),
    )
    learning_decision = models.ForeignKey(
        "assessment.LearningDecision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The steps.
    affected_children = models.TextField(
        _("1. Which children are affected"),
        blank=True,
        help_text=_("Groups and ages, and about how many. Never names."),
    )
    children_views = models.TextField(
        _("2. What the children themselves said"),
        blank=True,
        help_text=_("Summarise, and link the consultations below."),
    )
    consultations = models.ManyToManyField(
        "children.Consultation",
        verbose_name=_("consultations"),
        blank=True,
        related_name="checks",
    )
    knowledge = models.TextField(
        _("3. What knowledge there is"),
        blank=True,
        help_text=_("Evidence, follow-up results, research; add the sources below."),
    )
    best_interests = models.TextField(_("4. The child's best interests"), blank=True)
    conflicting_interests = models.TextField(
        _("5. Conflicting interests and how they were weighed"), blank=True
    )
    decision = models.TextField(_("6. The decision"), blank=True)
    reasons = models.TextField(_("and its reasons"), blank=True)
    how_children_told = models.TextField(_("7. How the children are told"), blank=True)
    follow_up_on = models.DateField(_("8. Follow up on"), null=True, blank=True)
    followed_up_on = models.DateField(_("followed up on"), null=True, blank=True)
    follow_up_note = models.TextField(_("what the follow-up showed"), blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=CheckState.choices, default=CheckState.DRAFT
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = tenant_manager("collaboration")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("child-rights check")
        verbose_name_plural = _("child-rights checks")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state="draft") | models.Q(decided_on__isnull=False),
                name="child_rights_check_decided_has_date",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_decided(self) -> bool:
        return self.state == CheckState.DECIDED


class KnowledgeSource(models.Model):
    """A source of knowledge for a check: free text and an optional link (evidence, a report,
    later the knowledge bank)."""

    code = CodeField()
    check_record = models.ForeignKey(
        ChildRightsCheck, on_delete=models.CASCADE, related_name="sources"
    )
    title = models.CharField(_("source"), max_length=200)
    url = models.URLField(_("link"), blank=True)
    note = models.CharField(_("what it says"), max_length=500, blank=True)

    objects = tenant_manager("check_record__collaboration")

    class Meta:
        ordering = ["id"]
        verbose_name = _("source of knowledge")
        verbose_name_plural = _("sources of knowledge")

    def __str__(self):
        return self.title


class AffectsChildren(models.Model):
    """A learning decision marked as affecting children (so it asks for a check)."""

    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="+"
    )
    learning_decision = models.OneToOneField(
        "assessment.LearningDecision", on_delete=models.CASCADE, related_name="+"
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    marked_at = models.DateTimeField(auto_now_add=True)

    objects = tenant_manager("collaboration")

    class Meta:
        verbose_name = _("decision that affects children")
        verbose_name_plural = _("decisions that affect children")

    def __str__(self):
        return str(self.learning_decision_id)
