"""ActivityAttendanceYear kept in step with attendance and sessions.

A row per participant, activity and year holds how many held (not cancelled) sessions of the
activity the participant attended in each month (`sessions_1` … `sessions_12`, NULL for none):
what the follow-up plan's attendance indicators count from (`samverka.followup.sources`).
`refresh` is the one writer, called beside `attendance_years.refresh` in the transaction that
wrote: by `samverka.activities.services.attendance_record` (and its bulk variant
`attendance_record_bulk`) for the participants and years concerned, and by `session_update`
when a session's date or cancellation changes. Nothing about the participant is kept here, so a
change of the participant needs nothing; erasing one removes their rows by cascade. `rebuild`
recomputes the whole table in one statement (the migration, a large bulk load,
`rebuild_report_tables`); `out_of_step` is its check.
"""

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.db.models import Count, IntegerField, Q
from django.db.models.functions import Cast, ExtractMonth, ExtractYear

from samverka.activities.models import ActivityAttendanceYear, Attendance
from samverka.lib.derived import count_differences, replace_all

CHUNK = 2000
SESSIONS = [f"sessions_{month}" for month in range(1, 13)]
COLUMNS = ["participant_id", "activity_id", "collaboration_id", "year", *SESSIONS]


def _held_months(attendance):
    """(participant, activity, collaboration, year, month, sessions attended) of the held
    sessions in `attendance`."""
    return (
        attendance.filter(session__cancelled=False)
        .order_by()
        .values_list(
            "participant_id",
            "session__activity_id",
            "session__activity__collaboration_id",
            Cast(ExtractYear("session__date"), IntegerField()),
            Cast(ExtractMonth("session__date"), IntegerField()),
        )
        .annotate(n=Count("participant_id"))
    )


@transaction.atomic
def refresh(participant_ids: Iterable[int], years: Iterable[int] | None = None) -> None:
    """Recompute the rows of these participants for these years (None: every year) from their
    attendance rows."""
    ids = sorted(set(participant_ids))
    in_years, rows = Q(), ActivityAttendanceYear.objects.all()
    if years is not None:
        years = sorted(set(years))
        if not years:
            return
        for year in years:
            in_years |= Q(
                session__date__gte=date(year, 1, 1), session__date__lte=date(year, 12, 31)
            )
        rows = rows.filter(year__in=years)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        rows.filter(participant_id__in=chunk).delete()
        kept: dict[tuple, list[int | None]] = {}
        for pid, activity, collaboration, year, month, n in _held_months(
            Attendance.objects.filter(in_years, participant_id__in=chunk)
        ):
            kept.setdefault((pid, activity, collaboration, year), [None] * 12)[month - 1] = n
        ActivityAttendanceYear.objects.bulk_create(
            ActivityAttendanceYear(
                participant_id=pid,
                activity_id=activity,
                collaboration_id=collaboration,
                year=year,
                **dict(zip(SESSIONS, months, strict=True)),
            )
            for (pid, activity, collaboration, year), months in kept.items()
        )


def _derived(attendance_model=Attendance) -> tuple[str, tuple]:
    """SQL selecting COLUMNS (by those names) as derived from the attendance rows."""
    held = (
        attendance_model.objects.filter(session__cancelled=False)
        .order_by()
        .values(
            "participant_id",
            a=Cast("session__activity_id", IntegerField()),
            c=Cast("session__activity__collaboration_id", IntegerField()),
            y=Cast(ExtractYear("session__date"), IntegerField()),
            m=Cast(ExtractMonth("session__date"), IntegerField()),
        )
    )
    sql, params = held.query.sql_with_params()
    months = ", ".join(
        f"SUM(CASE WHEN m = {month} THEN 1 END) AS sessions_{month}" for month in range(1, 13)
    )
    derived = (
        f"SELECT participant_id, a AS activity_id, c AS collaboration_id, y AS year, {months} "  # noqa: S608
        f"FROM ({sql}) held GROUP BY participant_id, a, c, y"
    )
    return derived, params


@transaction.atomic
def rebuild(attendance_model=Attendance, year_model=ActivityAttendanceYear) -> int:
    """Recompute the whole table; returns its number of rows (the models can be a migration's
    historical ones)."""
    derived, params = _derived(attendance_model)
    chosen = f"SELECT {', '.join(COLUMNS)} FROM ({derived}) derived"  # noqa: S608
    return replace_all(year_model, COLUMNS, chosen, params)


def out_of_step() -> int:
    """How many rows the table lacks or has too many, compared with a rebuild."""
    return count_differences(ActivityAttendanceYear, COLUMNS, *_derived())
