"""The sources of computed indicators: each turns what a collaboration records into one value
for one period, when the page is drawn (never stored, never a nightly job).

Rules every source keeps:
- **No data is not zero.** Nothing recorded in the period (no sessions, no answers, no closed
  self-assessment round) is `NO_DATA`; so is a share or mean whose denominator is zero.
- **Disclosure control.** Every count of people and every group behind a share or a mean goes
  through `samverka.lib.disclosure.disclosure_control` (a count from 1 to 4 is hidden; a
  breakdown is ONE controlled cube, so a hidden group cannot be worked out from the others).
  A hidden figure is `HIDDEN`, shown as hidden, never as 0. Within a group of at least five the
  share or mean is computed exactly (as in the survey results, samverka/surveys/results).
  Counts of things rather than people (sessions held, learning decisions, checklist items) are
  not controlled.

A source is `fn(ctx) -> Value`, or `many(contexts) -> [Value]` computing the values of several
periods and collaborations (the plan's periods, the national comparison's collaborations) in a
few grouped queries, however many there are; some can also break a value down
(`breakdown(ctx, dimension)`). `compute` and `compute_many` are the entries.
"""

from __future__ import annotations

import calendar
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import connection
from django.db.models import Count, F, IntegerField, Q, Sum
from django.db.models import Value as Value_
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverka.lib.disclosure import TOTAL, disclosure_control
from samverka.lib.prepared import PreparedQuery, prepared_cursor

OK, HIDDEN, NO_DATA = "ok", "hidden", "no_data"
NOT_APPLICABLE = "not_applicable"


@dataclass(frozen=True)
class Value:
    state: str
    value: float | None = None
    n: int | None = None  # the (published) group behind a share or mean

    @property
    def shown(self) -> bool:
        return self.state == OK


NO = Value(NO_DATA)
HID = Value(HIDDEN)


@dataclass
class Context:
    collaboration: object
    start: date
    end: date
    params: dict = field(default_factory=dict)
    plan_indicator: object = None
    today: date | None = None
    # What one drawing of a page reads once for several indicators (the attendance summary):
    # contexts given the same dict share it. Never kept beyond the page.
    shared: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def until(self) -> date:
        """The period's end, or today when the period has not ended (nothing is held later)."""
        today = self.today or timezone.localdate()
        return min(self.end, today)


# --- disclosure helpers -------------------------------------------------------------------


def controlled_count(count: int) -> Value:
    """A count of people: 1–4 hidden, 0 shown as 0 (people were looked for and none found)."""
    cube = disclosure_control({("all",): count}, [["all"]])
    shown = cube[("all",)]
    return HID if shown is None else Value(OK, float(shown), shown)


def controlled_group(size: int) -> bool | None:
    """Whether a group behind a share or mean may be shown: None when it is empty (no data)."""
    if size == 0:
        return None
    cube = disclosure_control({("all",): size}, [["all"]])
    return cube[("all",)] is not None


def share(numerator: int, denominator: int, *, people: bool = True) -> Value:
    if denominator == 0:
        return NO
    if people and not controlled_group(denominator):
        return HID
    return Value(OK, 100.0 * numerator / denominator, denominator)


def mean(values: list[float], *, group: int | None = None) -> Value:
    size = len(values) if group is None else group
    if not values or size == 0:
        return NO
    if not controlled_group(size):
        return HID
    return Value(OK, sum(values) / len(values), size)


def controlled_breakdown(counts: dict[str, int], groups: list[str]) -> dict[str, Value]:
    """Counts per group (and the total, TOTAL) as ONE controlled cube."""
    cube = disclosure_control({(g,): n for g, n in counts.items() if n}, [groups])
    return {
        g: (HID if cube[(g,)] is None else Value(OK, float(cube[(g,)]), cube[(g,)]))
        for g in [*groups, TOTAL]
    }


# --- many contexts at once -------------------------------------------------------------------
# The contexts of one `many` call share their params (one indicator definition); their periods
# and collaborations may differ. The grouped queries read the rows of every collaboration and
# of the span from the earliest start to the latest end at once, grouped by collaboration, with
# one filtered aggregate per distinct period ("window").


def _windows(contexts: list[Context], *, until: bool = True) -> list[tuple[date, date]]:
    """The distinct (start, end) of the contexts, in order; `until`: end at today at the latest."""
    return sorted({(ctx.start, ctx.until if until else ctx.end) for ctx in contexts})


def _window_of(ctx: Context, windows, *, until: bool = True) -> int:
    return windows.index((ctx.start, ctx.until if until else ctx.end))


def _span(windows) -> tuple[date, date]:
    return min(start for start, _end in windows), max(end for _start, end in windows)


def _rows_within(model, column: str, windows: list[tuple[date, date]]) -> Sum:
    """How many rows have `model`'s `column` (a date) in any of `windows`: a SUM of one CASE
    written out, for a query where `model`'s table is joined once. The same as
    Count(filter=Q(…)) but compiled in a fraction of its time (the plan page sums many)."""
    qn = connection.ops.quote_name
    column = f"{qn(model._meta.db_table)}.{qn(column)}"
    adapt = connection.ops.adapt_datefield_value
    tests = " OR ".join(f"({column} >= %s AND {column} <= %s)" for _window in windows)
    params = [adapt(day) for window in windows for day in window]
    return Sum(RawSQL(f"CASE WHEN {tests} THEN 1 ELSE 0 END", params, IntegerField()))  # noqa: S611


def _within(field_name: str, window: tuple[date, date]) -> Q:
    return Q(**{f"{field_name}__gte": window[0], f"{field_name}__lte": window[1]})


def _collaboration_ids(contexts: list[Context]) -> list[int]:
    return sorted({ctx.collaboration.pk for ctx in contexts})


def _by_collaboration(queryset, collaboration_field: str, **aggregates) -> dict[int, dict]:
    """One row of `aggregates` per collaboration (a collaboration without rows is missing)."""
    rows = queryset.order_by().values(group_key=F(collaboration_field)).annotate(**aggregates)
    return {row["group_key"]: row for row in rows}


def _grouped_by_first(rows) -> dict[int, list[tuple]]:
    """Rows grouped by their first field (the collaboration, a round), the rest of each kept."""
    grouped: dict[int, list[tuple]] = defaultdict(list)
    for row in rows:
        grouped[row[0]].append(row[1:])
    return grouped


