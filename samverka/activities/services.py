"""Workflows for activities, sessions and attendance.

`attendance_record` is the one writer of a session's attendance and `attendance_record_bulk`
its bulk variant (imports, the demo, seed_synthetic); with `session_update` (a session's date
or cancellation) they are the only code that keeps the derived AttendanceYear and
ActivityAttendanceYear in step (README, "Derived tables"). The services that create sessions
(`sessions_generate`, `session_create`) and `session_update` keep ActivityYear (sessions held)
in step.
"""

import datetime
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import repeat
from typing import TypedDict, Unpack

from django.db import IntegrityError, transaction
from django.utils import timezone

from samverka.activities import (
    activity_attendance_years,
    activity_years,
    attendance_years,
    calendar,
)
from samverka.activities.models import (
    Activity,
    Attendance,
    AttendanceSubmission,
    Headcount,
    Session,
    Theme,
)
from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record, save_audited
from samverka.lib.bulk import DerivedBulk

MAX_GENERATED_SESSIONS = 200


class AttendanceConflict(Exception):
    """Somebody else saved this session's attendance after the form was opened."""

    def __init__(self, session: Session):
        super().__init__("attendance conflict")
        self.session = session


class AttendanceTooEarly(Exception):
    """The session has not started: nobody can have attended it yet (the message says so,
    `samverka.activities.models.attendance_too_early`)."""


class AttendanceOutsideCollaboration(Exception):
    """Someone to be marked present belongs to another collaboration than the session's."""


@dataclass
class AttendanceResult:
    added: int = 0
    removed: int = 0
    duplicate: bool = False


def session_dates(activity: Activity) -> list[date]:
    """The dates a schedule produces: one date, or every chosen weekday up to the last date
    except Swedish public holidays and the activity's listed breaks (`calendar.skipped`)."""
    if not activity.recurring:
        return [activity.starts_on]
    end = activity.ends_on or activity.starts_on
    weekday = activity.weekday if activity.weekday is not None else activity.starts_on.weekday()
    first = activity.starts_on + timedelta(days=(weekday - activity.starts_on.weekday()) % 7)
    dates, day = [], first
    while day <= end and len(dates) < MAX_GENERATED_SESSIONS:
        if not calendar.skipped(activity, day):
            dates.append(day)
        day += timedelta(days=7)
    return dates


@transaction.atomic
def sessions_generate(*, activity: Activity, by) -> int:
    """Create the missing sessions of the activity's schedule; existing ones are kept."""
    existing = set(activity.sessions.values_list("date", flat=True))
    leaders = list(activity.leaders.all())
    created = 0
    for day in session_dates(activity):
        if day in existing:
            continue
        session = Session.objects.create(
            activity=activity, date=day, start_time=activity.start_time, end_time=activity.end_time
        )
        session.leaders.set(leaders)
        created += 1
    if created:
        activity_years.refresh([activity.pk])
        audit_record(
            actor=by,
            action=AuditAction.CREATE,
            obj=activity,
            collaboration=activity.collaboration,
            fields=["sessions"],
            detail=f"{created} sessions",
        )
    return created


class ActivityFields(TypedDict, total=False):
    """What an activity is made of (ActivityForm's fields)."""

    name: str
    focus_area: int
    type: str
    target_groups: list[str]
    partners: Iterable
    place: str
    leaders: Iterable
    recurring: bool
    starts_on: date
    ends_on: date | None
    weekday: int | None
    start_time: datetime.time | None
    end_time: datetime.time | None
    description: str
    breaks: list[list[str]]


@transaction.atomic
def activity_create(*, collaboration, by, **fields: Unpack[ActivityFields]) -> Activity:
    """Create an activity and the sessions of its schedule."""
    activity = Activity(collaboration=collaboration)
    save_audited(activity, fields, by=by)
    sessions_generate(activity=activity, by=by)
    return activity


@transaction.atomic
def activity_update(*, activity: Activity, by, **fields: Unpack[ActivityFields]) -> int:
    """Change an activity; sessions its new schedule has and it lacks are added (returns how
    many)."""
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    save_audited(activity, fields, by=by)
    return sessions_generate(activity=activity, by=by)


def _claim_submission(session: Session, key: str) -> bool:
    """True the first time a submission key is seen; False for a resend."""
    if not key:
        return True
    try:
        with transaction.atomic():
            AttendanceSubmission.objects.create(session=session, key=key)
    except IntegrityError:
        return False
    return True


def _lock_and_check(session: Session, version: int) -> Session:
    locked = Session.objects.select_for_update().get(pk=session.pk)
    if locked.version != version:
        raise AttendanceConflict(locked)
    return locked


def _user(by):
    """`by` as a row's user: None for a command or the demo (no one logged in)."""
    return by if getattr(by, "is_authenticated", False) else None


