"""Attendance for a session that has not started is refused, by one rule for the attendance
page, its writer and the import (samverka.activities.models.attendance_too_early)."""

import datetime
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from samverka.activities import services
from samverka.activities.models import Activity, Headcount, Session, attendance_too_early
from samverka.imports import services as import_services
from samverka.imports.tests.conftest import csv_rows
from samverka.participants.services import participant_create


@pytest.fixture
def tomorrow_session(world):
    day = timezone.localdate() + timedelta(days=1)
    activity = Activity.objects.create(
        collaboration=world.kalmar, name="Lek", focus_area=2, type="leisure", starts_on=day
    )
    activity.leaders.add(world.kalmar_ledare)
    session = Session.objects.create(activity=activity, date=day, start_time=datetime.time(15))
    child = participant_create(
        collaboration=world.kalmar,
        by=None,
        role="child",
        birth_year=2016,
        gender="male",
        third_country_national="yes",
        language="so",
    )
    return session, child


def test_the_rule_knows_a_later_day_and_a_later_hour_today():
    now = timezone.localtime()
    today = now.date()
    assert attendance_too_early(today + timedelta(days=1))
    assert attendance_too_early(today - timedelta(days=1)) is None
    assert attendance_too_early(today) is None  # no start time: today counts as started
    later = (now + timedelta(hours=1)).time()
    if later > now.time():  # not across midnight
        assert attendance_too_early(today, later, now)
    earlier = (now - timedelta(hours=1)).time()
    if earlier < now.time():
        assert attendance_too_early(today, earlier, now) is None


def test_the_page_says_the_session_has_not_started_and_offers_no_save(
    client, world, tomorrow_session
):
    session, _ = tomorrow_session
    client.force_login(world.kalmar_ledare)
    response = client.get(reverse("activities:attendance", args=[world.kalmar.code, session.code]))
    assert response.context["too_early"]
    html = response.content.decode()
    assert 'id="too-early"' in html
    assert 'value="save">' not in html.split('class="save-bar"')[1]
    assert 'value="add"' not in html


def test_a_posted_list_for_a_session_not_started_is_refused(client, world, tomorrow_session):
    session, child = tomorrow_session
    client.force_login(world.kalmar_ledare)
    response = client.post(
        reverse("activities:attendance", args=[world.kalmar.code, session.code]),
        {"present": [child.code], "version": 0, "key": "k", "action": "save"},
        follow=True,
    )
    assert not session.attendances.exists()
    # In Swedish, as the page is (the message was once missed by makemessages and stayed English).
    assert any("har inte börjat än" in str(m) for m in response.context["messages"])


def test_the_writer_refuses_to_mark_anyone_present_before_the_start(world, tomorrow_session):
    session, child = tomorrow_session
    with pytest.raises(services.AttendanceTooEarly):
        services.attendance_record(session=session, add=[child.pk], by=None)
    assert not session.attendances.exists()


def test_the_import_refuses_a_future_date_with_the_same_rule(world, tomorrow_session):
    session, _ = tomorrow_session
    rows = csv_rows(f"{session.date.isoformat()},Lek,AB23,2015,flicka,ja")
    result = import_services.import_plan(collaboration=world.kalmar, rows=rows)
    messages = [str(error) for error in result.errors]
    assert messages and attendance_too_early(session.date) in " ".join(messages)


def test_a_headcount_for_a_session_not_started_is_refused(client, world, tomorrow_session):
    session, _ = tomorrow_session
    client.force_login(world.kalmar_ledare)
    url = reverse("activities:headcount", args=[world.kalmar.code, session.code])
    html = client.get(url).content.decode()
    assert 'id="too-early"' in html and "Spara räkningen" not in html
    response = client.post(url, {"version": 0, "key": "h", "n-6-12-female": "7"}, follow=True)
    assert not Headcount.objects.filter(session=session).exists()
    assert any("har inte börjat än" in str(m) for m in response.context["messages"])
    with pytest.raises(services.AttendanceTooEarly):
        services.headcount_save(
            session=session, counts={("6-12", "female"): 7}, version=0, key="k", by=None
        )
    assert not Headcount.objects.filter(session=session).exists()


def test_the_writer_refuses_someone_of_another_collaboration(world):
    """The page only maps codes of its own collaboration; the writer checks as well, so no
    other caller can put a participant of another collaboration on a session's list."""
    day = timezone.localdate() - timedelta(days=1)
    activity = Activity.objects.create(
        collaboration=world.kalmar, name="Lek", focus_area=2, type="leisure", starts_on=day
    )
    session = Session.objects.create(activity=activity, date=day)
    ours, theirs = (
        participant_create(
            collaboration=collaboration,
            by=None,
            role="child",
            birth_year=2016,
            gender="female",
            third_country_national="yes",
            language="ar",
        )
        for collaboration in (world.kalmar, world.boden)
    )
    with pytest.raises(services.AttendanceOutsideCollaboration):
        services.attendance_record(session=session, add=[ours.pk, theirs.pk], by=None)
    assert not session.attendances.exists()  # all or nothing
    services.attendance_record(session=session, add=[ours.pk], by=None)
    assert list(session.attendances.values_list("participant_id", flat=True)) == [ours.pk]
