"""A FIELD_ENCRYPTION_KEYS that cannot decrypt stored names is an error the operator sees:
`manage.py check` fails, the identity page says so and refuses to save — never an empty field
and never an overwrite. Rotating (the new key in front, the old one after) keeps everything."""

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.urls import reverse

from samverka.participants import services
from samverka.participants.models import Identity, Participant

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()


@pytest.fixture
def named(world, settings):
    settings.FIELD_ENCRYPTION_KEYS = [OLD]
    participant = services.participant_create(
        collaboration=world.kalmar,
        by=world.kalmar_ngo,
        role="child",
        birth_year=2016,
        gender="female",
        third_country_national="yes",
        language="ar",
        name="Amira Haddad",
        phone="070-765 43 21",
    )
    return participant


def url(world, participant):
    return reverse("participants:identity", args=[world.kalmar.code, participant.code])


def test_a_changed_key_fails_the_check_with_a_clear_message(named, settings):
    settings.FIELD_ENCRYPTION_KEYS = [NEW]
    with pytest.raises(SystemCheckError) as error:
        call_command("check")
    assert "FIELD_ENCRYPTION_KEYS cannot decrypt stored personal data" in str(error.value)
    assert "participants.Identity.name_encrypted (1)" in str(error.value)


def test_a_rotated_key_passes_the_check_and_reads_the_old_values(named, settings, world):
    settings.FIELD_ENCRYPTION_KEYS = [NEW, OLD]
    call_command("check", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert services.identity_view(participant=named, by=world.kalmar_ngo)["name"] == "Amira Haddad"


def test_the_page_says_the_key_is_missing_and_refuses_to_save(named, settings, world, login_as):
    settings.FIELD_ENCRYPTION_KEYS = [NEW]
    stored = Identity.objects.get(participant=named).name_encrypted
    client = login_as(world.kalmar_ngo)
    page = client.get(url(world, named)).content.decode()
    assert 'id="identity-locked"' in page
    assert "krypteringsnyckel" in page
    assert 'name="name"' not in page  # no empty field to fill in
    response = client.post(url(world, named), {"name": "Någon annan", "phone": ""})
    assert response.status_code == 200
    assert 'id="identity-locked"' in response.content.decode()
    assert Identity.objects.get(participant=named).name_encrypted == stored
    with pytest.raises(services.IdentityLocked):
        services.identity_set(participant=named, name="x", phone="", by=world.kalmar_ngo)
    assert Participant.objects.filter(pk=named.pk).exists()
