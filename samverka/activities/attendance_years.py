"""AttendanceYear kept in step with attendance, sessions, participants and consent.

A row per participant and year holds a bit per month in which the participant attended at
least one session that was held (not cancelled), a bit per day of each month attended
(`days_1` … `days_12`, so that a period of part months needs no attendance rows), and what the
funder count groups by: the
participant's collaboration, birth year, gender and third-country status, and whether their
latest funder-reporting consent says "given". `refresh` is the one writer, called in the
transaction that wrote by `samverka.activities.services.attendance_record` (and its bulk variant
`attendance_record_bulk`) for the participants and years concerned, by `session_update` when a
session's date or cancellation changes, and with `years=()` by `participant_update` and the
consent writers (`consent_record` and its bulk variant) when what the count groups by changes.
`rebuild` recomputes the whole table in one statement (migrations, a large bulk load,
`rebuild_report_tables`). `attended_between` and `counted_between` are the reads the funder
count uses.
"""

import calendar
from collections.abc import Iterable
from datetime import date

from django.db import connection, transaction
from django.db.models import Exists, F, IntegerField, OuterRef, Q
from django.db.models.functions import Cast, ExtractDay, ExtractMonth, ExtractYear

from samverka.activities.models import Attendance, AttendanceYear
from samverka.lib.derived import count_differences, replace_all

CHUNK = 2000
ALL_MONTHS = (1 << 12) - 1
ATTRIBUTES = ["collaboration_id", "birth_year", "gender", "third_country_national", "counted"]
DAYS = [f"days_{month}" for month in range(1, 13)]  # bit d - 1 for day d of month 1 … 12
FUNDER_REPORTING = "funder_reporting"  # participants.ConsentPurpose.FUNDER_REPORTING


def _held_days(attendance, *, distinct: bool = True):
    """(participant id, year, month, day) of held sessions in `attendance`, distinct unless the
    caller folds repeats away itself (BIT_OR)."""
    days = (
        attendance.filter(session__cancelled=False)
        .order_by()
        .values(
            "participant_id",
            y=Cast(ExtractYear("session__date"), IntegerField()),
            m=Cast(ExtractMonth("session__date"), IntegerField()),
            d=Cast(ExtractDay("session__date"), IntegerField()),
        )
    )
    return days.distinct() if distinct else days


def _consent_given(state_model, participant="participant_id"):
    return Exists(
        state_model.objects.filter(
            participant_id=OuterRef(participant), purpose=FUNDER_REPORTING, given=True
        )
    )


def _attributes(ids: list[int]) -> dict[int, tuple]:
    """participant id -> the values of ATTRIBUTES, from the participant and its consent."""
    from samverka.participants.models import ConsentState, Participant

    return {
        pid: rest
        for pid, *rest in Participant.objects.filter(pk__in=ids)
        .order_by()
        .annotate(c=_consent_given(ConsentState, "pk"))
        .values_list(
            "pk", "collaboration_id", "birth_year", "gender", "third_country_national", "c"
        )
    }


@transaction.atomic
def refresh(participant_ids: Iterable[int], years: Iterable[int] | None = None) -> None:
    """Bring the rows of these participants in step: the months of these years (None: every
    year; an empty list: none, for a change of what the count groups by) recomputed from the
    attendance rows, and the grouping attributes of all their rows from the participant and its
    consent."""
    ids = sorted(set(participant_ids))
    in_years, rows = Q(), AttendanceYear.objects.all()
    if years is not None:
        years = sorted(set(years))
        for year in years:
            in_years |= Q(
                session__date__gte=date(year, 1, 1), session__date__lte=date(year, 12, 31)
            )
        rows = rows.filter(year__in=years)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        attributes = _attributes(chunk)
        if years is None or years:
            rows.filter(participant_id__in=chunk).delete()
            days: dict[tuple[int, int], list[int | None]] = {}
            for pid, year, month, day in _held_days(
                Attendance.objects.filter(in_years, participant_id__in=chunk)
            ).values_list("participant_id", "y", "m", "d"):
                of_year = days.setdefault((pid, year), [None] * 12)
                of_year[month - 1] = (of_year[month - 1] or 0) | 1 << (day - 1)
            AttendanceYear.objects.bulk_create(
                AttendanceYear(
                    participant_id=pid,
                    year=year,
                    months=sum(1 << m for m, bits in enumerate(of_year) if bits),
                    **dict(zip(DAYS, of_year, strict=True)),
                    **dict(zip(ATTRIBUTES, attributes[pid], strict=True)),
                )
                for (pid, year), of_year in days.items()
                if pid in attributes
            )
        if years is None:
            continue  # every row was just written with the current attributes
        stale = []
        for row in AttendanceYear.objects.filter(participant_id__in=chunk).exclude(year__in=years):
            wanted = attributes.get(row.participant_id)
            if wanted is not None and tuple(getattr(row, a) for a in ATTRIBUTES) != wanted:
                for name, value in zip(ATTRIBUTES, wanted, strict=True):
                    setattr(row, name, value)
                stale.append(row)
        AttendanceYear.objects.bulk_update(stale, ATTRIBUTES, batch_size=CHUNK)


def refresh_consent() -> None:
    """Every row's consent from ConsentState, in one statement: after ConsentState is rebuilt
    as a whole (a large load of the ledger)."""
    from samverka.participants.models import ConsentState

    AttendanceYear.objects.update(counted=_consent_given(ConsentState))


