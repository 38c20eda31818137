"""The collaboration model's section on the collaboration overview page."""

from samverka.accounts.roles import Capability
from samverka.assessment.boundary_spanners.selectors import dependence_warnings
from samverka.assessment.checklists.selectors import checklist_of
from samverka.assessment.instrument import QUADRANT_HELP
from samverka.assessment.learning.selectors import open_decisions
from samverka.assessment.models import Party
from samverka.assessment.phases import PHASE_ORDER
from samverka.assessment.results.selectors import PARTIES, round_results
from samverka.assessment.rounds.selectors import latest_closed_round, open_round, own_response
from samverka.orgs.panels import Panel


def model_panel(request, access) -> Panel | None:
    if not access.can(Capability.VIEW_COLLABORATION_MODEL):
        return _answer_panel(request, access)
    collaboration = access.collaboration
    context = {
        "can_answer": access.can(Capability.ANSWER_ASSESSMENT),
        "can_results": access.can(Capability.VIEW_ASSESSMENT_RESULTS),
        "can_manage": access.can(Capability.MANAGE_ASSESSMENT),
        "checklist": checklist_of(collaboration, collaboration.phase, evidence=False)
        if collaboration.phase in PHASE_ORDER
        else None,
        "open_decisions": open_decisions(collaboration).count(),
    }
    current = open_round(collaboration)
    if current is not None:
        mine = own_response(current, request.user) if context["can_answer"] else None
        context["open_round"] = current
        context["answered"] = bool(mine and mine.submitted_at)
    latest = latest_closed_round(collaboration)
    if latest is not None and context["can_results"]:
        results = round_results(latest)
        context["latest"] = latest
        context["quadrants"] = [
            {
                "label": Party(party).label,
                "point": results.point_for(party),
                "help": QUADRANT_HELP[results.point_for(party).quadrant]
                if results.point_for(party)
                else "",
            }
            for party in PARTIES
        ]
    context["can_spanners"] = access.can(Capability.VIEW_MEMBERS)
    context["national"] = request.user.is_national_lead
    if context["can_spanners"]:
        context["warnings"] = dependence_warnings(collaboration)
    return Panel(template="assessment/panel.html", context=context, order=20)


def _answer_panel(request, access) -> Panel | None:
    """For those who only answer (partner organisations' members): the open round, if any."""
    if not access.can(Capability.ANSWER_ASSESSMENT):
        return None
    current = open_round(access.collaboration)
    if current is None:
        return None
    mine = own_response(current, request.user)
    return Panel(
        template="assessment/panel_answer.html",
        context={
            "code": access.collaboration.code,
            "open_round": current,
            "answered": bool(mine and mine.submitted_at),
        },
        order=20,
    )