# --- attendance ---------------------------------------------------------------------------


def _activity_filter(contexts: list[Context], prefix: str = "") -> Q:
    """The activities the params choose (focus area, activity, target group) of the contexts'
    collaborations, as a filter on `prefix` (e.g. "session__activity__")."""
    from samverka.activities.models import Activity

    params = contexts[0].params
    chosen: dict[str, object] = {"collaboration_id__in": _collaboration_ids(contexts)}
    if params.get("focus_area"):
        chosen["focus_area"] = int(params["focus_area"])
    if params.get("activity"):
        chosen["code"] = params["activity"]
    target_group = params.get("target_group")
    if target_group:
        rows = Activity.objects.filter(**chosen).values_list("pk", "target_groups")
        chosen = {"pk__in": [pk for pk, groups in rows if target_group in (groups or [])]}
    return Q(**{f"{prefix}{lookup}": value for lookup, value in chosen.items()})


def _held_in(contexts: list[Context]):
    """The held sessions of the chosen activities over the contexts' span."""
    from samverka.activities.models import Session

    start, end = _span(_windows(contexts))
    return Session.objects.filter(
        _activity_filter(contexts, "activity__"), cancelled=False, date__gte=start, date__lte=end
    ).order_by()


def _attended_in(contexts: list[Context]):
    """The attendance rows of held sessions of the chosen activities over the contexts' span
    (of participants of the params' role)."""
    ids = _collaboration_ids(contexts)
    start, end = _span(_windows(contexts))
    role = contexts[0].params.get("role")
    chosen = _activity_filter(contexts, "session__activity__")
    return _attended(ids, ids, start, end, role, chosen)


def _attended(collaborations, participants_of, start, end, role, chosen=None):
    """The attendance rows of held sessions from `start` to `end` of the activities of
    `collaborations` (`chosen`: of some of them) of participants of `participants_of` (of
    `role`). A participant attends only their own collaboration's sessions (the attendance
    page and the import offer no one else); saying so lets PostgreSQL read only those
    participants' rows."""
    from samverka.activities.models import Attendance

    attendances = Attendance.objects.filter(
        chosen or Q(session__activity__collaboration_id__in=collaborations),
        participant__collaboration_id__in=participants_of,
        session__cancelled=False,
        session__date__gte=start,
        session__date__lte=end,
    )
    if role:
        attendances = attendances.filter(participant__role=role)
    return attendances.order_by()


ATTENDANCE_COLLABORATION = "session__activity__collaboration_id"


ACTIVITY_PARAMS = ("focus_area", "activity", "target_group")


def _attendance_key(contexts: list[Context], windows, kind: str) -> tuple:
    params = contexts[0].params
    chosen = tuple(str(params.get(name) or "") for name in ACTIVITY_PARAMS)
    return (kind, tuple(_collaboration_ids(contexts)), tuple(windows), chosen, params.get("role"))


def _held_counts(contexts: list[Context], windows) -> dict[int, dict]:
    """Sessions held per collaboration and window (`w0`, `w1`, …); read once per page."""
    from samverka.activities.models import Session

    key = _attendance_key(contexts, windows, "held")
    shared = contexts[0].shared
    if key not in shared:
        if _chooses_activities(contexts[0].params):
            shared[key] = _by_collaboration(
                _held_in(contexts),
                "activity__collaboration_id",
                **{f"w{i}": _rows_within(Session, "date", [w]) for i, w in enumerate(windows)},
            )
        else:
            shared[key] = _held_by_derived_rows(contexts, windows)
    return shared[key]


def _held_by_derived_rows(contexts: list[Context], windows) -> dict[int, dict]:
    """`_held_counts` of every activity of the contexts' collaborations, in one written-out
    statement: the months a window covers whole from the derived ActivityYear rows (a row per
    activity and year, `samverka.activities.activity_years`), the days of a month it covers
    only in part from the sessions of those days."""
    from samverka.activities.models import Activity, ActivityYear, Session

    qn = connection.ops.quote_name
    adapt = connection.ops.adapt_datefield_value
    ids = _collaboration_ids(contexts)
    split = [_months_and_days(*window) for window in windows]
    names = [f"w{i}" for i in range(len(windows))]
    in_ids = ", ".join(["%s"] * len(ids))
    parts, params = [], []
    years = sorted({year for months, _days in split for year in months})
    if years:
        columns, column_params = [], []
        for (months, _days), name in zip(split, names, strict=True):
            cases = []
            for year, chosen in sorted(months.items()):
                cases.append(f"WHEN y.year = %s THEN {' + '.join(f'y.held_{m}' for m in chosen)}")
                column_params.append(year)
            columns.append(
                f"CASE {' '.join(cases)} ELSE 0 END AS {name}" if cases else f"0 AS {name}"
            )
        parts.append(
            f"SELECT y.collaboration_id AS c, {', '.join(columns)} "  # noqa: S608
            f"FROM {qn(ActivityYear._meta.db_table)} y "
            f"WHERE y.collaboration_id IN ({in_ids}) "
            f"AND y.year IN ({', '.join(['%s'] * len(years))})"
        )
        params += [*column_params, *ids, *years]
    if any(days for _months, days in split):
        columns, column_params, ranges = [], [], []
        for (_months, days), name in zip(split, names, strict=True):
            if not days:
                columns.append(f"0 AS {name}")
                continue
            tests = " OR ".join("(s.date >= %s AND s.date <= %s)" for _range in days)
            columns.append(f"CASE WHEN {tests} THEN 1 ELSE 0 END AS {name}")
            column_params += [adapt(day) for pair in days for day in pair]
            ranges += days
        parts.append(
            f"SELECT a.collaboration_id AS c, {', '.join(columns)} "  # noqa: S608
            f"FROM {qn(Session._meta.db_table)} s "
            f"JOIN {qn(Activity._meta.db_table)} a ON a.id = s.activity_id "
            f"WHERE a.collaboration_id IN ({in_ids}) AND NOT s.cancelled AND ("
            + " OR ".join("(s.date >= %s AND s.date <= %s)" for _range in ranges)
            + ")"
        )
        params += [*column_params, *ids, *(adapt(day) for pair in ranges for day in pair)]
    if not parts:
        return {}
    sums = ", ".join(f"SUM({name})" for name in names)
    sql = f"SELECT c, {sums} FROM ({' UNION ALL '.join(parts)}) held GROUP BY c"  # noqa: S608
    with prepared_cursor(connection) as cursor:  # the same text for the same shape
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return {
        row[0]: {"group_key": row[0], **{n: int(v) for n, v in zip(names, row[1:], strict=True)}}
        for row in rows
    }


