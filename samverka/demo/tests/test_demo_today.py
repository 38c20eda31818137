"""The demo tells a true story about today: periods run through it, rounds are open or closed
as their dates say, no weekly session falls on a public holiday or a listed break, and the
anonymous headcounts differ from place to place."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from samverka.activities.calendar import in_break, public_holiday
from samverka.activities.models import Headcount, Session
from samverka.assessment.models import AssessmentRound
from samverka.demo.activities import school_breaks
from samverka.demo.data import PROGRAMME, demo_period
from samverka.orgs.models import Collaboration, Phase
from samverka.surveys.rounds.models import Round


@pytest.fixture
def seeded(db, settings):
    settings.DEBUG = True
    call_command("seed_demo")


def test_the_demo_tells_a_true_story_about_today(seeded):
    """Seeding takes a while, so one test checks everything about the seeded world."""
    today = timezone.localdate()
    # Every period runs through today, as its phase says.
    phases = {code: phase for code, _slug, phase in PROGRAMME}
    for collaboration in Collaboration.objects.filter(name__startswith="Barn i fokus"):
        assert collaboration.starts_on <= today <= collaboration.ends_on, collaboration
        phase = phases[collaboration.municipality.code]  # as the story begins
        if phase == Phase.TRANSITION:
            assert collaboration.ends_on <= today + timedelta(days=183)
        if phase == Phase.INITIATION:
            assert collaboration.starts_on >= today - timedelta(days=365)

    # Rounds are open or closed as their dates say.
    for survey_round in Round.objects.all():
        assert survey_round.opens_on <= survey_round.closes_on
        if survey_round.state == "open":
            assert survey_round.opens_on <= today <= survey_round.closes_on
    for assessment_round in AssessmentRound.objects.all():
        assert timezone.localdate(assessment_round.opened_at) <= today
        if assessment_round.closed_at:
            assert timezone.localdate(assessment_round.closed_at) <= today

    # No session on a public holiday or in a listed break; Kalmar's club meets today.
    sessions = Session.objects.select_related("activity")
    for session in sessions:
        assert public_holiday(session.date) is None, session
        assert not in_break(session.activity.breaks, session.date), session
    assert any(s.activity.breaks for s in sessions)
    assert (
        public_holiday(today)
        or sessions.filter(
            date=today,
            activity__name="Fritidsklubben",
            activity__collaboration__municipality__code="0880",
        ).exists()
    )

    # Anonymous headcounts differ from meeting to meeting and town to town.
    totals = {}
    for cell in Headcount.objects.all():
        totals[cell.session_id] = totals.get(cell.session_id, 0) + cell.count
    assert len(set(totals.values())) > 3


def test_demo_periods_and_breaks_follow_the_day_they_are_built():
    christmas = date(2027, 12, 27)
    assert demo_period(Phase.IMPLEMENTATION, christmas)["ends_on"] == date(2028, 12, 31)
    breaks = school_breaks(date(2027, 10, 1), date(2028, 1, 31), christmas)
    assert ["2027-11-01", "2027-11-05"] in breaks  # week 44
    assert not any(a <= "2027-12-27" <= b for a, b in breaks)  # not the break holding today