def _derived(attendance_model=Attendance, state_model=None) -> tuple[str, tuple]:
    """SQL selecting COLUMNS (participant id, year, months, *ATTRIBUTES, *DAYS, by those names)
    as derived from the attendance rows, the participants and their consent.

    PostgreSQL ors the day bits of each month in one pass (BIT_OR … FILTER: 22 s for 20 million
    rows, where making them distinct first took minutes); elsewhere days are made distinct
    first and then added up (a sum of distinct powers of two is their bitwise or). The month
    bits follow from which months have days. The attributes are joined on afterwards, one row
    per participant and year.
    """
    if state_model is None:
        from samverka.participants.models import ConsentState as state_model
    postgres = connection.vendor == "postgresql"
    held = _held_days(attendance_model.objects.all(), distinct=not postgres)
    if postgres:
        days = ", ".join(
            f"BIT_OR(1 << (d - 1)) FILTER (WHERE m = {month}) AS days_{month}"
            for month in range(1, 13)
        )
    else:
        days = ", ".join(
            f"SUM(CASE WHEN m = {month} THEN 1 << (d - 1) END) AS days_{month}"
            for month in range(1, 13)
        )
    sql, params = held.values_list("participant_id", "y", "m", "d").query.sql_with_params()
    months = " + ".join(
        f"(CASE WHEN a.days_{month} IS NULL THEN 0 ELSE {1 << (month - 1)} END)"
        for month in range(1, 13)
    )
    participant = attendance_model._meta.get_field("participant").related_model
    people = participant._meta.db_table
    states = state_model._meta.db_table
    qn = connection.ops.quote_name
    derived = (
        f"SELECT a.participant_id, a.y AS year, {months} AS months, "  # noqa: S608
        f"p.collaboration_id, p.birth_year, p.gender, p.third_country_national, "
        f"EXISTS (SELECT 1 FROM {qn(states)} s WHERE s.participant_id = a.participant_id "
        f"AND s.purpose = %s AND s.given) AS counted, "
        f"{', '.join(f'a.{name}' for name in DAYS)} "
        f"FROM (SELECT participant_id, y, {days} FROM ({sql}) held GROUP BY participant_id, y) a "
        f"JOIN {qn(people)} p ON p.id = a.participant_id"
    )
    return derived, (FUNDER_REPORTING, *params)  # in the order of the placeholders


COLUMNS = ["participant_id", "year", "months", *ATTRIBUTES, *DAYS]


@transaction.atomic
def rebuild(attendance_model=Attendance, year_model=AttendanceYear, state_model=None) -> int:
    """Recompute the whole table; returns its number of rows.

    The models can be a migration's historical ones (the columns they have are written).
    """
    names = {f.attname for f in year_model._meta.concrete_fields}
    columns = [c for c in COLUMNS if c in names]
    derived, params = _derived(attendance_model, state_model)
    chosen = f"SELECT {', '.join(columns)} FROM ({derived}) derived"  # noqa: S608
    return replace_all(year_model, columns, chosen, params)


def out_of_step() -> int:
    """How many rows the table lacks or has too many, compared with a rebuild."""
    return count_differences(AttendanceYear, COLUMNS, *_derived())


def _month_end(day: date) -> int:
    return calendar.monthrange(day.year, day.month)[1]


def _bits(first: int, last: int) -> int:
    """Bits first - 1 .. last - 1: the months first..last (1-12) of a year, or the days
    first..last (1-31) of a month."""
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
    return _bits(first_whole, last_whole), ranges


def _in_period(rows, start: date, end: date):
    """`rows` (AttendanceYear) narrowed to the years of start..end and to those that attended
    a held session dated start..end.

    Whole months are read from the month bits, the days of a month the period covers only in
    part from that month's day bits: the rows alone answer any period (whole calendar years
    take every row of those years).
    """
    years, hit, bits = [], Q(), {}
    for year in range(start.year, end.year + 1):
        years.append(year)
        mask, partial = _split(max(start, date(year, 1, 1)), min(end, date(year, 12, 31)))
        if mask == ALL_MONTHS:
            hit |= Q(year=year)
            continue
        if mask:
            bits[f"hit{len(bits)}"] = F("months").bitand(mask)
            hit |= Q(year=year, **{f"hit{len(bits) - 1}__gt": 0})
        for first, last in partial:
            bits[f"hit{len(bits)}"] = F(f"days_{first.month}").bitand(_bits(first.day, last.day))
            hit |= Q(year=year, **{f"hit{len(bits) - 1}__gt": 0})
    rows = rows.filter(year__in=years)
    return rows.alias(**bits).filter(hit) if bits else rows


def attended_between(start: date, end: date) -> Q:
    """A filter on participants: attended at least one held session dated start..end."""
    rows = _in_period(AttendanceYear.objects.order_by(), start, end)
    return Q(pk__in=rows.values("participant_id"))


def counted_between(start: date, end: date):
    """The rows the funder count groups: participants counted for funder reporting (consent
    given) who attended at least one held session dated start..end.

    One row per participant and year of the period (a period over several years may hold two
    rows of one participant, with the same attributes: count distinct participants). Whole
    months are read from the rows' month bits, days of a month the period covers only in part
    from that month's day bits; no attendance row is read.
    """
    return _in_period(AttendanceYear.objects.filter(counted=True).order_by(), start, end)