@dataclass
class Attending:
    """Who attended held sessions of one collaboration in one window, counted."""

    participants: int = 0  # unique participants
    # (activity, participant) pairs by the number of held sessions attended: {sessions: pairs}
    pairs: dict[int, int] = field(default_factory=dict)
    households: int = 0  # households with someone attending
    both: int = 0  # … of them where a child and a guardian attended


def _attendance_summary(contexts: list[Context], windows) -> dict[tuple[int, int], Attending]:
    """(collaboration, window) -> who attended: what unique participants, retention and
    households are counted from, read once per page for the indicators that share it, in one
    statement that returns only counts (however many people attended).

    The sessions each participant attended of each activity in each window: the months a
    window covers whole are added up from the derived ActivityAttendanceYear rows (a row per
    participant, activity and year, `samverka.activities.activity_attendance_years`); the
    days of a month it covers only in part (a term's, or today's month) are counted from the
    attendance rows of those days only."""
    key = _attendance_key(contexts, windows, "summary")
    shared = contexts[0].shared
    if key not in shared:
        summary: dict[tuple[int, int], Attending] = defaultdict(Attending)
        for kind, collaboration, i, *counts in _attendance_counts(contexts, windows):
            x, y = (int(n) for n in counts)  # the columns are numeric on PostgreSQL (sums)
            cell = summary[collaboration, i]
            if kind == PEOPLE:
                cell.participants = x
            elif kind == PAIRS:
                cell.pairs[x] = y
            else:
                cell.households, cell.both = x, y
        shared[key] = dict(summary)
    return shared[key]


PEOPLE, PAIRS, HOUSEHOLDS = 0, 1, 2


def _attendance_counts(contexts: list[Context], windows) -> list[tuple]:
    """(kind, collaboration, window, x, y) rows: PEOPLE (participants, 0), PAIRS (sessions,
    pairs) and HOUSEHOLDS (households, of them with a child and a guardian), for the windows
    where someone attended."""
    # A window without a held session has no attendance either: nothing to read for it.
    held = _held_counts(contexts, windows).values()
    split = [
        _months_and_days(*window) if any(row.get(f"w{i}") for row in held) else ({}, [])
        for i, window in enumerate(windows)
    ]
    parts = [
        part
        for part in (
            _sessions_in_months(contexts, [months for months, _days in split]),
            _sessions_on_days(contexts, [days for _months, days in split]),
        )
        if part is not None
    ]
    if not parts:
        return []
    params = [param for _sql, part_params in parts for param in part_params]
    if len(parts) == 1:
        # One part (whole months only, or part months only): its rows are already one per
        # (c, p, h, r, a), with the windows' sums as integers; no second grouping needed.
        pairs = parts[0][0]
    else:
        sums = ", ".join(f"SUM(w{i}) AS w{i}" for i in range(len(windows)))
        union = " UNION ALL ".join(
            f"SELECT * FROM ({sql}) part{n}"  # noqa: S608 (compiled by us, never user input)
            for n, (sql, _p) in enumerate(parts)
        )
        pairs = f"SELECT c, p, h, r, a, {sums} FROM ({union}) parts GROUP BY c, p, h, r, a"  # noqa: S608
    selects = []
    for i, (months, days) in enumerate(split):
        if not months and not days:
            continue  # nothing read for the window: no one attended in it
        w = f"w{i}"
        selects += [
            # The distinct participants as a hashed DISTINCT, not a sorted COUNT(DISTINCT).
            f"SELECT {PEOPLE}, c, {i}, COUNT(*), 0 FROM (SELECT DISTINCT c, p FROM pairs "  # noqa: S608
            f"WHERE {w} > 0) people{i} GROUP BY c",
            f"SELECT {PAIRS}, c, {i}, {w}, COUNT(*) FROM pairs WHERE {w} > 0 GROUP BY c, {w}",  # noqa: S608
            f"SELECT {HOUSEHOLDS}, c, {i}, COUNT(*), SUM(child * guardian) FROM ("  # noqa: S608
            f"SELECT c, h, MAX(CASE WHEN r = %s THEN 1 ELSE 0 END) AS child, "
            f"MAX(CASE WHEN r = %s THEN 1 ELSE 0 END) AS guardian FROM pairs "
            f"WHERE {w} > 0 AND h IS NOT NULL GROUP BY c, h) households{i} GROUP BY c",
        ]
        params += ["child", "guardian"]
    if not selects:
        return []
    sql = f"WITH pairs AS ({pairs}) {' UNION ALL '.join(selects)}"
    with prepared_cursor(connection) as cursor:  # the same text for the same shape
        cursor.execute(sql, params)
        return cursor.fetchall()


def _months_and_days(start: date, end: date) -> tuple[dict[int, list[int]], list[tuple]]:
    """start..end as the months it covers whole ({year: [month, …]}) and the ranges of days
    (first, last) of the months it covers only in part; nothing when start > end."""
    months: dict[int, list[int]] = defaultdict(list)
    days = []
    first = date(start.year, start.month, 1)
    while first <= end:
        last = date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
        if start <= first and last <= end:
            months[first.year].append(first.month)
        else:
            days.append((max(start, first), min(end, last)))
        first = last + timedelta(days=1)
    return dict(months), days


def _grouped_sql(queryset, who: dict[str, str], sums: dict, windows: int):
    """`queryset` grouped by `who` (c, p, h, r, a: collaboration, participant, household, role,
    activity) with columns w0 … w<windows - 1> (0 for a window not in `sums`)."""
    columns = {f"w{i}": sums.get(f"w{i}", Value_(0)) for i in range(windows)}
    return queryset.order_by().values(**{k: F(v) for k, v in who.items()}).annotate(**columns)


# The parts of the attendance statement, their SQL built once per shape (which months and
# years, how many ranges of days in each window, the role) and connection (lib/prepared.py):
# compiling them through the ORM cost more than running them at the small size.
_STATEMENTS: dict[tuple, PreparedQuery] = {}


def _statement(key: tuple, build, **placeholders) -> PreparedQuery:
    query = _STATEMENTS.get(key)
    if query is None:
        query = _STATEMENTS[key] = PreparedQuery(build, **placeholders)
    return query


