from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from samverka.accounts.models import Invitation, Membership, User
from samverka.audit.models import AuditEvent


def invite(client, collaboration, **data):
    payload = {"name": "Sara Ny", "email": "sara@example.org", "role": "activity_leader"}
    payload.update(data)
    return client.post(reverse("accounts:member_invite", args=[collaboration.code]), payload)


def test_coordinator_sees_members_and_pending_invitations(client, world):
    client.force_login(world.kalmar_ngo)
    invite(client, world.kalmar)
    page = client.get(reverse("accounts:members", args=[world.kalmar.code])).content.decode()
    assert "Kalmar.Ledare Testsson" in page or "Kalmar Testsson" in page
    assert "Sara Ny" in page


def test_coordinator_invites_by_email_and_the_link_creates_an_account(client, world):
    client.force_login(world.kalmar_ngo)
    response = invite(client, world.kalmar)
    assert response.status_code == 200
    link = response.context["link"]
    assert len(mail.outbox) == 1 and link in mail.outbox[0].body
    client.post(reverse("accounts:logout"))

    path = link.split("127.0.0.1:8000", 1)[-1]
    response = client.post(
        path,
        {
            "username": "sara.ny",
            "first_name": "Sara",
            "last_name": "Ny",
            "email": "sara@example.org",
            "password1": "en lång mening som lösen",
            "password2": "en lång mening som lösen",
        },
    )
    assert response.status_code == 302
    sara = User.objects.get(username="sara.ny")
    assert sara.check_password("en lång mening som lösen")
    assert (sara.first_name, sara.last_name, sara.email) == ("Sara", "Ny", "sara@example.org")
    assert AuditEvent.objects.filter(actor=sara, action="create", object_code=sara.code).exists()
    assert (
        Membership.objects.active()
        .filter(user=sara, collaboration=world.kalmar, role="activity_leader")
        .exists()
    )
    # The link works once.
    client.post(reverse("accounts:logout"))
    assert client.get(path).status_code == 404


def test_logged_in_person_accepts_an_invitation_into_a_second_collaboration(client, world):
    client.force_login(world.boden_ngo)
    link = invite(client, world.boden, role="partner").context["link"]
    client.force_login(world.kalmar_ngo)
    path = link.split("127.0.0.1:8000", 1)[-1]
    assert client.get(path).status_code == 200
    client.post(path)
    assert (
        Membership.objects.active()
        .filter(user=world.kalmar_ngo, collaboration=world.boden, role="partner")
        .exists()
    )


def test_expired_invitation_is_refused(client, world):
    client.force_login(world.kalmar_ngo)
    link = invite(client, world.kalmar).context["link"]
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    client.post(reverse("accounts:logout"))
    assert client.get(link.split("127.0.0.1:8000", 1)[-1]).status_code == 404


def test_only_a_hash_of_the_invitation_secret_is_stored(client, world):
    client.force_login(world.kalmar_ngo)
    link = invite(client, world.kalmar).context["link"]
    token = link.rstrip("/").rsplit("/", 1)[-1]
    assert not Invitation.objects.filter(token_hash=token).exists()


def test_coordinator_cannot_invite_a_researcher(client, world):
    client.force_login(world.kalmar_ngo)
    response = invite(client, world.kalmar, role="researcher")
    assert response.status_code == 200
    assert response.context["form"].errors["role"]
    assert not Invitation.objects.exists()


def test_bad_email_changes_nothing_and_says_why(client, world):
    client.force_login(world.kalmar_ngo)
    response = invite(client, world.kalmar, email="not-an-address")
    assert response.context["form"].errors["email"]
    assert not Invitation.objects.exists()


def test_roles_that_cannot_invite_are_refused(client, world):
    for user in (world.kalmar_ledare, world.kalmar_kommun, world.kalmar_partner_user):
        client.force_login(user)
        assert invite(client, world.kalmar).status_code == 403
    assert not Invitation.objects.exists()


def test_activity_leader_and_partner_cannot_see_the_member_list(client, world):
    for user in (world.kalmar_ledare, world.kalmar_partner_user):
        client.force_login(user)
        assert client.get(reverse("accounts:members", args=[world.kalmar.code])).status_code == 403


def test_coordinator_ends_a_membership_and_it_is_audited(client, world):
    client.force_login(world.kalmar_ngo)
    membership = world.kalmar.memberships.get(user=world.kalmar_ledare)
    client.post(reverse("accounts:member_end", args=[world.kalmar.code, membership.code]))
    membership.refresh_from_db()
    assert membership.ended_at is not None
    assert AuditEvent.objects.filter(object_code=membership.code, action="update").exists()
    client.force_login(world.kalmar_ledare)
    assert client.get(reverse("orgs:collaboration", args=[world.kalmar.code])).status_code == 404


def test_coordinator_cannot_end_a_boden_membership_through_kalmar(client, world):
    client.force_login(world.kalmar_ngo)
    boden_membership = world.boden.memberships.first()
    response = client.post(
        reverse("accounts:member_end", args=[world.kalmar.code, boden_membership.code])
    )
    assert response.status_code == 404
    boden_membership.refresh_from_db()
    assert boden_membership.ended_at is None


def test_coordinator_withdraws_an_invitation(client, world):
    client.force_login(world.kalmar_ngo)
    invite(client, world.kalmar)
    invitation = Invitation.objects.get()
    client.post(reverse("accounts:invitation_revoke", args=[world.kalmar.code, invitation.code]))
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
