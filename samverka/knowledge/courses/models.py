"""Training: courses with modules (national, shared), and course runs in a collaboration.

A run's attendees are platform people, volunteers of the roster, or external attendees who are
recorded by organisation and role only (never a name). Attendees are not participants: nothing
here is ever read by the participant register or the funder count.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.lib.fields import CodeField
from samverka.lib.scoping import tenant_manager
from samverka.orgs.models import OrganisationKind


class Course(models.Model):
    code = CodeField()
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("what the course is about"), blank=True)
    audience = models.CharField(_("for whom"), max_length=300, blank=True)
    builtin_key = models.CharField(max_length=60, unique=True, null=True, blank=True)
    builtin_hash = models.CharField(max_length=64, blank=True)
    # Set when an editor changes a built-in course: the installer then leaves it alone.
    edited = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def __str__(self):
        return self.title

    @property
    def builtin(self) -> bool:
        return bool(self.builtin_key)


class Module(models.Model):
    code = CodeField()
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="modules")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    key = models.CharField(max_length=60, blank=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    learning_goals = models.TextField(
        _("learning goals"), blank=True, help_text=_("One goal per line.")
    )
    case_description = models.TextField(_("case"), blank=True)
    reflection_questions = models.TextField(
        _("reflection questions"), blank=True, help_text=_("One question per line.")
    )
    materials = models.ManyToManyField(
        "knowledge.Item", verbose_name=_("material from the bank"), blank=True, related_name="+"
    )

    class Meta:
        ordering = ["course", "order", "id"]
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def __str__(self):
        return self.title

    @staticmethod
    def _lines(text: str) -> list[str]:
        return [line.strip(" -•\t") for line in (text or "").splitlines() if line.strip(" -•\t")]

    def goal_list(self) -> list[str]:
        return self._lines(self.learning_goals)

    def question_list(self) -> list[str]:
        return self._lines(self.reflection_questions)


class RunForm(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    DIGITAL = "digital", _("Digital")


class CourseRun(models.Model):
    code = CodeField()
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="course_runs"
    )
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="runs")
    starts_on = models.DateField(_("date"))
    ends_on = models.DateField(_("last date"), null=True, blank=True)
    form = models.CharField(_("form"), max_length=10, choices=RunForm.choices)
    trainer = models.CharField(_("trainer"), max_length=200)
    organiser = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    place = models.CharField(_("place or link"), max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = tenant_manager("collaboration")

    class Meta:
        ordering = ["-starts_on", "id"]
        verbose_name = _("course run")
        verbose_name_plural = _("course runs")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="knowledge_run_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.course} {self.starts_on:%Y-%m-%d}"


class TraineeRole(models.TextChoices):
    """Whom the competence work reaches (the programme's focus area 1)."""

    STAFF = "staff", _("Staff")
    CLUB_LEADER = "club_leader", _("Club or activity leader")
    VOLUNTEER = "volunteer", _("Volunteer")


class Attendee(models.Model):
    """One person at a course run: a platform person, a volunteer, or an external attendee
    recorded only by organisation and role (no name is ever stored for them)."""

    code = CodeField()
    run = models.ForeignKey(CourseRun, on_delete=models.CASCADE, related_name="attendees")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    volunteer = models.ForeignKey(
        "knowledge.Volunteer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="trainings",
    )
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation_name = models.CharField(
        _("organisation (if not in Samverka)"), max_length=200, blank=True
    )
    organisation_kind = models.CharField(
        _("kind of organisation"), max_length=30, choices=OrganisationKind.choices
    )
    role = models.CharField(_("role"), max_length=20, choices=TraineeRole.choices)
    added_at = models.DateTimeField(default=timezone.now)

    objects = tenant_manager("run__collaboration")

    class Meta:
        ordering = ["added_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["run", "user"],
                condition=Q(user__isnull=False),
                name="knowledge_attendee_user_once",
            ),
            models.UniqueConstraint(
                fields=["run", "volunteer"],
                condition=Q(volunteer__isnull=False),
                name="knowledge_attendee_volunteer_once",
            ),
        ]

    def __str__(self):
        return self.code

    @property
    def is_external(self) -> bool:
        return self.user_id is None and self.volunteer_id is None

    def organisation_label(self) -> str:
        return str(self.organisation) if self.organisation_id else self.organisation_name


class Completion(models.Model):
    """An attendee completed a module at a run."""

    attendee = models.ForeignKey(Attendee, on_delete=models.CASCADE, related_name="completions")
    module = models.ForeignKey(Module, on_delete=models.PROTECT, related_name="completions")
    completed_on = models.DateField(_("completed on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = tenant_manager("attendee__run__collaboration")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["attendee", "module"], name="knowledge_completed_once"),
        ]

    def __str__(self):
        return f"{self.attendee_id} {self.module_id}"
