"""Every collaboration's phase, checklist, latest results and warnings, side by side.

Read for every collaboration at once: the same few grouped queries whether the comparison has
two collaborations or four hundred (each part's `*_in` reader is also what the collaboration's
own pages use, through its one-collaboration form)."""

from dataclasses import dataclass

from samverka.assessment.boundary_spanners.selectors import (
    DependenceWarning,
    dependence_warnings_in,
)
from samverka.assessment.checklists.selectors import (
    PhaseChecklist,
    checklist_marks_in,
    checklist_of,
    checklist_proof_in,
)
from samverka.assessment.models import AssessmentRound
from samverka.assessment.phases import PHASE_ORDER
from samverka.assessment.results.selectors import RoundResults, round_results_in
from samverka.assessment.rounds.selectors import current_rounds_in
from samverka.orgs.models import Collaboration


@dataclass
class NationalRow:
    collaboration: Collaboration
    checklist: PhaseChecklist | None
    latest: RoundResults | None
    open_round: AssessmentRound | None
    warnings: list[DependenceWarning]


def national_rows(collaborations) -> list[NationalRow]:
    collaborations = list(collaborations)
    marks = checklist_marks_in(collaborations)
    proofs = checklist_proof_in(collaborations)
    rounds = current_rounds_in(collaborations)
    results = round_results_in([latest for latest, _open in rounds.values() if latest])
    warnings = dependence_warnings_in(collaborations)
    rows = []
    for collaboration in collaborations:
        checklist = (
            checklist_of(
                collaboration,
                collaboration.phase,
                evidence=False,
                marks=marks[collaboration.pk],
                proofs=proofs[collaboration.pk],
            )
            if collaboration.phase in PHASE_ORDER
            else None
        )
        latest, open_round = rounds[collaboration.pk]
        rows.append(
            NationalRow(
                collaboration=collaboration,
                checklist=checklist,
                latest=results[latest.pk] if latest else None,
                open_round=open_round,
                warnings=warnings[collaboration.pk],
            )
        )
    return rows
