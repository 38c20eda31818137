from base64 import b32decode

from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from samverka.audit.models import AuditEvent


def code_for(device, offset=0):
    return f"{totp(device.bin_key, t0=device.t0 - offset * device.step):06d}"


def test_coordinator_sets_up_two_factor_and_gets_backup_codes(client, world):
    client.force_login(world.kalmar_ngo)
    page = client.get(reverse("accounts:two_factor_setup"))
    assert page.status_code == 200
    assert "<svg" in page.content.decode()
    secret = page.context["secret"].replace(" ", "")
    key = b32decode(secret)
    response = client.post(reverse("accounts:two_factor_setup"), {"token": f"{totp(key):06d}"})
    assert response.status_code == 200
    assert len(response.context["codes"]) == 10
    assert TOTPDevice.objects.get(user=world.kalmar_ngo).confirmed
    assert AuditEvent.objects.filter(detail="2fa_enabled").exists()


def test_wrong_code_does_not_turn_on_two_factor(client, world):
    client.force_login(world.kalmar_ngo)
    client.get(reverse("accounts:two_factor_setup"))
    response = client.post(reverse("accounts:two_factor_setup"), {"token": "000000"})
    assert "Koden är fel" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=world.kalmar_ngo, confirmed=True).exists()


def test_person_with_two_factor_must_enter_code_after_password(client, world):
    client.force_login(world.nationell)
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:verify"))
    device = TOTPDevice.objects.get(user=world.nationell)
    response = client.post(reverse("accounts:verify"), {"token": code_for(device)})
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200


def test_national_lead_without_device_is_sent_to_setup(client, world):
    TOTPDevice.objects.filter(user=world.nationell).delete()
    client.force_login(world.nationell)
    response = client.get(reverse("orgs:municipalities"))
    assert response["Location"] == reverse("accounts:two_factor_setup")


def test_a_national_researcher_must_use_a_second_factor_too(client, world):
    """Researchers with a national role read every collaboration's free text and dilemma logs:
    a password alone is not enough."""
    TOTPDevice.objects.filter(user=world.forskare).delete()
    client.force_login(world.forskare)
    response = client.get(reverse("home"))
    assert response["Location"] == reverse("accounts:two_factor_setup")
    assert world.forskare.requires_two_factor
    assert not world.kalmar_ngo.requires_two_factor


def test_backup_code_works_once(client, world):
    client.force_login(world.kalmar_ngo)
    page = client.get(reverse("accounts:two_factor_setup"))
    key = b32decode(page.context["secret"].replace(" ", ""))
    codes = client.post(
        reverse("accounts:two_factor_setup"), {"token": f"{totp(key):06d}"}
    ).context["codes"]
    client.post(reverse("accounts:logout"))
    client.force_login(world.kalmar_ngo)
    assert client.post(reverse("accounts:verify"), {"token": codes[0]}).status_code == 302
    client.post(reverse("accounts:logout"))
    client.force_login(world.kalmar_ngo)
    response = client.post(reverse("accounts:verify"), {"token": codes[0]})
    assert response.status_code == 200  # the code is spent


def test_new_backup_codes_replace_the_old_ones_and_are_audited(login_as, world):
    client = login_as(world.nationell)
    first = client.post(reverse("accounts:backup_codes")).context["codes"]
    second = client.post(reverse("accounts:backup_codes")).context["codes"]
    assert len(second) == 10 and not set(first) & set(second)
    assert AuditEvent.objects.filter(actor=world.nationell, detail="backup_codes").count() == 2


def test_national_lead_cannot_turn_two_factor_off(login_as, world):
    client = login_as(world.nationell)
    client.post(reverse("accounts:two_factor_disable"))
    assert TOTPDevice.objects.filter(user=world.nationell).exists()


def test_navigation_is_hidden_until_the_second_factor_is_given(client, world):
    client.force_login(world.nationell)
    page = client.get(reverse("accounts:verify")).content.decode()
    assert reverse("accounts:people") not in page
    assert reverse("accounts:logout") in page  # one can always leave
