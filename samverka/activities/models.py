from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from samverka.lib.fields import CodeField
from samverka.lib.scoping import tenant_manager


class FocusArea(models.IntegerChoices):
    COLLABORATION = 1, _("1. Collaboration, systematics and competence")
    LEISURE = 2, _("2. Meaningful leisure")
    PARENT_SUPPORT = 3, _("3. Complementary parent support")


class ActivityType(models.TextChoices):
    LEISURE = "leisure", _("Leisure activity")
    EXCURSION = "excursion", _("Excursion")
    CONVERSATION_GROUP = "conversation_group", _("Conversation group")
    PARENT_GROUP = "parent_group", _("Parent group")
    SUPPORT_TALK = "support_talk", _("Individual support talk")
    TRAINING = "training", _("Training")
    DIALOGUE_FORUM = "dialogue_forum", _("Dialogue forum")
    MEETING_PLACE = "meeting_place", _("Meeting place")
    OTHER = "other", _("Other")


class TargetGroup(models.TextChoices):
    CHILDREN_6_12 = "children_6_12", _("Children 6–12")
    OTHER_CHILDREN = "other_children", _("Other children")
    GUARDIANS = "guardians", _("Parents and guardians")
    FAMILIES = "families", _("Whole families")
    PROFESSIONALS = "professionals", _("Professionals")
    VOLUNTEERS = "volunteers", _("Volunteers")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class Activity(models.Model):
    code = CodeField()
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="activities"
    )
    name = models.CharField(_("name"), max_length=200)
    focus_area = models.PositiveSmallIntegerField(_("focus area"), choices=FocusArea.choices)
    type = models.CharField(_("type"), max_length=30, choices=ActivityType.choices)
    target_groups = models.JSONField(_("target groups"), default=list, blank=True)
    partners = models.ManyToManyField(
        "orgs.Organisation", verbose_name=_("partner organisations involved"), blank=True
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    leaders = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("leaders"),
        blank=True,
        related_name="led_activities",
    )
    recurring = models.BooleanField(_("recurring weekly"), default=False)
    starts_on = models.DateField(_("first date"))
    ends_on = models.DateField(_("last date"), null=True, blank=True)
    weekday = models.PositiveSmallIntegerField(
        _("weekday"), choices=Weekday.choices, null=True, blank=True
    )
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    # Breaks (school breaks) a weekly schedule skips, as [first, last] ISO date pairs; public
    # holidays are skipped anyway (samverka/activities/calendar.py).
    breaks = models.JSONField(_("breaks"), default=list, blank=True)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = tenant_manager("collaboration")

    class Meta:
        ordering = ["focus_area", "name"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "name"], name="activity_unique_name_in_collaboration"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="activity_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(end_time__isnull=True)
                | Q(start_time__isnull=True)
                | Q(end_time__gt=F("start_time")),
                name="activity_end_time_after_start_time",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_parent_group(self) -> bool:
        return self.type == ActivityType.PARENT_GROUP

    def target_group_labels(self) -> list[str]:
        return [TargetGroup(v).label for v in self.target_groups if v in TargetGroup.values]


class Theme(models.Model):
    """A theme in a parent group's plan, chosen together with the group."""

    code = CodeField()
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="themes")
    title = models.CharField(_("theme"), max_length=200)
    planned_for = models.DateField(_("planned for"), null=True, blank=True)
    chosen_by_group = models.BooleanField(_("chosen with the group"), default=True)
    order = models.PositiveSmallIntegerField(default=0)

    objects = tenant_manager("activity__collaboration")

    class Meta:
        ordering = ["order", "planned_for", "id"]
        verbose_name = _("theme")
        verbose_name_plural = _("theme plan")

    def __str__(self):
        return self.title


class Session(models.Model):
    code = CodeField()
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    leaders = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("leaders"), blank=True, related_name="+"
    )
    volunteers = models.PositiveSmallIntegerField(_("number of volunteers"), default=0)
    note = models.CharField(_("short note"), max_length=500, blank=True)
    cancelled = models.BooleanField(_("cancelled"), default=False)
    # Raised by every saved attendance list: two leaders cannot silently overwrite each other.
    version = models.PositiveIntegerField(default=0, editable=False)
    attendance_saved_at = models.DateTimeField(null=True, blank=True, editable=False)
    attendance_saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = tenant_manager("activity__collaboration")

    class Meta:
        ordering = ["date", "start_time"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "date", "start_time"],
                name="session_unique_time_per_activity",
            ),
        ]
        indexes = [
            # The held sessions of a few days (a period's part months, activity_years): read
            # from the index alone.
            models.Index(
                fields=["date", "activity"],
                condition=Q(cancelled=False),
                name="session_held_on",
            ),
        ]

    def __str__(self):
        return f"{self.activity} {self.date:%Y-%m-%d}"

    def too_early_for_attendance(self, now=None) -> str | None:
        """Why attendance cannot be recorded yet (attendance_too_early), or None."""
        return attendance_too_early(self.date, self.start_time, now)


