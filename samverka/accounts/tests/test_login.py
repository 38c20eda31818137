import time

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD
from samverka.accounts.middleware import LOGIN_AT_KEY
from samverka.audit.models import AuditEvent


def login(client, username, password=PASSWORD):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_coordinator_logs_in_and_lands_on_home(client, world):
    response = login(client, "kalmar.ngo")
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert AuditEvent.objects.filter(actor=world.kalmar_ngo, action="login").exists()


def test_login_rotates_the_session_id(client, world):
    client.get(reverse("accounts:login"))
    session = client.session
    session["before"] = "x"
    session.save()
    before = session.session_key
    login(client, "kalmar.ngo")
    assert client.session.session_key != before


def test_wrong_password_gives_a_clear_message_in_swedish(client, world):
    response = login(client, "kalmar.ngo", "wrong-password-123")
    assert response.status_code == 200
    assert "Användarnamnet eller lösenordet är fel" in response.content.decode()


def test_account_is_locked_after_repeated_failures(client, world):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "kalmar.ngo", "wrong-password-123")
    response = login(client, "kalmar.ngo")  # even the right password is refused now
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_logout_ends_the_server_session(client, world):
    login(client, "kalmar.ngo")
    key = client.session.session_key
    client.post(reverse("accounts:logout"))
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=key).exists()
    assert client.get(reverse("home")).status_code == 302


def test_logout_needs_post(client, world):
    login(client, "kalmar.ngo")
    assert client.get(reverse("accounts:logout")).status_code == 405


def test_session_ends_after_absolute_lifetime_even_when_active(client, world):
    login(client, "kalmar.ngo")
    session = client.session
    session[LOGIN_AT_KEY] = int(time.time()) - settings.SESSION_ABSOLUTE_SECONDS - 1
    session.save()
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_idle_timeout_is_one_hour_and_renewed_on_each_request(client, world):
    assert settings.SESSION_COOKIE_AGE == 3600
    assert settings.SESSION_SAVE_EVERY_REQUEST
    login(client, "kalmar.ngo")
    client.get(reverse("home"))
    expiry = client.session.get_expiry_date()
    assert 3500 < (expiry - timezone.now()).total_seconds() <= 3600


@pytest.mark.parametrize(
    ("password", "accepted"),
    [
        ("short1234", False),  # under 10 characters
        ("password123", False),  # common
        ("1234567890123", False),  # only digits
        ("körsbär i maj", True),  # no composition rules
    ],
)
def test_password_rules(client, world, password, accepted):
    client.force_login(world.kalmar_ngo)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": password, "new_password2": password},
    )
    assert (response.status_code == 302) is accepted


def test_a_changed_password_is_audited_and_the_session_goes_on(client, world):
    client.force_login(world.kalmar_ngo)
    new = "en helt ny lösenordsmening"
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response["Location"] == reverse("accounts:account")
    assert client.get(reverse("accounts:account")).status_code == 200  # still logged in
    world.kalmar_ngo.refresh_from_db()
    assert world.kalmar_ngo.check_password(new)
    assert AuditEvent.objects.filter(actor=world.kalmar_ngo, detail="password_changed").exists()


def test_passwords_are_hashed_with_argon2():
    from samverka import settings as project_settings

    assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_language_choice_is_remembered_on_the_account(client, world):
    client.force_login(world.kalmar_ngo)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    world.kalmar_ngo.refresh_from_db()
    assert world.kalmar_ngo.language == "en"
    response = client.get(reverse("home"))
    assert "My collaborations" in response.content.decode()


def test_forgotten_password_is_reset_by_an_email_link(client, world):
    from django.core import mail

    world.kalmar_ngo.email = "amira@example.org"
    world.kalmar_ngo.save()
    client.post(reverse("accounts:password_reset"), {"email": "amira@example.org"})
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password-reset/" in line)
    path = link.split("://", 1)[1].split("/", 1)[1]
    response = client.get("/" + path, follow=True)
    form_url = response.redirect_chain[-1][0]
    new = "en helt ny lösenordsmening"
    response = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert response.status_code == 302
    assert login(client, "kalmar.ngo", new).status_code == 302
    assert AuditEvent.objects.filter(detail="password_reset").exists()


def test_password_reset_does_not_reveal_unknown_addresses(client, world):
    from django.core import mail

    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert response["Location"] == reverse("accounts:password_reset_sent")
    assert len(mail.outbox) == 0
