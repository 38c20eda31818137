"""Workflows for activities, sessions and attendance."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from samverka.activities import attendance_years
from samverka.activities.models import (
    Activity,
    Attendance,
    AttendanceSubmission,
    Headcount,
    Session,
)
from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record, audit_saved

MAX_GENERATED_SESSIONS = 200


class AttendanceConflict(Exception):
    """Somebody else saved this session's attendance after the form was opened."""

    def __init__(self, session: Session):
        super().__init__("attendance conflict")
        self.session = session


@dataclass
class AttendanceResult:
    added: int = 0
    removed: int = 0
    duplicate: bool = False


def session_dates(activity: Activity) -> list[date]:
    """The dates a schedule produces: one date, or every chosen weekday up to the last date."""
    if not activity.recurring:
        return [activity.starts_on]
    end = activity.ends_on or activity.starts_on
    weekday = activity.weekday if activity.weekday is not None else activity.starts_on.weekday()
    first = activity.starts_on + timedelta(days=(weekday - activity.starts_on.weekday()) % 7)
    dates, day = [], first
    while day <= end and len(dates) < MAX_GENERATED_SESSIONS:
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
        audit_record(
            actor=by,
            action=AuditAction.CREATE,
            obj=activity,
            collaboration=activity.collaboration,
            fields=["sessions"],
            detail=f"{created} sessions",
        )
    return created


@transaction.atomic
def activity_save(*, form, by) -> Activity:
    created = form.instance.pk is None
    activity = form.save()
    audit_saved(
        actor=by,
        obj=activity,
        created=created,
        fields=form.changed_data,
        collaboration=activity.collaboration,
    )
    if created:
        sessions_generate(activity=activity, by=by)
    return activity


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


def _mark_saved(session: Session, by) -> None:
    session.version += 1
    session.attendance_saved_at = timezone.now()
    session.attendance_saved_by = by if getattr(by, "is_authenticated", False) else None
    session.save(update_fields=["version", "attendance_saved_at", "attendance_saved_by"])


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
    to_add, to_remove = present - current, current - present
    Attendance.objects.bulk_create(
        [Attendance(session=locked, participant_id=pid, recorded_by=by) for pid in to_add]
    )
    locked.attendances.filter(participant_id__in=to_remove).delete()
    attendance_years.refresh(to_add | to_remove, [locked.date.year])
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
def headcount_save(
    *, session: Session, counts: dict[tuple[str, str], int], version: int, key: str, by
) -> AttendanceResult:
    """Set the anonymous headcount cells (age band, gender) of a session, all or nothing."""
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


@transaction.atomic
def session_save(*, form, by) -> Session:
    """Create or change a session from a valid SessionForm."""
    created = form.instance.pk is None
    before = None if created else Session.objects.get(pk=form.instance.pk)
    session = form.save()
    if before is not None and (before.date, before.cancelled) != (session.date, session.cancelled):
        # Who attended now counts for another month, or no longer counts as having attended.
        attendance_years.refresh(
            session.attendances.values_list("participant_id", flat=True),
            {before.date.year, session.date.year},
        )
    audit_saved(
        actor=by,
        obj=session,
        created=created,
        fields=form.changed_data,
        collaboration=session.activity.collaboration,
    )
    return session


@transaction.atomic
def theme_add(*, activity: Activity, form, by):
    theme = form.save(commit=False)
    theme.activity = activity
    theme.order = activity.themes.count()
    theme.save()
    audit_record(
        actor=by, action=AuditAction.CREATE, obj=theme, collaboration=activity.collaboration
    )
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
