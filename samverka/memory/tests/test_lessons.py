"""Lessons: writing one (on its own, from a learning session or a dilemma) and sharing it
nationally only after the check that it names no person."""

from datetime import date

import pytest
from django.urls import reverse

from samverka.assessment.models import Dilemma, LearningSession
from samverka.audit.models import AuditAction, AuditEvent
from samverka.memory.lessons.models import Lesson
from samverka.participants.models import Household, Identity, Participant

TEXT = {
    "title": "Tolk från första träffen",
    "learned": "Föräldrarna kom tillbaka när tolken var med från start.",
    "again": "Samma tolk varje gång.",
    "advice": "Fråga vilket språk familjen vill ha.",
}


def _participant(collaboration, code="K7F3QX", name=""):
    household = Household.objects.create(collaboration=collaboration)
    participant = Participant.objects.create(
        collaboration=collaboration, household=household, code=code, birth_year=2015
    )
    if name:
        identity = Identity(participant=participant)
        identity.set(name=name, phone="")
        identity.save()
    return participant


def _lesson(world, **fields):
    return Lesson.objects.create(collaboration=world.kalmar, **{**TEXT, **fields})


def test_a_coordinator_writes_a_tagged_lesson_and_shares_it_nationally(world, login_as):
    client = login_as(world.kalmar_ngo)
    response = client.post(
        reverse("memory:lesson_create", args=[world.kalmar.code]),
        {
            **TEXT,
            "focus_area": "3",
            "phase": "implementation",
            "element": "relationships",
            "added_value": "emotional",
            "dilemma_kind": "equal_vs_needs",
        },
    )
    assert response.status_code == 302
    lesson = Lesson.objects.get()
    assert (lesson.focus_area, lesson.element, lesson.written_by) == (
        3,
        "relationships",
        world.kalmar_ngo,
    )
    assert not lesson.is_shared
    client.post(reverse("memory:lesson_share", args=[world.kalmar.code, lesson.code]))
    lesson.refresh_from_db()
    assert lesson.is_shared and lesson.shared_by == world.kalmar_ngo
    assert AuditEvent.objects.filter(
        action=AuditAction.UPDATE, object_code=lesson.code, detail="shared nationally"
    ).exists()


def test_a_lesson_marked_for_sharing_with_a_participant_code_is_refused_with_the_reason(
    world, login_as
):
    _participant(world.boden, code="K7F3QX")  # a code from anywhere identifies a child
    client = login_as(world.kalmar_kommun)
    response = client.post(
        reverse("memory:lesson_create", args=[world.kalmar.code]),
        {**TEXT, "learned": "Barnet k7f3qx kom tillbaka.", "share_nationally": "on"},
    )
    assert response.status_code == 200
    errors = " ".join(response.context["form"].non_field_errors())
    assert "deltagarkoden K7F3QX" in errors
    assert not Lesson.objects.exists()


def test_sharing_a_lesson_that_names_a_member_is_refused_and_changes_nothing(world, login_as):
    lesson = _lesson(world, learned="Kalmar  testsson höll i kontakten med skolan.")
    client = login_as(world.kalmar_ngo)
    response = client.post(
        reverse("memory:lesson_share", args=[world.kalmar.code, lesson.code]), follow=True
    )
    body = response.content.decode()
    assert "Texten nämner Kalmar testsson" in body and "skriv rollen i stället" in body
    lesson.refresh_from_db()
    assert not lesson.is_shared
    assert not AuditEvent.objects.filter(object_code=lesson.code).exists()


def test_sharing_a_lesson_with_a_participants_stored_name_is_refused(world, login_as):
    _participant(world.kalmar, code="P2Q3R4", name="Samira Abdi")
    lesson = _lesson(world, advice="Fråga samira abdi hur det gick.")
    login_as(world.kalmar_ngo).post(
        reverse("memory:lesson_share", args=[world.kalmar.code, lesson.code])
    )
    lesson.refresh_from_db()
    assert not lesson.is_shared
    from samverka.memory.lessons.checks import naming_problems

    problems = naming_problems(lesson.texts(), world.kalmar)
    assert any("registrerat för en deltagare (samira abdi)" in p for p in problems)


