"""The grouped sources (`sources.compute_many`): the values equal those of the per-context
computations before them (sources_before.py) on a small built world, and the number of queries
grows neither with the periods of the plan page nor with the collaborations of the national
comparison."""

import random
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import make_collaboration
from samverka.accounts.roles import Role
from samverka.activities import activity_years
from samverka.activities.models import Activity, Session
from samverka.activities.services import attendance_record_bulk
from samverka.assessment.models import Answer as AssessmentAnswer
from samverka.assessment.models import AssessmentRound, LearningDecision, LearningSession
from samverka.assessment.models import Response as AssessmentResponse
from samverka.followup import periods as P
from samverka.followup.models import Goal, PlanIndicator
from samverka.followup.national import comparison
from samverka.followup.sources import Context, compute_many
from samverka.followup.tests.sources_before import BEFORE
from samverka.orgs.decorators import NationalAccess
from samverka.orgs.models import Municipality
from samverka.participants.models import Household, Participant
from samverka.referrals.models import Referral, ReferralStatus
from samverka.surveys.instruments.models import ItemType
from samverka.surveys.tests.factories import add_item, make_response, make_round, make_version

WHO5 = [f"P-WHO-0{n}" for n in range(1, 6)]


def _world_of(collaboration, seed: int) -> None:
    """Activities of three focus areas (one cancelled session each), households of children
    with and without a guardian, attendance at random over 2025 and the weeks before today,
    referrals, learning decisions, a survey round and a closed self-assessment round."""
    rng = random.Random(seed)
    today = timezone.localdate()
    days = [date(2025, 1, 13) + timedelta(days=7 * week) for week in range(48)]
    days += [today - timedelta(days=n) for n in (1, 8, 15)]
    people = []
    for _h in range(14):
        household = Household.objects.create(collaboration=collaboration)
        for role in ["child"] * rng.randint(1, 2) + ["guardian"] * rng.randint(0, 1):
            people.append(
                Participant.objects.create(
                    collaboration=collaboration,
                    household=household,
                    role=role,
                    gender=rng.choice(["female", "male"]),
                    birth_year=rng.choice([2012, 2016, 1985]),
                )
            )
    with attendance_record_bulk(by=None) as attendance:
        for focus_area, groups in ((1, ["children"]), (2, ["parents"]), (3, [])):
            activity = Activity.objects.create(
                collaboration=collaboration,
                name=f"Aktivitet {focus_area}",
                focus_area=focus_area,
                type="leisure",
                starts_on=date(2025, 1, 1),
                target_groups=groups,
            )
            Session.objects.create(activity=activity, date=days[3], cancelled=True)
            for day in rng.sample(days, 12):
                session = Session.objects.create(activity=activity, date=day)
                chosen = rng.sample(people, rng.randint(0, len(people) // 2))
                attendance.add(session.pk, [p.pk for p in chosen])
            activity_years.refresh([activity.pk])  # sessions made here, not by the services
    for n in range(9):
        Referral.objects.create(
            collaboration=collaboration,
            need_category="housing",
            date=rng.choice(days),
            organisation=collaboration.lead_organisation if n % 3 else None,
            status=rng.choice([ReferralStatus.CONNECTED, *ReferralStatus.failed()]),
        )
    learning = LearningSession.objects.create(
        collaboration=collaboration, held_on=date(2025, 1, 10)
    )
    for n in range(7):
        due = rng.choice(days)
        done = due + timedelta(days=rng.choice([-3, 4])) if n % 2 else None
        LearningDecision.objects.create(session=learning, text=str(n), due_on=due, done_on=done)
    version = make_version()
    section = version.sections.first()
    options = [(str(v), {"sv": str(v), "en": str(v)}) for v in range(6)]
    for item_id in WHO5:
        add_item(section, item_id, ItemType.SINGLE, {"sv": "?"}, options=options)
    survey = make_round(collaboration, version, opens_in_days=-3)
    for n in range(rng.randint(4, 8)):
        answers = {item_id: str(rng.randint(0, 5)) for item_id in WHO5[: 3 + n % 3]}
        answers["T-NET-01"] = rng.choice(["1", "3", "4", "5", "dk"])
        make_response(survey, answers)


def _assessment(world, collaboration, size: int) -> None:
    round_ = AssessmentRound.objects.create(
        collaboration=collaboration, number=1, opened_at=timezone.now(), closed_at=timezone.now()
    )
    users = [world.kalmar_ngo, world.kalmar_kommun, world.kalmar_ledare, world.boden_ngo]
    users += [world.boden_kommun, world.kalmar_partner_user]
    for n, user in enumerate(users[:size]):
        response = AssessmentResponse.objects.create(
            round=round_,
            respondent=user,
            party="municipality",
            level="operational",
            submitted_at=timezone.now(),
        )
        AssessmentAnswer.objects.create(response=response, item_id="cap_trust", value=1 + n % 5)


PERIODS = ["2024", "2025", "2025-H1", "2025-H2", "2025-VT", "2025-HT"]

PARAMS = {
    "attendance.unique_participants": [
        {},
        {"role": "child"},
        {"focus_area": 2},
        {"target_group": "children"},
    ],
    "attendance.sessions_held": [{}, {"focus_area": 3}, {"target_group": "parents"}],
    "attendance.retention": [{"min_sessions": 3}, {"min_sessions": 2, "focus_area": 1}],
    "attendance.households_both": [{}, {"focus_area": 2}],
    "surveys.share_agreeing": [{"items": ["T-NET-01"]}],
    "surveys.who5_mean": [{}],
    "assessment.mean": [{"section": "capacity"}, {"section": "capacity", "party": "cso"}],
    "referrals.connected": [{}],
    "referrals.gaps": [{}],
    "learning.on_time": [{}],
}


@pytest.fixture
def built(world):
    _world_of(world.kalmar, 1)
    _world_of(world.boden, 2)
    _assessment(world, world.kalmar, 6)
    _assessment(world, world.boden, 4)
    return [world.kalmar, world.boden]


@pytest.mark.parametrize("source", sorted(PARAMS))
def test_grouped_values_equal_the_values_computed_one_context_at_a_time(built, source):
    periods = [P.parse(key) for key in PERIODS] + [P.current("half"), P.current("term")]
    for params in PARAMS[source]:
        contexts = [
            Context(collaboration=c, start=p.start, end=p.end, params=dict(params))
            for c in built
            for p in periods
        ]
        before = [BEFORE[source](ctx) for ctx in contexts]
        assert compute_many(source, contexts) == before, params
        # one collaboration at a time (the plan page), and one context (the report)
        for collaboration in built:
            own = [ctx for ctx in contexts if ctx.collaboration == collaboration]
            expected = [v for v, ctx in zip(before, contexts, strict=True) if ctx in own]
            assert compute_many(source, own) == expected, params
        assert compute_many(source, contexts[:1]) == before[:1]


def test_the_built_world_has_values_of_every_kind(built):
    """The comparison above is not of empty values only."""
    states = set()
    for source, params in PARAMS.items():
        contexts = [
            Context(collaboration=c, start=p.start, end=p.end, params=dict(params[0]))
            for c in built
            for p in (P.parse("2025"), P.current("year"))
        ]
        states |= {(source, value.state) for value in compute_many(source, contexts)}
    assert {state for _source, state in states} == {"ok", "hidden", "no_data"}
    assert ("attendance.unique_participants", "ok") in states
    assert ("attendance.retention", "ok") in states


# --- query counts ----------------------------------------------------------------------------

BENCH_PLAN = {  # as bench/measure.py `followup_plan`
    "families": ["FU-ATT-01", "FU-ATT-05", "FU-ATT-06", "FU-FAM-01"],
    "staff": ["FU-ATT-04", "FU-VAL-01"],
    "society": ["FU-COL-01", "FU-COL-06"],
}


def _plan(collaboration, library, *, periods: int, again: bool = False) -> None:
    """The bench's plan, each indicator showing `periods` half-years (its baseline's onwards);
    `again`: the attendance indicators a second time, under another goal."""
    PlanIndicator.objects.filter(goal__collaboration=collaboration).delete()
    Goal.objects.filter(collaboration=collaboration).delete()
    baseline = P.recent("half", periods)[0].key
    plan = dict(BENCH_PLAN)
    if again:
        plan["again"] = ["FU-ATT-01", "FU-ATT-04", "FU-ATT-05", "FU-ATT-06"]
    for level, ids in plan.items():
        goal = Goal.objects.create(
            collaboration=collaboration,
            title=level,
            level="families" if level == "again" else level,
        )
        for builtin_id in ids:
            PlanIndicator.objects.create(
                goal=goal,
                definition=library[builtin_id],
                period_kind="half",
                baseline_period=baseline,
                target_value=10,
            )


def _queries(function) -> int:
    with CaptureQueriesContext(connection) as queries:
        function()
    return len(queries.captured_queries)


def test_the_plan_page_reads_the_same_number_of_queries_for_two_or_six_periods(
    built, world, library, login_as
):
    client = login_as(world.kalmar_ngo)
    url = reverse("followup:plan", args=[world.kalmar.code])

    def page():
        response = client.get(url)
        assert response.status_code == 200

    _plan(world.kalmar, library, periods=2)
    page()
    two = _queries(page)
    _plan(world.kalmar, library, periods=6)
    page()
    six = _queries(page)
    assert six == two
    # The attendance indicators again: their rows are read once for the page.
    _plan(world.kalmar, library, periods=6, again=True)
    page()
    assert _queries(page) == six


def test_the_plan_pages_survey_indicators_read_their_answers_together_with_the_same_values(
    built, world, library
):
    from samverka.followup.selectors import dashboard, values_for

    _plan(world.kalmar, library, periods=6)
    rows = [row for goal in dashboard(world.kalmar) for row in goal.indicators]
    surveys = [row for row in rows if row.definition.source.startswith("surveys.")]
    assert len(surveys) == 2
    for row in rows:
        alone = values_for(row.indicator, [v.period for v in row.values])
        assert [v.value for v in row.values] == alone, row.definition.builtin_id
    assert any(v.value.state != "no_data" for row in surveys for v in row.values)


GROUPED = [
    "FU-ATT-01",
    "FU-ATT-02",
    "FU-ATT-04",
    "FU-ATT-05",
    "FU-ATT-06",
    "FU-FAM-01",
    "FU-VAL-01",
    "FU-COL-01",
    "FU-COL-03",
    "FU-COL-06",
]


@pytest.mark.parametrize("builtin_id", GROUPED)
def test_the_national_comparison_reads_the_same_number_of_queries_for_2_or_5_collaborations(
    built, library, builtin_id
):
    national = NationalAccess(user=None, role=Role.NATIONAL_LEAD)
    data = {"indicator": builtin_id, "year": str(timezone.localdate().year)}
    result = comparison(national, data)
    assert result["definition"] == library[builtin_id]
    assert len(result["rows"]) == 2
    two = _queries(lambda: comparison(national, data))
    taken = {"0880", "2582"}
    for n, municipality in enumerate(
        Municipality.objects.exclude(code__in=taken).order_by("code")[:3]
    ):
        collaboration, _partner = make_collaboration(municipality.code, municipality.name)
        _world_of(collaboration, 10 + n)
    result = comparison(national, data)
    assert len(result["rows"]) == 5
    assert _queries(lambda: comparison(national, data)) == two
