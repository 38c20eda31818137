from datetime import date

from samverka.activities.models import Activity, ActivityType, Session
from samverka.assessment.models import LearningDecision, LearningSession
from samverka.children.models import (
    ChildRightsCheck,
    Consultation,
    Decision,
    DecisionMaker,
    Incident,
    Poster,
    Risk,
    RiskAnalysis,
)

SCOPES = {
    "children:index": "collaboration",
    "children:consultation_create": "collaboration",
    "children:consultation": "collaboration",
    "children:consultation_edit": "collaboration",
    "children:consultation_delete": "collaboration",
    "children:decision_add": "collaboration",
    "children:decision_edit": "collaboration",
    "children:told_back": "collaboration",
    "children:consultation_decision_maker_add": "collaboration",
    "children:meetings": "collaboration",
    "children:session_decision_makers": "collaboration",
    "children:decision_maker_remove": "collaboration",
    "children:poster_create": "collaboration",
    "children:poster": "collaboration",
    "children:poster_edit": "collaboration",
    "children:poster_translate": "collaboration",
    "children:poster_print": "collaboration",
    "children:poster_pdf": "collaboration",
    "children:poster_delete": "collaboration",
    "children:checks": "collaboration",
    "children:check_create": "collaboration",
    "children:check": "collaboration",
    "children:check_edit": "collaboration",
    "children:check_decide": "collaboration",
    "children:check_follow_up": "collaboration",
    "children:affects_children": "collaboration",
    "children:safety": "collaboration",
    "children:risk_analysis_create": "collaboration",
    "children:risk_analysis": "collaboration",
    "children:risk_analysis_edit": "collaboration",
    "children:risk_analysis_sign": "collaboration",
    "children:risk_add": "collaboration",
    "children:risk_edit": "collaboration",
    "children:excursion": "collaboration",
    "children:incidents": "collaboration",
    "children:incident_create": "collaboration",
    "children:incident": "collaboration",
    "children:incident_edit": "collaboration",
    "children:incident_follow_up": "collaboration",
    "children:national": "national",
}


def url_arguments(world):
    kalmar = world.kalmar
    activity = Activity.objects.create(
        collaboration=kalmar,
        name="Dialogforum (URL)",
        focus_area=1,
        type=ActivityType.DIALOGUE_FORUM,
        starts_on=date(2025, 3, 1),
    )
    session = Session.objects.create(activity=activity, date=date(2025, 3, 1))
    consultation = Consultation.objects.create(
        collaboration=kalmar,
        held_on=date(2025, 3, 1),
        topic="Vad vill ni göra?",
        method="circle_talk",
        children_by_age={"6-12": 7},
    )
    decision = Decision.objects.create(
        consultation=consultation, text="Längre öppettider", decided_by="Rektor"
    )
    maker = DecisionMaker.objects.create(
        collaboration=kalmar, session=session, title="Ordförande", organisation="Kalmar kommun"
    )
    poster = Poster.objects.create(collaboration=kalmar, consultation=consultation)
    check = ChildRightsCheck.objects.create(collaboration=kalmar, subject="other", title="Beslut")
    learning = LearningSession.objects.create(collaboration=kalmar, held_on=date(2025, 3, 1))
    learning_decision = LearningDecision.objects.create(session=learning, text="Nytt schema")
    analysis = RiskAnalysis.objects.create(activity=activity, review_on=date(2026, 3, 1))
    risk = Risk.objects.create(
        analysis=analysis,
        area="places",
        description="Halt",
        likelihood=2,
        consequence=2,
        measure="Sanda",
    )
    incident = Incident.objects.create(
        collaboration=kalmar,
        session=session,
        happened_on=date(2025, 3, 1),
        what_happened="Ett fall",
    )
    return {
        "consultation_code": consultation.code,
        "decision_code": decision.code,
        "session_code": session.code,
        "maker_code": maker.code,
        "poster_code": poster.code,
        "lang": "ar",
        "check_code": check.code,
        "learning_decision_code": learning_decision.code,
        "activity_code": activity.code,
        "analysis_code": analysis.code,
        "risk_code": risk.code,
        "incident_code": incident.code,
    }
