"""Sections that features add to the collaboration overview page.

Each provider is a function `(request, access) -> Panel | None`; it returns None when the
user's role should not see it. Features add their provider's dotted path to PROVIDERS.
"""

from dataclasses import dataclass, field

from django.utils.module_loading import import_string

PROVIDERS: list[str] = [
    "samverka.activities.panels.activities_panel",
    "samverka.imports.panels.import_panel",
    "samverka.assessment.panels.model_panel",
    "samverka.reports.panels.funder_panel",
    "samverka.referrals.panels.referrals_panel",
    "samverka.surveys.rounds.panels.surveys_panel",
    "samverka.children.panels.children_panel",
    "samverka.knowledge.panels.knowledge_panel",
    # samverka/memory: what the collaboration inherits, and what continues (undecided
    # activities near the end), handovers and the dossier.
    "samverka.memory.panels.inheritance_panel",
    "samverka.memory.panels.memory_panel",
    "samverka.research.panels.research_panel",
    # samverka/privacy: the record of processing for the data protection officer.
    "samverka.privacy.panels.privacy_panel",
    # samverka/followup: goals, indicators and the way into the follow-up plan.
    "samverka.followup.panels.followup_panel",
]


@dataclass
class Panel:
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100


def panels_for(request, access) -> list[Panel]:
    panels = []
    for path in PROVIDERS:
        panel = import_string(path)(request, access)
        if panel is not None:
            panels.append(panel)
    return sorted(panels, key=lambda p: p.order)
