"""Lessons (lärdomar): what we learned, what we would do again or differently, advice to others.

A lesson belongs to its collaboration (and the collaborations that build on it). A coordinator
or municipal contact may share it nationally once a check finds no participant code and no name
of a person in it (samverka/memory/lessons/checks.py); the national lessons library lists only
lessons shared that way.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samverka.activities.models import FocusArea
from samverka.assessment.instrument import Section, elements_of
from samverka.assessment.models import DilemmaKind
from samverka.lib.fields import CodeField
from samverka.lib.scoping import tenant_manager
from samverka.orgs.models import Phase


class AddedValue(models.TextChoices):
    """The report's four added values of collaboration (and civil society's role in each)."""

    FUNCTIONAL = "functional", _("Functional – service improver")
    ALTRUISTIC = "altruistic", _("Altruistic – value bearer")
    EMOTIONAL = "emotional", _("Emotional – trust builder")
    SOCIAL = "social", _("Social – community builder")


def element_choices() -> list[tuple[str, object]]:
    """The strategic and operational elements of the model for local collaboration."""
    return [
        (element.key, element.name)
        for section in (Section.STRATEGIC, Section.OPERATIONAL)
        for element in elements_of(section)
    ]


# The texts of a lesson, in the order they are read (and checked before sharing).
TEXT_FIELDS = ("title", "learned", "again", "differently", "advice")


class Lesson(models.Model):
    code = CodeField()
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="lessons"
    )
    title = models.CharField(
        _("the lesson in one sentence"),
        max_length=200,
        help_text=_("For example: Parent groups need an interpreter from the first meeting."),
    )
    learned = models.TextField(_("what we learned"))
    again = models.TextField(_("what we would do again"), blank=True)
    differently = models.TextField(_("what we would do differently"), blank=True)
    advice = models.TextField(_("advice to others"), blank=True)
    focus_area = models.PositiveSmallIntegerField(
        _("focus area"), choices=FocusArea.choices, null=True, blank=True
    )
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices, blank=True)
    element = models.CharField(
        _("collaboration element"), max_length=30, choices=element_choices(), blank=True
    )
    added_value = models.CharField(
        _("added value"), max_length=20, choices=AddedValue.choices, blank=True
    )
    dilemma_kind = models.CharField(
        _("dilemma"), max_length=30, choices=DilemmaKind.choices, blank=True
    )
    learning_session = models.ForeignKey(
        "assessment.LearningSession",
        verbose_name=_("from the learning session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dilemma = models.ForeignKey(
        "assessment.Dilemma",
        verbose_name=_("from the dilemma"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    shared_at = models.DateTimeField(_("shared nationally"), null=True, blank=True)
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = tenant_manager("collaboration")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        indexes = [
            # The national library lists shared lessons, newest first.
            models.Index(
                fields=["-shared_at"], name="lesson_shared", condition=Q(shared_at__isnull=False)
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_shared(self) -> bool:
        return self.shared_at is not None

    def texts(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in TEXT_FIELDS}

    def tag_labels(self) -> list[str]:
        """The lesson's tags, in the reader's language."""
        labels = []
        if self.focus_area:
            labels.append(self.get_focus_area_display())
        for name in ("phase", "element", "added_value", "dilemma_kind"):
            if getattr(self, name):
                labels.append(getattr(self, f"get_{name}_display")())
        return labels
