"""The plan page's attendance figures come from the derived ActivityAttendanceYear rows (whole
months) and the attendance rows of part months: after every kind of attendance write (save,
clear, a moved or cancelled session, the bulk writer, erasure) they equal the figures computed
from the raw attendance rows (sources_before.py), and the derived table is in step."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from samverka.activities.models import Activity
from samverka.activities.services import (
    attendance_record,
    attendance_record_bulk,
    session_create,
    session_update,
)
from samverka.followup import periods as P
from samverka.followup import selectors
from samverka.followup.models import Goal, PlanIndicator
from samverka.followup.sources import Context
from samverka.followup.tests.sources_before import BEFORE
from samverka.participants.models import Household, Participant
from samverka.participants.services import participant_erase

ATTENDANCE = ["FU-ATT-01", "FU-ATT-02", "FU-ATT-05", "FU-ATT-06", "FU-ATT-07"]


@pytest.fixture
def plan(world, library):
    """Kalmar's plan: the attendance indicators by half-year, by term (part months: 1-15 June,
    15-31 August) and by year, each from last year's first period."""
    goal = Goal.objects.create(collaboration=world.kalmar, title="Delta", level="families")
    last_year = timezone.localdate().year - 1
    for kind, first in (("half", "H1"), ("term", "VT"), ("year", "")):
        for builtin_id in ATTENDANCE:
            PlanIndicator.objects.create(
                goal=goal,
                definition=library[builtin_id],
                period_kind=kind,
                baseline_period=f"{last_year}-{first}" if first else str(last_year),
            )
    return goal


@pytest.fixture
def attended(world):
    """Two activities of Kalmar (focus areas 2 and 3), sessions in whole and part months of
    last year and this year (today's month among them), and twelve people in five households
    present at most of them."""
    today = timezone.localdate()
    year = today.year - 1
    people = []
    for n in range(5):
        household = Household.objects.create(collaboration=world.kalmar)
        for role in ("child", "guardian", "child")[: 2 + n % 2]:
            people.append(
                Participant.objects.create(
                    collaboration=world.kalmar, household=household, role=role, birth_year=2015
                )
            )
    days = [
        today.replace(year=year, month=month, day=day)
        for month, day in ((2, 3), (3, 10), (6, 10), (6, 20), (8, 10), (8, 20), (10, 1))
    ]
    days += [today.replace(month=1, day=15), today - timedelta(days=20), today - timedelta(days=1)]
    sessions = []
    for focus_area in (2, 3):
        activity = Activity.objects.create(
            collaboration=world.kalmar,
            name=f"Aktivitet {focus_area}",
            focus_area=focus_area,
            type="leisure",
            starts_on=days[0],
        )
        for n, day in enumerate(days):
            session = session_create(activity=activity, date=day, by=world.kalmar_ngo)
            present = [p.pk for k, p in enumerate(people) if (k + n + focus_area) % 4]
            attendance_record(session=session, add=present, by=world.kalmar_ngo)
            sessions.append(session)
    return people, sessions


def _figures(collaboration) -> list:
    """(indicator, the page's values, the values from the raw rows) of every attendance row of
    the plan page."""
    figures = []
    for goal in selectors.dashboard(collaboration):
        for row in goal.indicators:
            definition = row.definition
            raw = [
                BEFORE[definition.source](
                    Context(
                        collaboration=collaboration,
                        start=v.period.start,
                        end=v.period.end,
                        params=dict(definition.params or {}),
                    )
                )
                for v in row.values
            ]
            figures.append((definition.builtin_id, [v.value for v in row.values], raw))
    return figures


def _same_as_the_raw_rows(collaboration) -> None:
    figures = _figures(collaboration)
    assert len(figures) == 3 * len(ATTENDANCE)
    for builtin_id, shown, raw in figures:
        assert shown == raw, builtin_id
    call_command("rebuild_report_tables", "--check")


def test_the_page_counts_what_the_raw_rows_say_after_every_kind_of_attendance_write(
    world, plan, attended
):
    people, sessions = attended
    kalmar, by = world.kalmar, world.kalmar_ngo
    figures = _figures(kalmar)
    assert any(
        value.state == "ok" and value.value >= 5 for _id, shown, _raw in figures for value in shown
    )
    _same_as_the_raw_rows(kalmar)

    # save: more people present, at a part month's session and today's month's
    for session in (sessions[2], sessions[-1]):
        attendance_record(session=session, add=[p.pk for p in people], by=by)
        _same_as_the_raw_rows(kalmar)
    # clear: a whole session's list, and one person from another
    attendance_record(session=sessions[1], remove=[p.pk for p in people], by=by)
    _same_as_the_raw_rows(kalmar)
    attendance_record(session=sessions[4], remove=[people[0].pk], by=by)
    _same_as_the_raw_rows(kalmar)
    # a session moved to another month, to a part month, and to the year before
    for session, day in (
        (sessions[0], sessions[0].date.replace(month=4)),
        (sessions[5], sessions[5].date.replace(day=25)),
        (sessions[7], sessions[7].date.replace(year=sessions[7].date.year - 1)),
    ):
        session_update(session=session, date=day, by=by)
        _same_as_the_raw_rows(kalmar)
    # a session cancelled, and held again
    session_update(session=sessions[3], cancelled=True, by=by)
    _same_as_the_raw_rows(kalmar)
    session_update(session=sessions[10], cancelled=True, by=by)
    _same_as_the_raw_rows(kalmar)
    session_update(session=sessions[3], cancelled=False, by=by)
    _same_as_the_raw_rows(kalmar)
    # the bulk writer (imports, the demo)
    with attendance_record_bulk(by=by) as bulk:
        for session in sessions[:4]:
            bulk.add(session.pk, [p.pk for p in people[:7]])
    _same_as_the_raw_rows(kalmar)
    # erasure: a child and then their guardian (the household's "both" goes)
    participant_erase(participant=people[0], by=by)
    _same_as_the_raw_rows(kalmar)
    participant_erase(participant=people[1], by=by)
    _same_as_the_raw_rows(kalmar)


def test_a_period_is_split_into_whole_months_and_the_days_of_part_months():
    """A term's part months (1-15 June) come from the attendance rows of those days; the
    months it covers whole from the derived rows."""
    from samverka.followup.sources import _months_and_days

    spring = P.parse("2025-VT")
    months, days = _months_and_days(spring.start, spring.end)
    assert months == {2025: [1, 2, 3, 4, 5]}
    assert [(d.isoformat(), e.isoformat()) for d, e in days] == [("2025-06-01", "2025-06-15")]
    autumn = P.parse("2025-HT")
    months, days = _months_and_days(autumn.start, autumn.end)
    assert months == {2025: [9, 10, 11, 12]}
    assert [(d.isoformat(), e.isoformat()) for d, e in days] == [("2025-08-15", "2025-08-31")]
    assert _months_and_days(autumn.end, autumn.start) == ({}, [])
