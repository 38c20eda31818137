"""Scopes of the collaboration model's URLs, for tests/test_url_scoping.py."""

from samverka.assessment.models import BoundarySpanner, Dilemma, LearningDecision, LearningSession
from samverka.assessment.rounds import services

SCOPES = {
    "assessment:model": "collaboration",
    "assessment:profile_edit": "collaboration",
    "assessment:routine_edit": "collaboration",
    "assessment:checklist_edit": "collaboration",
    "assessment:phase_change": "collaboration",
    "assessment:rounds": "collaboration",
    "assessment:instrument": "collaboration",
    "assessment:journey": "collaboration",
    "assessment:round_open": "collaboration",
    "assessment:round": "collaboration",
    "assessment:answer": "collaboration",
    "assessment:round_close": "collaboration",
    "assessment:results": "collaboration",
    "assessment:report": "collaboration",
    "assessment:dilemmas": "collaboration",
    "assessment:dilemma_create": "collaboration",
    "assessment:dilemma": "collaboration",
    "assessment:dilemma_edit": "collaboration",
    "assessment:dilemma_delete": "collaboration",
    "assessment:learning": "collaboration",
    "assessment:learning_create": "collaboration",
    "assessment:learning_session": "collaboration",
    "assessment:learning_edit": "collaboration",
    "assessment:learning_delete": "collaboration",
    "assessment:decision_add": "collaboration",
    "assessment:decision_toggle": "collaboration",
    "assessment:decision_delete": "collaboration",
    "assessment:boundary_spanners": "collaboration",
    "assessment:boundary_spanner_create": "collaboration",
    "assessment:boundary_spanner_edit": "collaboration",
    "assessment:boundary_spanner_delete": "collaboration",
    "assessment:national": "national",
}


def url_arguments(world) -> dict:
    """Objects of the Kalmar collaboration for every URL argument of the model's pages."""
    kalmar = world.kalmar
    round = kalmar.assessment_rounds.filter(closed_at__isnull=True).first() or services.round_open(
        collaboration=kalmar, by=world.kalmar_ngo
    )
    dilemma = Dilemma.objects.create(
        collaboration=kalmar,
        kind="equal_vs_needs",
        occurred_on="2025-03-01",
        situation="Ett läger för några barn väckte frågor om likvärdighet.",
    )
    session = LearningSession.objects.create(
        collaboration=kalmar, held_on="2025-04-01", other_participants="Styrgruppen"
    )
    decision = LearningDecision.objects.create(session=session, text="Bjuda in skolan")
    spanner = BoundarySpanner.objects.create(collaboration=kalmar, name="Nora Lindahl")
    return {
        "assessment_code": round.code,
        "element_key": "relationships",
        "phase_key": "initiation",
        "dilemma_code": dilemma.code,
        "learning_code": session.code,
        "learning_decision_code": decision.code,
        "spanner_code": spanner.code,
    }
