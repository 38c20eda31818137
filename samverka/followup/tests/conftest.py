"""Fixtures of the follow-up tests: the library installed, a goal of Kalmar's."""

import pytest

from samverka.followup.library import install_builtin_indicators
from samverka.followup.models import Goal, IndicatorDefinition, PlanIndicator


@pytest.fixture
def library(db):
    install_builtin_indicators()
    return {d.builtin_id: d for d in IndicatorDefinition.objects.exclude(builtin_id="")}


@pytest.fixture
def goal(world, library):
    return Goal.objects.create(
        collaboration=world.kalmar, title="Fler familjer deltar", level="families", focus_area=2
    )


def plan_indicator(goal, definition, **extra) -> PlanIndicator:
    return PlanIndicator.objects.create(goal=goal, definition=definition, **extra)
