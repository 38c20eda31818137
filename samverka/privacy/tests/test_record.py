"""The data protection officer's page: the record of processing and the DPIA facts come from
this installation (settings, models, rows), for the national lead and coordinators only.
Tests run in Swedish, as the people who use it do."""

from io import BytesIO

import pytest
from django.test import override_settings
from django.urls import reverse
from pypdf import PdfReader

from samverka.accounts.roles import CAPABILITIES, Capability, Role
from samverka.lib import crypto
from samverka.participants.models import Household, Identity, Participant
from samverka.privacy.record import PURPOSES, personal_data_models


def _url(world, name="collaboration_record"):
    return reverse(f"privacy:{name}", kwargs={"code": world.kalmar.code})


def _participant(collaboration, **fields):
    household = Household.objects.create(collaboration=collaboration)
    return Participant.objects.create(collaboration=collaboration, household=household, **fields)


def _pdf_text(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)


def test_the_coordinator_reads_the_record_of_their_collaboration(world, login_as):
    _participant(world.kalmar, birth_year=2016)
    _participant(world.boden, birth_year=2015)
    response = login_as(world.kalmar_ngo).get(_url(world))
    assert response.status_code == 200
    record = response.context["record"]
    children = {f.label: f.value for f in record.children}
    assert children["Registrerade som barn"] == "1"  # Boden's child is not counted
    controllers = " ".join(f.value for f in record.controllers)
    assert "Barnkraft Kalmar" in controllers and "Boden" not in controllers


def test_every_table_with_personal_data_is_listed_with_its_encrypted_fields(world, login_as):
    labels = {m.label: m for m in personal_data_models()}
    for model, name in crypto.encrypted_fields():
        assert name in labels[model._meta.label].encrypted
    for expected in (
        "participants.Participant",
        "participants.Identity",
        "participants.ConsentEntry",
        "activities.Attendance",
        "accounts.User",
        "accounts.Invitation",
        "audit.AuditEvent",
    ):
        assert expected in labels
    content = login_as(world.kalmar_ngo).get(_url(world)).content.decode()
    assert "participants.Identity" in content
    assert "participants.Identity.name_encrypted" in content


def test_every_room_that_holds_personal_data_has_a_purpose():
    rooms = {m.app for m in personal_data_models()}
    assert rooms <= set(PURPOSES), f"add a purpose for {rooms - set(PURPOSES)}"


@pytest.mark.parametrize(
    ("setting", "value", "expected"),
    [
        ("RETENTION_MONTHS", 7, "raderas 7 månader efter"),
        ("INVITATION_VALID_DAYS", 3, "3 dagar"),
        ("CONSENT_OWN_AGE", 15, "från 15 år enligt födelseår"),
    ],
)
def test_a_changed_setting_changes_the_page(world, login_as, setting, value, expected):
    client = login_as(world.kalmar_ngo)
    before = client.get(_url(world)).content.decode()
    assert expected not in before
    with override_settings(**{setting: value}):
        after = client.get(_url(world)).content.decode()
    assert expected in after


def test_the_encryption_keys_and_security_settings_are_read_from_settings(world, login_as):
    client = login_as(world.kalmar_ngo)
    with override_settings(FIELD_ENCRYPTION_KEYS=[]):
        assert "ange FIELD_ENCRYPTION_KEYS i produktion" in client.get(_url(world)).content.decode()
    key = "Dm7aX9cpp8cQm2J9lJd6GqLC7Gx6EHsmZvkc4Q3yR2E="
    with override_settings(FIELD_ENCRYPTION_KEYS=[key], AXES_FAILURE_LIMIT=9):
        page = client.get(_url(world)).content.decode()
    assert "1 nyckel/nycklar i FIELD_ENCRYPTION_KEYS" in page
    assert "efter 9 misslyckade inloggningar" in page


def test_the_figures_follow_the_rows(world, login_as):
    client = login_as(world.kalmar_ngo)

    def identities():
        record = client.get(_url(world)).context["record"]
        return {f.label: f.value for f in record.people}[
            "Deltagare med sparat namn eller telefonnummer"
        ]

    assert identities() == "0"
    identity = Identity(participant=_participant(world.kalmar))
    identity.set(name="Amal", phone="")
    identity.save()
    assert identities() == "1"


def test_the_record_prints_as_a_pdf_whose_text_reads_back(world, login_as):
    _participant(world.kalmar, birth_year=2016)
    response = login_as(world.kalmar_ngo).get(_url(world, "collaboration_record_pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response)
    assert "Registerförteckning" in text
    assert "RETENTION_MONTHS" in text
    assert "Barnkraft Kalmar" in text


def test_the_national_lead_reads_the_whole_installation(world, login_as):
    _participant(world.kalmar)
    _participant(world.boden)
    client = login_as(world.nationell)
    response = client.get(reverse("privacy:national_record"))
    assert response.status_code == 200
    record = response.context["record"]
    assert {f.label: f.value for f in record.children}["Registrerade som barn"] == "2"
    assert client.get(_url(world)).status_code == 200
    pdf = client.get(reverse("privacy:national_record_pdf"))
    assert "Barnkraft Boden" in _pdf_text(pdf)


@pytest.mark.parametrize("persona", ["kalmar_kommun", "kalmar_ledare", "kalmar_partner_user"])
def test_other_roles_of_the_collaboration_are_refused(world, login_as, persona):
    client = login_as(getattr(world, persona))
    assert client.get(_url(world)).status_code == 403
    assert client.get(_url(world, "collaboration_record_pdf")).status_code == 403
    assert client.get(reverse("privacy:national_record")).status_code == 404


def test_another_collaboration_and_national_researchers_are_refused(world, login_as):
    assert login_as(world.boden_ngo).get(_url(world)).status_code == 404
    assert login_as(world.boden_ngo).get(reverse("privacy:national_record")).status_code == 404
    researcher = login_as(world.forskare)
    assert researcher.get(reverse("privacy:national_record")).status_code == 404
    assert researcher.get(reverse("privacy:national_record_pdf")).status_code == 404


def test_only_the_national_lead_and_coordinators_hold_the_capability():
    capability = Capability.VIEW_PROCESSING_RECORD
    holders = {role for role, caps in CAPABILITIES.items() if capability in caps}
    assert holders == {Role.NATIONAL_LEAD, Role.COORDINATOR}


def test_the_overview_leads_the_coordinator_to_the_record(world, login_as):
    overview = reverse("orgs:collaboration", args=[world.kalmar.code])
    page = login_as(world.kalmar_ngo).get(overview)
    assert _url(world).encode() in page.content
    page = login_as(world.kalmar_kommun).get(overview)
    assert _url(world).encode() not in page.content
