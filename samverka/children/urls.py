"""URLs of children's voice, the child-rights check and safe activities; each workflow keeps
its own list, all in the 'children' namespace."""

from django.urls import path

from samverka.children import national
from samverka.children.consultations import views as consultations
from samverka.children.meetings import views as meetings
from samverka.children.poster import views as poster
from samverka.children.rights_check import views as checks
from samverka.children.safety import views as safety

app_name = "children"

BASE = "c/<str:code>/children"
CONSULTATION = f"{BASE}/consultations/<str:consultation_code>"
POSTER = f"{BASE}/posters/<str:poster_code>"
CHECK = f"{BASE}/checks/<str:check_code>"
ANALYSIS = f"{BASE}/safety/risk-analyses/<str:analysis_code>"
INCIDENT = f"{BASE}/incidents/<str:incident_code>"

urlpatterns = [
    path(f"{BASE}/", consultations.index, name="index"),
    path(
        f"{BASE}/consultations/new/", consultations.consultation_create, name="consultation_create"
    ),
    path(f"{CONSULTATION}/", consultations.consultation_detail, name="consultation"),
    path(f"{CONSULTATION}/edit/", consultations.consultation_edit, name="consultation_edit"),
    path(f"{CONSULTATION}/delete/", consultations.consultation_delete, name="consultation_delete"),
    path(f"{CONSULTATION}/decisions/new/", consultations.decision_add, name="decision_add"),
    path(
        f"{CONSULTATION}/decisions/<str:decision_code>/",
        consultations.decision_edit,
        name="decision_edit",
    ),
    path(f"{CONSULTATION}/told-back/", consultations.told_back, name="told_back"),
    path(
        f"{CONSULTATION}/decision-makers/",
        meetings.consultation_decision_maker_add,
        name="consultation_decision_maker_add",
    ),
    # Decision-makers meet children.
    path(f"{BASE}/meetings/", meetings.meetings, name="meetings"),
    path(
        f"{BASE}/sessions/<str:session_code>/decision-makers/",
        meetings.session_decision_makers,
        name="session_decision_makers",
    ),
    path(
        f"{BASE}/decision-makers/<str:maker_code>/remove/",
        meetings.decision_maker_remove,
        name="decision_maker_remove",
    ),
    # "Ni sa – vi gjorde".
    path(f"{BASE}/posters/new/", poster.poster_create, name="poster_create"),
    path(f"{POSTER}/", poster.poster_detail, name="poster"),
    path(f"{POSTER}/edit/", poster.poster_edit, name="poster_edit"),
    path(f"{POSTER}/translate/<str:lang>/", poster.poster_translate, name="poster_translate"),
    path(f"{POSTER}/print/", poster.poster_print, name="poster_print"),
    path(f"{POSTER}/poster.pdf", poster.poster_pdf, name="poster_pdf"),
    path(f"{POSTER}/delete/", poster.poster_delete, name="poster_delete"),
    # The child-rights check.
    path(f"{BASE}/checks/", checks.checks, name="checks"),
    path(f"{BASE}/checks/new/", checks.check_create, name="check_create"),
    path(f"{CHECK}/", checks.check_detail, name="check"),
    path(f"{CHECK}/edit/", checks.check_edit, name="check_edit"),
    path(f"{CHECK}/decide/", checks.check_decide, name="check_decide"),
    path(f"{CHECK}/follow-up/", checks.check_follow_up, name="check_follow_up"),
    path(
        f"{BASE}/learning-decisions/<str:learning_decision_code>/affects-children/",
        checks.affects_children,
        name="affects_children",
    ),
    # Safe activities.
    path(f"{BASE}/safety/", safety.safety, name="safety"),
    path(
        f"{BASE}/safety/activities/<str:activity_code>/risk-analysis/",
        safety.risk_analysis_create,
        name="risk_analysis_create",
    ),
    path(f"{ANALYSIS}/", safety.risk_analysis_detail, name="risk_analysis"),
    path(f"{ANALYSIS}/edit/", safety.risk_analysis_edit, name="risk_analysis_edit"),
    path(f"{ANALYSIS}/sign/", safety.risk_analysis_sign, name="risk_analysis_sign"),
    path(f"{ANALYSIS}/risks/new/", safety.risk_add, name="risk_add"),
    path(f"{ANALYSIS}/risks/<str:risk_code>/", safety.risk_edit, name="risk_edit"),
    path(f"{BASE}/sessions/<str:session_code>/excursion/", safety.excursion, name="excursion"),
    path(f"{BASE}/incidents/", safety.incidents, name="incidents"),
    path(f"{BASE}/incidents/new/", safety.incident_create, name="incident_create"),
    path(f"{INCIDENT}/", safety.incident_detail, name="incident"),
    path(f"{INCIDENT}/edit/", safety.incident_edit, name="incident_edit"),
    path(f"{INCIDENT}/follow-up/", safety.incident_follow_up, name="incident_follow_up"),
    # National comparison.
    path("national/children/", national.national, name="national"),
]
