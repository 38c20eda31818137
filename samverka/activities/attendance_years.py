"""AttendanceYear kept in step with attendance and sessions.

A row per participant and year holds a bit per month in which the participant attended at
least one session that was held (not cancelled). Only the attendance services call `refresh`,
in the transaction that wrote: `samverka.activities.services.attendance_record` (and its bulk
variant `attendance_record_bulk`) for the participants and years concerned, and
`session_update` when a session's date or cancellation changes. `rebuild` recomputes the whole
table in one statement (migrations, a large bulk load, `rebuild_report_tables`).
`attended_between` is the read the funder count uses.
"""

import calendar
from collections.abc import Iterable
from datetime import date

from django.db import connection, transaction
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.functions import Cast, ExtractMonth, ExtractYear

from samverka.activities.models import Attendance, AttendanceYear
from samverka.lib.derived import count_differences, replace_all

CHUNK = 2000
ALL_MONTHS = (1 << 12) - 1


def _bit():
    """The bit of a session's month: 1 for January … 2048 for December."""
    return Value(1).bitleftshift(Cast(ExtractMonth("session__date"), IntegerField()) - 1)


def _month_bits(attendance):
    """Distinct (participant id, year, month bit) of held sessions in `attendance`."""
    return (
        attendance.filter(session__cancelled=False)
        .order_by()
        .values(
            "participant_id",
            y=Cast(ExtractYear("session__date"), IntegerField()),
            b=_bit(),
        )
        .distinct()
    )


@transaction.atomic
def refresh(participant_ids: Iterable[int], years: Iterable[int] | None = None) -> None:
    """Recompute the rows of these participants for these years (None: every year)."""
    ids = sorted(set(participant_ids))
    in_years, rows = Q(), AttendanceYear.objects.all()
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
        months: dict[tuple[int, int], int] = {}
        for pid, year, bit in _month_bits(
            Attendance.objects.filter(in_years, participant_id__in=chunk)
        ).values_list("participant_id", "y", "b"):
            months[(pid, year)] = months.get((pid, year), 0) | bit
        AttendanceYear.objects.bulk_create(
            AttendanceYear(participant_id=pid, year=year, months=bits)
            for (pid, year), bits in months.items()
        )


def _derived(attendance_model=Attendance) -> tuple[str, tuple]:
    """SQL selecting (participant id, year, months) as derived from the attendance rows.

    PostgreSQL ors the month bits in one pass (BIT_OR: 22 s for 20 million rows, where making
    them distinct first took minutes); elsewhere months are made distinct first and then added
    up (a sum of distinct powers of two is their bitwise or).
    """
    if connection.vendor == "postgresql":
        from django.contrib.postgres.aggregates import BitOr

        held = attendance_model.objects.filter(session__cancelled=False).order_by()
        query = held.values(
            "participant_id", y=Cast(ExtractYear("session__date"), IntegerField())
        ).annotate(m=BitOr(_bit()))
        return query.values_list("participant_id", "y", "m").query.sql_with_params()
    sql, params = _month_bits(attendance_model.objects.all()).query.sql_with_params()
    derived = f"SELECT participant_id, y, SUM(b) FROM ({sql}) bits GROUP BY participant_id, y"  # noqa: S608
    return derived, params


COLUMNS = ["participant_id", "year", "months"]


@transaction.atomic
def rebuild(attendance_model=Attendance, year_model=AttendanceYear) -> int:
    """Recompute the whole table; returns its number of rows.

    The models can be a migration's historical ones.
    """
    return replace_all(year_model, COLUMNS, *_derived(attendance_model))


def out_of_step() -> int:
    """How many rows the table lacks or has too many, compared with a rebuild."""
    return count_differences(AttendanceYear, COLUMNS, *_derived())


def _month_end(day: date) -> int:
    return calendar.monthrange(day.year, day.month)[1]


def _month_mask(first: int, last: int) -> int:
    """Bits for the months first..last (1-12) of a year."""
    return ((1 << last) - 1) & ~((1 << (first - 1)) - 1)


def _split(first: date, last: date) -> tuple[int, list[tuple[date, date]]]:
    """For first..last within one year: the bits of the whole months it covers, and the
    ranges of days in months it covers only in part."""
    ranges = []
    first_whole, last_whole = first.month, last.month
    if first.day != 1:
        ranges.append((first, min(last, first.replace(day=_month_end(first)))))
        first_whole += 1
    if last.day != _month_end(last) and (first_whole <= last.month):
        ranges.append((max(first, last.replace(day=1)), last))
        last_whole -= 1
    if first_whole > last_whole:
        return 0, ranges
    return _month_mask(first_whole, last_whole), ranges


def attended_between(start: date, end: date) -> Q:
    """A filter on participants: attended at least one held session dated start..end.

    Whole months are read from AttendanceYear; days of a month the period covers only in part
    from the attendance rows themselves (a period of whole months never reads those).
    """
    masks: dict[int, int] = {}
    ranges: list[tuple[date, date]] = []
    for year in range(start.year, end.year + 1):
        mask, partial = _split(max(start, date(year, 1, 1)), min(end, date(year, 12, 31)))
        if mask:
            masks[year] = mask
        ranges += partial
    ids = []
    if masks:
        rows = AttendanceYear.objects.filter(year__in=list(masks))
        if any(mask != ALL_MONTHS for mask in masks.values()):
            wanted = Case(
                *(When(year=year, then=Value(mask)) for year, mask in masks.items()),
                default=Value(0),
                output_field=IntegerField(),
            )
            rows = rows.annotate(hit=F("months").bitand(wanted)).filter(hit__gt=0)
        ids.append(rows.order_by().values("participant_id"))
    if ranges:
        days = Q()
        for first, last in ranges:
            days |= Q(session__date__gte=first, session__date__lte=last)
        held = Attendance.objects.filter(days, session__cancelled=False)
        ids.append(held.order_by().values("participant_id"))
    if not ids:
        return Q(pk__in=[])
    # One subquery (a union when both parts are needed) lets the database join it once.
    return Q(pk__in=ids[0] if len(ids) == 1 else ids[0].union(ids[1]))