def test_a_first_name_alone_or_a_word_inside_another_is_not_taken_for_a_member(world):
    from samverka.memory.lessons.checks import naming_problems

    texts = {"learned": "Kalmar kommun och testssonskolan samarbetade."}
    assert naming_problems(texts, world.kalmar) == []


def test_a_shared_lesson_changed_to_name_a_person_is_refused_and_stays_as_it_was(world, login_as):
    lesson = _lesson(world, shared_at="2025-05-01T10:00:00Z")
    client = login_as(world.kalmar_ngo)
    edit = reverse("memory:lesson_edit", args=[world.kalmar.code, lesson.code])
    response = client.post(edit, {**TEXT, "learned": "Kalmar Testsson sa det bäst."})
    assert response.status_code == 200
    assert "Texten nämner Kalmar Testsson" in " ".join(response.context["form"].non_field_errors())
    lesson.refresh_from_db()
    assert lesson.learned == TEXT["learned"] and lesson.is_shared
    # The check is about this collaboration's people: a name from elsewhere is not known here.
    assert client.post(edit, {**TEXT, "learned": "Boden Testsson sa det bäst."}).status_code == 302


def test_a_lesson_written_from_a_dilemma_starts_with_its_tags(world, login_as):
    dilemma = Dilemma.objects.create(
        collaboration=world.kalmar,
        kind="new_vs_existing",
        occurred_on=date(2025, 3, 1),
        situation="Ska föreningen starta en egen läxhjälp?",
    )
    client = login_as(world.kalmar_ledare)
    form = client.get(
        reverse("memory:lesson_create", args=[world.kalmar.code]), {"dilemma": dilemma.code}
    ).context["form"]
    assert form.initial["dilemma"] == dilemma and form.initial["dilemma_kind"] == "new_vs_existing"
    assert "share_nationally" not in form.fields  # activity leaders do not share
    page = client.get(reverse("assessment:dilemma", args=[world.kalmar.code, dilemma.code]))
    link = reverse("memory:lesson_create", args=[world.kalmar.code]) + f"?dilemma={dilemma.code}"
    assert link in page.content.decode()


def test_a_lesson_from_a_learning_session_is_linked_to_it(world, login_as):
    session = LearningSession.objects.create(
        collaboration=world.kalmar, held_on=date(2025, 4, 1), other_participants="Styrgruppen"
    )
    client = login_as(world.kalmar_ngo)
    client.post(
        reverse("memory:lesson_create", args=[world.kalmar.code]),
        {**TEXT, "learning_session": session.pk},
    )
    assert Lesson.objects.get().learning_session == session
    other = LearningSession.objects.create(
        collaboration=world.boden, held_on=date(2025, 4, 1), other_participants="x"
    )
    response = client.post(
        reverse("memory:lesson_create", args=[world.kalmar.code]),
        {**TEXT, "title": "Annan", "learning_session": other.pk},
    )
    assert "learning_session" in response.context["form"].errors


def test_who_may_write_share_and_delete_lessons(world, login_as):
    lesson = _lesson(world, written_by=world.kalmar_kommun)
    share = reverse("memory:lesson_share", args=[world.kalmar.code, lesson.code])
    assert login_as(world.kalmar_ledare).post(share).status_code == 403
    assert (
        login_as(world.kalmar_partner_user)
        .get(reverse("memory:lessons", args=[world.kalmar.code]))
        .status_code
        == 403
    )
    # An activity leader edits their own lessons, not others'.
    edit = reverse("memory:lesson_edit", args=[world.kalmar.code, lesson.code])
    assert login_as(world.kalmar_ledare).get(edit).status_code == 403
    assert login_as(world.boden_ngo).post(share).status_code == 404
    foreign = reverse("memory:lesson_share", args=[world.boden.code, lesson.code])
    assert login_as(world.boden_ngo).post(foreign).status_code == 404
    lesson.refresh_from_db()
    assert not lesson.is_shared
    login_as(world.kalmar_ngo).post(
        reverse("memory:lesson_delete", args=[world.kalmar.code, lesson.code])
    )
    assert not Lesson.objects.exists()


@pytest.mark.parametrize("field", ["title", "again", "differently", "advice"])
def test_every_text_of_the_lesson_is_checked(world, field):
    from samverka.memory.lessons.checks import naming_problems

    _participant(world.kalmar, code="ZX9Y8W")
    assert naming_problems({field: "Om ZX9Y8W."}, world.kalmar)
