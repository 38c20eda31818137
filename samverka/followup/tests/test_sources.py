"""Each computed indicator against hand-counted fixtures, with no data, a zero denominator and
groups below the minimum (hidden, never 0)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone, translation

from samverka.activities import activity_years
from samverka.activities.models import Activity, Session
from samverka.activities.services import attendance_record_bulk
from samverka.assessment.models import Answer as AssessmentAnswer
from samverka.assessment.models import AssessmentRound, LearningDecision, LearningSession
from samverka.assessment.models import Response as AssessmentResponse
from samverka.followup import periods as P
from samverka.followup.models import IndicatorDefinition, ManualValue
from samverka.followup.selectors import breakdown, format_value, value_for
from samverka.followup.sources import HIDDEN, NO_DATA, OK
from samverka.followup.tests.conftest import plan_indicator
from samverka.participants.models import Household, Participant
from samverka.referrals.models import Referral
from samverka.surveys.instruments.models import ItemType
from samverka.surveys.tests.factories import add_item, make_response, make_round, make_version

H1 = P.parse("2025-H1")
H2 = P.parse("2025-H2")
END_OF_2025 = date(2025, 12, 31)


def _value(indicator, period=H1):
    return value_for(indicator, period, today=END_OF_2025)


def _people(collaboration, n, *, role="child", households=None, gender="female"):
    people = []
    for i in range(n):
        household = (
            households[i] if households else Household.objects.create(collaboration=collaboration)
        )
        people.append(
            Participant.objects.create(
                collaboration=collaboration,
                household=household,
                role=role,
                gender=gender,
                birth_year=2015,
            )
        )
    return people


def _activity(collaboration, *, focus_area=2, sessions=(), cancelled=()):
    activity = Activity.objects.create(
        collaboration=collaboration,
        name=f"Aktivitet {focus_area}",
        focus_area=focus_area,
        type="leisure",
        starts_on=date(2025, 1, 1),
    )
    made = [Session.objects.create(activity=activity, date=day) for day in sessions]
    for day in cancelled:
        Session.objects.create(activity=activity, date=day, cancelled=True)
    activity_years.refresh([activity.pk])  # sessions made here, not by the services
    return activity, made


def _attend(session, people):
    with attendance_record_bulk(by=None) as attendance:
        attendance.add(session.pk, [p.pk for p in people])


@pytest.fixture
def attendance(world):
    """Leisure (focus area 2): three held sessions in 2025-H1 and one cancelled. Six children:
    four come to all three, two to the first only. Parent support (focus area 3): one session
    with three guardians."""
    kalmar = world.kalmar
    _leisure, sessions = _activity(
        kalmar,
        sessions=[date(2025, 2, 1), date(2025, 3, 1), date(2025, 4, 1)],
        cancelled=[date(2025, 5, 1)],
    )
    children = _people(kalmar, 6)
    for session in sessions:
        _attend(session, children[:4])
    _attend(sessions[0], children[4:])
    _support, support_sessions = _activity(kalmar, focus_area=3, sessions=[date(2025, 3, 10)])
    guardians = _people(kalmar, 3, role="guardian", households=[c.household for c in children[:3]])
    _attend(support_sessions[0], guardians)
    return {"children": children, "guardians": guardians}


def test_unique_participants_counts_each_person_once(goal, library, attendance):
    everyone = plan_indicator(goal, library["FU-ATT-01"])
    assert _value(everyone).value == 9  # six children and three guardians
    children = plan_indicator(goal, library["FU-ATT-02"])
    assert _value(children).value == 6


def test_a_count_below_five_is_hidden_never_zero(goal, library, attendance):
    guardians = plan_indicator(goal, library["FU-ATT-03"])
    value = _value(guardians)
    assert value.state == HIDDEN and value.value is None
    with translation.override("en"):
        assert format_value(value, "count") == "hidden"
    parent_support = plan_indicator(goal, library["FU-ATT-08"])
    assert _value(parent_support).state == HIDDEN


def test_a_period_without_sessions_has_no_data(goal, library, attendance):
    everyone = plan_indicator(goal, library["FU-ATT-01"])
    value = _value(everyone, H2)
    assert value.state == NO_DATA
    with translation.override("en"):
        assert format_value(value, "count") == "no data"


def test_sessions_held_leave_out_cancelled_ones(goal, library, attendance):
    sessions = plan_indicator(goal, library["FU-ATT-04"])
    assert _value(sessions).value == 4  # three leisure sessions and one parent-support session


def test_unique_participants_broken_down_by_focus_area_is_one_controlled_table(
    goal, library, attendance
):
    everyone = plan_indicator(goal, library["FU-ATT-01"])
    with translation.override("en"):
        rows = dict(breakdown(everyone, H1, "focus_area"))
    # Three in parent support are hidden; the six in leisure are hidden too, since the total
    # (nine) would give the three away. Nothing reads 3 or 0.
    assert list(rows.values()) == ["hidden", "hidden"]
    assert len(rows) == 2  # focus area 1 had no one: not listed


def test_retention_is_the_share_who_came_to_at_least_three_sessions(goal, library, attendance):
    retention = plan_indicator(goal, library["FU-ATT-05"])
    value = _value(retention)
    # leisure: 4 of 6 came three times; parent support: 0 of 3 → 4 of 9 pairs
    assert value.state == OK
    assert round(value.value, 1) == round(100 * 4 / 9, 1)
    assert _value(retention, H2).state == NO_DATA


def test_households_where_a_child_and_a_guardian_took_part(goal, library, attendance):
    households = plan_indicator(goal, library["FU-ATT-06"])
    # six households take part; in three of them a guardian came too
    assert _value(households).value == 50.0


def _scale_round(world, answers, *, kind="parent"):
    version = make_version(kind=kind)
    round_ = make_round(world.kalmar, version, opens_in_days=-3)
    for value in answers:
        make_response(round_, {"T-NET-01": value})
    return round_


def _own(world, source, params=None, unit="share"):
    return IndicatorDefinition.objects.create(
        collaboration=world.kalmar, name_sv="Egen", unit=unit, source=source, params=params or {}
    )


def _this_year():
    return P.current("year")


def test_share_agreeing_leaves_dont_know_out_of_the_base(world, goal):
    _scale_round(world, ["5", "4", "4", "3", "2", "dk"])
    indicator = plan_indicator(goal, _own(world, "surveys.share_agreeing", {"items": ["T-NET-01"]}))
    value = value_for(indicator, _this_year())
    assert value.state == OK
    assert value.value == 60.0  # 3 of the 5 who did not answer "don't know"


def test_share_agreeing_of_four_respondents_is_hidden(world, goal):
    _scale_round(world, ["5", "5", "4", "1"])
    indicator = plan_indicator(goal, _own(world, "surveys.share_agreeing", {"items": ["T-NET-01"]}))
    assert value_for(indicator, _this_year()).state == HIDDEN


def test_share_agreeing_without_answers_has_no_data(world, goal):
    indicator = plan_indicator(goal, _own(world, "surveys.share_agreeing", {"items": ["T-NET-01"]}))
    assert value_for(indicator, _this_year()).state == NO_DATA


def test_who5_mean_of_the_respondents_who_answered_all_five(world, goal, library):
    version = make_version()
    section = version.sections.first()
    options = [(str(v), {"sv": str(v), "en": str(v)}) for v in range(6)]
    for n in range(1, 6):
        add_item(section, f"P-WHO-0{n}", ItemType.SINGLE, {"sv": "?"}, options=options)
    round_ = make_round(world.kalmar, version, opens_in_days=-3)
    for _ in range(4):
        make_response(round_, {f"P-WHO-0{n}": "3" for n in range(1, 6)})  # 15 × 4 = 60
    make_response(round_, {f"P-WHO-0{n}": "5" for n in range(1, 6)})  # 100
    make_response(round_, {"P-WHO-01": "0"})  # incomplete: not counted
    indicator = plan_indicator(goal, library["FU-FAM-01"])
    value = value_for(indicator, _this_year())
    assert value.value == 68.0 and value.n == 5


def test_response_rate_uses_the_number_offered(world, goal, library):
    round_ = _scale_round(world, ["5", "4", "4", "3", "2", "1"])
    round_.offered = 10
    round_.save()
    indicator = plan_indicator(goal, library["FU-SRV-02"])
    assert value_for(indicator, _this_year()).value == 60.0


def test_response_rate_with_no_one_offered_has_no_data(world, goal, library):
    """Nobody attended while the round was open and no number was entered: zero denominator."""
    _scale_round(world, ["5", "4", "4", "3", "2", "1"])
    indicator = plan_indicator(goal, library["FU-SRV-02"])
    assert value_for(indicator, _this_year()).state == NO_DATA


def test_response_rate_counts_the_attenders_while_the_round_was_open(world, goal, library):
    round_ = _scale_round(world, ["5", "4", "4", "3", "2"])
    _activity_people = _people(world.kalmar, 8)
    _, sessions = _activity(world.kalmar, sessions=[timezone.localdate() - timedelta(days=1)])
    _attend(sessions[0], _activity_people)
    from samverka.surveys.rounds.selectors import offered_count

    assert offered_count(round_) == 8
    indicator = plan_indicator(goal, library["FU-SRV-02"])
    assert value_for(indicator, _this_year()).value == 62.5


def _assessment(world, values):
    round_ = AssessmentRound.objects.create(
        collaboration=world.kalmar, number=1, opened_at=timezone.now(), closed_at=timezone.now()
    )
    users = [
        world.kalmar_ngo,
        world.kalmar_kommun,
        world.kalmar_ledare,
        world.boden_ngo,
        world.boden_kommun,
        world.kalmar_partner_user,
    ]
    for user, value in zip(users, values, strict=False):
        response = AssessmentResponse.objects.create(
            round=round_,
            respondent=user,
            party="municipality",
            level="operational",
            submitted_at=timezone.now(),
        )
        AssessmentAnswer.objects.create(response=response, item_id="cap_trust", value=value)
    return round_


def test_self_assessment_mean_of_a_closed_round(world, goal, library):
    _assessment(world, [5, 4, 4, 3, 4])
    indicator = plan_indicator(goal, library["FU-COL-02"])
    assert value_for(indicator, _this_year()).value == 4.0


def test_self_assessment_mean_of_four_people_is_hidden(world, goal, library):
    _assessment(world, [5, 4, 4, 3])
    indicator = plan_indicator(goal, library["FU-COL-02"])
    assert value_for(indicator, _this_year()).state == HIDDEN
    other = plan_indicator(goal, library["FU-COL-01"])  # nobody answered on receptiveness
    assert value_for(other, _this_year()).state == NO_DATA


def test_learning_decisions_done_by_their_date(world, goal, library):
    session = LearningSession.objects.create(collaboration=world.kalmar, held_on=date(2025, 1, 10))
    LearningDecision.objects.create(
        session=session, text="a", due_on=date(2025, 3, 1), done_on=date(2025, 2, 20)
    )
    LearningDecision.objects.create(
        session=session, text="b", due_on=date(2025, 4, 1), done_on=date(2025, 5, 1)
    )
    LearningDecision.objects.create(session=session, text="c", due_on=date(2025, 5, 1))
    indicator = plan_indicator(goal, library["FU-COL-03"])
    assert round(_value(indicator).value, 1) == 33.3
    assert _value(indicator, H2).state == NO_DATA  # nothing due: zero denominator


def test_referral_gaps_below_five_are_hidden_and_none_is_no_data(world, goal, library):
    indicator = plan_indicator(goal, library["FU-COL-06"])
    assert _value(indicator).state == NO_DATA
    for _ in range(3):
        Referral.objects.create(
            collaboration=world.kalmar, need_category="housing", date=date(2025, 3, 1)
        )
    assert _value(indicator).state == HIDDEN
    for _ in range(3):
        Referral.objects.create(
            collaboration=world.kalmar, need_category="school", date=date(2025, 3, 2)
        )
    assert _value(indicator).value == 6


def test_a_hand_entered_value_belongs_to_its_period(goal, library):
    indicator = plan_indicator(goal, library["FU-MAN-01"], period_kind="half")
    ManualValue.objects.create(indicator=indicator, period="2025-H1", value=12, source_note="x")
    assert _value(indicator).value == 12
    indicator = type(indicator).objects.get(pk=indicator.pk)
    assert _value(indicator, H2).state == NO_DATA


def test_another_collaborations_records_never_count(world, goal, library, attendance):
    """Boden's attendance is not Kalmar's."""
    boden_people = _people(world.boden, 7)
    _, sessions = _activity(world.boden, sessions=[date(2025, 2, 2)])
    _attend(sessions[0], boden_people)
    assert _value(plan_indicator(goal, library["FU-ATT-01"])).value == 9


def test_sessions_held_before_any_activity_ran_is_no_data(goal, library, attendance):
    sessions = plan_indicator(goal, library["FU-ATT-04"])
    assert _value(sessions, P.parse("2024")).state == NO_DATA
    assert _value(sessions, H2).value == 0  # the activities ran; none of their sessions was held


def test_a_changed_number_offered_is_audited(world, goal):
    from samverka.audit.models import AuditAction, AuditEvent
    from samverka.surveys.rounds.services import round_update

    round_ = make_round(world.kalmar)
    round_update(
        round=round_,
        title=round_.title,
        opens_on=round_.opens_on,
        closes_on=round_.closes_on,
        languages=round_.languages,
        offered=12,
        by=world.kalmar_ngo,
    )
    round_.refresh_from_db()
    assert round_.offered == 12
    event = AuditEvent.objects.get(action=AuditAction.UPDATE, object_code=round_.code)
    assert "offered" in event.fields
