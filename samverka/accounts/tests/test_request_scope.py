"""What one request learns about the person: second factor asked once, roles from memberships."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samverka.accounts.models import Membership
from samverka.accounts.roles import Role


def device_queries(queries):
    return [q["sql"] for q in queries if '"otp_' in q["sql"]]


def test_a_page_asks_once_whether_the_person_has_a_second_factor(client, world):
    client.force_login(world.kalmar_ngo)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("orgs:collaboration", args=[world.kalmar.code]))
    assert page.status_code == 200
    assert page.context["show_navigation"]  # no second factor, none required
    asked = device_queries(queries.captured_queries)
    assert asked and len(asked) == len(set(asked))  # each kind of device once


def test_navigation_waits_for_a_second_factor_the_person_has(client, world):
    client.force_login(world.nationell)  # has a device, not yet verified
    page = client.get(reverse("accounts:verify"))
    assert page.status_code == 200
    assert not page.context["show_navigation"]
    assert client.get(reverse("home")).status_code == 302  # sent to the second factor


def test_roles_come_from_the_active_memberships_only(client, world):
    leader = world.kalmar_ledare
    members = reverse("accounts:members", args=[world.kalmar.code])
    client.force_login(leader)
    assert client.get(members).status_code == 403  # an activity leader

    coordinator = Membership.objects.create(
        user=leader, collaboration=world.kalmar, role=Role.COORDINATOR
    )
    assert client.get(members).status_code == 200  # both roles count

    coordinator.ended_at = timezone.now()
    coordinator.save()
    assert client.get(members).status_code == 403

    Membership.objects.filter(user=leader).update(ended_at=timezone.now())
    assert client.get(members).status_code == 404  # no active role: out of scope
