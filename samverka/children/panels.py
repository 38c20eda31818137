"""The collaboration overview's section on children's voice and safety: children waiting for an
answer, decisions that ask for a child-rights check, risk analyses and incident follow-ups."""

from samverka.accounts.roles import Capability
from samverka.children.consultations.selectors import waiting_for
from samverka.children.rights_check.selectors import asked_decisions
from samverka.children.safety import selectors as safety
from samverka.children.safety.models import AnalysisState
from samverka.orgs.panels import Panel

C = Capability


def children_panel(request, access):
    can_consultations = access.can(C.VIEW_CONSULTATIONS)
    can_safety = access.can(C.VIEW_SAFETY)
    if not (can_consultations or can_safety):
        return None
    collaboration = access.collaboration
    context = {
        "collaboration": collaboration,
        "can_consultations": can_consultations,
        "can_record": access.can(C.RECORD_CONSULTATIONS),
        "can_checks": access.can(C.VIEW_CHILD_RIGHTS_CHECKS),
        "can_safety": can_safety,
        "can_incidents": access.can(C.VIEW_INCIDENTS),
    }
    if can_consultations:
        context["waiting"] = waiting_for(collaboration)
    if context["can_checks"]:
        context["unchecked"] = [a for a in asked_decisions([collaboration]) if not a.has_check]
    if can_safety:
        rows = safety.activity_overview(collaboration)
        context["expired"] = [r for r in rows if r["state"] == AnalysisState.EXPIRED]
        context["review_soon"] = [r for r in rows if r["review_soon"]]
        context["excursions"] = safety.upcoming_excursions_without_analysis(collaboration)
        follow_ups = safety.follow_ups_due(collaboration)
        context["follow_ups"] = follow_ups if context["can_incidents"] else []
        context["follow_up_count"] = len(follow_ups)
    return Panel(template="children/panel.html", context=context, order=45)
