"""Consultations: recorded by a leader on a phone, answered by the coordinator; children are
never identified; survey rounds of the child instrument are listed too."""

from datetime import timedelta

import pytest
from django.urls import reverse

from samverka.audit.models import AuditEvent
from samverka.children.consultations.selectors import waiting_for
from samverka.children.models import Consultation, Decision
from samverka.participants.models import Household, Participant
from samverka.surveys.models import InstrumentKind
from samverka.surveys.tests.factories import make_round, make_version


def _form(**extra):
    data = {
        "held_on": "2025-03-01",
        "topic": "Vad vill ni göra i sommar?",
        "method": "drawings",
        "band_6-12": "7",
        "band_13-17": "",
        "band_0-5": "",
        "band_unknown": "",
        "voice-TOTAL_FORMS": "3",
        "voice-INITIAL_FORMS": "0",
        "voice-0-theme": "Bada",
        "voice-0-words": "Vi vill bada!\nKan vi åka till stranden?",
        "voice-1-theme": "",
        "voice-2-theme": "",
    }
    data.update(extra)
    return data


def _url(world, name, **kwargs):
    return reverse(f"children:{name}", kwargs={"code": world.kalmar.code, **kwargs})


def test_a_leader_records_a_consultation_with_counts_and_the_childrens_words(world, login_as):
    client = login_as(world.kalmar_ledare)
    response = client.post(_url(world, "consultation_create"), _form())
    consultation = Consultation.objects.get()
    assert response.status_code == 302
    assert consultation.children_by_age == {"6-12": 7}
    assert consultation.created_by == world.kalmar_ledare
    assert [v.quotes() for v in consultation.voices.all()] == [
        ["Vi vill bada!", "Kan vi åka till stranden?"]
    ]
    assert AuditEvent.objects.filter(object_type="children.consultation", action="create").exists()


def test_a_text_with_a_participant_code_is_refused_with_the_reason(world, login_as):
    household = Household.objects.create(collaboration=world.kalmar)
    child = Participant.objects.create(
        collaboration=world.kalmar, household=household, role="child", birth_year=2016
    )
    client = login_as(world.kalmar_ledare)
    response = client.post(
        _url(world, "consultation_create"), _form(**{"voice-0-words": f"{child.code} sa: bada!"})
    )
    assert response.status_code == 400
    assert child.code in response.content.decode()
    assert "deltagarkod" in response.content.decode()
    assert not Consultation.objects.exists()


def test_without_any_count_the_consultation_is_refused(world, login_as):
    client = login_as(world.kalmar_ledare)
    response = client.post(_url(world, "consultation_create"), _form(**{"band_6-12": ""}))
    assert response.status_code == 400
    assert "åldersgrupp" in response.content.decode()
    response = client.post(_url(world, "consultation_create"), _form(**{"band_6-12": "-2"}))
    assert response.status_code == 400
    assert not Consultation.objects.exists()


def test_small_counts_are_shown_as_they_are_inside_the_collaboration(world, login_as, consultation):
    response = login_as(world.kalmar_kommun).get(
        _url(world, "consultation", consultation_code=consultation.code)
    )
    body = response.content.decode()
    assert "<strong>3</strong>" in body and ">..<" not in body


def test_the_coordinator_records_the_answer_given_back(world, login_as, consultation):
    client = login_as(world.kalmar_ngo)
    url = _url(world, "told_back", consultation_code=consultation.code)
    response = client.post(
        url,
        {
            "told_back_on": (consultation.held_on - timedelta(days=1)).isoformat(),
            "told_back_how": "poster",
            "told_back_note": "",
        },
    )
    assert response.status_code == 400  # before the children were asked
    response = client.post(
        url,
        {
            "told_back_on": consultation.held_on.isoformat(),
            "told_back_how": "poster",
            "told_back_note": "Affischen sitter i hallen.",
        },
    )
    assert response.status_code == 302
    consultation.refresh_from_db()
    assert consultation.told_back and consultation.told_back_by == world.kalmar_ngo
    assert consultation not in waiting_for(world.kalmar).not_told


def test_leaders_and_researchers_cannot_record_decisions_or_the_answer(
    world, login_as, consultation
):
    for user in (world.kalmar_ledare, world.forskare):
        client = login_as(user)
        assert (
            client.get(_url(world, "told_back", consultation_code=consultation.code)).status_code
            == 403
        )
        assert (
            client.post(
                _url(world, "decision_add", consultation_code=consultation.code),
                {"text": "x", "decided_by": "y", "status": "planned"},
            ).status_code
            == 403
        )
    assert (
        login_as(world.forskare)
        .get(_url(world, "consultation", consultation_code=consultation.code))
        .status_code
        == 200
    )
    assert login_as(world.kalmar_partner_user).get(_url(world, "index")).status_code == 403


def test_a_leader_changes_their_own_consultation_only(world, login_as, consultation):
    client = login_as(world.kalmar_ledare)
    assert (
        client.get(
            _url(world, "consultation_edit", consultation_code=consultation.code)
        ).status_code
        == 200
    )
    other = Consultation.objects.create(
        collaboration=world.kalmar,
        held_on=consultation.held_on,
        topic="Annat",
        method="other",
        children_by_age={"6-12": 5},
        created_by=world.kalmar_ngo,
    )
    assert (
        client.get(_url(world, "consultation_edit", consultation_code=other.code)).status_code
        == 403
    )


def test_a_decision_that_was_not_possible_says_why(world, login_as, consultation):
    client = login_as(world.kalmar_ngo)
    url = _url(world, "decision_add", consultation_code=consultation.code)
    response = client.post(url, {"text": "Badhus", "decided_by": "Chef", "status": "not_possible"})
    assert response.status_code == 400
    assert Decision.objects.filter(text="Badhus").count() == 0
    response = client.post(
        url,
        {"text": "Badhus", "decided_by": "Chef", "status": "not_possible", "note": "Stängt i vår."},
    )
    assert response.status_code == 302
    assert Decision.objects.get(text="Badhus").status == "not_possible"


def test_children_waiting_for_an_answer_show_on_the_overview(world, login_as, consultation):
    waiting = waiting_for(world.kalmar)
    assert [d.text for d in waiting.due_decisions] == ["Fotboll varje fredag från maj"]
    assert waiting.not_told == [consultation]
    body = (
        login_as(world.kalmar_ledare)
        .get(reverse("orgs:collaboration", args=[world.kalmar.code]))
        .content.decode()
    )
    assert "Barn väntar på svar" in body and "Fotboll varje fredag från maj" in body


def test_rounds_of_the_child_survey_are_listed_among_the_consultations(world, login_as):
    version = make_version(kind=InstrumentKind.CHILD, name="Barnenkät")
    round_ = make_round(world.kalmar, version, title="Barnenkät våren")
    parent = make_round(world.kalmar, make_version(name="Föräldraenkät"), title="Föräldrar våren")
    body = login_as(world.kalmar_ngo).get(_url(world, "index")).content.decode()
    assert "Barnenkät våren" in body and parent.title not in body
    assert reverse("surveys:results", args=[world.kalmar.code, round_.code]) in body


@pytest.mark.parametrize("name", ["index", "consultation_create"])
def test_a_member_of_another_collaboration_gets_404(world, login_as, name):
    assert login_as(world.boden_ngo).get(_url(world, name)).status_code == 404