def attendance_too_early(day, start_time=None, now=None) -> str | None:
    """The one rule for when attendance may be recorded (the attendance page, its writer and
    the import): once the session has started. A session on a later day has not; one today
    has not before its start time (when it has one). Returns why not, or None.
    """
    now = timezone.localtime(now) if now is not None else timezone.localtime()
    today = now.date()
    if day > today:
        when = day.isoformat()
    elif day == today and start_time is not None and start_time > now.time():
        when = f"{day.isoformat()} {start_time:%H:%M}"
    else:
        return None
    return gettext(
        "The session of %(when)s has not started yet: attendance is recorded once it has."
    ) % {"when": when}


class ActivityYear(models.Model):
    """How many sessions of one activity were held (not cancelled) in one year, and in each of
    its months: what the funder count's "sessions held and activities" reads instead of the
    sessions themselves.

    Derived from Session (activity, date, cancelled), never edited by itself:
    `samverka.activities.activity_years.refresh` is its one writer, called by the services that
    create sessions or change a session's date or cancellation (`sessions_generate`,
    `session_create`, `session_update`, the import); `rebuild_report_tables` rebuilds it. A row
    exists only for a year with at least one session held. `held_<m>` counts month m.
    """

    # No index of its own: activity_year_once (activity, year) serves lookups by activity.
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    # The activity's (an activity never changes collaboration): scopes the rows.
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    year = models.PositiveSmallIntegerField()
    held = models.PositiveIntegerField()
    held_1 = models.PositiveSmallIntegerField(default=0)
    held_2 = models.PositiveSmallIntegerField(default=0)
    held_3 = models.PositiveSmallIntegerField(default=0)
    held_4 = models.PositiveSmallIntegerField(default=0)
    held_5 = models.PositiveSmallIntegerField(default=0)
    held_6 = models.PositiveSmallIntegerField(default=0)
    held_7 = models.PositiveSmallIntegerField(default=0)
    held_8 = models.PositiveSmallIntegerField(default=0)
    held_9 = models.PositiveSmallIntegerField(default=0)
    held_10 = models.PositiveSmallIntegerField(default=0)
    held_11 = models.PositiveSmallIntegerField(default=0)
    held_12 = models.PositiveSmallIntegerField(default=0)

    objects = tenant_manager("collaboration")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["activity", "year"], name="activity_year_once"),
        ]

    def __str__(self):
        return f"{self.activity_id} {self.year}: {self.held}"


class Attendance(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendances")
    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="attendances"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = tenant_manager("session__activity__collaboration")

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "participant"], name="attendance_once_per_session"
            ),
        ]

    def __str__(self):
        return f"{self.participant_id} @ {self.session_id}"


