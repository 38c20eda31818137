"""Counting the competence work: trained people by organisation kind, role, topic and period,
and volunteer hours — kept apart from the participant register and the funder count."""

from datetime import date

import pytest

from samverka.activities.services import attendance_save
from samverka.knowledge import counting
from samverka.knowledge.courses.models import Attendee, Completion
from samverka.knowledge.tests.conftest import make_activity, make_run, make_session
from samverka.knowledge.volunteers.models import Volunteer, VolunteerSession
from samverka.lib.scoping import collaboration_scope
from samverka.participants.models import Participant
from samverka.participants.services import participant_create
from samverka.reports.selectors import funder_figures

pytestmark = pytest.mark.django_db

YEAR = {"start": date(2025, 1, 1), "end": date(2025, 12, 31)}


def _attendee(run, *, kind="school", role="staff", user=None, volunteer=None, done=(0,), day=None):
    attendee = Attendee.objects.create(
        run=run, organisation_kind=kind, role=role, user=user, volunteer=volunteer
    )
    modules = list(run.course.modules.all())
    for index in done:
        Completion.objects.create(
            attendee=attendee, module=modules[index], completed_on=day or run.starts_on
        )
    return attendee


@pytest.fixture
def trained(world):
    """Kalmar: 3 school staff, 1 club leader (the account kalmar.ledare at two runs), 1 volunteer;
    Boden: 2 social-services staff; one Kalmar attendee with no completed module."""
    run = make_run(world.kalmar, day=date(2025, 3, 10))
    later = make_run(world.kalmar, course=run.course, day=date(2025, 9, 1))
    for _ in range(3):
        _attendee(run)
    _attendee(run, kind="association", role="club_leader", user=world.kalmar_ledare, done=(0,))
    _attendee(later, kind="association", role="club_leader", user=world.kalmar_ledare, done=(1,))
    volunteer = Volunteer.objects.create(collaboration=world.kalmar)
    _attendee(run, kind="cso", role="volunteer", volunteer=volunteer, done=(0, 1))
    _attendee(run, done=())
    boden = make_run(world.boden, course=run.course, day=date(2025, 5, 5))
    for _ in range(2):
        _attendee(boden, kind="social_services")
    return run


def test_people_are_counted_once_however_many_modules_or_runs(world, trained):
    assert counting.trained_people(**YEAR) == 7
    assert counting.trained_people(**YEAR, collaborations=[world.kalmar]) == 5
    assert counting.trained_people(**YEAR, role="club_leader") == 1
    assert counting.trained_people(**YEAR, organisation_kind="social_services") == 2


def test_people_trained_by_organisation_kind_role_and_topic(world, trained):
    by_kind = counting.trained_people_by(**YEAR, collaborations=[world.kalmar])
    assert by_kind == {
        ("school", "staff"): 3,
        ("association", "club_leader"): 1,
        ("cso", "volunteer"): 1,
    }
    first, second = trained.course.modules.all()
    by_topic = counting.trained_people_by(**YEAR, dimensions=("topic",))
    assert by_topic == {(first.code,): 7, (second.code,): 2}
    with pytest.raises(ValueError):
        counting.trained_people_by(**YEAR, dimensions=("name",))


def test_people_trained_per_period(world, trained):
    assert counting.trained_people_per_period(**YEAR) == [
        (date(2025, 1, 1), 5),
        (date(2025, 4, 1), 2),
        (date(2025, 7, 1), 1),
    ]
    assert counting.trained_people(start=date(2025, 4, 1), end=date(2025, 6, 30)) == 2


def test_volunteer_hours_per_period_count_held_sessions_only(world):
    volunteer = Volunteer.objects.create(collaboration=world.kalmar, started_on=date(2024, 5, 1))
    activity = make_activity(world.kalmar)
    VolunteerSession.objects.create(
        volunteer=volunteer, session=make_session(activity, date(2025, 3, 5)), minutes=90
    )
    VolunteerSession.objects.create(
        volunteer=volunteer, session=make_session(activity, date(2025, 3, 12)), minutes=120
    )
    VolunteerSession.objects.create(
        volunteer=volunteer,
        session=make_session(activity, date(2025, 4, 2), cancelled=True),
        minutes=60,
    )
    assert counting.volunteer_hours(**YEAR) == 3.5
    assert counting.volunteer_hours_per_period(**YEAR) == [(date(2025, 3, 1), 3.5, 1)]
    assert counting.volunteer_hours(**YEAR, collaborations=[world.boden]) == 0
    assert counting.active_volunteers(**YEAR) == 1


