"""Decision-makers meet children (from the session page), counted per collaboration and year,
and children heard, through the disclosure control, in the national comparison."""

from django.urls import reverse

from samverka.children.meetings.selectors import meetings_per_year
from samverka.children.models import Consultation, DecisionMaker


def test_a_leader_records_decision_makers_from_the_session_page(world, login_as, forum_session):
    client = login_as(world.kalmar_ledare)
    attendance = client.get(
        reverse("activities:attendance", args=[world.kalmar.code, forum_session.code])
    )
    url = reverse("children:session_decision_makers", args=[world.kalmar.code, forum_session.code])
    assert url in attendance.content.decode()
    response = client.post(url, {"title": "Kommunalråd", "organisation": "Kalmar kommun"})
    assert response.status_code == 302
    assert DecisionMaker.objects.get().session == forum_session
    assert meetings_per_year([world.kalmar])[world.kalmar.pk][forum_session.date.year] == 1


def test_a_consultation_at_the_same_session_is_the_same_meeting(world, consultation, forum_session):
    DecisionMaker.objects.create(
        collaboration=world.kalmar, session=forum_session, title="A", organisation="B"
    )
    DecisionMaker.objects.create(
        collaboration=world.kalmar, consultation=consultation, title="C", organisation="D"
    )
    assert meetings_per_year([world.kalmar])[world.kalmar.pk][forum_session.date.year] == 1


def test_children_heard_are_disclosure_controlled_nationally(world, login_as, consultation):
    Consultation.objects.create(
        collaboration=world.boden,
        held_on=consultation.held_on,
        topic="Boden",
        method="drawings",
        children_by_age={"6-12": 20},
    )
    response = login_as(world.forskare).get(
        reverse("children:national") + f"?year={consultation.held_on.year}"
    )
    table = response.content.decode().split('id="children-heard"')[1].split("</table>")[0]
    assert ">..<" in table  # Kalmar's 3 children of 13-17
    assert ">3<" not in table
    assert login_as(world.kalmar_ngo).get(reverse("children:national")).status_code == 404
