from datetime import date

from samverka.activities.models import Activity, Session
from samverka.knowledge.bank.models import Attachment, Item, ItemVersion
from samverka.knowledge.courses.models import Attendee, Course, CourseRun, Module
from samverka.knowledge.reflections.models import Reflection
from samverka.knowledge.volunteers.models import Volunteer

SCOPES = {
    # The bank and the course outlines: every logged-in member reads, editors write.
    "knowledge:bank": "own",
    "knowledge:item_create": "own",
    "knowledge:item": "own",
    "knowledge:item_edit": "own",
    "knowledge:item_publish": "own",
    "knowledge:item_versions": "own",
    "knowledge:item_version": "own",
    "knowledge:item_translation": "own",
    "knowledge:attachment_add": "own",
    "knowledge:attachment": "own",
    "knowledge:attachment_delete": "own",
    "knowledge:courses": "own",
    "knowledge:course_create": "own",
    "knowledge:course": "own",
    "knowledge:course_edit": "own",
    "knowledge:module_create": "own",
    "knowledge:module_edit": "own",
    # Public items: readable without login (the walker uses a NON-public item, so it must 404).
    "knowledge:public_item": "public",
    "knowledge:public_attachment": "public",
    "knowledge:editors": "national",
    "knowledge:national_competence": "national",
    "knowledge:activity_methods": "collaboration",
    "knowledge:theme_from_bank": "collaboration",
    "knowledge:runs": "collaboration",
    "knowledge:run_create": "collaboration",
    "knowledge:run": "collaboration",
    "knowledge:run_edit": "collaboration",
    "knowledge:attendee_add": "collaboration",
    "knowledge:attendee_remove": "collaboration",
    "knowledge:volunteers": "collaboration",
    "knowledge:volunteer_create": "collaboration",
    "knowledge:volunteer": "collaboration",
    "knowledge:volunteer_edit": "collaboration",
    "knowledge:volunteer_check": "collaboration",
    "knowledge:volunteer_training": "collaboration",
    "knowledge:session_volunteers": "collaboration",
    "knowledge:reflection_write": "collaboration",
    "knowledge:reflections": "collaboration",
    "knowledge:reflection": "collaboration",
}


def url_arguments(world):
    item = Item.objects.create(kind="method", title="Metodkort")
    version = ItemVersion.objects.create(item=item, number=1, title="Metodkort", body="Text")
    attachment = Attachment.objects.create(
        item=item,
        title="Bilaga",
        original_name="a.pdf",
        content_type="application/pdf",
        size=1,
        sha256="0",
        file="knowledge/none.pdf",
    )
    course = Course.objects.create(title="Kurs")
    module = Module.objects.create(course=course, title="Del 1")
    run = CourseRun.objects.create(
        collaboration=world.kalmar,
        course=course,
        starts_on=date(2025, 3, 1),
        form="on_site",
        trainer="Utbildare",
        organiser=world.kalmar.lead_organisation,
    )
    attendee = Attendee.objects.create(run=run, organisation_kind="school", role="staff")
    activity = Activity.objects.create(
        collaboration=world.kalmar,
        name="Föräldragruppen",
        focus_area=3,
        type="parent_group",
        starts_on=date(2025, 1, 1),
    )
    session = Session.objects.create(activity=activity, date=date(2025, 1, 8))
    volunteer = Volunteer.objects.create(collaboration=world.kalmar)
    reflection = Reflection.objects.create(session=session, what_worked="Bra")
    return {
        "item_code": item.code,
        "number": version.number,
        "language": "ar",
        "attachment_code": attachment.code,
        "course_code": course.code,
        "module_code": module.code,
        "run_code": run.code,
        "attendee_code": attendee.code,
        "activity_code": activity.code,
        "session_code": session.code,
        "volunteer_code": volunteer.code,
        "reflection_code": reflection.code,
    }
