"""Issue 13, polish: the audit trail names changed fields in words, in the reader's language."""

from django.urls import reverse

from samverka.audit.services import audit_record
from samverka.participants.models import Household, Identity, Participant


def test_the_trail_names_fields_in_words(world, login_as):
    household = Household.objects.create(collaboration=world.kalmar)
    participant = Participant.objects.create(collaboration=world.kalmar, household=household)
    identity = Identity.objects.create(participant=participant)
    audit_record(
        actor=world.kalmar_ngo, action="update", obj=participant, fields=["birth_year", "gender"]
    )
    audit_record(
        actor=world.kalmar_ngo,
        action="update",
        obj=identity,
        collaboration=world.kalmar,
        fields=["name_encrypted", "phone_encrypted"],
    )
    page = login_as(world.kalmar_ngo).get(
        reverse("audit:collaboration_trail", args=[world.kalmar.code])
    )
    body = page.content.decode()
    assert "födelseår, kön" in body
    assert "namn, telefonnummer" in body
    assert "birth_year" not in body and "name_encrypted" not in body
