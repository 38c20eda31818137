"""The string of pearls with content: what a later collaboration inherits, the chain with
disclosure-controlled participant counts, and "take over" as drafts."""

from datetime import date

from django.core.files.base import ContentFile
from django.urls import reverse

from samverka.accounts.models import Membership
from samverka.activities.models import Activity
from samverka.assessment.models import LearningDecision, LearningSession, OperationalRoutine
from samverka.audit.models import AuditAction, AuditEvent
from samverka.memory.continuation.models import Continuation
from samverka.memory.documents.models import Document
from samverka.memory.lessons.models import Lesson
from samverka.memory.pearls.models import Draft
from samverka.memory.tests.factories import PDF, activity, earlier_of, membership
from samverka.participants.models import Household, Participant


def _earlier_with_content(world):
    earlier = earlier_of(world.kalmar)
    Lesson.objects.create(
        collaboration=earlier, title="Biblioteket är neutral mark", learned="Familjerna kom dit."
    )
    parents = activity(
        earlier,
        "Föräldraträffar",
        focus_area=3,
        type="parent_group",
        description="Onsdagar med tolk.",
        place="Biblioteket",
    )
    activity(earlier, "Sommarutflykter", focus_area=2, type="excursion")
    Continuation.objects.create(
        activity=parents,
        future="ordinary",
        owner=world.kalmar_partner,
        decided_on=date(2021, 11, 15),
    )
    former = Membership.objects.create(
        user=world.kalmar_ngo, collaboration=earlier, role="coordinator"
    )
    OperationalRoutine.objects.create(
        collaboration=earlier,
        element="information",
        description="Inbjudan på fem språk.",
        meetings="Varje måndag.",
        key_person=former,
    )
    session = LearningSession.objects.create(
        collaboration=earlier, held_on=date(2021, 10, 1), other_participants="Styrgruppen"
    )
    LearningDecision.objects.create(session=session, text="Introduktion för nya föreningar")
    return earlier, parents


def _participants(collaboration, count):
    household = Household.objects.create(collaboration=collaboration)
    for _ in range(count):
        Participant.objects.create(collaboration=collaboration, household=household)


def test_a_member_of_the_later_collaboration_reads_what_it_inherits(world, login_as):
    earlier, _ = _earlier_with_content(world)
    Lesson.objects.create(collaboration=world.boden, title="Bodens egen lärdom", learned="x")
    # kalmar.kommun is not a member of the earlier collaboration.
    client = login_as(world.kalmar_kommun)
    body = client.get(reverse("memory:inherited", args=[world.kalmar.code])).content.decode()
    for expected in (
        "Biblioteket är neutral mark",
        "Föräldraträffar",
        "Fortsätter i ordinarie verksamhet",
        "Inbjudan på fem språk.",
        "Introduktion för nya föreningar",
        "Föräldrar som är nya i Sverige möts och stärks.",
    ):
        assert expected in body, expected
    assert "Bodens egen lärdom" not in body
    overview = client.get(reverse("orgs:collaboration", args=[world.kalmar.code])).content.decode()
    assert "Det den här samverkan ärver" in overview and "1 lärdom" in overview
    assert "1 aktivitet som levde vidare" in overview
    dossier = client.get(
        reverse("memory:inherited_dossier", args=[world.kalmar.code, earlier.code])
    )
    assert dossier.status_code == 200 and "Biblioteket är neutral mark" in dossier.content.decode()
    # The earlier collaboration itself stays closed to them.
    assert client.get(reverse("orgs:collaboration", args=[earlier.code])).status_code == 404


def test_only_collaborations_in_the_chain_are_read(world, login_as):
    _earlier_with_content(world)
    client = login_as(world.kalmar_ngo)
    for name in ("memory:inherited_dossier",):
        assert (
            client.get(reverse(name, args=[world.kalmar.code, world.boden.code])).status_code == 404
        )
    assert (
        client.post(
            reverse("memory:take_over", args=[world.kalmar.code, world.boden.code]), {"goal": "on"}
        ).status_code
        == 404
    )
    # A later collaboration's content is not read from the earlier one.
    earlier = world.kalmar.builds_on
    body = client.get(reverse("memory:inherited", args=[earlier.code])).content.decode()
    assert "bygger inte på någon tidigare samverkan" in body


def test_an_inherited_document_is_downloaded_through_the_later_collaboration_audited(
    world, login_as
):
    earlier, _ = _earlier_with_content(world)
    document = Document(
        collaboration=earlier,
        kind="method",
        title="Metod",
        original_name="metod.pdf",
        content_type="application/pdf",
        size=len(PDF),
        sha256="0" * 64,
    )
    document.file.save("metod.pdf", ContentFile(PDF), save=False)
    document.save()
    url = reverse(
        "memory:inherited_document", args=[world.kalmar.code, earlier.code, document.code]
    )
    response = login_as(world.kalmar_kommun).get(url)
    assert b"".join(response.streaming_content) == PDF
    event = AuditEvent.objects.get(action=AuditAction.EXPORT, object_code=document.code)
    assert event.collaboration_code == earlier.code
    assert event.detail == f"download via {world.kalmar.code}"
    assert login_as(world.boden_ngo).get(url).status_code == 404


