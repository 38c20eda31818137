"""AttendanceYear kept in step with attendance, sessions, participants and consent.

A row per participant and year holds a bit per month in which the participant attended at
least one session that was held (not cancelled), and what the funder count groups by: the
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
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, Value, When
from django.db.models.functions import Cast, ExtractMonth, ExtractYear

from samverka.activities.models import Attendance, AttendanceYear
from samverka.lib.derived import count_differences, replace_all

CHUNK = 2000
ALL_MONTHS = (1 << 12) - 1
ATTRIBUTES = ["collaboration_id", "birth_year", "gender", "third_country_national", "counted"]
FUNDER_REPORTING = "funder_reporting"  # participants.ConsentPurpose.FUNDER_REPORTING


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
            months: dict[tuple[int, int], int] = {}
            for pid, year, bit in _month_bits(
                Attendance.objects.filter(in_years, participant_id__in=chunk)
            ).values_list("participant_id", "y", "b"):
                months[(pid, year)] = months.get((pid, year), 0) | bit
            AttendanceYear.objects.bulk_create(
                AttendanceYear(
                    participant_id=pid,
                    year=year,
                    months=bits,
                    **dict(zip(ATTRIBUTES, attributes[pid], strict=True)),
                )
                for (pid, year), bits in months.items()
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
    """SQL selecting (participant id, year, months, *ATTRIBUTES) as derived from the
    attendance rows, the participants and their consent.

    PostgreSQL ors the month bits in one pass (BIT_OR: 22 s for 20 million rows, where making
    them distinct first took minutes); elsewhere months are made distinct first and then added
    up (a sum of distinct powers of two is their bitwise or). The attributes are joined on
    afterwards, one row per participant and year.
    """
    if state_model is None:
        from samverka.participants.models import ConsentState as state_model
    if connection.vendor == "postgresql":
        from django.contrib.postgres.aggregates import BitOr

        held = attendance_model.objects.filter(session__cancelled=False).order_by()
        query = held.values(
            "participant_id", y=Cast(ExtractYear("session__date"), IntegerField())
        ).annotate(m=BitOr(_bit()))
        sql, params = query.values_list("participant_id", "y", "m").query.sql_with_params()
        months = f"SELECT participant_id, y, m FROM ({sql}) bits"  # noqa: S608
    else:
        sql, params = _month_bits(attendance_model.objects.all()).query.sql_with_params()
        months = (
            f"SELECT participant_id, y, SUM(b) AS m FROM ({sql}) bits "  # noqa: S608
            "GROUP BY participant_id, y"
        )
    participant = attendance_model._meta.get_field("participant").related_model
    people = participant._meta.db_table
    states = state_model._meta.db_table
    qn = connection.ops.quote_name
    derived = (
        f"SELECT a.participant_id, a.y, a.m, p.collaboration_id, p.birth_year, p.gender, "  # noqa: S608
        f"p.third_country_national, EXISTS (SELECT 1 FROM {qn(states)} s "
        f"WHERE s.participant_id = a.participant_id AND s.purpose = %s AND s.given) "
        f"FROM ({months}) a JOIN {qn(people)} p ON p.id = a.participant_id"
    )
    return derived, (FUNDER_REPORTING, *params)  # in the order of the placeholders


COLUMNS = ["participant_id", "year", "months", *ATTRIBUTES]


@transaction.atomic
def rebuild(attendance_model=Attendance, year_model=AttendanceYear, state_model=None) -> int:
    """Recompute the whole table; returns its number of rows.

    The models can be a migration's historical ones.
    """
    return replace_all(year_model, COLUMNS, *_derived(attendance_model, state_model))


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


def counted_between(start: date, end: date):
    """The rows the funder count groups: participants counted for funder reporting (consent
    given) who attended at least one held session dated start..end.

    One row per participant and year of the period (a period over several years may hold two
    rows of one participant, with the same attributes: count distinct participants). Whole
    months are read from the rows' month bits; days of a month the period covers only in part
    from the attendance rows of those days only.
    """
    masks: dict[int, int] = {}
    ranges: list[tuple[date, date]] = []
    for year in range(start.year, end.year + 1):
        mask, partial = _split(max(start, date(year, 1, 1)), min(end, date(year, 12, 31)))
        if mask:
            masks[year] = mask
        ranges += partial
    years = sorted(set(masks) | {first.year for first, _last in ranges})
    rows = AttendanceYear.objects.filter(year__in=years, counted=True).order_by()
    if masks and all(mask == ALL_MONTHS for mask in masks.values()) and not ranges:
        return rows  # whole calendar years: every row of those years
    hit = Q()
    if masks:
        wanted = Case(
            *(When(year=year, then=Value(mask)) for year, mask in masks.items()),
            default=Value(0),
            output_field=IntegerField(),
        )
        rows = rows.annotate(hit=F("months").bitand(wanted))
        hit |= Q(hit__gt=0)
    if ranges:
        days = Q()
        for first, last in ranges:
            days |= Q(session__date__gte=first, session__date__lte=last)
        held = Attendance.objects.filter(days, session__cancelled=False).order_by()
        hit |= Q(participant_id__in=held.values("participant_id"))
    return rows.filter(hit)
