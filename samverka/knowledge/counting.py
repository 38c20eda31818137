"""Counting the competence work: people trained and volunteer hours.

Kept entirely apart from the participant register and the funder count: these functions read
only the knowledge app's own tables (course runs, attendees, completions, the volunteer roster)
and nothing here is read by `samverka.reports` except the volunteer-hours appendix.

They are also the selector functions the follow-up plan's built-in indicators call
(`samverka/followup`, when it exists): each takes keyword arguments, a period and optionally the
collaborations to count (None: every collaboration the current tenant scope allows; run them
inside `collaboration_scope(...)` or `national_scope()`), and returns plain numbers or rows.

- trained_people(...)              -> int: distinct people who completed at least one module
- trained_people_by(...)           -> {(value, ...): int} by organisation kind, role, course, topic
- trained_people_per_period(...)   -> [(period start, int)] by month or quarter
- volunteer_hours(...)             -> float: hours volunteers gave in sessions
- volunteer_hours_per_period(...)  -> [(period start, hours, volunteers)]
- active_volunteers(...)           -> int: volunteers on the roster during the period
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from django.db.models import Q, Sum

from samverka.knowledge.courses.models import Completion
from samverka.knowledge.volunteers.models import Volunteer, VolunteerSession

DIMENSIONS = ("organisation_kind", "role", "course", "topic")


def _in(collaborations, path: str) -> Q:
    if collaborations is None:
        return Q()
    return Q(**{f"{path}__in": [getattr(c, "pk", c) for c in collaborations]})


def _completion_rows(*, start: date, end: date, collaborations=None) -> list[dict]:
    rows = (
        Completion.objects.filter(
            _in(collaborations, "attendee__run__collaboration"),
            completed_on__gte=start,
            completed_on__lte=end,
        )
        .order_by()
        .values(
            "attendee_id",
            "attendee__user_id",
            "attendee__volunteer_id",
            "attendee__organisation_kind",
            "attendee__role",
            "module__course__code",
            "module__key",
            "module__code",
            "completed_on",
        )
    )
    return list(rows)


def _person(row: dict) -> str:
    """One person counts once, also over several runs: by account, by roster entry, or (for
    external attendees, who have no identity here) by attendee row."""
    if row["attendee__user_id"]:
        return f"u{row['attendee__user_id']}"
    if row["attendee__volunteer_id"]:
        return f"v{row['attendee__volunteer_id']}"
    return f"a{row['attendee_id']}"


def _value(row: dict, dimension: str) -> str:
    return {
        "organisation_kind": row["attendee__organisation_kind"],
        "role": row["attendee__role"],
        "course": row["module__course__code"],
        "topic": row["module__code"],
    }[dimension]


def trained_people(
    *,
    start: date,
    end: date,
    collaborations: Iterable | None = None,
    organisation_kind: str | None = None,
    role: str | None = None,
    course: str | None = None,
    topic: str | None = None,
) -> int:
    """Distinct people (staff, club leaders, volunteers) who completed at least one module in
    the period, optionally of one organisation kind, role, course (code) or topic (module code)."""
    wanted = {
        "organisation_kind": organisation_kind,
        "role": role,
        "course": course,
        "topic": topic,
    }
    people = {
        _person(row)
        for row in _completion_rows(start=start, end=end, collaborations=collaborations)
        if all(v is None or _value(row, d) == v for d, v in wanted.items())
    }
    return len(people)


def trained_people_by(
    *,
    start: date,
    end: date,
    dimensions: Sequence[str] = ("organisation_kind", "role"),
    collaborations: Iterable | None = None,
) -> dict[tuple, int]:
    """Distinct people per combination of `dimensions` (from DIMENSIONS). A person counts once
    per cell; with "topic" one person may appear under several topics."""
    for dimension in dimensions:
        if dimension not in DIMENSIONS:
            raise ValueError(dimension)
    cells: dict[tuple, set] = defaultdict(set)
    for row in _completion_rows(start=start, end=end, collaborations=collaborations):
        cells[tuple(_value(row, d) for d in dimensions)].add(_person(row))
    return {key: len(people) for key, people in cells.items()}


def _period_start(day: date, period: str) -> date:
    if period == "month":
        return day.replace(day=1)
    if period == "quarter":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    if period == "year":
        return date(day.year, 1, 1)
    raise ValueError(period)


def trained_people_per_period(
    *, start: date, end: date, period: str = "quarter", collaborations: Iterable | None = None
) -> list[tuple[date, int]]:
    cells: dict[date, set] = defaultdict(set)
    for row in _completion_rows(start=start, end=end, collaborations=collaborations):
        cells[_period_start(row["completed_on"], period)].add(_person(row))
    return sorted((key, len(people)) for key, people in cells.items())


def _volunteer_rows(*, start: date, end: date, collaborations=None):
    return VolunteerSession.objects.filter(
        _in(collaborations, "volunteer__collaboration"),
        session__date__gte=start,
        session__date__lte=end,
        session__cancelled=False,
    ).order_by()


def volunteer_hours(*, start: date, end: date, collaborations: Iterable | None = None) -> float:
    """Hours volunteers of the roster gave in held sessions in the period."""
    minutes = _volunteer_rows(start=start, end=end, collaborations=collaborations).aggregate(
        total=Sum("minutes")
    )["total"]
    return round((minutes or 0) / 60, 1)


def volunteer_hours_per_period(
    *, start: date, end: date, period: str = "month", collaborations: Iterable | None = None
) -> list[tuple[date, float, int]]:
    """(period start, hours, distinct volunteers) for each period with volunteer time."""
    minutes: dict[date, int] = defaultdict(int)
    people: dict[date, set] = defaultdict(set)
    rows = _volunteer_rows(start=start, end=end, collaborations=collaborations).values_list(
        "session__date", "minutes", "volunteer_id"
    )
    for day, spent, volunteer in rows:
        key = _period_start(day, period)
        minutes[key] += spent
        people[key].add(volunteer)
    return [(key, round(minutes[key] / 60, 1), len(people[key])) for key in sorted(minutes)]


def active_volunteers(*, start: date, end: date, collaborations: Iterable | None = None) -> int:
    """Volunteers on the roster at some time in the period."""
    return (
        Volunteer.objects.filter(_in(collaborations, "collaboration"), started_on__lte=end)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=start))
        .count()
    )
