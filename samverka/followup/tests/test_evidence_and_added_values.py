"""Evidence notes (never with a participant code), decisions naming indicators, and the four
added values from the partner survey, split by party with small groups hidden."""

from datetime import date

import pytest
from django.urls import reverse

from samverka.assessment.models import LearningDecision, LearningSession
from samverka.followup.addedvalues import added_values_for
from samverka.followup.models import EvidenceNote
from samverka.followup.tests.conftest import plan_indicator
from samverka.participants.models import Household, Participant
from samverka.surveys.instruments.models import InstrumentKind, ItemType
from samverka.surveys.tests.factories import add_item, make_response, make_round, make_version


def _url(name, world, *args):
    return reverse(f"followup:{name}", args=[world.kalmar.code, *args])


def test_an_evidence_note_with_a_participant_code_is_refused_with_the_reason(world, login_as, goal):
    household = Household.objects.create(collaboration=world.kalmar)
    child = Participant.objects.create(collaboration=world.kalmar, household=household)
    client = login_as(world.kalmar_ngo)
    response = client.post(
        _url("evidence_create", world),
        {
            "kind": "quote",
            "text": f"{child.code} sa att hon har fått en kompis.",
            "period": "2025-H1",
            "source": "other",
        },
    )
    assert response.status_code == 200
    assert child.code in response.content.decode()  # the reason names the code
    assert not EvidenceNote.objects.exists()
    response = client.post(
        _url("evidence_create", world),
        {
            "kind": "quote",
            "text": "En flicka sa att hon har fått en kompis.",
            "period": "2025-h1",
            "goal": goal.pk,
            "source": "other",
            "added_value": "emotional",
        },
    )
    assert response.status_code == 302
    note = EvidenceNote.objects.get()
    assert note.period == "2025-H1" and note.goal == goal
    page = client.get(_url("plan", world)).content.decode()
    assert "En flicka sa att hon har fått en kompis." in page


def test_evidence_cannot_be_written_by_readers_or_other_collaborations(world, login_as, goal):
    data = {"kind": "story", "text": "x", "period": "2025", "source": "other"}
    assert (
        login_as(world.kalmar_partner_user).post(_url("evidence_create", world), data).status_code
        == 403
    )
    assert login_as(world.boden_ngo).post(_url("evidence_create", world), data).status_code == 404
    assert not EvidenceNote.objects.exists()


def test_a_decision_names_the_indicators_it_discusses(world, login_as, goal, library):
    session = LearningSession.objects.create(collaboration=world.kalmar, held_on=date(2025, 3, 1))
    decision = LearningDecision.objects.create(session=session, text="Tolk vid varje träff")
    indicator = plan_indicator(goal, library["FU-ATT-05"])
    client = login_as(world.kalmar_ngo)
    response = client.post(
        _url("indicator_edit", world, indicator.code),
        {
            "definition": library["FU-ATT-05"].pk,
            "period_kind": "half",
            "decisions": [decision.pk],
        },
    )
    assert response.status_code == 302
    assert list(indicator.decisions.all()) == [decision]
    detail = client.get(_url("indicator", world, indicator.code)).content.decode()
    assert "Tolk vid varje träff" in detail
    page = client.get(
        reverse("assessment:learning_session", args=[world.kalmar.code, session.code])
    ).content.decode()
    assert reverse("followup:indicator", args=[world.kalmar.code, indicator.code]) in page


def _partner_round(world):
    version = make_version(kind=InstrumentKind.PARTNER)
    section = version.sections.first()
    for n, item_id in enumerate(["PA-FUN-01", "PA-FUN-02", "PA-EMO-01", "PA-EMO-02"]):
        add_item(section, item_id, ItemType.AGREEMENT, {"sv": "?"}, position=10 + n)
    return make_round(world.kalmar, version)


def test_the_added_values_split_by_party_with_small_groups_hidden(world):
    round_ = _partner_round(world)
    municipal, civil = world.kalmar_partner, world.kalmar.lead_organisation
    for _ in range(5):  # the library (municipal side): functional 4 and 2 → 50 %
        make_response(round_, {"PA-FUN-01": "4", "PA-FUN-02": "2"}, organisation=municipal)
    for _ in range(3):  # the association (civil-society side): three only
        make_response(round_, {"PA-FUN-01": "5", "PA-FUN-02": "5"}, organisation=civil)
    values = added_values_for(world.kalmar).latest
    assert values.n == 8
    labels = [c.label for c in values.columns]
    functional = next(r for r in values.rows if r.value == "functional")
    shares = dict(zip(labels, functional.shares, strict=True))
    assert shares["Alla"] == pytest.approx(100 * 11 / 16)  # 5 + 6 agreeing of 16 answers
    assert shares["Kommunsidan"] is None  # hidden: it would give the civil side's three away
    assert shares["Civilsamhällessidan"] is None
    emotional = next(r for r in values.rows if r.value == "emotional")
    assert emotional.shares[0] is None  # nobody answered: no figure, never 0


def test_the_added_values_show_on_the_follow_up_and_model_pages(world, login_as, goal):
    round_ = _partner_round(world)
    for _ in range(6):
        make_response(round_, {"PA-FUN-01": "5"}, organisation=world.kalmar_partner)
    EvidenceNote.objects.create(
        collaboration=world.kalmar,
        period="2025",
        kind="observation",
        text="Biblioteket ändrade sina öppettider.",
        added_value="functional",
    )
    client = login_as(world.kalmar_ngo)
    for url in (_url("plan", world), reverse("assessment:model", args=[world.kalmar.code])):
        page = client.get(url).content.decode()
        assert "Funktionellt mervärde" in page
        assert "verksamhetsförbättrare" in page
        assert "Biblioteket ändrade sina öppettider." in page


def test_a_decision_added_at_a_learning_session_names_indicators(world, login_as, goal, library):
    session = LearningSession.objects.create(collaboration=world.kalmar, held_on=date(2025, 3, 1))
    indicator = plan_indicator(goal, library["FU-ATT-01"])
    client = login_as(world.kalmar_ngo)
    url = reverse("assessment:decision_add", args=[world.kalmar.code, session.code])
    response = client.post(url, {"text": "Fler träffar på lördagar", "indicators": [indicator.pk]})
    assert response.status_code == 302
    decision = LearningDecision.objects.get()
    assert list(decision.followup_indicators.all()) == [indicator]
    page = client.get(_url("indicator", world, indicator.code)).content.decode()
    assert "Fler träffar på lördagar" in page
