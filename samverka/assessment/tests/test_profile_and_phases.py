"""The collaboration's profile, operational routines, checklists and phase changes."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from samverka.assessment.models import (
    ChecklistMark,
    CollaborationProfile,
    OperationalRoutine,
    PhaseChange,
)
from samverka.assessment.phases import checklist_for
from samverka.audit.models import AuditEvent
from samverka.orgs.models import Phase


def url(name, world, *args):
    return reverse(f"assessment:{name}", args=[world.kalmar.code, *args])


def test_the_strategic_profile_is_saved_with_goal_picture_and_idea(world, login_as):
    client = login_as(world.kalmar_kommun)
    response = client.post(
        url("profile_edit", world),
        {
            "shared_goal_picture": "Alla barn har en trygg och meningsfull fritid.",
            "collaboration_idea": "Föreningen når familjerna, kommunen ger förankring.",
            "welfare_gaps": "Föräldrastöd för dem som inte går till familjecentralen.",
            "anchoring_forums": "Välfärdsberedningen och barnrättsgruppen.",
            "decision_level": "committee",
            "decisions": "Socialnämnden beslutade om samverkan i mars.",
            "child_rights_link": "Projektledaren sitter i barnrättsgruppen.",
            "organisation": "Styrgrupp varje kvartal, arbetsgrupp varannan vecka.",
        },
    )
    assert response.status_code == 302
    world.kalmar.refresh_from_db()
    assert world.kalmar.shared_goal_picture.startswith("Alla barn")
    profile = CollaborationProfile.objects.get(collaboration=world.kalmar)
    assert profile.decision_level == "committee" and profile.updated_by == world.kalmar_kommun
    event = AuditEvent.objects.get(object_type="orgs.collaboration", action="update")
    assert set(event.fields) == {"shared_goal_picture", "collaboration_idea"}
    page = client.get(url("model", world))
    assert "Välfärdsberedningen" in page.content.decode()


def test_saving_the_profile_unchanged_records_and_writes_nothing(world, login_as):
    data = {"welfare_gaps": "Föräldrastöd.", "decision_level": "committee"}
    login_as(world.kalmar_kommun).post(url("profile_edit", world), data)
    profile = CollaborationProfile.objects.get(collaboration=world.kalmar)
    events = AuditEvent.objects.count()
    assert login_as(world.kalmar_ngo).post(url("profile_edit", world), data).status_code == 302
    assert AuditEvent.objects.count() == events
    unchanged = CollaborationProfile.objects.get(pk=profile.pk)
    assert (unchanged.updated_at, unchanged.updated_by) == (profile.updated_at, world.kalmar_kommun)


def test_a_routine_names_a_key_person_and_a_different_backup(world, login_as):
    client = login_as(world.kalmar_ngo)
    ngo = world.kalmar.memberships.get(user=world.kalmar_ngo)
    kommun = world.kalmar.memberships.get(user=world.kalmar_kommun)
    data = {
        "description": "Vi ringer varandra när en familj behöver lotsas vidare.",
        "meetings": "Avstämning varannan tisdag.",
        "channels": "Telefon och en gemensam e-postlista.",
        "contacts": "Integrationslotsen och projektledaren.",
        "key_person": ngo.pk,
        "backup_person": ngo.pk,
    }
    response = client.post(url("routine_edit", world, "coordination"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["backup_person"]
    data["backup_person"] = kommun.pk
    assert client.post(url("routine_edit", world, "coordination"), data).status_code == 302
    routine = OperationalRoutine.objects.get(collaboration=world.kalmar, element="coordination")
    assert routine.key_person == ngo and routine.backup_person == kommun and routine.is_documented
    event = AuditEvent.objects.get(object_type="assessment.operationalroutine")
    assert (event.action, event.detail) == ("create", "coordination")


def test_a_routine_cannot_name_a_member_of_another_collaboration(world, login_as):
    boden = world.boden.memberships.get(user=world.boden_ngo)
    response = login_as(world.kalmar_ngo).post(
        url("routine_edit", world, "information"), {"description": "x", "key_person": boden.pk}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["key_person"]


def test_the_checklist_is_ticked_and_shown_with_progress(world, login_as):
    client = login_as(world.kalmar_ngo)
    items = checklist_for(Phase.INITIATION)
    data = {
        f"done_{items[0].id}": "on",
        f"done_{items[1].id}": "on",
        f"note_{items[2].id}": "Pågår",
    }
    assert client.post(url("checklist_edit", world, "initiation"), data).status_code == 302
    assert ChecklistMark.objects.filter(collaboration=world.kalmar, done=True).count() == 2
    assert ChecklistMark.objects.get(item_id=items[2].id).note == "Pågår"
    page = client.get(url("model", world))
    initiation = page.context["checklists"][0]
    # the two ticked, and the actors: Samverka knows Kalmar's partner (issue 13.12)
    assert (initiation.done, initiation.total) == (3, len(items))
    # Unticking works too.
    client.post(url("checklist_edit", world, "initiation"), {f"done_{items[0].id}": "on"})
    assert ChecklistMark.objects.filter(collaboration=world.kalmar, done=True).count() == 1


def test_moving_to_transition_with_a_thin_checklist_warns_but_does_not_block(world, login_as):
    world.kalmar.phase = Phase.IMPLEMENTATION
    world.kalmar.save()
    client = login_as(world.kalmar_ngo)
    data = {
        "to_phase": "transition",
        "changed_on": timezone.localdate().isoformat(),
        "reason": "Projektet slutar i december; vi behöver planera överlämningen.",
    }
    first = client.post(url("phase_change", world), data)
    assert first.status_code == 200
    kinds = [w["text"] for w in first.context["warnings"]]
    assert len(kinds) == 2  # the implementation checklist is thin; no working methods documented
    assert first.context["confirm_for"] == "transition"
    world.kalmar.refresh_from_db()
    assert world.kalmar.phase == Phase.IMPLEMENTATION
    second = client.post(url("phase_change", world), {**data, "confirmed_for": "transition"})
    assert second.status_code == 302
    world.kalmar.refresh_from_db()
    assert world.kalmar.phase == Phase.TRANSITION
    change = PhaseChange.objects.get()
    assert (change.from_phase, change.to_phase, change.changed_by) == (
        "implementation",
        "transition",
        world.kalmar_ngo,
    )
    assert {w["kind"] for w in change.warnings} == {"open_items", "no_working_methods"}
    assert change.warnings[0]["thin"] is True
    page = client.get(url("model", world))
    assert "planera överlämningen" in page.content.decode()
    assert page.context["history"][0]["warnings"]


def test_confirming_for_another_phase_asks_again(world, login_as):
    client = login_as(world.kalmar_ngo)
    data = {
        "to_phase": "transition",
        "changed_on": timezone.localdate().isoformat(),
        "reason": "Hoppar över",
        "confirmed_for": "implementation",
    }
    response = client.post(url("phase_change", world), data)
    assert response.status_code == 200
    kinds = {w["text"] for w in response.context["warnings"]}
    assert len(kinds) >= 3  # initiation open, implementation skipped and open, no methods
    assert not PhaseChange.objects.exists()


def test_a_complete_checklist_moves_without_warnings(world, login_as):
    client = login_as(world.kalmar_kommun)
    done = {f"done_{item.id}": "on" for item in checklist_for(Phase.INITIATION)}
    client.post(url("checklist_edit", world, "initiation"), done)
    data = {
        "to_phase": "implementation",
        "changed_on": timezone.localdate().isoformat(),
        "reason": "Styrgruppen har fastställt planen.",
    }
    assert client.post(url("phase_change", world), data).status_code == 302
    assert PhaseChange.objects.get().warnings == []


def test_going_back_needs_a_reason_but_no_checklist(world, login_as):
    world.kalmar.phase = Phase.TRANSITION
    world.kalmar.save()
    client = login_as(world.kalmar_ngo)
    data = {"to_phase": "implementation", "changed_on": timezone.localdate().isoformat()}
    response = client.post(url("phase_change", world), data)
    assert response.context["form"].errors["reason"]
    data["reason"] = "Ny finansiering: vi fortsätter genomförandet ett år till."
    assert client.post(url("phase_change", world), data).status_code == 302
    assert PhaseChange.objects.get().warnings == []


def test_a_phase_change_cannot_be_dated_in_the_future_or_to_the_same_phase(world, login_as):
    client = login_as(world.kalmar_ngo)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = client.post(
        url("phase_change", world),
        {"to_phase": "initiation", "changed_on": tomorrow, "reason": "x"},
    )
    errors = response.context["form"].errors
    assert "to_phase" in errors and "changed_on" in errors
    assert not PhaseChange.objects.exists()
