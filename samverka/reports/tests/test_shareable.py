"""What the shareable (disclosure-controlled) figures publish, and what they leave out."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from samverka.activities.models import Activity, Session, TargetGroup
from samverka.lib.disclosure import TOTAL
from samverka.orgs.models import Collaboration
from samverka.reports.funder import funder_report
from samverka.reports.selectors import funder_figures

YEAR_2025 = {"start": date(2025, 1, 1), "end": date(2025, 12, 31)}


@pytest.mark.django_db
def test_the_demo_collaborations_shareable_figures_keep_the_total_and_most_margins(settings):
    """A collaboration of about 30 participants: protecting only the published tables keeps
    the total and most margins (protecting every margin of the 4-D cube hid most of them)."""
    settings.DEBUG = True
    call_command("seed_demo", "--force", stdout=StringIO())
    kalmar = Collaboration.objects.get(municipality__code="0880", name="Barn i fokus Kalmar")
    days = Session.objects.filter(activity__collaboration=kalmar).order_by("date")
    period = {"start": days.first().date, "end": days.last().date}
    exact = funder_report(**period, controlled=False, collaborations=[kalmar.pk])
    shared = funder_report(**period, controlled=True, collaborations=[kalmar.pk])
    total = exact.participant_count(municipality="0880")
    assert 20 <= total <= 80, total
    assert shared.participant_count(municipality="0880") == total  # the total survives
    for dimension, values in zip(
        ("age_band", "gender", "third_country_national"), exact.participant_dims[1:], strict=True
    ):
        true = {v: exact.participant_count(municipality="0880", **{dimension: v}) for v in values}
        shown = {v: shared.participant_count(municipality="0880", **{dimension: v}) for v in values}
        small = [v for v in values if 1 <= true[v] <= 4]
        big_hidden = [v for v in values if true[v] >= 5 and shown[v] is None]
        # A margin of five or more is hidden only as the one partner a small one needs.
        assert len(big_hidden) <= (1 if small else 0), (dimension, true, shown)
        assert all(shown[v] in (None, true[v]) for v in values)
    survived = [
        shared.participant_count(municipality="0880", **{d: v})
        for d, values in zip(
            ("age_band", "gender", "third_country_national"),
            exact.participant_dims[1:],
            strict=True,
        )
        for v in values
        if exact.participant_count(municipality="0880", **{d: v}) >= 5
    ]
    assert sum(value is not None for value in survived) * 3 >= len(survived) * 2  # most
    # Only the published tables are in the cube: no cell crosses third-country status with
    # age or gender.
    assert not [k for k in shared.participants if k[3] != TOTAL and (k[1], k[2]) != (TOTAL,) * 2]


def test_headcounts_of_activities_for_professionals_never_enter_the_figures(data):
    """A dialogue forum or a training for professionals counts staff, not participants."""
    forum = data.session(date(2025, 3, 4), activity="Dialogforum", focus_area=1)
    Activity.objects.filter(name="Dialogforum").update(target_groups=[TargetGroup.PROFESSIONALS])
    training = data.session(date(2025, 3, 5), activity="Utbildning", focus_area=1)
    Activity.objects.filter(name="Utbildning").update(
        target_groups=[TargetGroup.PROFESSIONALS, TargetGroup.VOLUNTEERS]
    )
    open_day = data.session(date(2025, 3, 6), activity="Öppen träff", focus_area=3)
    Activity.objects.filter(name="Öppen träff").update(
        target_groups=[TargetGroup.FAMILIES, TargetGroup.PROFESSIONALS]
    )
    data.headcount(forum, "18-64", "female", 12)
    data.headcount(training, "18-64", "male", 8)
    data.headcount(open_day, "18-64", "female", 5)
    figures = funder_figures(**YEAR_2025)
    assert figures.headcounts == {("0880", "18-64", "female"): 5}  # the open day only
    assert figures.participants == {}
    # Sessions held are events, not people: the forum and the training still count there.
    assert sum(sessions for sessions, _n in figures.focus_areas.values()) == 3
