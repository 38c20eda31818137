"""seed_demo's guards: fresh participant codes, and no demo with DEBUG off (what the seeded
demo shows: test_demo_world.py)."""

import random

import pytest
from django.core.management import CommandError, call_command

from samverka.demo.activities import _households as households
from samverka.participants.models import (
    Participant,
    new_participant_code,
)


def test_the_demo_draws_again_when_a_participant_code_is_taken(world, monkeypatch):
    """The demo's households get codes from `unused_codes`: every other draw repeats a code
    drawn before, in the same batch or already stored (the second town's households meet the
    first town's codes). One step of seeding, not the whole demo."""
    rng, drawn = random.Random(7), []

    def colliding():
        if drawn and rng.random() < 0.5:
            return rng.choice(drawn)
        drawn.append(new_participant_code())
        return drawn[-1]

    monkeypatch.setattr("samverka.demo.activities.new_participant_code", colliding)
    for collaboration in (world.kalmar, world.boden):
        households(collaboration, random.Random(1), 30, world.kalmar_ngo)
    codes = list(Participant.objects.values_list("code", flat=True))
    assert len(codes) > 100 and len(set(codes)) == len(codes)


def test_seed_demo_refuses_to_run_with_debug_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_demo")
