"""Issue 13, polish: an invitation e-mail says what it is in its subject, the sign-up form starts
with the name the inviter wrote, and in development without SITE_URL the link uses the address
the app is served on."""

from django.core import mail
from django.test import override_settings
from django.urls import reverse


def invite(client, world, **extra):
    payload = {"name": "Sara Al Nour", "email": "sara@example.org", "role": "activity_leader"}
    return client.post(
        reverse("accounts:member_invite", args=[world.kalmar.code]), payload, **extra
    )


def test_the_email_subject_says_it_is_an_invitation(client, world):
    client.force_login(world.kalmar_ngo)
    invite(client, world)
    assert mail.outbox[0].subject == "Inbjudan till Barn i fokus Kalmar i Samverka"


def test_the_sign_up_form_starts_with_the_invitees_name(client, world):
    client.force_login(world.kalmar_ngo)
    link = invite(client, world).context["link"]
    client.post(reverse("accounts:logout"))
    form = client.get(link.split("127.0.0.1:8000", 1)[-1]).context["form"]
    assert form.initial["first_name"] == "Sara"
    assert form.initial["last_name"] == "Al Nour"
    assert form.initial["email"] == "sara@example.org"


def test_without_site_url_in_development_links_use_the_served_address(client, world):
    client.force_login(world.kalmar_ngo)
    with override_settings(SITE_URL_FROM_REQUEST=True, ALLOWED_HOSTS=["192.168.1.5"]):
        link = invite(client, world, HTTP_HOST="192.168.1.5:8000").context["link"]
    assert link.startswith("http://192.168.1.5:8000/")
    link = invite(client, world).context["link"]  # SITE_URL set (or production): SITE_URL
    assert link.startswith("http://127.0.0.1:8000/")
