"""Course outlines and course runs: modules with goals, material, a case and questions; a run
with date, form, trainer and organiser; attendees who are platform people or external people
recorded by organisation and role only; completion per module."""

from datetime import date

import pytest

from samverka.audit.models import AuditEvent
from samverka.knowledge.bank.models import BankEditor
from samverka.knowledge.courses.models import Attendee, Completion, Course, CourseRun
from samverka.knowledge.tests.conftest import make_course, make_item, make_run

pytestmark = pytest.mark.django_db


def test_every_member_reads_a_course_outline_with_its_modules(client, world, login_as):
    course = make_course()
    module = course.modules.first()
    module.learning_goals = "Känna till artikel 12\nKunna fråga barnet"
    module.case_description = "Amir vill flytta."
    module.reflection_questions = "Vems röst hörs?"
    module.save()
    module.materials.add(make_item(kind="guide", title="Barnrätt i vardagen"))
    login_as(world.kalmar_ledare)
    page = client.get(f"/knowledge/courses/{course.code}/").content.decode()
    for text in (
        "Barnets rättigheter",
        "Känna till artikel 12",
        "Amir vill flytta.",
        "Vems röst hörs?",
        "Barnrätt i vardagen",
    ):
        assert text in page


def test_only_editors_change_course_outlines(client, world, login_as):
    course = make_course()
    login_as(world.kalmar_ngo)
    assert (
        client.post(f"/knowledge/courses/{course.code}/edit/", {"title": "Ny"}).status_code == 403
    )
    BankEditor.objects.create(user=world.kalmar_ngo)
    response = client.post(
        f"/knowledge/courses/{course.code}/modules/new/",
        {
            "title": "Egenomsorg",
            "order": 3,
            "learning_goals": "Vila",
            "description": "",
            "case_description": "",
            "reflection_questions": "",
        },
    )
    assert response.status_code == 302 and course.modules.count() == 3


RUN = {
    "starts_on": "2025-03-10",
    "ends_on": "",
    "form": "digital",
    "trainer": "Utbildare Testsson",
    "place": "Videomöte",
}


def test_a_coordinator_records_a_course_run(client, world, login_as):
    course = make_course()
    login_as(world.kalmar_ngo)
    response = client.post(
        f"/c/{world.kalmar.code}/training/new/",
        {**RUN, "course": course.pk, "organiser": world.kalmar.lead_organisation.pk},
    )
    run = CourseRun.objects.get()
    assert (
        response.status_code == 302 and run.collaboration == world.kalmar and run.form == "digital"
    )


def test_a_run_cannot_end_before_it_starts(client, world, login_as):
    course = make_course()
    login_as(world.kalmar_kommun)
    response = client.post(
        f"/c/{world.kalmar.code}/training/new/",
        {
            **RUN,
            "ends_on": "2025-03-01",
            "course": course.pk,
            "organiser": world.kalmar.lead_organisation.pk,
        },
    )
    assert response.status_code == 200 and not CourseRun.objects.exists()


@pytest.mark.parametrize("persona", ["kalmar_ledare", "kalmar_partner_user"])
def test_leaders_and_partners_cannot_record_runs(client, world, login_as, persona):
    run = make_run(world.kalmar)
    login_as(getattr(world, persona))
    assert client.get(f"/c/{world.kalmar.code}/training/{run.code}/").status_code == 403
    assert client.post(f"/c/{world.kalmar.code}/training/new/", {}).status_code == 403


def test_another_collaboration_cannot_see_a_run(client, world, login_as):
    run = make_run(world.kalmar)
    login_as(world.boden_ngo)
    assert client.get(f"/c/{world.boden.code}/training/{run.code}/").status_code == 404


def test_attendees_are_platform_people_or_external_by_organisation_and_role_only(
    client, world, login_as
):
    run = make_run(world.kalmar)
    login_as(world.kalmar_ngo)
    url = f"/c/{world.kalmar.code}/training/{run.code}/attendees/new/"
    client.post(url, {"who": "member", "user": world.kalmar_kommun.pk, "role": "staff"})
    client.post(
        url,
        {
            "who": "external",
            "organisation_name": "Kalmar FF",
            "organisation_kind": "association",
            "role": "club_leader",
            "number": 3,
        },
    )
    assert Attendee.objects.filter(user=world.kalmar_kommun).count() == 1
    external = Attendee.objects.filter(user__isnull=True)
    assert external.count() == 3
    assert {a.organisation_name for a in external} == {"Kalmar FF"}
    # No field for a name exists for external attendees.
    assert not any(
        "name" in f.name and f.name != "organisation_name" for f in Attendee._meta.fields
    )
    response = client.post(url, {"who": "external", "role": "staff"})
    assert response.status_code == 400 and Attendee.objects.count() == 4
    assert AuditEvent.objects.filter(object_type="knowledge.attendee", action="create").count() == 4


def test_completion_is_recorded_per_module_and_can_be_undone(client, world, login_as):
    run = make_run(world.kalmar)
    first, second = run.course.modules.all()
    attendee = Attendee.objects.create(run=run, organisation_kind="school", role="staff")
    login_as(world.kalmar_ngo)
    url = f"/c/{world.kalmar.code}/training/{run.code}/"
    client.post(url, {"done": [f"{attendee.pk}:{first.pk}", f"{attendee.pk}:{second.pk}"]})
    assert Completion.objects.filter(attendee=attendee).count() == 2
    assert Completion.objects.first().completed_on == date(2025, 3, 10)
    client.post(url, {"done": [f"{attendee.pk}:{first.pk}"]})
    assert list(Completion.objects.values_list("module", flat=True)) == [first.pk]
    page = client.get(url).content.decode()
    assert "checked" in page


def test_a_completion_for_another_runs_attendee_is_ignored(client, world, login_as):
    run = make_run(world.kalmar)
    boden_run = make_run(world.boden, course=run.course)
    stranger = Attendee.objects.create(run=boden_run, organisation_kind="school", role="staff")
    module = run.course.modules.first()
    login_as(world.kalmar_ngo)
    client.post(
        f"/c/{world.kalmar.code}/training/{run.code}/", {"done": [f"{stranger.pk}:{module.pk}"]}
    )
    assert not Completion.objects.exists()


def test_an_attendee_is_removed_with_their_completions(client, world, login_as):
    run = make_run(world.kalmar)
    attendee = Attendee.objects.create(run=run, organisation_kind="school", role="staff")
    Completion.objects.create(
        attendee=attendee, module=run.course.modules.first(), completed_on=run.starts_on
    )
    login_as(world.kalmar_ngo)
    client.post(f"/c/{world.kalmar.code}/training/{run.code}/attendees/{attendee.code}/remove/")
    assert not Attendee.objects.exists() and not Completion.objects.exists()


def test_the_course_list_and_course_page_need_no_collaboration(client, world, login_as):
    Course.objects.create(title="Samverkan")
    login_as(world.boden_kommun)
    assert "Samverkan" in client.get("/knowledge/courses/").content.decode()
