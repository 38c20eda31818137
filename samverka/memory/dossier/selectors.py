"""The transition dossier: one document built from what the collaboration has recorded, written
for the next team – what someone arriving next year must read.

Each section is its own function, so the page, the PDF and the ZIP read the same thing. No
participant-level data is in it: referral gaps come disclosure-controlled (samverka/referrals),
self-assessment results only for closed rounds and large enough groups (samverka/assessment).
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone

from samverka.assessment.instrument import ELEMENTS_BY_KEY
from samverka.assessment.models import LearningDecision
from samverka.assessment.profile.selectors import profile_for, routines_for
from samverka.assessment.results.selectors import Journey, journey_for
from samverka.memory.continuation.selectors import (
    ActivityFuture,
    FutureSummary,
    futures_for,
    summary_of,
)
from samverka.memory.documents.models import Agreement, Document
from samverka.memory.handovers.models import Handover
from samverka.memory.handovers.selectors import handovers_for
from samverka.memory.lessons.models import Lesson
from samverka.memory.lessons.selectors import lessons_of
from samverka.orgs.models import Collaboration
from samverka.referrals.selectors import gap_totals, relations_for, services_for


@dataclass
class FollowupResult:
    """One follow-up result for the dossier (indicator, what was found, for which period)."""

    indicator: str
    value: str
    period: str = ""
    note: str = ""


def followup_results(collaboration: Collaboration) -> list[FollowupResult]:
    """The follow-up plan's indicators (samverka/followup): each with its latest value that
    may be shown (computed now, disclosure-controlled), its period and, as the note, the goal
    and the status against the target. Qualitative indicators are left out."""
    from samverka.followup.selectors import dashboard

    results = []
    for goal_row in dashboard(collaboration):
        for row in goal_row.indicators:
            if row.is_qualitative:
                continue
            latest = row.latest or (row.values[-1] if row.values else None)
            results.append(
                FollowupResult(
                    indicator=row.definition.name,
                    value=latest.text if latest else "",
                    period=latest.period.key if latest else "",
                    note=f"{goal_row.goal.title} · {row.status_label}",
                )
            )
    return results


@dataclass
class Dossier:
    collaboration: Collaboration
    made_at: datetime
    profile: object
    agreements: list[Agreement]
    routines: list[dict]
    partners: list
    relations: list
    services: list
    futures: list[ActivityFuture]
    summary: FutureSummary
    followup: list[FollowupResult]
    lessons: list[Lesson]
    open_decisions: list[LearningDecision]
    dilemmas: list
    journey: Journey
    gaps: list[dict]
    documents: list[Document]
    handovers: list[Handover]
    phase_changes: list = field(default_factory=list)

    @property
    def chain(self) -> list[Collaboration]:
        return self.collaboration.chain()


def routine_rows(collaboration: Collaboration) -> list[dict]:
    return [
        {"routine": routine, "element": ELEMENTS_BY_KEY[routine.element]}
        for routine in routines_for(collaboration)
    ]


def open_decisions(collaboration: Collaboration) -> list[LearningDecision]:
    return list(
        LearningDecision.objects.filter(session__collaboration=collaboration, done_on__isnull=True)
        .select_related("session", "follow_up_by__user")
        .order_by("due_on", "session__held_on")
    )


def dossier_for(collaboration: Collaboration) -> Dossier:
    """Everything the dossier shows, read in the current scope (the collaboration's own, or
    the later collaboration's explicit scope over both when read from there)."""
    futures = futures_for(collaboration)
    return Dossier(
        collaboration=collaboration,
        made_at=timezone.now(),
        profile=profile_for(collaboration),
        agreements=list(collaboration.agreements.select_related("document")),
        routines=routine_rows(collaboration),
        partners=list(collaboration.partners.select_related("municipality").order_by("name")),
        relations=list(relations_for(collaboration)),
        services=list(
            services_for(collaboration).filter(organisation__in=_actor_ids(collaboration))
        ),
        futures=futures,
        summary=summary_of(futures),
        followup=followup_results(collaboration),
        lessons=list(lessons_of(collaboration)),
        open_decisions=open_decisions(collaboration),
        dilemmas=list(collaboration.dilemmas.all()),
        journey=journey_for(collaboration),
        gaps=gap_totals(collaboration),
        documents=list(collaboration.documents.select_related("uploaded_by")),
        handovers=list(handovers_for(collaboration)),
        phase_changes=list(collaboration.phase_changes.select_related("changed_by")),
    )


def _actor_ids(collaboration: Collaboration) -> set[int]:
    """The organisations of the collaboration and its actor map (not every actor in town)."""
    ids = {collaboration.lead_organisation_id, *collaboration.partners.values_list("pk", flat=True)}
    for relation in relations_for(collaboration):
        ids.update({relation.from_organisation_id, relation.to_organisation_id})
    return ids