def _sessions_in_months(contexts: list[Context], months_of: list[dict[int, list[int]]]):
    """SQL and params of the sessions attended per participant and activity in each window's
    whole months, added up from the derived rows (see `_grouped_sql`); None when no window
    has any."""
    from samverka.activities.models import ActivityAttendanceYear

    if not any(months_of):
        return None
    years = sorted({year for months in months_of for year in months})
    role = contexts[0].params.get("role")
    # Each window's sum written out (one CASE per window): as ORM expressions, the CASE of
    # each year and the COALESCE of each month cost more to compile than the query to run.
    table = connection.ops.quote_name(ActivityAttendanceYear._meta.db_table)
    sums = {}
    for i, months in enumerate(months_of):
        if not months:
            continue
        cases, params = [], []
        for year, chosen in sorted(months.items()):
            added = " + ".join(f"COALESCE({table}.sessions_{month}, 0)" for month in chosen)
            cases.append(f"WHEN {table}.year = %s THEN {added}")
            params.append(year)
        case = RawSQL(f"CASE {' '.join(cases)} ELSE 0 END", params, IntegerField())  # noqa: S611
        sums[f"w{i}"] = Sum(case)
    who = {
        "c": "collaboration_id",
        "p": "participant_id",
        "h": "participant__household_id",
        "r": "participant__role",
        "a": "activity_id",
    }

    def build(collaborations, participants_of, chosen=None):
        # A row's collaboration is its activity's: the activities need reading only when the
        # params choose some.
        rows = ActivityAttendanceYear.objects.filter(
            chosen or Q(),
            collaboration_id__in=collaborations,
            participant__collaboration_id__in=participants_of,
            year__in=years,
        )
        if role:
            rows = rows.filter(participant__role=role)
        return _grouped_sql(rows, who, sums, len(months_of))

    ids = _collaboration_ids(contexts)
    if _chooses_activities(contexts[0].params):
        return build(ids, ids, _activity_filter(contexts, "activity__")).query.sql_with_params()
    shape = tuple(tuple(sorted((y, tuple(m)) for y, m in months.items())) for months in months_of)
    query = _statement(("months", shape, role), build, collaborations=[int], participants_of=[int])
    return query.sql_with_params(collaborations=ids, participants_of=ids)


def _sessions_on_days(contexts: list[Context], days_of: list[list[tuple[date, date]]]):
    """SQL and params of the sessions attended per participant and activity on each window's
    days of part months, from the attendance rows of those days only (see `_grouped_sql`);
    None when no window has any."""
    from samverka.activities.models import Session

    if not any(days_of):
        return None
    role = contexts[0].params.get("role")
    who = {
        "c": ATTENDANCE_COLLABORATION,
        "p": "participant_id",
        "h": "participant__household_id",
        "r": "participant__role",
        "a": "session__activity_id",
    }
    lengths = [len(days) for days in days_of]

    def build(collaborations, participants_of, start, end, within, counted, chosen=None):
        ranges = list(zip(within[::2], within[1::2], strict=True))
        sums, where, n = {}, Q(), 0
        for window in ranges:
            where |= _within("session__date", window)
        pairs = list(zip(counted[::2], counted[1::2], strict=True))
        for i, length in enumerate(lengths):
            if length:
                sums[f"w{i}"] = _rows_within(Session, "date", pairs[n : n + length])
            n += length
        attended = _attended(collaborations, participants_of, start, end, role, chosen)
        return _grouped_sql(attended.filter(where), who, sums, len(days_of))

    ids = _collaboration_ids(contexts)
    start, end = _span(_windows(contexts))
    days = [day for ranges in days_of for pair in ranges for day in pair]
    if _chooses_activities(contexts[0].params):
        chosen = _activity_filter(contexts, "session__activity__")
        return build(ids, ids, start, end, days, days, chosen).query.sql_with_params()
    query = _statement(
        ("days", tuple(lengths), role),
        build,
        collaborations=[int],
        participants_of=[int],
        start=date,
        end=date,
        within=[date],
        counted=[date],
    )
    return query.sql_with_params(
        collaborations=ids, participants_of=ids, start=start, end=end, within=days, counted=days
    )


def _held_sessions(ctx: Context):
    return _held_in([ctx]).filter(date__gte=ctx.start, date__lte=ctx.until)


def _attendances(ctx: Context):
    return _attended_in([ctx]).filter(session__date__gte=ctx.start, session__date__lte=ctx.until)


def _chooses_activities(params: dict) -> bool:
    return any(params.get(name) for name in ACTIVITY_PARAMS)


def unique_participants_many(contexts: list[Context]) -> list[Value]:
    """People who took part in at least one held session of the period.

    For one collaboration from its own attendance rows (the attendance summary); for several
    (the national comparison) from the derived AttendanceYear rows through
    `attended_between`, grouped by the participant's collaboration (a participant attends only
    their own collaboration's sessions), unless the params choose activities."""
    windows = _windows(contexts)
    held = _held_counts(contexts, windows)
    if len(_collaboration_ids(contexts)) > 1 and not _chooses_activities(contexts[0].params):
        people = _attending_by_derived_rows(contexts, windows)
    else:
        people = Counter(
            {cell: a.participants for cell, a in _attendance_summary(contexts, windows).items()}
        )
    values = []
    for ctx in contexts:
        key, i = ctx.collaboration.pk, _window_of(ctx, windows)
        if not held.get(key, {}).get(f"w{i}"):
            values.append(NO)
        else:
            values.append(controlled_count(people[key, i]))
    return values


def _attending_by_derived_rows(contexts: list[Context], windows) -> Counter:
    """(collaboration, window) -> participants who attended a held session in the window,
    one grouped count per window over the participants `attended_between` chooses."""
    from samverka.activities.attendance_years import attended_between
    from samverka.participants.models import Participant

    people: Counter = Counter()
    role = contexts[0].params.get("role")
    for i, (start, end) in enumerate(windows):
        if start > end:
            continue
        participants = Participant.objects.filter(
            attended_between(start, end), collaboration_id__in=_collaboration_ids(contexts)
        )
        if role:
            participants = participants.filter(role=role)
        for collaboration, n in (
            participants.order_by().values_list("collaboration_id").annotate(n=Count("pk"))
        ):
            people[collaboration, i] = n
    return people


