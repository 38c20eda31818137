"""What the shareable (disclosure-controlled) figures publish, and what they leave out."""

from datetime import date

from samverka.activities.models import Activity, TargetGroup
from samverka.reports.selectors import funder_figures

YEAR_2025 = {"start": date(2025, 1, 1), "end": date(2025, 12, 31)}


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