def _mark_saved(session: Session, by) -> None:
    session.version += 1
    session.attendance_saved_at = timezone.now()
    session.attendance_saved_by = _user(by)
    session.save(update_fields=["version", "attendance_saved_at", "attendance_saved_by"])


@transaction.atomic
def attendance_record(
    *, session: Session, add: Iterable[int] = (), remove: Iterable[int] = (), by
) -> AttendanceResult:
    """The one writer of a session's attendance: mark the participants `add` (ids) present
    and those in `remove` absent, all or nothing.

    Who is already present (or absent) is passed over. AttendanceYear follows in the same
    transaction, the list counts as saved (its version goes up, so a form opened before sees
    a conflict) and the change is recorded in the audit trail. Marking anyone present at a
    session that has not started is refused (AttendanceTooEarly; removing is allowed), and so
    is marking anyone of another collaboration present (AttendanceOutsideCollaboration).
    """
    locked = Session.objects.select_for_update().select_related("activity").get(pk=session.pk)
    add, remove = set(add), set(remove)
    if add and (problem := locked.too_early_for_attendance()):
        raise AttendanceTooEarly(problem)
    if add:
        participants = Attendance._meta.get_field("participant").related_model.objects
        inside = participants.filter(
            pk__in=add, collaboration_id=locked.activity.collaboration_id
        ).values_list("pk", flat=True)
        if outside := add - set(inside):
            raise AttendanceOutsideCollaboration(sorted(outside))
    current = set(
        locked.attendances.filter(participant_id__in=add | remove).values_list(
            "participant_id", flat=True
        )
    )
    to_add, to_remove = add - current, (remove - add) & current
    Attendance.objects.bulk_create(
        [Attendance(session=locked, participant_id=pid, recorded_by=_user(by)) for pid in to_add]
    )
    locked.attendances.filter(participant_id__in=to_remove).delete()
    attendance_years.refresh(to_add | to_remove, [locked.date.year])
    activity_attendance_years.refresh(to_add | to_remove, [locked.date.year])
    _mark_saved(locked, by)
    audit_record(
        actor=by,
        action=AuditAction.UPDATE,
        obj=locked,
        collaboration=locked.activity.collaboration,
        fields=["attendance"],
        detail=f"+{len(to_add)} -{len(to_remove)}",
    )
    session.version = locked.version
    return AttendanceResult(added=len(to_add), removed=len(to_remove))


@transaction.atomic
def attendance_add_new(
    *,
    session: Session,
    by,
    household,
    role: str,
    birth_year: int | None,
    gender: str,
    third_country_national: str,
    display_name: str = "",
    funder_consent: bool = False,
    key: str = "",
) -> "Participant | None":  # noqa: F821 (participants imports activities)
    """Register someone on the spot (the attendance page's quick-add) and save them as
    present at the session, in one transaction. Consent to funder reporting, when given, was
    asked aloud: by a guardian for a child (the one consent rule), verbally. A resent form
    (same `key`, e.g. a reload) adds nobody and returns None."""
    from samverka.participants.models import ConsentMethod, consent_giver_default
    from samverka.participants.services import participant_create

    if not _claim_submission(session, key):
        return None
    participant = participant_create(
        collaboration=session.activity.collaboration,
        by=by,
        household=household,
        role=role,
        birth_year=birth_year,
        gender=gender,
        third_country_national=third_country_national,
        language="sv",
        display_name=display_name,
        consents={"funder_reporting": True} if funder_consent else {},
        consent_given_by=consent_giver_default(
            role=role, birth_year=birth_year, on=timezone.localdate()
        ),
        consent_method=ConsentMethod.VERBAL,
    )
    attendance_record(session=session, add=[participant.pk], by=by)
    return participant


@transaction.atomic
def attendance_save(
    *, session: Session, present: set[int], version: int, key: str, by
) -> AttendanceResult:
    """Replace the session's attendance list with `present` (participant ids), all or nothing.

    A resent submission (same key) changes nothing. If someone else saved after `version`
    was read, AttendanceConflict is raised and nothing is written.
    """
    if not _claim_submission(session, key):
        return AttendanceResult(duplicate=True)
    locked = _lock_and_check(session, version)
    current = set(locked.attendances.values_list("participant_id", flat=True))
    result = attendance_record(
        session=locked, add=present - current, remove=current - present, by=by
    )
    session.version = locked.version
    return result


class _AttendanceDerived:
    """The tables derived from attendance, brought in step together by the bulk writer."""

    @staticmethod
    def refresh(participant_ids) -> None:
        ids = set(participant_ids)
        attendance_years.refresh(ids)
        activity_attendance_years.refresh(ids)

    @staticmethod
    def rebuild() -> None:
        attendance_years.rebuild()
        activity_attendance_years.rebuild()