def _participant_groups(ctx: Context, dimension: str) -> tuple[list[str], dict[str, str], dict]:
    """Each attending participant's group along `dimension`, the groups in order and labels."""
    from samverka.activities.models import FocusArea
    from samverka.lib import agebands
    from samverka.participants.models import Gender

    today = ctx.until
    rows = _attendances(ctx).values_list(
        "participant_id",
        "session__activity__focus_area",
        "session__activity__name",
        "participant__gender",
        "participant__birth_year",
    )
    group_of: dict[tuple, set] = defaultdict(set)
    for pid, focus_area, activity, gender, birth_year in rows:
        if dimension == "focus_area":
            value = str(focus_area)
        elif dimension == "activity":
            value = activity
        elif dimension == "gender":
            value = gender or Gender.NOT_STATED
        else:
            value = agebands.band_for(today.year - birth_year if birth_year else None)
        group_of[value].add(pid)
    if dimension == "focus_area":
        groups = [str(f.value) for f in FocusArea]
        labels = {str(f.value): str(f.label) for f in FocusArea}
    elif dimension == "gender":
        groups = [g.value for g in Gender]
        labels = {g.value: str(g.label) for g in Gender}
    elif dimension == "age_band":
        groups = [b.label for b in agebands.bands()] + [agebands.UNKNOWN]
        labels = {g: g for g in groups} | {agebands.UNKNOWN: str(_("unknown"))}
    else:
        groups = sorted(group_of)
        labels = {g: g for g in groups}
    return groups, labels, group_of


def unique_participants_by(ctx: Context, dimension: str) -> list[tuple[str, Value]]:
    """Unique participants per group. A person in two groups (two activities) counts in both,
    so the groups of activity and focus area are each controlled as their own cube with the
    distinct total beside it."""
    groups, labels, group_of = _participant_groups(ctx, dimension)
    counts = {g: len(group_of.get(g, ())) for g in groups}
    values = controlled_breakdown(counts, groups)
    return [(labels[g], values[g]) for g in groups if counts[g] or values[g].state != OK]


def _running_in(periods) -> dict[str, Count]:
    """A count per period (`w0`, `w1`, …) of the activities running in it."""
    return {
        f"w{i}": Count(
            "pk",
            filter=Q(starts_on__lte=end) & (Q(ends_on__isnull=True) | Q(ends_on__gte=start)),
        )
        for i, (start, end) in enumerate(periods)
    }


def _running(collaborations, starts, ends):
    from samverka.activities.models import Activity

    return (
        Activity.objects.filter(collaboration_id__in=collaborations)
        .order_by()
        .values_list("collaboration_id")
        .annotate(**_running_in(zip(starts, ends, strict=True)))
    )


# The activities of the collaborations running in each period, its SQL built once per number
# of periods (lib/prepared.py).
_RUNNING = PreparedQuery(_running, collaborations=[int], starts=[date], ends=[date])


def sessions_held_many(contexts: list[Context]) -> list[Value]:
    """Sessions held in the period; no data when no activity ran in it (0 only when activities
    ran and none of their sessions was held)."""
    from samverka.activities.models import Activity

    windows = _windows(contexts)
    held = _held_counts(contexts, windows)
    counts = [
        held.get(ctx.collaboration.pk, {}).get(f"w{_window_of(ctx, windows)}", 0)
        for ctx in contexts
    ]
    missing = [ctx for ctx, count in zip(contexts, counts, strict=True) if count == 0]
    periods = _windows(missing, until=False)
    running: dict[int, dict] = {}
    key = _attendance_key(missing, periods, "running") if missing else None
    if key in contexts[0].shared:
        running = contexts[0].shared[key]
    elif missing and not _chooses_activities(contexts[0].params):
        names = [f"w{i}" for i in range(len(periods))]
        rows = _RUNNING.all(
            collaborations=_collaboration_ids(missing),
            starts=[start for start, _end in periods],
            ends=[end for _start, end in periods],
        )
        running = contexts[0].shared[key] = {
            row[0]: dict(zip(names, row[1:], strict=True)) for row in rows
        }
    elif missing:
        running = contexts[0].shared[key] = _by_collaboration(
            Activity.objects.filter(_activity_filter(missing)),
            "collaboration_id",
            **_running_in(periods),
        )
    values = []
    for ctx, count in zip(contexts, counts, strict=True):
        if count == 0:
            window = f"w{_window_of(ctx, periods, until=False)}"
            if not running.get(ctx.collaboration.pk, {}).get(window):
                values.append(NO)
                continue
        values.append(Value(OK, float(count), count))
    return values


def sessions_held_by(ctx: Context, dimension: str) -> list[tuple[str, Value]]:
    from samverka.activities.models import FocusArea

    field_name = "activity__focus_area" if dimension == "focus_area" else "activity__name"
    counts = Counter(_held_sessions(ctx).values_list(field_name, flat=True))
    if dimension == "focus_area":
        return [
            (str(f.label), Value(OK, float(counts[f.value]), counts[f.value]))
            for f in FocusArea
            if counts[f.value]
        ]
    return [(name, Value(OK, float(n), n)) for name, n in sorted(counts.items())]


def retention_many(contexts: list[Context]) -> list[Value]:
    """Share of an activity's participants who came to at least N of its held sessions (each
    participant counted once per activity)."""
    minimum = int(contexts[0].params.get("min_sessions") or 3)
    windows = _windows(contexts)
    summary = _attendance_summary(contexts, windows)
    values = []
    for ctx in contexts:
        cell = summary.get((ctx.collaboration.pk, _window_of(ctx, windows)))
        if cell is None:
            values.append(NO)
            continue
        stayed = sum(pairs for sessions, pairs in cell.pairs.items() if sessions >= minimum)
        values.append(share(stayed, sum(cell.pairs.values())))
    return values


def households_child_and_guardian_many(contexts: list[Context]) -> list[Value]:
    """Of the households with someone attending, the share where a child and a guardian both
    took part (participants without a household are not counted)."""
    windows = _windows(contexts)
    summary = _attendance_summary(contexts, windows)
    values = []
    for ctx in contexts:
        cell = summary.get((ctx.collaboration.pk, _window_of(ctx, windows)))
        if cell is None or not cell.households:
            values.append(NO)
            continue
        values.append(share(cell.both, cell.households))
    return values


