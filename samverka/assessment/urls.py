"""Every page of the collaboration model. Each view lives in its workflow's package."""

from django.urls import path

from samverka.assessment.boundary_spanners import views as spanners
from samverka.assessment.checklists import views as checklists
from samverka.assessment.dilemmas import views as dilemmas
from samverka.assessment.learning import views as learning
from samverka.assessment.national import views as national
from samverka.assessment.profile import views as profile
from samverka.assessment.results import views as results
from samverka.assessment.rounds import views as rounds

app_name = "assessment"

M = "c/<str:code>/model/"
SA = M + "self-assessment/"
ROUND = SA + "<str:assessment_code>/"
LEARNING = M + "learning/<str:learning_code>/"

urlpatterns = [
    # The collaboration's profile and phase
    path(M, profile.model, name="model"),
    path(M + "profile/", profile.profile_edit, name="profile_edit"),
    path(M + "routines/<slug:element_key>/", profile.routine_edit, name="routine_edit"),
    path(M + "checklist/<slug:phase_key>/", checklists.checklist_edit, name="checklist_edit"),
    path(M + "phase/", checklists.phase_change, name="phase_change"),
    # Self-assessment
    path(SA, rounds.rounds, name="rounds"),
    path(SA + "instrument/", rounds.instrument, name="instrument"),
    path(SA + "journey/", results.journey, name="journey"),
    path(SA + "open/", rounds.round_open, name="round_open"),
    path(ROUND, rounds.round_detail, name="round"),
    path(ROUND + "answer/", rounds.answer, name="answer"),
    path(ROUND + "close/", rounds.round_close, name="round_close"),
    path(ROUND + "results/", results.results, name="results"),
    path(ROUND + "report/", results.report, name="report"),
    # Dilemmas
    path(M + "dilemmas/", dilemmas.dilemmas, name="dilemmas"),
    path(M + "dilemmas/new/", dilemmas.dilemma_create, name="dilemma_create"),
    path(M + "dilemmas/<str:dilemma_code>/", dilemmas.dilemma_detail, name="dilemma"),
    path(M + "dilemmas/<str:dilemma_code>/edit/", dilemmas.dilemma_edit, name="dilemma_edit"),
    path(M + "dilemmas/<str:dilemma_code>/delete/", dilemmas.dilemma_delete, name="dilemma_delete"),
    # Learning sessions and their decisions
    path(M + "learning/", learning.learning, name="learning"),
    path(M + "learning/new/", learning.learning_create, name="learning_create"),
    path(LEARNING, learning.learning_session, name="learning_session"),
    path(LEARNING + "edit/", learning.learning_edit, name="learning_edit"),
    path(LEARNING + "delete/", learning.learning_delete, name="learning_delete"),
    path(LEARNING + "decisions/", learning.decision_add, name="decision_add"),
    path(
        LEARNING + "decisions/<str:learning_decision_code>/done/",
        learning.decision_toggle,
        name="decision_toggle",
    ),
    path(
        LEARNING + "decisions/<str:learning_decision_code>/delete/",
        learning.decision_delete,
        name="decision_delete",
    ),
    # Boundary spanners
    path(M + "boundary-spanners/", spanners.boundary_spanners, name="boundary_spanners"),
    path(
        M + "boundary-spanners/new/",
        spanners.boundary_spanner_create,
        name="boundary_spanner_create",
    ),
    path(
        M + "boundary-spanners/<str:spanner_code>/",
        spanners.boundary_spanner_edit,
        name="boundary_spanner_edit",
    ),
    path(
        M + "boundary-spanners/<str:spanner_code>/delete/",
        spanners.boundary_spanner_delete,
        name="boundary_spanner_delete",
    ),
    # Across collaborations
    path("national/model/", national.national, name="national"),
]
