from django.urls import path

from samverka.assessment import views

app_name = "assessment"

M = "c/<str:code>/model/"
SA = M + "self-assessment/"
ROUND = SA + "<str:assessment_code>/"
LEARNING = M + "learning/<str:learning_code>/"

urlpatterns = [
    # The collaboration's profile and phase
    path(M, views.model, name="model"),
    path(M + "profile/", views.profile_edit, name="profile_edit"),
    path(M + "routines/<slug:element_key>/", views.routine_edit, name="routine_edit"),
    path(M + "checklist/<slug:phase_key>/", views.checklist_edit, name="checklist_edit"),
    path(M + "phase/", views.phase_change, name="phase_change"),
    # Self-assessment
    path(SA, views.rounds, name="rounds"),
    path(SA + "instrument/", views.instrument, name="instrument"),
    path(SA + "journey/", views.journey, name="journey"),
    path(SA + "open/", views.round_open, name="round_open"),
    path(ROUND, views.round_detail, name="round"),
    path(ROUND + "answer/", views.answer, name="answer"),
    path(ROUND + "close/", views.round_close, name="round_close"),
    path(ROUND + "results/", views.results, name="results"),
    path(ROUND + "report/", views.report, name="report"),
    # Dilemmas
    path(M + "dilemmas/", views.dilemmas, name="dilemmas"),
    path(M + "dilemmas/new/", views.dilemma_create, name="dilemma_create"),
    path(M + "dilemmas/<str:dilemma_code>/", views.dilemma_detail, name="dilemma"),
    path(M + "dilemmas/<str:dilemma_code>/edit/", views.dilemma_edit, name="dilemma_edit"),
    path(M + "dilemmas/<str:dilemma_code>/delete/", views.dilemma_delete, name="dilemma_delete"),
    # Learning sessions and their decisions
    path(M + "learning/", views.learning, name="learning"),
    path(M + "learning/new/", views.learning_create, name="learning_create"),
    path(LEARNING, views.learning_session, name="learning_session"),
    path(LEARNING + "edit/", views.learning_edit, name="learning_edit"),
    path(LEARNING + "delete/", views.learning_delete, name="learning_delete"),
    path(LEARNING + "decisions/", views.decision_add, name="decision_add"),
    path(
        LEARNING + "decisions/<str:learning_decision_code>/done/",
        views.decision_toggle,
        name="decision_toggle",
    ),
    path(
        LEARNING + "decisions/<str:learning_decision_code>/delete/",
        views.decision_delete,
        name="decision_delete",
    ),
    # Boundary spanners
    path(M + "boundary-spanners/", views.boundary_spanners, name="boundary_spanners"),
    path(
        M + "boundary-spanners/new/",
        views.boundary_spanner_create,
        name="boundary_spanner_create",
    ),
    path(
        M + "boundary-spanners/<str:spanner_code>/",
        views.boundary_spanner_edit,
        name="boundary_spanner_edit",
    ),
    path(
        M + "boundary-spanners/<str:spanner_code>/delete/",
        views.boundary_spanner_delete,
        name="boundary_spanner_delete",
    ),
    # Across collaborations
    path("national/model/", views.national, name="national"),
]
