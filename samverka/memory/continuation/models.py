"""What becomes of each activity when the project ends (the report's "transition" phase).

One record per activity; an activity without one has no decided future. The record is changed
as the decision matures; the audit trail keeps who changed which field when.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samverka.lib.fields import CodeField
from samverka.lib.scoping import tenant_manager


class Future(models.TextChoices):
    UNDECIDED = "undecided", _("Not decided")
    ENDS = "ends", _("Ends with the project")
    ORDINARY = "ordinary", _("Continues in ordinary operations")
    OTHER_FUNDING = "other_funding", _("Continues with other funding")
    HANDED_OVER = "handed_over", _("Handed over to another organisation")

    @classmethod
    def continuing(cls) -> list[str]:
        """The futures in which the activity lives on after the project."""
        return [cls.ORDINARY, cls.OTHER_FUNDING, cls.HANDED_OVER]

    @classmethod
    def with_owner(cls) -> list[str]:
        """The futures that need an organisation to carry the activity."""
        return [cls.ORDINARY, cls.HANDED_OVER]


class DecisionForum(models.TextChoices):
    STEERING_GROUP = "steering_group", _("Steering group")
    LEARNING_SESSION = "learning_session", _("Learning session")
    WORKING_GROUP = "working_group", _("Working group")
    POLITICAL = "political", _("Committee or council")
    MANAGEMENT = "management", _("Management of a department or organisation")
    BOARD = "board", _("The association's board")
    OTHER = "other", _("Elsewhere")


class Continuation(models.Model):
    code = CodeField()
    activity = models.OneToOneField(
        "activities.Activity", on_delete=models.CASCADE, related_name="continuation"
    )
    future = models.CharField(
        _("what becomes of it"), max_length=20, choices=Future.choices, default=Future.UNDECIDED
    )
    owner = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("future owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The organisation that runs the activity after the project."),
    )
    funding = models.CharField(
        _("funding"),
        max_length=300,
        blank=True,
        help_text=_("Who pays, from when and for how long."),
    )
    decided_on = models.DateField(_("date decided"), null=True, blank=True)
    decided_in = models.CharField(
        _("where it was decided"), max_length=30, choices=DecisionForum.choices, blank=True
    )
    learning_session = models.ForeignKey(
        "assessment.LearningSession",
        verbose_name=_("learning session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("If it was decided at one of the collaboration's learning sessions."),
    )
    note = models.TextField(
        _("note"),
        blank=True,
        help_text=_("What the decision rests on, conditions, what the next team should know."),
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = tenant_manager("activity__collaboration")

    class Meta:
        verbose_name = _("continuation")
        verbose_name_plural = _("continuations")
        constraints = [
            # A decision has a date: "decided" without a when cannot be followed up.
            models.CheckConstraint(
                condition=Q(future="undecided") | Q(decided_on__isnull=False),
                name="continuation_decision_has_date",
            ),
            # Ordinary operations and a hand-over need someone who carries the activity on.
            models.CheckConstraint(
                condition=~Q(future__in=["ordinary", "handed_over"]) | Q(owner__isnull=False),
                name="continuation_owner_named",
            ),
            # Other funding must say which.
            models.CheckConstraint(
                condition=~Q(future="other_funding") | ~Q(funding=""),
                name="continuation_funding_named",
            ),
        ]

    def __str__(self):
        return f"{self.activity}: {self.get_future_display()}"

    @property
    def collaboration(self):
        return self.activity.collaboration

    @property
    def is_decided(self) -> bool:
        return self.future != Future.UNDECIDED

    @property
    def continues(self) -> bool:
        return self.future in Future.continuing()
