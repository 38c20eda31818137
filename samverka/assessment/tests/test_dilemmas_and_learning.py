"""The dilemma log and learning sessions with their decisions."""

from django.urls import reverse

from samverka.assessment.models import Dilemma, LearningDecision, LearningSession
from samverka.assessment.rounds import services
from samverka.audit.models import AuditEvent


def url(name, world, *args):
    return reverse(f"assessment:{name}", args=[world.kalmar.code, *args])


DILEMMA = {
    "kind": "new_vs_existing",
    "title": "",
    "occurred_on": "2025-02-10",
    "situation": "Cykelverkstaden behövde en hemvist efter projektet.",
    "municipality_view": "Vi vill inte bygga en parallell verksamhet.",
    "civil_society_view": "Behovet finns nu, familjerna kommer redan.",
    "balance": "Vi provar ett år i fritidsgårdens lokaler.",
    "outcome": "Fritidsförvaltningen tar över lokalkostnaden.",
    "status": "balanced",
}


def test_a_dilemma_is_recorded_shown_edited_and_deleted(world, login_as):
    client = login_as(world.kalmar_kommun)
    response = client.post(url("dilemma_create", world), DILEMMA)
    dilemma = Dilemma.objects.get()
    assert response["Location"] == url("dilemma", world, dilemma.code)
    assert dilemma.created_by == world.kalmar_kommun
    page = client.get(url("dilemma", world, dilemma.code)).content.decode()
    assert "parallell verksamhet" in page and "familjerna kommer redan" in page
    client.post(url("dilemma_edit", world, dilemma.code), {**DILEMMA, "status": "open"})
    dilemma.refresh_from_db()
    assert dilemma.status == "open"
    event = AuditEvent.objects.get(object_code=dilemma.code, action="update")
    assert event.fields == ["status"]
    client.post(url("dilemma_delete", world, dilemma.code))
    assert not Dilemma.objects.exists()
    assert AuditEvent.objects.filter(object_code=dilemma.code, action="delete").exists()


def test_an_own_dilemma_needs_a_name(world, login_as):
    client = login_as(world.kalmar_ngo)
    response = client.post(url("dilemma_create", world), {**DILEMMA, "kind": "own"})
    assert response.status_code == 200 and response.context["form"].errors["title"]
    client.post(url("dilemma_create", world), {**DILEMMA, "kind": "own", "title": "Tolkar"})
    assert Dilemma.objects.get().heading == "Tolkar"


def test_the_dilemma_list_filters_by_kind_and_counts(world, login_as):
    client = login_as(world.kalmar_ngo)
    client.post(url("dilemma_create", world), DILEMMA)
    client.post(url("dilemma_create", world), {**DILEMMA, "kind": "individual_vs_structure"})
    page = client.get(url("dilemmas", world), {"kind": "individual_vs_structure"})
    assert len(page.context["entries"]) == 1
    counts = {k["value"]: k["count"] for k in page.context["kinds"]}
    assert counts["new_vs_existing"] == 1 and counts["individual_vs_structure"] == 1
    assert len(page.context["kinds"]) == 5  # the four recurring dilemmas and our own


def test_the_researcher_reads_dilemmas_but_cannot_write(world, login_as):
    login_as(world.kalmar_ngo).post(url("dilemma_create", world), DILEMMA)
    client = login_as(world.forskare)
    assert client.get(url("dilemmas", world)).status_code == 200
    assert client.post(url("dilemma_create", world), DILEMMA).status_code == 403
    assert Dilemma.objects.count() == 1


def test_a_learning_session_links_results_dilemmas_and_decisions(world, login_as):
    round = services.round_open(collaboration=world.kalmar, by=world.kalmar_ngo)
    services.round_close(round=round, by=world.kalmar_ngo)
    dilemma = Dilemma.objects.create(
        collaboration=world.kalmar, kind="equal_vs_needs", occurred_on="2025-01-01", situation="x"
    )
    ngo = world.kalmar.memberships.get(user=world.kalmar_ngo)
    kommun = world.kalmar.memberships.get(user=world.kalmar_kommun)
    client = login_as(world.kalmar_ngo)
    response = client.post(
        url("learning_create", world),
        {
            "held_on": "2025-05-20",
            "participants": [ngo.pk, kommun.pk],
            "other_participants": "Rektor på Norrskolan",
            "rounds": [round.pk],
            "dilemmas": [dilemma.pk],
            "other_material": "Deltagarenkäten våren 2025",
            "notes": "Vi ser olika på förankringen.",
        },
    )
    session = LearningSession.objects.get()
    assert response["Location"] == url("learning_session", world, session.code)
    assert set(session.participants.all()) == {ngo, kommun}
    assert list(session.rounds.all()) == [round] and list(session.dilemmas.all()) == [dilemma]

    client.post(
        url("decision_add", world, session.code),
        {"text": "Bjud in förvaltningschefen", "follow_up_by": kommun.pk, "due_on": "2025-09-01"},
    )
    decision = LearningDecision.objects.get()
    assert decision.follow_up_by == kommun
    page = client.get(url("learning", world))
    assert list(page.context["open_decisions"]) == [decision]
    client.post(url("decision_toggle", world, session.code, decision.code), {"next": "list"})
    decision.refresh_from_db()
    assert decision.done_on is not None
    assert not list(client.get(url("learning", world)).context["open_decisions"])
    client.post(url("decision_toggle", world, session.code, decision.code))
    decision.refresh_from_db()
    assert decision.done_on is None
    client.post(url("decision_delete", world, session.code, decision.code))
    assert not LearningDecision.objects.exists()
    # The dilemma page shows where it was discussed.
    page = client.get(url("dilemma", world, dilemma.code))
    assert list(page.context["sessions"]) == [session]


def test_a_learning_session_needs_participants_and_only_offers_own_rounds(world, login_as):
    client = login_as(world.kalmar_ngo)
    response = client.post(url("learning_create", world), {"held_on": "2025-05-20"})
    assert response.context["form"].errors["participants"]
    boden_round = services.round_open(collaboration=world.boden, by=world.boden_ngo)
    response = client.post(
        url("learning_create", world),
        {"held_on": "2025-05-20", "other_participants": "Styrgruppen", "rounds": [boden_round.pk]},
    )
    assert response.context["form"].errors["rounds"]
    assert not LearningSession.objects.exists()


def test_an_empty_decision_is_refused(world, login_as):
    session = LearningSession.objects.create(
        collaboration=world.kalmar, held_on="2025-01-01", other_participants="Alla"
    )
    response = login_as(world.kalmar_ngo).post(
        url("decision_add", world, session.code), {"text": ""}
    )
    assert response.status_code == 200 and response.context["decision_form"].errors["text"]


def test_a_learning_session_is_edited_and_deleted(world, login_as):
    session = LearningSession.objects.create(
        collaboration=world.kalmar, held_on="2025-01-01", other_participants="Alla"
    )
    client = login_as(world.nationell)
    client.post(
        url("learning_edit", world, session.code),
        {"held_on": "2025-01-02", "other_participants": "Alla", "notes": "Tillägg"},
    )
    session.refresh_from_db()
    assert session.notes == "Tillägg"
    event = AuditEvent.objects.get(object_code=session.code, action="update")
    assert event.fields == ["held_on", "notes"]
    client.post(url("learning_delete", world, session.code))
    assert not LearningSession.objects.exists()
