"""One consent rule for the form, the consent page, the quick-add and the import: a guardian
answers for a child, nobody below CONSENT_OWN_AGE answers for themselves, and a first "no" is
not given, never withdrawn."""

from datetime import date, time

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from samverka.activities.models import Activity, Session
from samverka.audit.models import AuditEvent
from samverka.imports import services as import_services
from samverka.imports.tests.conftest import csv_rows
from samverka.participants.models import (
    ConsentEntry,
    ConsentGivenBy,
    ConsentMethod,
    Participant,
    consent_giver_default,
    may_answer_themselves,
)
from samverka.participants.services import (
    ConsentRefused,
    consent_record,
    consents_update,
    participant_create,
)

THIS_YEAR = timezone.localdate().year


def register(client, world, **extra):
    data = {
        "role": "child",
        "birth_year": str(THIS_YEAR - 9),
        "gender": "female",
        "third_country_national": "yes",
        "language": "ar",
        "c-given_by": "guardian",
        "c-method": "verbal",
        "c-consent_funder_reporting": "yes",
    }
    data.update(extra)
    return client.post(reverse("participants:create", args=[world.kalmar.code]), data)


def child(world, birth_year=THIS_YEAR - 9, **extra):
    values = {
        "collaboration": world.kalmar,
        "by": world.kalmar_ngo,
        "role": "child",
        "birth_year": birth_year,
        "gender": "female",
        "third_country_national": "yes",
        "language": "ar",
    }
    values.update(extra)
    return participant_create(**values)


def test_the_rule_follows_the_configured_age(settings):
    today = timezone.localdate()
    assert not may_answer_themselves(role="child", birth_year=today.year - 12, on=today)
    assert may_answer_themselves(role="child", birth_year=today.year - 13, on=today)
    assert not may_answer_themselves(role="child", birth_year=None, on=today)
    assert may_answer_themselves(role="guardian", birth_year=None, on=today)
    settings.CONSENT_OWN_AGE = 15
    assert not may_answer_themselves(role="child", birth_year=today.year - 14, on=today)
    # A child's consent is a guardian's by default, even when old enough to answer.
    assert consent_giver_default(role="child", birth_year=today.year - 16, on=today) == "guardian"
    assert consent_giver_default(role="guardian", birth_year=1985, on=today) == "self"


def test_the_registration_form_defaults_to_a_guardian_and_offers_paper(client, world):
    client.force_login(world.kalmar_ngo)
    response = client.get(reverse("participants:create", args=[world.kalmar.code]))
    consent_form = response.context["consent_form"]
    assert consent_form["given_by"].value() == ConsentGivenBy.GUARDIAN
    assert ConsentMethod.PAPER_IMPORT in dict(consent_form.fields["method"].choices)
    assert "På papper" in response.content.decode()  # the interface is Swedish by default


def test_the_form_refuses_a_child_answering_for_themselves(client, world):
    client.force_login(world.kalmar_ngo)
    response = register(client, world, **{"c-given_by": "self"})
    assert response.status_code == 200
    assert "en vårdnadshavare svarar" in str(response.context["consent_form"].errors["given_by"])
    assert not Participant.objects.exists()


def test_a_teenager_may_answer_for_themselves_on_paper(client, world):
    client.force_login(world.kalmar_ngo)
    response = register(
        client,
        world,
        birth_year=str(THIS_YEAR - 14),
        **{"c-given_by": "self", "c-method": "paper"},
    )
    assert response.status_code == 302
    entry = ConsentEntry.objects.get()
    assert (entry.given_by, entry.method) == ("self", "paper")


def test_the_consent_page_defaults_to_a_guardian_and_refuses_self_for_a_child(client, world):
    participant = child(world)
    client.force_login(world.kalmar_ngo)
    url = reverse("participants:consent", args=[world.kalmar.code, participant.code])
    assert client.get(url).context["form"]["given_by"].value() == "guardian"
    response = client.post(url, {"given_by": "self", "method": "verbal", "consent_photos": "yes"})
    assert response.status_code == 200
    assert response.context["form"].errors["given_by"]
    assert not ConsentEntry.objects.exists()


def test_the_service_refuses_a_child_answering_for_themselves(world):
    participant = child(world)
    with pytest.raises(ConsentRefused):
        consent_record(
            participant=participant, purpose="photos", given=True, given_by="self", by=None
        )
    with pytest.raises(ConsentRefused):
        child(world, consents={"photos": True}, consent_given_by="self")
    assert not ConsentEntry.objects.exists()


def test_a_first_no_is_not_given_and_a_no_after_a_yes_is_withdrawn(client, world):
    participant = child(world, consents={"photos": False}, consent_given_by="guardian")
    consents_update(
        participant=participant,
        consents={"photos": True},
        given_by="guardian",
        by=world.kalmar_ngo,
    )
    consents_update(
        participant=participant,
        consents={"photos": False},
        given_by="guardian",
        by=world.kalmar_ngo,
    )
    details = list(
        AuditEvent.objects.filter(fields=["consent:photos"])
        .order_by("id")
        .values_list("detail", flat=True)
    )
    assert details == ["not given", "given", "withdrawn"]
    client.force_login(world.kalmar_ngo)
    ledger = client.get(
        reverse("participants:detail", args=[world.kalmar.code, participant.code])
    ).context["ledger"]
    with translation.override("en"):
        assert [str(e.answer_label()) for e in ledger] == ["Withdrawn", "Given", "Not given"]


@pytest.fixture
def session(world):
    activity = Activity.objects.create(
        collaboration=world.kalmar,
        name="Lek",
        focus_area=2,
        type="leisure",
        starts_on=date(2025, 9, 2),
    )
    activity.leaders.add(world.kalmar_ledare)
    return Session.objects.create(activity=activity, date=date(2025, 9, 2), start_time=time(15))


def test_the_quick_add_records_a_guardian_verbally_for_a_child(client, world, session):
    client.force_login(world.kalmar_ledare)
    client.post(
        reverse("activities:attendance", args=[world.kalmar.code, session.code]),
        {
            "version": 0,
            "key": "x",
            "action": "add",
            "new-role": "child",
            "new-birth_year": str(THIS_YEAR - 8),
            "new-gender": "female",
            "new-third_country_national": "yes",
            "new-funder_consent": "on",
        },
    )
    entry = ConsentEntry.objects.get()
    assert (entry.given_by, entry.method, entry.given) == ("guardian", "verbal", True)


def test_the_import_records_a_guardian_on_paper_for_anyone_too_young(world, session):
    header = (
        "date,activity,participant_code,birth_year,gender,third_country_national,"
        "reporting_consent,role"
    )
    rows = csv_rows(
        "2025-09-02,Lek,AB23,2016,flicka,ja,ja,förälder",  # a "guardian" aged 9: not self
        f"2025-09-02,Lek,CD34,{THIS_YEAR - 40},kvinna,ja,ja,förälder",
        header=header,
    )
    import_services.attendance_import(collaboration=world.kalmar, rows=rows, by=world.kalmar_ngo)
    entries = dict(ConsentEntry.objects.values_list("participant__code", "given_by"))
    assert entries == {"AB23": "guardian", "CD34": "self"}
    assert set(ConsentEntry.objects.values_list("method", flat=True)) == {"paper"}
