"""`pages.visible_ids` reads the survey's precomputed rules: it must say what
`instruments.rules.is_visible` says, item by item, for any answers."""

import random

from samverka.surveys.builtin.install import install_builtin_instruments
from samverka.surveys.instruments.rules import is_visible
from samverka.surveys.respond.forms import choice_values
from samverka.surveys.respond.pages import AnswerValue, load_survey, visible_ids


def reference(survey, answers) -> set[int]:
    effective, visible = {}, set()
    for item in survey.items:
        if not is_visible(item, effective):
            continue
        visible.add(item.pk)
        if answers.get(item.pk):
            effective[item.item_id] = [v.as_string() for v in answers[item.pk]]
    return visible


def test_visible_items_are_those_the_conditions_allow_for_any_answers(db):
    rng = random.Random(7)
    for version in install_builtin_instruments().values():
        survey = load_survey(version)
        conditional = [i for i in survey.items if i.condition_item_id is not None]
        for _ in range(40):
            answers = {}
            for item in survey.items:
                values = choice_values(item) if item.is_choice else []
                if values and rng.random() < 0.7:
                    answers[item.pk] = [AnswerValue(value=rng.choice(values))]
            assert visible_ids(survey, answers) == reference(survey, answers)
        if conditional:  # the answers drawn both showed and hid conditional items
            assert any(i.pk not in visible_ids(survey, {}) for i in conditional)