def test_the_selectors_respect_the_tenant_scope(world, trained):
    with collaboration_scope(world.boden):
        assert counting.trained_people(**YEAR) == 2


def test_trained_people_and_volunteers_never_enter_the_participant_register_or_the_funder_count(
    world, trained
):
    child = participant_create(
        collaboration=world.kalmar,
        by=world.kalmar_ngo,
        role="child",
        birth_year=2016,
        gender="female",
        third_country_national="yes",
        language="ar",
        consents={"funder_reporting": True},
    )
    session = make_session(make_activity(world.kalmar), date(2025, 3, 10))
    attendance_save(session=session, present={child.pk}, version=0, key="", by=world.kalmar_ngo)
    before = funder_figures(**YEAR)
    participants = Participant.objects.count()
    # More training and volunteering in the same period and at the same session.
    for _ in range(5):
        _attendee(trained, kind="school", role="staff", done=(0, 1))
    volunteer = Volunteer.objects.create(collaboration=world.kalmar)
    volunteer.set_identity(name="Frivillig Testsson", phone="070")
    volunteer.save()
    VolunteerSession.objects.create(volunteer=volunteer, session=session, minutes=120)
    after = funder_figures(**YEAR)
    assert Participant.objects.count() == participants == 1
    assert after.participants == before.participants == {("0880", "6-12", "female", "yes"): 1}
    assert after.headcounts == before.headcounts
    assert after.focus_areas == before.focus_areas


def test_the_collaboration_page_shows_exact_figures_to_organisers(client, world, login_as, trained):
    login_as(world.kalmar_ngo)
    page = client.get(
        f"/c/{world.kalmar.code}/training/", {"start": "2025-01-01", "end": "2025-12-31"}
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert "<strong>5</strong>" in text
    assert ">..<" not in text


def test_a_researcher_sees_disclosure_controlled_figures_only(client, world, login_as, trained):
    from samverka.accounts.models import Membership

    Membership.objects.create(user=world.forskare, collaboration=world.kalmar, role="researcher")
    login_as(world.forskare)
    page = client.get(
        f"/c/{world.kalmar.code}/training/", {"start": "2025-01-01", "end": "2025-12-31"}
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert ">..<" in text
    assert f"/training/{trained.code}/" not in text  # no runs for researchers
    assert client.get(f"/c/{world.kalmar.code}/training/{trained.code}/").status_code == 403


def test_the_national_page_is_exact_for_the_lead_and_controlled_for_the_researcher(
    client, world, login_as, trained
):
    login_as(world.nationell)
    lead = client.get(
        "/national/competence/", {"start": "2025-01-01", "end": "2025-12-31"}
    ).content.decode()
    assert "<strong>7</strong>" in lead and ">..<" not in lead
    login_as(world.forskare)
    researcher = client.get(
        "/national/competence/", {"start": "2025-01-01", "end": "2025-12-31"}
    ).content.decode()
    assert ">..<" in researcher


def test_a_bad_period_is_explained_and_the_page_still_answers(client, world, login_as):
    login_as(world.nationell)
    response = client.get("/national/competence/", {"start": "2025-12-31", "end": "2025-01-01"})
    assert response.status_code == 200
    assert "före" in response.content.decode() or "before" in response.content.decode()


def test_volunteer_hours_appear_in_the_funder_reports_appendix(client, world, login_as):
    volunteer = Volunteer.objects.create(collaboration=world.kalmar)
    boden_volunteer = Volunteer.objects.create(collaboration=world.boden)
    activity = make_activity(world.kalmar)
    VolunteerSession.objects.create(
        volunteer=volunteer, session=make_session(activity, date(2025, 3, 5)), minutes=150
    )
    VolunteerSession.objects.create(
        volunteer=boden_volunteer,
        session=make_session(make_activity(world.boden), date(2025, 3, 5)),
        minutes=600,
    )
    login_as(world.kalmar_ngo)
    page = client.get(
        f"/c/{world.kalmar.code}/reports/funder/", {"from": "2025-01-01", "to": "2025-12-31"}
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert "appendix-volunteers" in text and "2.5" in text.replace(",", ".")
    assert "12.5" not in text.replace(",", ".")  # Boden's hours are not Kalmar's
    login_as(world.nationell)
    national = client.get(
        "/national/reports/funder/", {"from": "2025-01-01", "to": "2025-12-31"}
    ).content.decode()
    assert "12.5" in national.replace(",", ".")
