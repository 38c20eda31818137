"""Free text others will read is checked for participant and household codes."""

import pytest
from django.core.exceptions import ValidationError

from samverka.lib.privacy import identifying_codes, no_identifying_codes, warning_for
from samverka.participants.models import Household, Participant


@pytest.fixture
def child(world):
    household = Household.objects.create(collaboration=world.boden)
    return Participant.objects.create(
        collaboration=world.boden, household=household, role="child", birth_year=2016
    )


def test_a_code_of_any_collaboration_is_found_however_it_is_written(child):
    household = child.household.code
    text = f"Vi pratade med {child.code.lower()} och familjen ({household}) om skolan."
    assert identifying_codes(text) == sorted([child.code, household])
    assert identifying_codes("BARNEN SPELADE FOTBOLL PÅ GÅRDEN") == []


def test_the_validator_refuses_with_the_codes_and_the_reason(child):
    with pytest.raises(ValidationError) as refused:
        no_identifying_codes(f"Träffen med {child.code} gick bra.")
    assert child.code in refused.value.messages[0]
    assert (
        "koder eller namn" in refused.value.messages[0]
        or "codes or names" in refused.value.messages[0]
    )
    no_identifying_codes("Barnen ville ha fler utflykter.")


def test_a_warning_names_the_code(child):
    assert child.code in warning_for(f"{child.code} kom sent")
    assert warning_for("Inga koder här") == ""