class AttendanceYear(models.Model):
    """The months of one year in which a participant attended at least one held session, with
    what the funder count groups by.

    Derived from Attendance and Session (date, cancelled) and from the participant (its
    collaboration, birth year, gender, third-country status) and its current funder-reporting
    consent (ConsentState), never edited by itself: `samverka.activities.attendance_years.refresh`
    is its one writer, called by the writers of attendance (`attendance_record` and its bulk
    variant `attendance_record_bulk` in `samverka.activities.services`), `session_update`,
    `participant_update` and the consent writers; `rebuild_report_tables` rebuilds it.
    The funder count is a grouped count over these rows, already in the shape of the answer
    (README, Performance). `months` has bit 0 for January … bit 11 for December; `days_<m>`
    the days of month m.
    """

    # No index of its own: attendance_year_once (participant, year) serves lookups by participant.
    participant = models.ForeignKey(
        "participants.Participant",
        on_delete=models.CASCADE,
        related_name="attendance_years",
        db_index=False,
    )
    year = models.PositiveSmallIntegerField()
    months = models.PositiveSmallIntegerField()
    # The participant's, kept in step (see above).
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    birth_year = models.PositiveSmallIntegerField(null=True)
    gender = models.CharField(max_length=12)
    third_country_national = models.CharField(max_length=8)
    counted = models.BooleanField(default=False)  # funder-reporting consent given, as of now
    # The days attended in each month (days_1 January … days_12 December): bit 0 for the 1st …
    # bit 30 for the 31st, NULL for a month without any, so that a period covering a month only
    # in part is answered from these rows too.
    days_1 = models.IntegerField(null=True)
    days_2 = models.IntegerField(null=True)
    days_3 = models.IntegerField(null=True)
    days_4 = models.IntegerField(null=True)
    days_5 = models.IntegerField(null=True)
    days_6 = models.IntegerField(null=True)
    days_7 = models.IntegerField(null=True)
    days_8 = models.IntegerField(null=True)
    days_9 = models.IntegerField(null=True)
    days_10 = models.IntegerField(null=True)
    days_11 = models.IntegerField(null=True)
    days_12 = models.IntegerField(null=True)

    objects = tenant_manager("collaboration")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["participant", "year"], name="attendance_year_once"),
        ]
        indexes = [
            # One year's counted rows: attended_between and the funder count.
            models.Index(
                fields=["year", "counted", "months", "participant"], name="attendance_year_scan"
            ),
            # One collaboration's rows of a year (its own funder count, its page): 8 ms instead
            # of a 42 ms scan of every row at medium size (EXPLAIN ANALYZE).
            models.Index(fields=["collaboration", "year"], name="attendance_year_collaboration"),
        ]

    def __str__(self):
        return f"{self.participant_id} {self.year} {self.months:012b}"


class ActivityAttendanceYear(models.Model):
    """How many held sessions of one activity a participant attended in each month of one year:
    what the follow-up plan's attendance indicators (unique participants, retention, households
    where a child and a guardian took part) are counted from, so that a plan page reads a row
    per participant and activity instead of their attendance rows.

    Derived from Attendance and Session (date, cancelled), never edited by itself:
    `samverka.activities.activity_attendance_years.refresh` is its one writer, called beside
    AttendanceYear's by the writers of attendance (`attendance_record`, `attendance_record_bulk`)
    and by `session_update`; `rebuild_report_tables` rebuilds and checks it. `sessions_<m>` is
    the number for month m (1 January … 12 December), NULL for a month without any.
    """

    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="+")
    # The activity's (a participant attends only their own collaboration's sessions).
    collaboration = models.ForeignKey(
        "orgs.Collaboration", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    year = models.PositiveSmallIntegerField()
    sessions_1 = models.PositiveSmallIntegerField(null=True)
    sessions_2 = models.PositiveSmallIntegerField(null=True)
    sessions_3 = models.PositiveSmallIntegerField(null=True)
    sessions_4 = models.PositiveSmallIntegerField(null=True)
    sessions_5 = models.PositiveSmallIntegerField(null=True)
    sessions_6 = models.PositiveSmallIntegerField(null=True)
    sessions_7 = models.PositiveSmallIntegerField(null=True)
    sessions_8 = models.PositiveSmallIntegerField(null=True)
    sessions_9 = models.PositiveSmallIntegerField(null=True)
    sessions_10 = models.PositiveSmallIntegerField(null=True)
    sessions_11 = models.PositiveSmallIntegerField(null=True)
    sessions_12 = models.PositiveSmallIntegerField(null=True)

    objects = tenant_manager("collaboration")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "activity", "year"], name="activity_attendance_year_once"
            ),
        ]
        indexes = [
            # A collaboration's rows of some years: the follow-up plan page.
            models.Index(fields=["collaboration", "year"], name="activity_attendance_year_scan"),
        ]

    def __str__(self):
        return f"{self.participant_id} {self.activity_id} {self.year}"


class Headcount(models.Model):
    """Anonymous count for open events, and what remains of erased participants."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="headcounts")
    age_band = models.CharField(_("age band"), max_length=10)
    gender = models.CharField(_("gender"), max_length=12)
    count = models.PositiveIntegerField(_("count"), default=0)

    objects = tenant_manager("session__activity__collaboration")

    class Meta:
        verbose_name = _("headcount")
        verbose_name_plural = _("headcounts")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "age_band", "gender"], name="headcount_one_cell_per_session"
            ),
        ]

    def __str__(self):
        return f"{self.session_id} {self.age_band} {self.gender}: {self.count}"


class AttendanceSubmission(models.Model):
    """Idempotency: a resent save (flaky network, double tap) is recognised and ignored."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = tenant_manager("session__activity__collaboration")

    def __str__(self):
        return self.key
