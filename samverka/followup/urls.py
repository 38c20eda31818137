from django.urls import path

from samverka.followup import national, views

app_name = "followup"

F = "c/<str:code>/followup/"
IND = F + "indicators/<str:indicator_code>/"

urlpatterns = [
    path(F, views.plan, name="plan"),
    path(F + "goals/new/", views.goal_create, name="goal_create"),
    path(F + "goals/<str:goal_code>/edit/", views.goal_edit, name="goal_edit"),
    path(F + "goals/<str:goal_code>/archive/", views.goal_archive, name="goal_archive"),
    path(
        F + "goals/<str:goal_code>/indicators/new/",
        views.indicator_create,
        name="indicator_create",
    ),
    path(IND, views.indicator_detail, name="indicator"),
    path(IND + "edit/", views.indicator_edit, name="indicator_edit"),
    path(IND + "remove/", views.indicator_remove, name="indicator_remove"),
    path(F + "evidence/new/", views.evidence_create, name="evidence_create"),
    path(F + "library/", views.library, name="library"),
    path(F + "report/", views.report, name="report"),
    path("national/followup/", national.national_followup, name="national"),
]
