"""The attendance page stays small in a large collaboration: regulars, some others, find by code."""

from datetime import date, time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samverka.activities.models import Activity, Attendance, Session
from samverka.activities.views import OTHERS_LISTED
from samverka.participants.models import Household, Participant

pytestmark = pytest.mark.django_db


@pytest.fixture
def crowd(world):
    """An activity with three regulars in a collaboration of many more participants."""
    activity = Activity.objects.create(
        collaboration=world.kalmar,
        name="Fritidsklubben",
        focus_area=2,
        type="leisure",
        starts_on=date(2025, 9, 2),
        start_time=time(15, 0),
    )
    earlier = Session.objects.create(activity=activity, date=date(2025, 9, 2), start_time=time(15))
    session = Session.objects.create(activity=activity, date=date(2025, 9, 9), start_time=time(15))
    household = Household.objects.create(collaboration=world.kalmar, code="HH000001")
    people = Participant.objects.bulk_create(
        Participant(collaboration=world.kalmar, household=household, code=f"C{n:05d}")
        for n in range(OTHERS_LISTED + 25)
    )
    regulars = people[:3]
    Attendance.objects.bulk_create(Attendance(session=earlier, participant=p) for p in regulars)
    return session, regulars, people


def url(world, session):
    return reverse("activities:attendance", args=[world.kalmar.code, session.code])


def test_lists_the_regulars_and_a_bounded_number_of_others(client, world, crowd):
    session, regulars, people = crowd
    client.force_login(world.kalmar_ngo)
    page = client.get(url(world, session))
    assert page.status_code == 200
    assert [p.code for p in page.context["regulars"]] == [p.code for p in regulars]
    assert len(page.context["others"]) == OTHERS_LISTED
    assert page.context["others_total"] == len(people) - 3
    html = page.content.decode()
    assert f"{len(people) - 3} deltagare till i samverkan" in html
    assert f"De första {OTHERS_LISTED} av {len(people) - 3} visas" in html


def test_finds_an_unlisted_participant_by_code_and_keeps_the_taps(client, world, crowd):
    session, regulars, people = crowd
    client.force_login(world.kalmar_ngo)
    wanted = people[-1]
    page = client.post(
        url(world, session),
        {
            "present": [regulars[0].code],
            "version": 0,
            "key": "k1",
            "find": wanted.code.lower(),
            "action": "find",
        },
    )
    assert page.status_code == 200
    assert [p.code for p in page.context["others"]] == [wanted.code]
    assert page.context["present_ids"] == {regulars[0].pk}
    assert not session.attendances.exists()  # finding saves nothing

    none = client.post(
        url(world, session), {"version": 0, "key": "k2", "find": "ZZZZ", "action": "find"}
    )
    assert none.context["others"] == []
    assert "Ingen annan deltagare har en kod som börjar med ZZZZ" in none.content.decode()


def test_others_tapped_before_a_refused_add_join_the_usual_ones_and_forty_are_still_listed(
    client, world, crowd
):
    """The first others by code, tapped and then posted with a quick-add that is refused: they
    are shown among the usual participants, checked, and the others listed are the next
    OTHERS_LISTED, with the count of those not shown above."""
    session, regulars, people = crowd
    tapped = people[3:5]  # the first two others by code
    client.force_login(world.kalmar_ngo)
    page = client.post(
        url(world, session),
        {
            "present": [p.code for p in tapped],
            "version": 0,
            "key": "k1",
            "action": "add",
            "new-household": "NOSUCH",
        },
    )
    assert page.status_code == 200 and page.context["quick_form"].errors
    assert [p.code for p in page.context["regulars"]] == [p.code for p in [*regulars, *tapped]]
    assert [p.code for p in page.context["others"]] == [p.code for p in people[5:45]]
    assert page.context["others_total"] == len(people) - 5
    html = page.content.decode()
    assert all(f'value="{p.code}" checked>' in html for p in tapped)
    assert not session.attendances.exists()


def test_a_member_of_another_collaboration_cannot_search_here(client, world, crowd):
    session, _regulars, _people = crowd
    client.force_login(world.boden_ngo)
    answer = client.post(url(world, session), {"find": "C", "action": "find"})
    assert answer.status_code == 404


def test_the_page_reads_what_it_shows_in_a_fixed_number_of_queries(client, world, crowd):
    """Beyond what every session page reads (the person, their access, the session): one
    statement for the usual participants with their households, the others listed with the
    collaboration's count, the headcount and whether the person leads the session; and the
    children's hook's excursion mark with its decision-makers (README, Performance). More
    participants, no more queries."""
    session, _regulars, people = crowd
    client.force_login(world.kalmar_ngo)
    client.get(url(world, session))  # the session's first save of the login
    with CaptureQueriesContext(connection) as first:
        assert client.get(url(world, session)).status_code == 200
    more = Participant.objects.bulk_create(
        Participant(collaboration=world.kalmar, household=people[0].household, code=f"D{n:05d}")
        for n in range(30)
    )
    Attendance.objects.bulk_create(Attendance(session=session, participant=p) for p in more[:10])
    with CaptureQueriesContext(connection) as second:
        page = client.get(url(world, session))
    assert len(page.context["regulars"]) == 13
    page_queries = [
        q["sql"]
        for q in first.captured_queries
        if "django_session" not in q["sql"]
        and "otp_" not in q["sql"]
        and "SAVEPOINT" not in q["sql"]  # the session's save, in the test's transaction
    ]
    assert len(page_queries) == 5, page_queries
    assert len(second.captured_queries) == len(first.captured_queries)