class AttendanceBulk(DerivedBulk):
    """Attendance rows in bulk: see `attendance_record_bulk`."""

    model = Attendance
    columns = ["session_id", "participant_id", "recorded_at", "recorded_by_id"]
    derived = _AttendanceDerived
    batch_size = 100_000

    def add(
        self,
        session_id: int,
        participant_ids: Iterable[int],
        *,
        recorded_at: datetime.datetime | None = None,
        recorded_by=None,
    ) -> None:
        """These participants (ids) were at the session; recorded now by the writer's `by`
        unless told otherwise."""
        ids = list(participant_ids)
        recorder = self.by_id if recorded_by is None else recorded_by.pk
        at = recorded_at or timezone.now()
        self.sink.extend(
            self._rows(len(ids), repeat(session_id), ids, repeat(at), repeat(recorder))
        )
        if not self.large:
            self.participants.update(ids)


def attendance_record_bulk(*, by, large: bool = False) -> AbstractContextManager[AttendanceBulk]:
    """The bulk variant of `attendance_record`, for imports, the demo and seed_synthetic:

        with attendance_record_bulk(by=user) as attendance:
            attendance.add(session.pk, participant_ids)

    One transaction; when the block ends, the rest is written and AttendanceYear is brought in
    step (`large`: see `samverka.lib.bulk.DerivedBulk`). Attendance already saved is passed
    over. Sessions' versions and the audit trail are the caller's: an import marks the lists
    it added to as saved and records them, seed_synthetic records one line for everything.
    """
    return AttendanceBulk.writing(by=by, large=large)


@transaction.atomic
def headcount_save(
    *, session: Session, counts: dict[tuple[str, str], int], version: int, key: str, by
) -> AttendanceResult:
    """Set the anonymous headcount cells (age band, gender) of a session, all or nothing.
    Counting people at a session that has not started is refused (AttendanceTooEarly), by the
    attendance rule; setting every cell to 0 is allowed."""
    if any(counts.values()) and (problem := session.too_early_for_attendance()):
        raise AttendanceTooEarly(problem)
    if not _claim_submission(session, key):
        return AttendanceResult(duplicate=True)
    locked = _lock_and_check(session, version)
    for (band, gender), count in counts.items():
        if count:
            Headcount.objects.update_or_create(
                session=locked, age_band=band, gender=gender, defaults={"count": count}
            )
        else:
            Headcount.objects.filter(session=locked, age_band=band, gender=gender).delete()
    _mark_saved(locked, by)
    audit_record(
        actor=by,
        action=AuditAction.UPDATE,
        obj=locked,
        collaboration=locked.activity.collaboration,
        fields=["headcount"],
    )
    session.version = locked.version
    return AttendanceResult()


class SessionFields(TypedDict, total=False):
    """What a session is made of (SessionForm's fields)."""

    date: date
    start_time: datetime.time | None
    end_time: datetime.time | None
    theme: str
    leaders: Iterable
    volunteers: int
    note: str
    cancelled: bool


@transaction.atomic
def session_create(*, activity: Activity, by, **fields: Unpack[SessionFields]) -> Session:
    session = Session(activity=activity)
    save_audited(session, fields, by=by, collaboration=activity.collaboration)
    activity_years.refresh([activity.pk])
    return session


@transaction.atomic
def session_update(*, session: Session, by, **fields: Unpack[SessionFields]) -> Session:
    """Change a session. A new date or a cancellation (or its end) changes who counts as
    having attended in which month: AttendanceYear follows in the same transaction."""
    session = Session.objects.select_for_update().select_related("activity").get(pk=session.pk)
    before = session.date, session.cancelled
    save_audited(session, fields, by=by, collaboration=session.activity.collaboration)
    if (session.date, session.cancelled) != before:
        activity_years.refresh([session.activity_id])
        attending = list(session.attendances.values_list("participant_id", flat=True))
        years = {before[0].year, session.date.year}
        attendance_years.refresh(attending, years)
        activity_attendance_years.refresh(attending, years)
    return session


@transaction.atomic
def theme_add(
    *,
    activity: Activity,
    by,
    title: str,
    planned_for: date | None = None,
    chosen_by_group: bool = True,
) -> Theme:
    theme = Theme(activity=activity, order=activity.themes.count())
    data = {"title": title, "planned_for": planned_for, "chosen_by_group": chosen_by_group}
    save_audited(theme, data, by=by, collaboration=activity.collaboration)
    return theme


@transaction.atomic
def theme_remove(*, theme, by) -> None:
    activity = theme.activity
    theme.delete()
    audit_record(
        actor=by,
        action=AuditAction.DELETE,
        obj=activity,
        collaboration=activity.collaboration,
        fields=["themes"],
    )
