"""Writing lessons and sharing them nationally."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record, save_audited
from samverka.memory.lessons.checks import naming_problems
from samverka.memory.lessons.models import TEXT_FIELDS, Lesson
from samverka.orgs.models import Collaboration

FIELDS = (
    *TEXT_FIELDS,
    "focus_area",
    "phase",
    "element",
    "added_value",
    "dilemma_kind",
    "learning_session",
    "dilemma",
)


def _check_shareable(texts: dict[str, str], collaboration: Collaboration) -> None:
    problems = naming_problems(texts, collaboration)
    if problems:
        raise ValidationError(problems, code="names_a_person")


@transaction.atomic
def lesson_save(
    *,
    collaboration: Collaboration,
    data: dict,
    by,
    lesson: Lesson | None = None,
    share: bool = False,
) -> Lesson:
    """Write or change a lesson. A lesson that is (or is to be) shared nationally is checked
    first: nothing is saved if it names a person."""
    data = {name: data[name] for name in FIELDS if name in data}
    for name in ("learning_session", "dilemma"):
        source = data.get(name)
        if source is not None and source.collaboration_id != collaboration.pk:
            raise ValidationError("source outside the collaboration")
    if lesson is not None:
        # As stored, not as a bound form left it: changes are compared with the database.
        lesson = Lesson.objects.select_for_update().get(pk=lesson.pk)
    else:
        lesson = Lesson(collaboration=collaboration, written_by=by)
    if share or lesson.is_shared:
        texts = {**lesson.texts(), **{k: v for k, v in data.items() if k in TEXT_FIELDS}}
        _check_shareable(texts, collaboration)
    save_audited(lesson, data, by=by, collaboration=collaboration)
    if share and not lesson.is_shared:
        _mark_shared(lesson, by)
    return lesson


def _mark_shared(lesson: Lesson, by) -> None:
    lesson.shared_at, lesson.shared_by = timezone.now(), by
    lesson.save(update_fields=["shared_at", "shared_by"])
    audit_record(
        actor=by,
        action=AuditAction.UPDATE,
        obj=lesson,
        collaboration=lesson.collaboration,
        fields=["shared_at"],
        detail="shared nationally",
    )


@transaction.atomic
def lesson_share(*, lesson: Lesson, by) -> Lesson:
    """Share the lesson in the national library, after the check that it names no person."""
    lesson = Lesson.objects.select_for_update().get(pk=lesson.pk)
    if lesson.is_shared:
        return lesson
    _check_shareable(lesson.texts(), lesson.collaboration)
    _mark_shared(lesson, by)
    return lesson


@transaction.atomic
def lesson_unshare(*, lesson: Lesson, by) -> Lesson:
    """Take the lesson out of the national library (it stays in its collaboration)."""
    lesson = Lesson.objects.select_for_update().get(pk=lesson.pk)
    if lesson.is_shared:
        lesson.shared_at, lesson.shared_by = None, None
        lesson.save(update_fields=["shared_at", "shared_by"])
        audit_record(
            actor=by,
            action=AuditAction.UPDATE,
            obj=lesson,
            collaboration=lesson.collaboration,
            fields=["shared_at"],
            detail="no longer shared",
        )
    return lesson


@transaction.atomic
def lesson_delete(*, lesson: Lesson, by) -> None:
    audit_record(
        actor=by, action=AuditAction.DELETE, obj=lesson, collaboration=lesson.collaboration
    )
    lesson.delete()