# --- surveys ------------------------------------------------------------------------------


SCALE = {"1", "2", "3", "4", "5"}
AGREE = {"4", "5"}


SURVEY_ITEMS = "survey_items"  # the `shared` entry: every survey item the page's indicators read


def _survey_answers_in(contexts: list[Context], items, *fields):
    """(collaboration, day submitted, *fields) of the answers to `items` submitted over the
    contexts' span, grouped by collaboration.

    When the page has said which items all its survey indicators read (`shared[SURVEY_ITEMS]`,
    `survey_items_of`), the answers to all of them are read in one statement, once per
    collaborations and span, and each indicator takes its items' rows."""
    start, end = _span(_windows(contexts, until=False))
    shared = contexts[0].shared
    every = shared.get(SURVEY_ITEMS)
    if not every or not set(items) <= every:
        chosen, wanted = list(items), None
    else:
        chosen, wanted = sorted(every), set(items)
    names = ("response_id", "item__item_id", "value")
    if wanted is not None and not set(fields) <= set(names):
        chosen, wanted = list(items), None

    def answers(*columns):
        return _answers_query(
            _collaboration_ids(contexts), start, end, item__item_id__in=chosen
        ).values_list("response__round__collaboration_id", "response__submitted_at__date", *columns)

    if wanted is None:
        return _grouped_by_first(answers(*fields))
    key = ("survey_answers", tuple(_collaboration_ids(contexts)), start, end, tuple(chosen))
    if key not in shared:
        shared[key] = _shared_answers(_collaboration_ids(contexts), start, end, chosen)
    at = [names.index(name) + 2 for name in fields]
    return _grouped_by_first(
        (row[0], row[1], *(row[i] for i in at)) for row in shared[key] if row[3] in wanted
    )


def _answers_query(collaborations, start, end, **items):
    """The answers of the collaborations' responses submitted from `start` to `end`, to the
    items `items` chooses (by their ids or by their codes)."""
    from samverka.surveys.respond.models import Answer

    return Answer.objects.filter(
        response__round__collaboration_id__in=collaborations,
        response__submitted_at__date__gte=start,
        response__submitted_at__date__lte=end,
        **items,
    ).order_by()


def _shared_answers(collaborations, start, end, items) -> list[tuple]:
    """(collaboration, day submitted, response, item, value) of the answers to `items`.

    The items' ids are read first and the answers chosen by them: the answers' index on
    (response, item) then finds only those (at medium size 1,700 of the 11,700 answers of the
    collaboration's responses; joining the items instead read each answer's item, 42 ms)."""
    code_of = dict(_ITEMS.all(items=items))
    if not code_of:
        return []
    rows = _ANSWERS.all(collaborations=collaborations, start=start, end=end, items=sorted(code_of))
    return [(c, day, response, code_of[item], value) for c, day, response, item, value in rows]


def _items(items):
    from samverka.surveys.instruments.models import Item

    return Item.objects.filter(item_id__in=items).values_list("pk", "item_id")


def _answers(collaborations, start, end, items):
    return _answers_query(collaborations, start, end, item_id__in=items).values_list(
        "response__round__collaboration_id",
        "response__submitted_at__date",
        "response_id",
        "item_id",
        "value",
    )


# The items and the answers the page's survey indicators share, their SQL built once per
# connection and number of items (lib/prepared.py).
_ITEMS = PreparedQuery(_items, items=[str])
_ANSWERS = PreparedQuery(_answers, collaborations=[int], start=date, end=date, items=[int])


def survey_items_of(source: str, params: dict) -> set[str]:
    """The survey items an indicator of `source` with `params` reads (none for other sources)."""
    if source == "surveys.share_agreeing":
        return set(params.get("items", ()))
    if source == "surveys.who5_mean":
        return set(WHO5_ITEMS)
    return set()


def _in_period(rows, ctx: Context):
    """The rows (day first) of `ctx`'s period (to its end)."""
    return [row[1:] for row in rows if ctx.start <= row[0] <= ctx.end]


def share_agreeing_many(contexts: list[Context]) -> list[Value]:
    """Share of answers 4–5 among the 1–5 answers ("don't know" left out) to the items, over
    the survey answers submitted in the period; the group is the respondents behind them."""
    answers = _survey_answers_in(
        contexts, contexts[0].params.get("items", ()), "response_id", "value"
    )
    values = []
    for ctx in contexts:
        rows = [
            (response, value)
            for response, value in _in_period(answers.get(ctx.collaboration.pk, []), ctx)
            if value in SCALE
        ]
        respondents = len({response for response, _value in rows})
        if not rows:
            values.append(NO)
        elif not controlled_group(respondents):
            values.append(HID)
        else:
            agreeing = sum(1 for _response, value in rows if value in AGREE)
            values.append(Value(OK, 100.0 * agreeing / len(rows), respondents))
    return values


WHO5_ITEMS = ("P-WHO-01", "P-WHO-02", "P-WHO-03", "P-WHO-04", "P-WHO-05")


def who5_mean_many(contexts: list[Context]) -> list[Value]:
    """The mean WHO-5 score (0–100: the raw sum of the five 0–5 answers × 4) of the respondents
    who answered all five items."""
    rows = _survey_answers_in(contexts, WHO5_ITEMS, "response_id", "item__item_id", "value")
    values = []
    for ctx in contexts:
        answers: dict[int, dict[str, int]] = defaultdict(dict)
        for response, item_id, value in _in_period(rows.get(ctx.collaboration.pk, []), ctx):
            if value.isdigit() and 0 <= int(value) <= 5:
                answers[response][item_id] = int(value)
        scores = [4 * sum(a.values()) for a in answers.values() if len(a) == len(WHO5_ITEMS)]
        values.append(mean(scores))
    return values


def _responses(ctx: Context):
    from samverka.surveys.respond.models import Response

    responses = Response.objects.filter(
        round__collaboration=ctx.collaboration,
        submitted_at__date__gte=ctx.start,
        submitted_at__date__lte=ctx.end,
    )
    kind = ctx.params.get("instrument_kind")
    if kind:
        responses = responses.filter(round__version__instrument__kind=kind)
    return responses.order_by()


def survey_answers(ctx: Context) -> Value:
    from samverka.surveys.rounds.models import Round

    rounds = Round.objects.filter(
        collaboration=ctx.collaboration, opens_on__lte=ctx.end, closes_on__gte=ctx.start
    )
    if not rounds.exists():
        return NO
    return controlled_count(_responses(ctx).count())


