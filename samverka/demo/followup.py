"""Demo content for the follow-up plan. Everything is invented.

Every demo collaboration gets a plan of four goals over the three levels, eleven indicators from
the built-in library (attendance, the parent and partner surveys, self-assessment, learning
decisions, referrals and one figure entered by hand), a baseline from last year and a target for
this year, evidence notes (some tagged with an added value) and a learning decision that names
an indicator — so `make run` shows a real dashboard. The library is installed first, as
`manage.py load_indicators` does on deploy.

Safe to run again: nothing is duplicated.
"""

import random
import zlib
from decimal import Decimal

from django.utils import timezone

from samverka.accounts.models import User
from samverka.accounts.roles import Role
from samverka.assessment.models import LearningDecision
from samverka.followup import periods as P
from samverka.followup.library import install_builtin_indicators
from samverka.followup.models import (
    EvidenceNote,
    Goal,
    IndicatorDefinition,
    ManualValue,
    PlanIndicator,
)

# (title, focus area or None, level, [(builtin id, kind of period, baseline, target)])
PLAN = [
    (
        "Fler barn har en meningsfull fritid",
        2,
        "families",
        [
            ("FU-ATT-07", "half", 20, 35),
            ("FU-ATT-05", "half", 40, 60),
            ("FU-FAM-02", "year", 45, 60),
        ],
    ),
    (
        "Föräldrar känner sig stärkta och förstår samhället bättre",
        3,
        "families",
        [
            ("FU-FAM-01", "year", 48, 60),
            ("FU-FAM-03", "year", 40, 55),
            ("FU-ATT-06", "half", 25, 40),
        ],
    ),
    (
        "Personal och föreningar arbetar på nya sätt med familjerna",
        1,
        "staff",
        [
            ("FU-VAL-01", "year", 55, 70),
            ("FU-ATT-04", "half", 30, 45),
        ],
    ),
    (
        "Samverkan är förankrad och lär av sin uppföljning",
        None,
        "society",
        [
            ("FU-COL-01", "year", Decimal("3.2"), 4),
            ("FU-COL-03", "year", 50, 80),
            ("FU-MAN-01", "year", 12, 20),
        ],
    ),
]

NOTES = [
    (
        "observation",
        "Föräldrarna stannar kvar efter träffen och pratar med varandra; flera har bytt "
        "telefonnummer.",
        "",
    ),
    (
        "quote",
        "”Nu vet jag vem jag ska ringa på skolan.” – en förälder på föräldraträffen.",
        "emotional",
    ),
    (
        "story",
        "Biblioteket flyttade sagostunden till lördagar efter att familjerna sagt att vardagar "
        "inte gick. Fler familjer kom redan veckan efter.",
        "functional",
    ),
    (
        "observation",
        "Idrottsföreningen har börjat bjuda in föräldrarna till matcherna; två föräldrar är nu "
        "med som volontärer.",
        "social",
    ),
]


def _coordinator(collaboration):
    return User.objects.filter(
        memberships__collaboration=collaboration, memberships__role=Role.COORDINATOR
    ).first()


def seed(collaborations) -> None:
    install_builtin_indicators()
    library = {d.builtin_id: d for d in IndicatorDefinition.objects.exclude(builtin_id="")}
    today = timezone.localdate()
    last_year = str(today.year - 1)
    this_year = str(today.year)
    for code, collaboration in collaborations.items():
        rng = random.Random(zlib.crc32(f"followup-{code}".encode()))
        by = _coordinator(collaboration)
        indicators = []
        for position, (title, focus_area, level, rows) in enumerate(PLAN, start=1):
            goal, _ = Goal.objects.get_or_create(
                collaboration=collaboration,
                title=title,
                defaults={
                    "focus_area": focus_area,
                    "level": level,
                    "position": position,
                    "created_by": by,
                },
            )
            for index, (builtin_id, kind, baseline, target) in enumerate(rows, start=1):
                spread = Decimal(rng.randint(-3, 3)) / (10 if baseline < 10 else 1)
                indicator, created = PlanIndicator.objects.get_or_create(
                    goal=goal,
                    definition=library[builtin_id],
                    defaults={
                        "period_kind": kind,
                        "baseline_value": Decimal(baseline) + spread,
                        "baseline_period": last_year,
                        "target_value": Decimal(target),
                        "target_period": this_year,
                        "position": index,
                        "created_by": by,
                    },
                )
                indicators.append(indicator)
                if builtin_id == "FU-MAN-01" and created:
                    indicator.note = "Elever i målgruppen med en fritidsaktivitet (skolans enkät)"
                    indicator.save(update_fields=["note"])
                    for period, value in ((last_year, baseline), (this_year, baseline + 5)):
                        ManualValue.objects.get_or_create(
                            indicator=indicator,
                            period=period,
                            defaults={
                                "value": Decimal(value + rng.randint(0, 3)),
                                "source_note": "Skolans elevenkät",
                                "entered_by": by,
                            },
                        )
        half = P.current("half", today=today).key
        goals = list(Goal.objects.filter(collaboration=collaboration).order_by("position"))
        for index, (kind, text, added_value) in enumerate(NOTES):
            EvidenceNote.objects.get_or_create(
                collaboration=collaboration,
                text=text,
                defaults={
                    "goal": goals[index % len(goals)],
                    "period": half,
                    "kind": kind,
                    "source": "learning_session" if index == 0 else "activity",
                    "added_value": added_value,
                    "written_by": by,
                },
            )
        decision = LearningDecision.objects.filter(session__collaboration=collaboration).first()
        retention = next((i for i in indicators if i.definition.builtin_id == "FU-ATT-05"), None)
        if decision is not None and retention is not None:
            retention.decisions.add(decision)
