"""The collaboration model's demo content: idempotent, with movement over time and a warning."""

import pytest
from django.core.management import call_command

from samverka.assessment.boundary_spanners.selectors import dependence_warnings
from samverka.assessment.instrument import Quadrant
from samverka.assessment.models import (
    Answer,
    AssessmentRound,
    BoundarySpanner,
    Dilemma,
    LearningSession,
    PhaseChange,
    Response,
)
from samverka.assessment.results.selectors import journey_for, round_results
from samverka.audit.models import AuditEvent
from samverka.orgs.models import Collaboration

MODELS = (AssessmentRound, Response, Answer, Dilemma, LearningSession, BoundarySpanner, PhaseChange)


@pytest.fixture
def seeded(db, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=None)


def collaboration(town):
    return Collaboration.objects.get(name=f"Barn i fokus {town}")


def test_the_demo_content_and_seeding_again_duplicates_nothing(seeded):
    """One test, because seeding the whole demo takes seconds."""
    kalmar_moves_over_three_rounds_with_both_sides_shown()
    boden_warns_about_person_dependence_and_has_an_open_round()
    collaborations_are_in_different_phases_with_history()
    counts = [m.objects.count() for m in MODELS] + [AuditEvent.objects.count()]
    call_command("seed_demo")
    assert counts == [m.objects.count() for m in MODELS] + [AuditEvent.objects.count()]


def kalmar_moves_over_three_rounds_with_both_sides_shown():
    journey = journey_for(collaboration("Kalmar"))
    assert [r.round.number for r in journey.results] == [1, 2, 3]
    municipality = [p.quadrant for _, p in journey.path("municipality")]
    assert municipality[0] != Quadrant.STABLE and municipality[-1] == Quadrant.STABLE
    assert len(journey.path("civil_society")) == 3
    latest = journey.results[-1]
    assert latest.totals["municipality"] >= 3 and latest.totals["civil_society"] >= 3
    assert latest.level_points  # every group is large enough to show levels
    assert latest.differences  # topics for a joint conversation
    first = journey.results[0]
    assert first.notes  # one level on the civil-society side was too small the first time


def boden_warns_about_person_dependence_and_has_an_open_round():
    boden = collaboration("Boden")
    kinds = {w.kind for w in dependence_warnings(boden)}
    assert kinds == {"spanner_left", "one_person", "no_backup_no_handover"}  # + samverka/memory
    assert boden.assessment_rounds.filter(closed_at__isnull=True).count() == 1
    assert dependence_warnings(collaboration("Kalmar")) == []


def collaborations_are_in_different_phases_with_history():
    phases = {c.municipality.name: c.phase for c in Collaboration.objects.all()}
    assert {"initiation", "implementation", "transition"} <= set(phases.values())
    norberg = collaboration("Norberg")
    assert list(norberg.phase_changes.values_list("to_phase", flat=True)) == [
        "transition",
        "implementation",
    ]
    assert round_results(norberg.assessment_rounds.get()).points
    kristianstad = collaboration("Kristianstad")
    warning_kinds = {w["kind"] for w in kristianstad.phase_changes.get().warnings}
    assert "no_working_methods" in warning_kinds
    assert Dilemma.objects.filter(collaboration=collaboration("Kalmar")).count() == 4