def test_the_chain_shows_each_pearl_with_disclosure_controlled_participant_counts(world, login_as):
    earlier, _ = _earlier_with_content(world)
    _participants(earlier, 3)
    _participants(world.kalmar, 12)
    response = login_as(world.kalmar_kommun).get(reverse("memory:chain", args=[world.kalmar.code]))
    pearls = response.context["pearls"]
    assert [p.collaboration for p in pearls] == [earlier, world.kalmar]
    # 3 is hidden; 12 would give it away from the total (15), so it is hidden too.
    assert [p.participants_label for p in pearls] == ["..", ".."]
    assert response.context["total"] == 15
    assert pearls[0].lessons == 1 and [c.activity.name for c in pearls[0].continued] == [
        "Föräldraträffar"
    ]
    assert pearls[0].focus_areas == ["2. Meningsfull fritid", "3. Kompletterande föräldraskapsstöd"]
    body = response.content.decode()
    assert ">3<" not in body and ">12<" not in body


def test_the_chain_shows_large_counts(world, login_as):
    earlier, _ = _earlier_with_content(world)
    _participants(earlier, 8)
    _participants(world.kalmar, 12)
    pearls = (
        login_as(world.kalmar_ngo)
        .get(reverse("memory:chain", args=[world.kalmar.code]))
        .context["pearls"]
    )
    assert [p.participants_label for p in pearls] == ["8", "12"]


def test_take_over_copies_as_drafts_and_changes_nothing_until_adopted(world, login_as):
    earlier, parents = _earlier_with_content(world)
    world.kalmar.shared_goal_picture = "Vår egen målbild."
    world.kalmar.save()
    client = login_as(world.kalmar_ngo)
    form = client.get(reverse("memory:inherited", args=[world.kalmar.code])).context[
        "inheritances"
    ][0][1]
    assert form.fields["activities"].initial == [parents.code]  # what continued is chosen
    activity(world.kalmar, "Föräldraträffar", focus_area=3, type="parent_group")
    inherited = client.get(reverse("memory:inherited", args=[world.kalmar.code]))
    assert inherited.context["inheritances"][0][1].fields["activities"].initial == []
    Activity.objects.filter(collaboration=world.kalmar).delete()  # … unless it is already here
    client.post(
        reverse("memory:take_over", args=[world.kalmar.code, earlier.code]),
        {"goal": "on", "elements": ["information"], "activities": [parents.code]},
    )
    drafts = {d.kind: d for d in Draft.objects.filter(collaboration=world.kalmar)}
    assert set(drafts) == {"goal", "routine", "activity"}
    world.kalmar.refresh_from_db()
    assert world.kalmar.shared_goal_picture == "Vår egen målbild."
    assert not OperationalRoutine.objects.filter(collaboration=world.kalmar).exists()
    assert not Activity.objects.filter(collaboration=world.kalmar).exists()

    # Adopting the goal picture, edited.
    client.post(
        reverse("memory:draft", args=[world.kalmar.code, drafts["goal"].code]),
        {
            "shared_goal_picture": "Föräldrar möts och stärks – nu med barnen.",
            "collaboration_idea": "",
        },
    )
    world.kalmar.refresh_from_db()
    assert world.kalmar.shared_goal_picture == "Föräldrar möts och stärks – nu med barnen."

    # Adopting the routine with this collaboration's own key person.
    key = membership(world.kalmar, world.kalmar_ledare)
    client.post(
        reverse("memory:draft", args=[world.kalmar.code, drafts["routine"].code]),
        {"description": "Inbjudan på fem språk.", "key_person": key.pk},
    )
    routine = OperationalRoutine.objects.get(collaboration=world.kalmar, element="information")
    assert routine.key_person == key and routine.description == "Inbjudan på fem språk."

    # Adopting the activity with new dates makes its sessions.
    page = client.get(reverse("memory:draft", args=[world.kalmar.code, drafts["activity"].code]))
    assert page.context["form"].initial["name"] == "Föräldraträffar"
    client.post(
        reverse("memory:draft", args=[world.kalmar.code, drafts["activity"].code]),
        {
            "name": "Föräldraträffar",
            "focus_area": "3",
            "type": "parent_group",
            "recurring": "on",
            "starts_on": "2026-01-07",
            "ends_on": "2026-02-04",
            "weekday": "2",
            "description": "Onsdagar med tolk.",
        },
    )
    created = Activity.objects.get(collaboration=world.kalmar)
    assert created.sessions.count() == 5
    statuses = set(
        Draft.objects.filter(collaboration=world.kalmar).values_list("status", flat=True)
    )
    assert statuses == {"adopted"}
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_code=created.code).exists()

    # Taking over again leaves adopted drafts alone.
    client.post(
        reverse("memory:take_over", args=[world.kalmar.code, earlier.code]),
        {"goal": "on", "activities": [parents.code]},
    )
    assert set(Draft.objects.values_list("status", flat=True)) == {"adopted"}


def test_a_discarded_draft_can_be_taken_over_again(world, login_as):
    earlier, _ = _earlier_with_content(world)
    client = login_as(world.kalmar_kommun)
    take = reverse("memory:take_over", args=[world.kalmar.code, earlier.code])
    client.post(take, {"goal": "on"})
    draft = Draft.objects.get()
    client.post(reverse("memory:draft_discard", args=[world.kalmar.code, draft.code]))
    draft.refresh_from_db()
    assert draft.status == "discarded"
    client.post(take, {"goal": "on"})
    draft.refresh_from_db()
    assert draft.status == "draft" and Draft.objects.count() == 1


def test_taking_over_nothing_or_without_the_right_is_refused(world, login_as):
    earlier, _ = _earlier_with_content(world)
    take = reverse("memory:take_over", args=[world.kalmar.code, earlier.code])
    response = login_as(world.kalmar_ngo).post(take, {}, follow=True)
    assert "Välj minst en sak att ta över." in response.content.decode()
    assert login_as(world.kalmar_ledare).post(take, {"goal": "on"}).status_code == 403
    assert login_as(world.boden_ngo).post(take, {"goal": "on"}).status_code == 404
    assert not Draft.objects.exists()
