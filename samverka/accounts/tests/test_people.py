from django.urls import reverse

from samverka.accounts.models import Membership
from samverka.audit.models import AuditEvent


def test_national_lead_lists_and_searches_people(login_as, world):
    client = login_as(world.nationell)
    page = client.get(reverse("accounts:people"), {"q": "boden"}).content.decode()
    assert "boden.ngo" in page
    assert "kalmar.ngo" not in page


def test_national_lead_gives_a_person_a_role_in_another_collaboration(login_as, world):
    client = login_as(world.nationell)
    response = client.post(
        reverse("accounts:person", args=[world.kalmar_ledare.code]),
        {"form": "membership", "m-collaboration": world.boden.pk, "m-role": "researcher"},
    )
    assert response.status_code == 302
    assert (
        Membership.objects.active()
        .filter(user=world.kalmar_ledare, collaboration=world.boden, role="researcher")
        .exists()
    )
    # Different roles in several collaborations.
    assert world.kalmar_ledare.memberships.active().count() == 2


def test_national_lead_sets_a_national_role_and_it_is_audited(login_as, world):
    client = login_as(world.nationell)
    client.post(
        reverse("accounts:person", args=[world.kalmar_ledare.code]),
        {"form": "role", "role-national_role": "researcher", "role-is_active": "on"},
    )
    world.kalmar_ledare.refresh_from_db()
    assert world.kalmar_ledare.national_role == "researcher"
    event = AuditEvent.objects.get(object_code=world.kalmar_ledare.code, action="update")
    assert event.fields == ["national_role"]


def test_national_lead_cannot_remove_their_own_national_role(login_as, world):
    client = login_as(world.nationell)
    response = client.post(
        reverse("accounts:person", args=[world.nationell.code]),
        {"form": "role", "role-national_role": "", "role-is_active": "on"},
    )
    assert response.status_code == 200
    assert "Du kan inte ta bort din egen nationella roll." in response.content.decode()
    world.nationell.refresh_from_db()
    assert world.nationell.is_national_lead
    assert not AuditEvent.objects.filter(object_code=world.nationell.code).exists()


def test_national_lead_ends_a_membership(login_as, world):
    client = login_as(world.nationell)
    membership = world.boden.memberships.get(user=world.boden_kommun)
    client.post(
        reverse("accounts:person_membership_end", args=[world.boden_kommun.code, membership.code])
    )
    membership.refresh_from_db()
    assert membership.ended_at is not None


def test_researcher_cannot_manage_people(client, world, login_as):
    login_as(world.forskare)
    assert client.get(reverse("accounts:people")).status_code == 404
