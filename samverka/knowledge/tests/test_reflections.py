"""Leader reflections: written by a session's leaders, read by them and the coordinator; a
request for support shows on the coordinator's overview until it is answered."""

import pytest

from samverka.knowledge.reflections.models import Reflection
from samverka.knowledge.tests.conftest import make_activity, make_session
from samverka.participants.services import participant_create

pytestmark = pytest.mark.django_db

REFLECTION = {
    "what_worked": "Barnen valde lekarna själva.",
    "what_to_change": "Mer tid till läxor.",
    "needs_support": "on",
    "support_request": "Hur hanterar vi konflikter?",
}


@pytest.fixture
def session(world):
    return make_session(make_activity(world.kalmar, leaders=[world.kalmar_ledare]))


def test_a_leader_writes_a_reflection_on_their_own_session(client, world, login_as, session):
    login_as(world.kalmar_ledare)
    response = client.post(
        f"/c/{world.kalmar.code}/sessions/{session.code}/reflection/", REFLECTION
    )
    reflection = Reflection.objects.get()
    assert response.status_code == 302 and reflection.author == world.kalmar_ledare
    assert reflection.needs_support and reflection.waiting_for_support
    # The attendance page leads there.
    page = client.get(f"/c/{world.kalmar.code}/sessions/{session.code}/").content.decode()
    assert f"/sessions/{session.code}/reflection/" in page


def test_a_leader_cannot_reflect_on_another_leaders_session(client, world, login_as):
    theirs = make_session(make_activity(world.kalmar, name="Annans"))
    login_as(world.kalmar_ledare)
    assert (
        client.post(
            f"/c/{world.kalmar.code}/sessions/{theirs.code}/reflection/", REFLECTION
        ).status_code
        == 404
    )
    assert not Reflection.objects.exists()


def test_a_reflection_may_not_name_a_participant_by_code(client, world, login_as, session):
    child = participant_create(
        collaboration=world.kalmar,
        by=world.kalmar_ngo,
        role="child",
        birth_year=2016,
        gender="female",
        third_country_national="yes",
        language="ar",
    )
    login_as(world.kalmar_ledare)
    response = client.post(
        f"/c/{world.kalmar.code}/sessions/{session.code}/reflection/",
        {**REFLECTION, "what_worked": f"{child.code} var glad"},
    )
    assert response.status_code == 400 and not Reflection.objects.exists()
    assert child.code in response.content.decode()


def test_an_empty_reflection_and_support_without_a_question_are_refused(
    client, world, login_as, session
):
    login_as(world.kalmar_ledare)
    url = f"/c/{world.kalmar.code}/sessions/{session.code}/reflection/"
    assert client.post(url, {"what_worked": "", "what_to_change": ""}).status_code == 400
    assert (
        client.post(
            url, {"what_worked": "Bra", "needs_support": "on", "support_request": ""}
        ).status_code
        == 400
    )
    assert not Reflection.objects.exists()


def test_the_coordinator_sees_the_request_on_the_overview_until_answering_it(
    client, world, login_as, session
):
    login_as(world.kalmar_ledare)
    client.post(f"/c/{world.kalmar.code}/sessions/{session.code}/reflection/", REFLECTION)
    reflection = Reflection.objects.get()
    login_as(world.kalmar_ngo)
    overview = client.get(f"/c/{world.kalmar.code}/").content.decode()
    assert f"/reflections/{reflection.code}/" in overview
    response = client.post(
        f"/c/{world.kalmar.code}/reflections/{reflection.code}/", {"answer": "Vi ses på tisdag."}
    )
    assert response.status_code == 302
    reflection.refresh_from_db()
    assert reflection.answered_by == world.kalmar_ngo and not reflection.waiting_for_support
    assert (
        f"/reflections/{reflection.code}/"
        not in client.get(f"/c/{world.kalmar.code}/").content.decode()
    )
    # The leader reads the answer.
    login_as(world.kalmar_ledare)
    page = client.get(f"/c/{world.kalmar.code}/reflections/{reflection.code}/").content.decode()
    assert "Vi ses på tisdag." in page


def test_a_leader_cannot_answer_and_sees_only_reflections_on_own_sessions(
    client, world, login_as, session
):
    other = make_session(make_activity(world.kalmar, name="Annans", leaders=[world.kalmar_ngo]))
    mine = Reflection.objects.create(session=session, author=world.kalmar_ledare, what_worked="Bra")
    theirs = Reflection.objects.create(
        session=other, author=world.kalmar_ngo, what_worked="Hemligt"
    )
    login_as(world.kalmar_ledare)
    assert (
        client.post(f"/c/{world.kalmar.code}/reflections/{mine.code}/", {"answer": "x"}).status_code
        == 403
    )
    assert client.get(f"/c/{world.kalmar.code}/reflections/{theirs.code}/").status_code == 404
    listing = client.get(f"/c/{world.kalmar.code}/reflections/").content.decode()
    assert "Hemligt" not in listing and mine.code in listing


@pytest.mark.parametrize("persona", ["forskare", "kalmar_partner_user"])
def test_researchers_and_partners_read_no_reflections(client, world, login_as, session, persona):
    reflection = Reflection.objects.create(
        session=session, author=world.kalmar_ledare, what_worked="Bra"
    )
    login_as(getattr(world, persona))
    assert client.get(f"/c/{world.kalmar.code}/reflections/{reflection.code}/").status_code in {
        403,
        404,
    }
    assert client.get(f"/c/{world.kalmar.code}/reflections/").status_code in {403, 404}


def test_another_collaboration_cannot_read_a_reflection(client, world, login_as, session):
    reflection = Reflection.objects.create(
        session=session, author=world.kalmar_ledare, what_worked="Bra"
    )
    login_as(world.boden_ngo)
    assert client.get(f"/c/{world.boden.code}/reflections/{reflection.code}/").status_code == 404


def test_an_answered_reflection_can_no_longer_be_changed(client, world, login_as, session):
    login_as(world.kalmar_ledare)
    client.post(f"/c/{world.kalmar.code}/sessions/{session.code}/reflection/", REFLECTION)
    reflection = Reflection.objects.get()
    reflection.answer, reflection.answered_by = "Svar", world.kalmar_ngo
    from django.utils import timezone

    reflection.answered_at = timezone.now()
    reflection.save()
    client.post(
        f"/c/{world.kalmar.code}/sessions/{session.code}/reflection/",
        {**REFLECTION, "what_worked": "Ändrat"},
    )
    reflection.refresh_from_db()
    assert reflection.what_worked == REFLECTION["what_worked"]


def test_the_session_page_offers_the_reflection_only_to_the_sessions_leaders(
    client, world, login_as, session
):
    from samverka.knowledge.volunteers.models import Volunteer

    Volunteer.objects.create(collaboration=world.kalmar)
    login_as(world.kalmar_ngo)  # manages the activity, does not lead this session
    page = client.get(f"/c/{world.kalmar.code}/sessions/{session.code}/").content.decode()
    assert "/reflection/" not in page
    assert f"/sessions/{session.code}/volunteers/" in page
    session.leaders.add(world.kalmar_ngo)
    page = client.get(f"/c/{world.kalmar.code}/sessions/{session.code}/").content.decode()
    assert f"/sessions/{session.code}/reflection/" in page
    login_as(world.kalmar_ledare)
    page = client.get(f"/c/{world.kalmar.code}/sessions/{session.code}/").content.decode()
    assert "/reflection/" in page and "/volunteers/" not in page
