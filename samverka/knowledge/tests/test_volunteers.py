"""The volunteer roster: encrypted name and phone for coordinators only (each look audited),
activities, session hours (the session's number then comes from the roster), trainings and the
criminal-records extract recorded as SEEN only, with a reminder when it is too old."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from samverka.activities.models import Session
from samverka.audit.models import AuditEvent
from samverka.knowledge.courses.models import Attendee
from samverka.knowledge.tests.conftest import make_activity, make_run, make_session
from samverka.knowledge.volunteers import services
from samverka.knowledge.volunteers.models import (
    RecordCheck,
    Volunteer,
    VolunteerSession,
    months_before,
)

pytestmark = pytest.mark.django_db


def _volunteer(world, name="Frida Frivillig", phone="070-123 45 67", **fields):
    return services.volunteer_save(
        collaboration=world.kalmar,
        name=name,
        phone=phone,
        started_on=date(2024, 1, 1),
        by=world.kalmar_ngo,
        **fields,
    )


def test_a_coordinator_adds_a_volunteer_whose_name_and_phone_are_stored_encrypted(
    client, world, login_as
):
    club = make_activity(world.kalmar)
    login_as(world.kalmar_ngo)
    response = client.post(
        f"/c/{world.kalmar.code}/volunteers/new/",
        {
            "name": "Frida Frivillig",
            "phone": "070-123 45 67",
            "activities": [club.pk],
            "started_on": "2025-01-01",
        },
    )
    volunteer = Volunteer.objects.get()
    assert response.status_code == 302
    assert "Frida" not in volunteer.name_encrypted and "070" not in volunteer.phone_encrypted
    assert volunteer.name == "Frida Frivillig" and list(volunteer.activities.all()) == [club]


def test_the_coordinator_sees_names_and_every_look_is_audited(client, world, login_as):
    volunteer = _volunteer(world)
    login_as(world.kalmar_ngo)
    roster = client.get(f"/c/{world.kalmar.code}/volunteers/").content.decode()
    page = client.get(f"/c/{world.kalmar.code}/volunteers/{volunteer.code}/").content.decode()
    assert "Frida Frivillig" in roster and "070-123 45 67" in page
    views = AuditEvent.objects.filter(
        action="view", object_code=volunteer.code, actor=world.kalmar_ngo
    )
    assert views.count() == 2 and views.first().fields == ["name", "phone"]


@pytest.mark.parametrize("persona", ["kalmar_ledare", "kalmar_kommun", "kalmar_partner_user"])
def test_the_identity_is_never_shown_to_leaders_municipal_contacts_or_partners(
    client, world, login_as, persona
):
    volunteer = _volunteer(world)
    session = make_session(make_activity(world.kalmar, leaders=[world.kalmar_ledare]))
    login_as(getattr(world, persona))
    for url in (
        f"/c/{world.kalmar.code}/volunteers/",
        f"/c/{world.kalmar.code}/volunteers/{volunteer.code}/",
        f"/c/{world.kalmar.code}/volunteers/{volunteer.code}/edit/",
        f"/c/{world.kalmar.code}/sessions/{session.code}/volunteers/",
    ):
        response = client.get(url)
        assert response.status_code == 403, url
        assert b"Frida" not in response.content
    assert "Frida" not in client.get(f"/c/{world.kalmar.code}/").content.decode()


def test_the_identity_is_never_shown_to_a_researcher(client, world, login_as):
    volunteer = _volunteer(world)
    login_as(world.forskare)
    assert client.get(f"/c/{world.kalmar.code}/volunteers/{volunteer.code}/").status_code in {
        403,
        404,
    }
    overview = client.get(f"/c/{world.kalmar.code}/")
    assert b"Frida" not in overview.content


def test_another_collaborations_coordinator_cannot_see_the_volunteer(client, world, login_as):
    volunteer = _volunteer(world)
    login_as(world.boden_ngo)
    assert client.get(f"/c/{world.boden.code}/volunteers/{volunteer.code}/").status_code == 404
    assert b"Frida" not in client.get(f"/c/{world.boden.code}/volunteers/").content


def test_the_extract_is_recorded_as_seen_only(client, world, login_as):
    volunteer = _volunteer(world)
    login_as(world.kalmar_ngo)
    response = client.post(
        f"/c/{world.kalmar.code}/volunteers/{volunteer.code}/check/",
        {"seen_on": "2025-06-01", "seen_by": world.kalmar_ngo.pk, "valid_until": ""},
    )
    assert response.status_code == 302
    check = RecordCheck.objects.get()
    assert check.seen_on == date(2025, 6, 1) and check.seen_by == world.kalmar_ngo
    field_names = {f.name for f in RecordCheck._meta.get_fields()}
    assert not field_names & {"file", "extract", "document", "content", "text"}


def test_a_check_seen_in_the_future_or_valid_before_seen_is_refused(client, world, login_as):
    volunteer = _volunteer(world)
    login_as(world.kalmar_ngo)
    url = f"/c/{world.kalmar.code}/volunteers/{volunteer.code}/check/"
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    assert client.post(url, {"seen_on": future, "seen_by": world.kalmar_ngo.pk}).status_code == 400
    response = client.post(
        url, {"seen_on": "2025-06-01", "seen_by": world.kalmar_ngo.pk, "valid_until": "2025-01-01"}
    )
    assert response.status_code == 400 and not RecordCheck.objects.exists()


def test_the_overview_reminds_the_coordinator_of_missing_and_old_checks(
    client, world, login_as, settings
):
    today = timezone.localdate()
    current = _volunteer(world, name="A")
    old = _volunteer(world, name="B")
    missing = _volunteer(world, name="C")
    ended = services.volunteer_save(
        collaboration=world.kalmar,
        name="D",
        phone="",
        started_on=date(2024, 1, 1),
        ended_on=today - timedelta(days=1),
        by=world.kalmar_ngo,
    )
    RecordCheck.objects.create(
        volunteer=current, seen_on=today - timedelta(days=30), seen_by=world.kalmar_ngo
    )
    RecordCheck.objects.create(
        volunteer=old, seen_on=months_before(today, 13), seen_by=world.kalmar_ngo
    )
    login_as(world.kalmar_ngo)
    page = client.get(f"/c/{world.kalmar.code}/").content.decode()
    assert old.code in page and missing.code in page
    assert current.code not in page and ended.code not in page
    # The age is configurable.
    settings.CRIMINAL_RECORD_CHECK_MONTHS = 24
    page = client.get(f"/c/{world.kalmar.code}/").content.decode()
    assert old.code not in page and missing.code in page
    # A leader's overview shows no reminder.
    login_as(world.kalmar_ledare)
    assert missing.code not in client.get(f"/c/{world.kalmar.code}/").content.decode()


def test_an_expired_extract_is_not_current_even_when_seen_recently(world):
    volunteer = _volunteer(world)
    today = timezone.localdate()
    check = RecordCheck.objects.create(
        volunteer=volunteer,
        seen_on=today - timedelta(days=20),
        seen_by=world.kalmar_ngo,
        valid_until=today - timedelta(days=1),
    )
    assert not check.is_current()


def test_months_before_handles_short_months():
    assert months_before(date(2025, 3, 31), 1) == date(2025, 2, 28)
    assert months_before(date(2025, 1, 15), 12) == date(2024, 1, 15)


def test_session_volunteers_come_from_the_roster_with_their_minutes(client, world, login_as):
    club = make_activity(world.kalmar)
    session = make_session(club)
    session.volunteers = 5
    session.save()
    helper = _volunteer(world, name="Hjälpare", activities=[club])
    other = _volunteer(world, name="Annan")
    login_as(world.kalmar_ngo)
    url = f"/c/{world.kalmar.code}/sessions/{session.code}/volunteers/"
    page = client.get(url).content.decode()
    assert page.index("Hjälpare") < page.index("Annan")  # who helps in the activity first
    response = client.post(url, {f"minutes-{helper.code}": "120", f"minutes-{other.code}": ""})
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.volunteers == 1
    assert VolunteerSession.objects.get().minutes == 120
    # Bad input: nothing changes, the reason is shown.
    response = client.post(url, {f"minutes-{helper.code}": "mycket", f"minutes-{other.code}": "30"})
    assert response.status_code == 400 and VolunteerSession.objects.count() == 1


def test_with_a_roster_the_session_form_takes_the_number_from_it(client, world, login_as):
    club = make_activity(world.kalmar)
    session = make_session(club)
    login_as(world.kalmar_ngo)
    url = f"/c/{world.kalmar.code}/sessions/{session.code}/edit/"
    form = {
        "date": "2025-03-05",
        "start_time": "15:00",
        "end_time": "17:00",
        "volunteers": "4",
        "theme": "",
        "note": "",
    }
    client.post(url, form)
    session.refresh_from_db()
    assert session.volunteers == 4  # no roster: typed by hand
    _volunteer(world)
    client.post(url, {**form, "volunteers": "9"})
    session.refresh_from_db()
    assert session.volunteers == 4  # a roster is kept: the typed number is ignored


def test_a_volunteer_is_added_to_a_training_from_the_roster(client, world, login_as):
    volunteer = _volunteer(world)
    run = make_run(world.kalmar)
    login_as(world.kalmar_ngo)
    response = client.post(
        f"/c/{world.kalmar.code}/volunteers/{volunteer.code}/training/", {"run": run.pk}
    )
    assert response.status_code == 302
    attendee = Attendee.objects.get()
    assert attendee.volunteer == volunteer and attendee.role == "volunteer"
    page = client.get(f"/c/{world.kalmar.code}/volunteers/{volunteer.code}/").content.decode()
    assert run.course.title in page
    # The run page shows the volunteer by code, never by name.
    run_page = client.get(f"/c/{world.kalmar.code}/training/{run.code}/").content.decode()
    assert volunteer.code in run_page and "Frida" not in run_page


def test_a_changed_identity_is_audited_by_field_names_only(world):
    volunteer = _volunteer(world)
    services.volunteer_save(
        collaboration=world.kalmar,
        volunteer=volunteer,
        name="Frida Ny",
        phone="070-123 45 67",
        started_on=date(2024, 1, 1),
        by=world.kalmar_ngo,
    )
    event = AuditEvent.objects.filter(object_code=volunteer.code, action="update").last()
    assert event.fields == ["name", "phone"] and "Frida" not in event.detail
    assert Session.objects.count() == 0
