"""When a question with a condition is shown (instruments/rules.py)."""

import pytest

from samverka.surveys.instruments import rules
from samverka.surveys.instruments.models import DONT_KNOW
from samverka.surveys.tests.factories import make_version


@pytest.mark.parametrize(
    "answers, visible",
    [
        ({}, False),
        ({"T-NET-03": ["no"]}, False),
        ({"T-NET-03": ["yes"]}, True),
        ({"T-NET-03": [DONT_KNOW]}, False),
    ],
)
def test_a_conditional_item_is_visible_only_with_the_right_answer(db, answers, visible):
    version = make_version()
    conditional = version.items.get(item_id="T-NET-04")
    assert rules.is_visible(conditional, answers) is visible


def test_an_item_without_condition_is_always_visible(db):
    version = make_version()
    assert rules.is_visible(version.items.get(item_id="T-NET-01"), {})


def test_a_condition_on_multiple_choice_matches_any_chosen_value(db):
    version = make_version()
    where = version.items.get(item_id="T-ABT-01")
    other = version.items.get(item_id="T-ABT-03")
    other.condition_item = where
    other.condition_values = ["library", "sport"]
    other.save()
    assert rules.is_visible(other, {"T-ABT-01": ["school", "sport"]})
    assert not rules.is_visible(other, {"T-ABT-01": ["school"]})
