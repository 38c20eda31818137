"""Helpers for the collaboration model's tests: more respondents, full sets of answers."""

from collections.abc import Callable

import pytest

from conftest import make_user
from samverka.accounts.models import Membership
from samverka.accounts.roles import Role
from samverka.assessment.instrument import ITEMS
from samverka.assessment.rounds import services
from samverka.orgs.models import Organisation, OrganisationKind


def all_answers(value: int | Callable | None = 4, comment: str = "") -> dict:
    """Answers to every item: a fixed value, or value(item) for each."""
    return {item.id: (value(item) if callable(value) else value, comment) for item in ITEMS}


def post_data(party: str, level: str, value="4", **extra) -> dict:
    data = {"party": party, "level": level}
    for item in ITEMS:
        data[f"item_{item.id}"] = value
    data.update(extra)
    return data


@pytest.fixture
def people(world):
    """Kalmar gets four more people on each side: municipal staff and association members."""
    kalmar = world.kalmar
    school = Organisation.objects.create(
        name="Kalmar kommun, grundskolan",
        kind=OrganisationKind.SCHOOL,
        municipality=kalmar.municipality,
    )
    kalmar.partners.add(school)
    municipal, civil = [], []
    for i in range(4):
        user = make_user(f"kommun{i}.kalmar")
        Membership.objects.create(
            user=user, collaboration=kalmar, role=Role.MUNICIPAL_CONTACT, organisation=school
        )
        municipal.append(user)
        user = make_user(f"forening{i}.kalmar")
        Membership.objects.create(
            user=user,
            collaboration=kalmar,
            role=Role.ACTIVITY_LEADER,
            organisation=kalmar.lead_organisation,
        )
        civil.append(user)
    return {"municipality": municipal, "civil_society": civil, "school": school}


def answer(round, user, party, level, value=4, *, submit=True, comment=""):
    return services.response_save(
        round=round,
        by=user,
        party=party,
        level=level,
        answers=all_answers(value, comment),
        submit=submit,
    )
