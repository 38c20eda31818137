"""Every collaboration's phase, checklist, latest results and warnings, side by side."""

from dataclasses import dataclass

from samverka.assessment.boundary_spanners.selectors import DependenceWarning, dependence_warnings
from samverka.assessment.checklists.selectors import PhaseChecklist, checklist_of
from samverka.assessment.models import AssessmentRound
from samverka.assessment.phases import PHASE_ORDER
from samverka.assessment.results.selectors import RoundResults, round_results
from samverka.assessment.rounds.selectors import latest_closed_round, open_round
from samverka.orgs.models import Collaboration


@dataclass
class NationalRow:
    collaboration: Collaboration
    checklist: PhaseChecklist | None
    latest: RoundResults | None
    open_round: AssessmentRound | None
    warnings: list[DependenceWarning]


def national_rows(collaborations) -> list[NationalRow]:
    rows = []
    for collaboration in collaborations:
        checklist = (
            checklist_of(collaboration, collaboration.phase, evidence=False)
            if collaboration.phase in PHASE_ORDER
            else None
        )
        latest = latest_closed_round(collaboration)
        rows.append(
            NationalRow(
                collaboration=collaboration,
                checklist=checklist,
                latest=round_results(latest) if latest else None,
                open_round=open_round(collaboration),
                warnings=dependence_warnings(collaboration),
            )
        )
    return rows