def response_rate(ctx: Context) -> Value:
    """Submitted answers of the rounds that opened in the period, of the people offered them
    (recorded by hand, or the unique attenders while the round was open)."""
    from samverka.surveys.rounds.models import Round
    from samverka.surveys.rounds.selectors import offered_count

    rounds = Round.objects.filter(
        collaboration=ctx.collaboration, opens_on__gte=ctx.start, opens_on__lte=ctx.end
    )
    kind = ctx.params.get("instrument_kind")
    if kind:
        rounds = rounds.filter(version__instrument__kind=kind)
    offered = answered = 0
    for round_ in rounds:
        offered += offered_count(round_)
        answered += round_.responses.filter(submitted_at__isnull=False).count()
    if offered == 0:
        return NO
    if not controlled_group(answered) or not controlled_group(offered):
        return HID if answered else Value(OK, 0.0, offered)
    return Value(OK, min(100.0, 100.0 * answered / offered), offered)


# --- self-assessment ----------------------------------------------------------------------


def _closed_rounds(collaborations, start, end):
    from samverka.assessment.models import AssessmentRound

    return (
        AssessmentRound.objects.filter(
            collaboration_id__in=collaborations,
            closed_at__isnull=False,
            closed_at__date__gte=start,
            closed_at__date__lte=end,
        )
        .order_by("-closed_at")
        .values_list("collaboration_id", "closed_at__date", "pk")
    )


# The self-assessment rounds closed over the span, its SQL built once (lib/prepared.py).
_CLOSED_ROUNDS = PreparedQuery(_closed_rounds, collaborations=[int], start=date, end=date)


def assessment_mean_many(contexts: list[Context]) -> list[Value]:
    """The mean (1–5) of a section's items (receptiveness, capacity, …) over the answers of
    the last self-assessment round closed in the period, optionally of one party and level."""
    from samverka.assessment.instrument import ITEMS
    from samverka.assessment.models import Answer

    start, end = _span(_windows(contexts, until=False))
    closed = _grouped_by_first(
        _CLOSED_ROUNDS.all(collaborations=_collaboration_ids(contexts), start=start, end=end)
    )
    last = [
        next(iter(_in_period(closed.get(ctx.collaboration.pk, []), ctx)), (None,))[0]
        for ctx in contexts
    ]
    params = contexts[0].params
    rows: dict[int, list[tuple]] = defaultdict(list)
    if any(pk is not None for pk in last):  # (no round closed: nothing to build or read)
        section = params.get("section", "receptiveness")
        ids = [i.id for i in ITEMS if i.element == section or _section_of(i) == section]
        answers = Answer.objects.filter(
            response__round_id__in={pk for pk in last if pk is not None},
            response__submitted_at__isnull=False,
            item_id__in=ids,
        ).exclude(value__isnull=True)
        if params.get("party"):
            answers = answers.filter(response__party=params["party"])
        if params.get("level"):
            answers = answers.filter(response__level=params["level"])
        rows = _grouped_by_first(
            answers.order_by().values_list("response__round_id", "response_id", "value")
        )
    values = []
    for round_id in last:
        if round_id is None:
            values.append(NO)
            continue
        round_rows = rows.get(round_id, [])
        respondents = len({r for r, _v in round_rows})
        values.append(mean([float(v) for _r, v in round_rows], group=respondents))
    return values


def _section_of(item) -> str:
    from samverka.assessment.instrument import ELEMENTS_BY_KEY

    element = ELEMENTS_BY_KEY.get(item.element)
    return element.section if element else ""


# --- referrals, learning, checklist, competence -------------------------------------------


_REFERRAL_QUERIES: dict[tuple, PreparedQuery] = {}


def _referral_counts(contexts: list[Context], **conditions: Q) -> tuple[list[tuple], dict]:
    """Per collaboration and period: the period's referrals meeting each condition.

    Counted per collaboration and day in the query (each condition compiled once, not once
    per period), the days added up into the periods here: at most a row per day of the span."""
    from samverka.referrals.models import Referral

    windows = _windows(contexts, until=False)
    start, end = _span(windows)
    key = tuple(sorted(conditions))
    if key not in _REFERRAL_QUERIES:  # one per indicator source (its conditions are fixed)
        _REFERRAL_QUERIES[key] = PreparedQuery(
            lambda collaborations, start, end: (
                Referral.objects.filter(
                    collaboration_id__in=collaborations, date__gte=start, date__lte=end
                )
                .order_by()
                .values_list("collaboration_id", "date")
                .annotate(
                    **{
                        name: Count("pk", filter=condition)
                        for name, condition in conditions.items()
                    }
                )
            ),
            collaborations=[int],
            start=date,
            end=date,
        )
    rows = _REFERRAL_QUERIES[key].all(
        collaborations=_collaboration_ids(contexts), start=start, end=end
    )
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for collaboration, day, *numbers in rows:
        for i, (first, last) in enumerate(windows):
            if first <= day <= last:
                for name, n in zip(conditions, numbers, strict=True):
                    counts[collaboration][f"{name}{i}"] += n
    cells = []
    for ctx in contexts:
        i = _window_of(ctx, windows, until=False)
        row = counts.get(ctx.collaboration.pk, {})
        cells.append(tuple(row.get(f"{name}{i}", 0) for name in conditions))
    return cells, counts


def referrals_connected_many(contexts: list[Context]) -> list[Value]:
    """Share of the period's referrals to an actor that ended with the family connected."""
    from samverka.referrals.models import ReferralStatus

    to_an_actor = Q(organisation__isnull=False) | Q(service__isnull=False)
    cells, _counts = _referral_counts(
        contexts,
        total=to_an_actor,
        connected=to_an_actor & Q(status=ReferralStatus.CONNECTED),
    )
    return [share(connected, total) for total, connected in cells]


def referral_gaps_many(contexts: list[Context]) -> list[Value]:
    """Needs raised without an actor and referrals that failed, in the period (lower is better)."""
    from samverka.referrals.models import ReferralStatus

    gap = Q(organisation__isnull=True, service__isnull=True) | Q(status__in=ReferralStatus.failed())
    cells, _counts = _referral_counts(contexts, total=Q(), gaps=gap)
    return [NO if total == 0 else controlled_count(gaps) for total, gaps in cells]


