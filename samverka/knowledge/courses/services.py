"""Workflows of courses (national outlines) and course runs (in a collaboration)."""

from django.db import transaction

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record, save_audited
from samverka.knowledge.courses.models import (
    Attendee,
    Completion,
    Course,
    CourseRun,
    Module,
    TraineeRole,
)
from samverka.orgs.models import OrganisationKind


@transaction.atomic
def course_save(*, course: Course | None = None, data: dict, by) -> Course:
    course = course or Course(created_by=by)
    if course.pk and course.builtin_key:
        data = {**data, "edited": True}
    save_audited(course, data, by=by)
    return course


@transaction.atomic
def module_save(*, course: Course, module: Module | None = None, data: dict, by) -> Module:
    if module is None:
        module = Module(course=course, order=course.modules.count() + 1)
    save_audited(module, data, by=by)
    if course.builtin_key and not course.edited:
        course.edited = True
        course.save(update_fields=["edited"])
    return module


@transaction.atomic
def run_save(*, collaboration, run: CourseRun | None = None, data: dict, by) -> CourseRun:
    run = run or CourseRun(collaboration=collaboration, created_by=by)
    save_audited(run, data, by=by, collaboration=collaboration)
    return run


def _organisation_kind(organisation, fallback=OrganisationKind.CSO) -> str:
    return organisation.kind if organisation is not None else fallback


@transaction.atomic
def attendee_add(
    *,
    run: CourseRun,
    role: str,
    by,
    user=None,
    volunteer=None,
    organisation=None,
    organisation_name: str = "",
    organisation_kind: str = "",
) -> Attendee:
    """Add a platform person, a volunteer of the roster, or an external attendee (organisation
    and role only). Attendees are never participants: nothing here touches the register."""
    if volunteer is not None:
        role = TraineeRole.VOLUNTEER
        organisation = organisation or volunteer.organisation or run.collaboration.lead_organisation
    if user is not None and organisation is None:
        membership = user.memberships.active().filter(collaboration=run.collaboration).first()
        organisation = membership.organisation if membership else None
    attendee = Attendee.objects.create(
        run=run,
        user=user,
        volunteer=volunteer,
        organisation=organisation,
        organisation_name="" if organisation is not None else organisation_name.strip(),
        organisation_kind=organisation_kind or _organisation_kind(organisation),
        role=role,
    )
    audit_record(
        actor=by,
        action=AuditAction.CREATE,
        obj=attendee,
        collaboration=run.collaboration,
        detail=run.code,
    )
    return attendee


@transaction.atomic
def attendee_remove(*, attendee: Attendee, by) -> None:
    run = attendee.run
    audit_record(
        actor=by,
        action=AuditAction.DELETE,
        obj=attendee,
        collaboration=run.collaboration,
        detail=run.code,
    )
    attendee.delete()


@transaction.atomic
def completions_save(*, run: CourseRun, completed: set[tuple[int, int]], by) -> tuple[int, int]:
    """Set which (attendee id, module id) pairs of the run are completed; returns (added,
    removed). The completion date is the run's last (or only) date."""
    attendees = set(run.attendees.values_list("pk", flat=True))
    modules = set(run.course.modules.values_list("pk", flat=True))
    wanted = {(a, m) for a, m in completed if a in attendees and m in modules}
    existing = set(
        Completion.objects.filter(attendee__run=run).values_list("attendee_id", "module_id")
    )
    to_add, to_remove = wanted - existing, existing - wanted
    day = run.ends_on or run.starts_on
    Completion.objects.bulk_create(
        [
            Completion(attendee_id=a, module_id=m, completed_on=day, recorded_by=by)
            for a, m in sorted(to_add)
        ]
    )
    for a, m in to_remove:
        Completion.objects.filter(attendee_id=a, module_id=m).delete()
    if to_add or to_remove:
        audit_record(
            actor=by,
            action=AuditAction.UPDATE,
            obj=run,
            collaboration=run.collaboration,
            fields=["completions"],
            detail=f"+{len(to_add)} -{len(to_remove)}",
        )
    return len(to_add), len(to_remove)
