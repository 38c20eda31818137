from datetime import date

import pytest
from django.db import IntegrityError
from django.urls import reverse

from samverka.audit.models import AuditEvent
from samverka.orgs.models import Collaboration


def overview(client, collaboration):
    return client.get(reverse("orgs:collaboration", args=[collaboration.code]))


def edit_payload(collaboration, **changes):
    data = {
        "name": collaboration.name,
        "lead_organisation": collaboration.lead_organisation.pk,
        "starts_on": "2024-01-01",
        "ends_on": "2025-12-31",
        "shared_goal_picture": "Barnen har en meningsfull fritid.",
        "collaboration_idea": "",
        "builds_on": "",
    }
    data.update(changes)
    return data


def test_home_lists_only_my_collaborations(client, world):
    client.force_login(world.kalmar_ngo)
    page = client.get(reverse("home")).content.decode()
    assert world.kalmar.name in page
    assert world.boden.name not in page


def test_the_page_title_names_the_page_then_samverka(client, world):
    client.force_login(world.kalmar_ngo)
    page = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "<title>Mina samverkan · Samverka</title>" in page


def test_national_staff_see_every_collaboration_and_can_filter(login_as, world):
    client = login_as(world.nationell)
    page = client.get(reverse("home")).content.decode()
    assert world.kalmar.name in page and world.boden.name in page
    page = client.get(reverse("home"), {"municipality": "2582"}).content.decode()
    assert world.boden.name in page and world.kalmar.name not in page


def test_researcher_sees_every_collaboration_read_only(client, world, login_as):
    login_as(world.forskare)
    assert world.boden.name in client.get(reverse("home")).content.decode()
    page = overview(client, world.kalmar).content.decode()
    assert reverse("orgs:collaboration_edit", args=[world.kalmar.code]) not in page
    response = client.post(
        reverse("orgs:collaboration_edit", args=[world.kalmar.code]), edit_payload(world.kalmar)
    )
    assert response.status_code == 403


def test_overview_shows_phase_partners_members_and_chain(client, world):
    earlier = Collaboration.objects.create(
        name="Familjeträffar 2019",
        municipality=world.kalmar.municipality,
        lead_organisation=world.kalmar.lead_organisation,
        starts_on=date(2019, 1, 1),
        ends_on=date(2021, 12, 31),
    )
    world.kalmar.builds_on = earlier
    world.kalmar.save()
    client.force_login(world.kalmar_ngo)
    response = overview(client, world.kalmar)
    page = response.content.decode()
    assert world.kalmar_partner.name in page
    assert "Familjeträffar 2019" in page
    assert "Kalmar.Ledare Testsson" in page or "Kalmar Testsson" in page
    assert response.context["access"].roles == {"coordinator"}


def test_activity_leader_sees_overview_without_members_or_audit(client, world):
    client.force_login(world.kalmar_ledare)
    response = overview(client, world.kalmar)
    assert response.status_code == 200
    assert "memberships" not in response.context
    assert "recent_events" not in response.context


def test_coordinator_edits_the_collaboration_and_the_change_is_audited(client, world):
    client.force_login(world.kalmar_ngo)
    response = client.post(
        reverse("orgs:collaboration_edit", args=[world.kalmar.code]),
        edit_payload(world.kalmar, collaboration_idea="Vi når familjer tillsammans."),
    )
    assert response.status_code == 302
    world.kalmar.refresh_from_db()
    assert world.kalmar.collaboration_idea == "Vi når familjer tillsammans."
    event = AuditEvent.objects.get(object_code=world.kalmar.code, action="update")
    assert "collaboration_idea" in event.fields
    assert "familjer" not in str(event.fields)  # names, never values


def test_phase_is_not_changed_through_the_edit_form(client, world):
    client.force_login(world.kalmar_ngo)
    client.post(
        reverse("orgs:collaboration_edit", args=[world.kalmar.code]),
        edit_payload(world.kalmar, phase="transition"),
    )
    world.kalmar.refresh_from_db()
    assert world.kalmar.phase == "initiation"  # phases move on the model page, with a reason


def test_municipal_contact_co_owns_and_may_edit(client, world):
    client.force_login(world.kalmar_kommun)
    response = client.post(
        reverse("orgs:collaboration_edit", args=[world.kalmar.code]),
        edit_payload(world.kalmar, name="Barn i fokus Kalmar 2.0"),
    )
    assert response.status_code == 302


def test_end_before_start_is_refused_and_changes_nothing(client, world):
    client.force_login(world.kalmar_ngo)
    response = client.post(
        reverse("orgs:collaboration_edit", args=[world.kalmar.code]),
        edit_payload(world.kalmar, name="Nytt namn", ends_on="2023-01-01"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["ends_on"]
    world.kalmar.refresh_from_db()
    assert world.kalmar.name == "Barn i fokus Kalmar"


def test_a_collaboration_cannot_build_on_its_own_successor(client, world):
    later = Collaboration.objects.create(
        name="Uppföljare",
        municipality=world.kalmar.municipality,
        lead_organisation=world.kalmar.lead_organisation,
        starts_on=date(2026, 1, 1),
        builds_on=world.kalmar,
    )
    client.force_login(world.kalmar_ngo)
    response = client.post(
        reverse("orgs:collaboration_edit", args=[world.kalmar.code]),
        edit_payload(world.kalmar, builds_on=later.pk),
    )
    assert response.context["form"].errors["builds_on"]


def test_coordinator_cannot_move_the_collaboration_to_another_municipality(client, world):
    client.force_login(world.kalmar_ngo)
    client.post(
        reverse("orgs:collaboration_edit", args=[world.kalmar.code]),
        edit_payload(world.kalmar, municipality=world.boden.municipality.pk),
    )
    world.kalmar.refresh_from_db()
    assert world.kalmar.municipality.code == "0880"


def test_national_lead_creates_a_collaboration(login_as, world):
    client = login_as(world.nationell)
    data = edit_payload(world.kalmar, name="Ny samverkan i Boden")
    data["municipality"] = world.boden.municipality.pk
    response = client.post(reverse("orgs:collaboration_create"), data)
    created = Collaboration.objects.get(name="Ny samverkan i Boden")
    assert response["Location"] == reverse("accounts:member_invite", args=[created.code])


def test_database_refuses_a_period_that_ends_before_it_starts(world):
    world.kalmar.ends_on = date(2020, 1, 1)
    with pytest.raises(IntegrityError):
        world.kalmar.save()


def test_collaboration_codes_are_opaque(world):
    assert not world.kalmar.code.isdigit()
    assert len(world.kalmar.code) == 8
