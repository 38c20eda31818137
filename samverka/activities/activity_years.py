"""ActivityYear kept in step with the sessions: how many were held per activity, year and month.

The funder count's "sessions held and activities per focus area" read these rows instead of
every session of the period (a calendar year: one row per activity, where it grouped 140,000
sessions at medium size). `refresh` is the one writer, called in the transaction that created
sessions or changed a session's date or cancellation (`sessions_generate`, `session_create`,
`session_update`, the import); it recomputes every row of the activities concerned (an
activity has at most a few hundred sessions). Deleting an activity removes its rows by cascade.
`rebuild` recomputes the whole table in one statement (migrations, a large bulk load,
`rebuild_report_tables`). `held_between` is the read the funder count uses.
"""

from collections import Counter
from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.db.models import Count, F, IntegerField, Q
from django.db.models.functions import Cast, ExtractYear

from samverka.activities.attendance_years import ALL_MONTHS, _split
from samverka.activities.models import ActivityYear, Session
from samverka.lib.derived import count_differences, replace_all

CHUNK = 2000
HELD = [f"held_{month}" for month in range(1, 13)]  # sessions held in month 1 … 12
COLUMNS = ["activity_id", "collaboration_id", "year", "held", *HELD]


def _derived(sessions):
    """The rows (COLUMNS, by those names) derived from `sessions`: per activity and year, the
    sessions held, in all and in each month."""
    return (
        sessions.filter(cancelled=False)
        .order_by()
        .values(
            "activity_id",
            collaboration_id=F("activity__collaboration_id"),
            year=Cast(ExtractYear("date"), IntegerField()),
        )
        .annotate(
            held=Count("pk"),
            **{
                name: Count("pk", filter=Q(date__month=month))
                for month, name in enumerate(HELD, start=1)
            },
        )
        .values(*COLUMNS)
    )


@transaction.atomic
def refresh(activity_ids: Iterable[int]) -> None:
    """Recompute every row of these activities from their sessions."""
    ids = sorted(set(activity_ids))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        ActivityYear.objects.filter(activity_id__in=chunk).delete()
        ActivityYear.objects.bulk_create(
            ActivityYear(**row) for row in _derived(Session.objects.filter(activity_id__in=chunk))
        )


def _sql(session_model=Session) -> tuple[str, tuple]:
    sql, params = _derived(session_model.objects.all()).query.sql_with_params()
    return f"SELECT {', '.join(COLUMNS)} FROM ({sql}) derived", params  # noqa: S608


@transaction.atomic
def rebuild(session_model=Session, year_model=ActivityYear) -> int:
    """Recompute the whole table; returns its number of rows. The models can be a migration's
    historical ones."""
    return replace_all(year_model, COLUMNS, *_sql(session_model))


def out_of_step() -> int:
    """How many rows the table lacks or has too many, compared with a rebuild."""
    return count_differences(ActivityYear, COLUMNS, *_sql())


def held_between(start: date, end: date, collaborations=None) -> Counter:
    """activity id -> sessions held dated start..end (activities without any left out);
    `collaborations` (ids) limits them to those collaborations' activities.

    Whole months come from the rows (a calendar year from their totals); the days of a month
    the period covers only in part are counted from those days' sessions, one range of days a
    query (read from the index `session_held_on` alone, where an OR of ranges read the table).
    """
    rows = ActivityYear.objects.order_by()
    sessions = Session.objects.filter(cancelled=False).order_by()
    if collaborations is not None:
        rows = rows.filter(collaboration_id__in=collaborations)
        sessions = sessions.filter(activity__collaboration_id__in=collaborations)
    held: Counter = Counter()
    days = []
    for year in range(start.year, end.year + 1):
        mask, partial = _split(max(start, date(year, 1, 1)), min(end, date(year, 12, 31)))
        days.extend(partial)
        if not mask:
            continue
        if mask == ALL_MONTHS:
            total = F("held")
        else:
            months = [name for bit, name in enumerate(HELD) if mask & (1 << bit)]
            total = sum((F(name) for name in months[1:]), F(months[0]))
        for activity_id, n in (
            rows.filter(year=year).annotate(n=total).filter(n__gt=0).values_list("activity_id", "n")
        ):
            held[activity_id] += n
    for first, last in days:  # a range a query, each read from the index session_held_on
        for activity_id, n in (
            sessions.filter(date__gte=first, date__lte=last)
            .values("activity_id")
            .annotate(n=Count("*"))
            .values_list("activity_id", "n")
        ):
            held[activity_id] += n
    return held
