"""Scopes of the follow-up plan's URLs, for tests/test_url_scoping.py."""

SCOPES = {
    "followup:plan": "collaboration",
    "followup:goal_create": "collaboration",
    "followup:goal_edit": "collaboration",
    "followup:goal_archive": "collaboration",
    "followup:indicator_create": "collaboration",
    "followup:indicator": "collaboration",
    "followup:indicator_edit": "collaboration",
    "followup:indicator_remove": "collaboration",
    "followup:evidence_create": "collaboration",
    "followup:library": "collaboration",
    "followup:report": "collaboration",
    "followup:national": "national",
}


def url_arguments(world) -> dict:
    """A goal of Kalmar's plan with one (hand-entered) indicator."""
    from samverka.followup.library import install_builtin_indicators
    from samverka.followup.models import Goal, IndicatorDefinition, PlanIndicator

    install_builtin_indicators()
    goal = Goal.objects.create(collaboration=world.kalmar, title="Fler föräldrar", level="families")
    indicator = PlanIndicator.objects.create(
        goal=goal, definition=IndicatorDefinition.objects.get(builtin_id="FU-MAN-01")
    )
    return {"goal_code": goal.code, "indicator_code": indicator.code}


# The exports registry (tests/test_export_injection.py): the steering-group report's workbook
# (made as background work) carries the goals, the evidence notes and the decisions as staff
# wrote them.
EXPORTS = {
    "followup:report": {
        "method": "post",
        "persona": "kalmar_ngo",
        "data": {"period": "2025", "language": "sv", "format": "xlsx"},
    }
}


def plant(world, text: str) -> None:
    """Kalmar's goals' titles and evidence notes become `text`."""
    from samverka.followup.models import EvidenceNote, Goal

    Goal.objects.filter(collaboration=world.kalmar).update(title=text)
    goal = Goal.objects.filter(collaboration=world.kalmar).first()
    EvidenceNote.objects.create(
        collaboration=world.kalmar, goal=goal, period="2025", kind="quote", text=text
    )