def decisions_on_time_many(contexts: list[Context]) -> list[Value]:
    """Share of the learning decisions due in the period (up to today) done by their date."""
    from samverka.assessment.models import LearningDecision

    start, end = _span(_windows(contexts))
    decisions = LearningDecision.objects.filter(
        session__collaboration_id__in=_collaboration_ids(contexts),
        due_on__gte=start,
        due_on__lte=end,
    )
    plan_indicator = contexts[0].plan_indicator
    if plan_indicator is not None and contexts[0].params.get("only_named"):
        decisions = decisions.filter(followup_indicators=plan_indicator)
    rows = _grouped_by_first(
        decisions.order_by().values_list("session__collaboration_id", "due_on", "done_on")
    )
    values = []
    for ctx in contexts:
        due = [
            row for row in rows.get(ctx.collaboration.pk, []) if ctx.start <= row[0] <= ctx.until
        ]
        done = sum(1 for due_on, done_on in due if done_on is not None and done_on <= due_on)
        values.append(share(done, len(due), people=False))
    return values


def checklist_done(ctx: Context) -> Value:
    """Share of the phase checklist marked done (the checklist as it stands: shown for the
    current period only, since earlier states are not kept)."""
    from samverka.assessment.models import ChecklistMark
    from samverka.assessment.phases import CHECKLIST

    today = ctx.today or timezone.localdate()
    if not (ctx.start <= today <= ctx.end):
        return NO
    phase = ctx.params.get("phase")
    items = [i.id for i in CHECKLIST if not phase or i.phase == phase]
    done = ChecklistMark.objects.filter(
        collaboration=ctx.collaboration, item_id__in=items, done=True
    ).count()
    return share(done, len(items), people=False)


def trained_people(ctx: Context) -> Value:
    from samverka.knowledge.counting import trained_people as count

    return controlled_count(count(start=ctx.start, end=ctx.end, collaborations=[ctx.collaboration]))


def volunteer_hours(ctx: Context) -> Value:
    from samverka.knowledge.counting import volunteer_hours as hours

    value = hours(start=ctx.start, end=ctx.end, collaborations=[ctx.collaboration])
    return Value(OK, float(value), None) if value else NO


def manual(ctx: Context) -> Value:
    """The value entered by hand for the period (one per period key)."""
    if ctx.plan_indicator is None:
        return NO
    key = ctx.params.get("_period_key")
    row = next((v for v in _manual_values(ctx.plan_indicator) if v.period == key), None)
    return NO if row is None else Value(OK, float(row.value), None)


def _manual_values(plan_indicator):
    cache = getattr(plan_indicator, "_manual_cache", None)
    if cache is None:
        cache = list(plan_indicator.values.all())
        plan_indicator._manual_cache = cache
    return cache


def qualitative(ctx: Context) -> Value:
    return Value(NOT_APPLICABLE)


def one_by_one(compute_one: Callable[[Context], Value]) -> Callable[[list[Context]], list]:
    """A source computed a context at a time (its queries grow with the contexts)."""

    def many(contexts: list[Context]) -> list[Value]:
        return [compute_one(ctx) for ctx in contexts]

    return many


@dataclass(frozen=True)
class Source:
    label: object
    many: Callable[[list[Context]], list[Value]]
    breakdown: Callable[[Context, str], list] | None = None
    dimensions: tuple[str, ...] = ()


DIMENSION_LABELS = {
    "focus_area": _("focus area"),
    "activity": _("activity"),
    "gender": _("gender"),
    "age_band": _("age band"),
}

SOURCES: dict[str, Source] = {
    "attendance.unique_participants": Source(
        _("Attendance: unique participants"),
        unique_participants_many,
        unique_participants_by,
        ("focus_area", "activity", "gender", "age_band"),
    ),
    "attendance.sessions_held": Source(
        _("Attendance: sessions held"),
        sessions_held_many,
        sessions_held_by,
        ("focus_area", "activity"),
    ),
    "attendance.retention": Source(_("Attendance: retention"), retention_many),
    "attendance.households_both": Source(
        _("Attendance: households where a child and a guardian took part"),
        households_child_and_guardian_many,
    ),
    "surveys.share_agreeing": Source(_("Surveys: share agreeing (4–5)"), share_agreeing_many),
    "surveys.who5_mean": Source(_("Surveys: mean WHO-5 score (0–100)"), who5_mean_many),
    "surveys.answers": Source(_("Surveys: number of answers"), one_by_one(survey_answers)),
    "surveys.response_rate": Source(_("Surveys: response rate"), one_by_one(response_rate)),
    "assessment.mean": Source(_("Self-assessment: mean on the 1–5 scale"), assessment_mean_many),
    "referrals.connected": Source(_("Referrals: share connected"), referrals_connected_many),
    "referrals.gaps": Source(_("Referrals: gaps"), referral_gaps_many),
    "learning.on_time": Source(
        _("Learning decisions: share done by their date"), decisions_on_time_many
    ),
    "checklist.done": Source(_("Phase checklist: share done"), one_by_one(checklist_done)),
    "knowledge.trained_people": Source(_("Competence: people trained"), one_by_one(trained_people)),
    "knowledge.volunteer_hours": Source(
        _("Competence: volunteer hours"), one_by_one(volunteer_hours)
    ),
    "manual": Source(_("Entered by hand per period"), one_by_one(manual)),
    "qualitative": Source(_("Qualitative (evidence notes only)"), one_by_one(qualitative)),
}


def compute_many(source: str, contexts: list[Context]) -> list[Value]:
    """The values of `contexts`, which share one definition's params (periods and
    collaborations may differ); a grouped source reads them in a fixed number of queries."""
    if not contexts:
        return []
    entry = SOURCES.get(source)
    if entry is None:
        return [NO] * len(contexts)
    shared = _shared_params(contexts[0])
    if any(_shared_params(ctx) != shared for ctx in contexts[1:]):
        raise ValueError("compute_many: the contexts must share their params")
    return entry.many(contexts)


def _shared_params(ctx: Context) -> tuple:
    """What must be the same across one `many` call (keys with "_", e.g. the manual value's
    period key, may differ)."""
    params = {k: v for k, v in ctx.params.items() if not k.startswith("_")}
    return (params, ctx.plan_indicator)


def compute(source: str, ctx: Context) -> Value:
    return compute_many(source, [ctx])[0]
