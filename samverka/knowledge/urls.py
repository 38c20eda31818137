from django.urls import path

from samverka.knowledge.bank import practice
from samverka.knowledge.bank import views as bank
from samverka.knowledge.courses import views as courses
from samverka.knowledge.reflections import views as reflections
from samverka.knowledge.volunteers import views as volunteers

app_name = "knowledge"

ITEM = "knowledge/<str:item_code>/"
RUN = "c/<str:code>/training/<str:run_code>/"
VOLUNTEER = "c/<str:code>/volunteers/<str:volunteer_code>/"

urlpatterns = [
    # The knowledge bank (every member reads; editors write).
    path("knowledge/", bank.bank, name="bank"),
    path("knowledge/new/", bank.item_create, name="item_create"),
    path("knowledge/editors/", bank.editors, name="editors"),
    path("knowledge/public/<str:item_code>/", bank.public_item, name="public_item"),
    path(
        "knowledge/public/<str:item_code>/files/<str:attachment_code>/",
        bank.public_attachment,
        name="public_attachment",
    ),
    # Course outlines.
    path("knowledge/courses/", courses.courses, name="courses"),
    path("knowledge/courses/new/", courses.course_edit, name="course_create"),
    path("knowledge/courses/<str:course_code>/", courses.course_detail, name="course"),
    path("knowledge/courses/<str:course_code>/edit/", courses.course_edit, name="course_edit"),
    path(
        "knowledge/courses/<str:course_code>/modules/new/",
        courses.module_edit,
        name="module_create",
    ),
    path(
        "knowledge/courses/<str:course_code>/modules/<str:module_code>/edit/",
        courses.module_edit,
        name="module_edit",
    ),
    # Items.
    path(ITEM, bank.item_detail, name="item"),
    path(ITEM + "edit/", bank.item_edit, name="item_edit"),
    path(ITEM + "publish/", bank.item_publish, name="item_publish"),
    path(ITEM + "versions/", bank.item_versions, name="item_versions"),
    path(ITEM + "versions/<int:number>/", bank.item_version, name="item_version"),
    path(ITEM + "translations/<str:language>/", bank.item_translation, name="item_translation"),
    path(ITEM + "files/new/", bank.attachment_add, name="attachment_add"),
    path(ITEM + "files/<str:attachment_code>/", bank.attachment, name="attachment"),
    path(
        ITEM + "files/<str:attachment_code>/delete/",
        bank.attachment_delete,
        name="attachment_delete",
    ),
    # Tied to practice: an activity's methods and themes from the bank.
    path(
        "c/<str:code>/activities/<str:activity_code>/methods/",
        practice.activity_methods,
        name="activity_methods",
    ),
    path(
        "c/<str:code>/activities/<str:activity_code>/themes/from-bank/",
        practice.theme_from_bank,
        name="theme_from_bank",
    ),
    # Course runs and the competence figures.
    path("c/<str:code>/training/", courses.runs, name="runs"),
    path("c/<str:code>/training/new/", courses.run_edit, name="run_create"),
    path(RUN, courses.run_detail, name="run"),
    path(RUN + "edit/", courses.run_edit, name="run_edit"),
    path(RUN + "attendees/new/", courses.attendee_add, name="attendee_add"),
    path(
        RUN + "attendees/<str:attendee_code>/remove/",
        courses.attendee_remove,
        name="attendee_remove",
    ),
    path("national/competence/", courses.national_competence, name="national_competence"),
    # Volunteers.
    path("c/<str:code>/volunteers/", volunteers.volunteers, name="volunteers"),
    path("c/<str:code>/volunteers/new/", volunteers.volunteer_edit, name="volunteer_create"),
    path(VOLUNTEER, volunteers.volunteer_detail, name="volunteer"),
    path(VOLUNTEER + "edit/", volunteers.volunteer_edit, name="volunteer_edit"),
    path(VOLUNTEER + "check/", volunteers.volunteer_check, name="volunteer_check"),
    path(VOLUNTEER + "training/", volunteers.volunteer_training, name="volunteer_training"),
    path(
        "c/<str:code>/sessions/<str:session_code>/volunteers/",
        volunteers.session_volunteers,
        name="session_volunteers",
    ),
    # Leader reflections.
    path(
        "c/<str:code>/sessions/<str:session_code>/reflection/",
        reflections.reflection_write,
        name="reflection_write",
    ),
    path("c/<str:code>/reflections/", reflections.reflections, name="reflections"),
    path(
        "c/<str:code>/reflections/<str:reflection_code>/",
        reflections.reflection_detail,
        name="reflection",
    ),
]
