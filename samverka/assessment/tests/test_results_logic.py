"""The aggregation, disclosure control, quadrant, differences and recommendations, directly."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from samverka.assessment.instrument import (
    ITEMS,
    ITEMS_BY_ID,
    Quadrant,
    items_of,
    quadrant_for,
)
from samverka.assessment.models import Answer, Level, Party, Response
from samverka.assessment.results.selectors import journey_for, round_results
from samverka.assessment.rounds import services
from samverka.assessment.tests.conftest import all_answers, answer

M, CS = Party.MUNICIPALITY, Party.CIVIL_SOCIETY
S, OP = Level.STRATEGIC, Level.OPERATIONAL


def closed_round(world, fill):
    round = services.round_open(collaboration=world.kalmar, by=world.kalmar_ngo)
    fill(round)
    return services.round_close(round=round, by=world.kalmar_ngo)


def test_quadrant_classification_follows_the_report():
    assert quadrant_for(4.2, 4.0) == Quadrant.STABLE
    assert quadrant_for(4.2, 2.8) == Quadrant.HELD_BACK
    assert quadrant_for(2.9, 4.1) == Quadrant.FORMAL
    assert quadrant_for(2.0, 2.0) == Quadrant.NOT_YET
    assert quadrant_for(3.5, 3.5) == Quadrant.STABLE  # the threshold counts as high


def test_every_item_belongs_to_an_element_and_ids_are_unique():
    assert len(ITEMS_BY_ID) == len(ITEMS)
    for key in ("receptiveness", "capacity", "shared_goal", "adjustment"):
        assert items_of(key)


def test_a_party_below_three_is_hidden_and_explained(world, people):
    def fill(round):
        for user in people["municipality"][:3]:
            answer(round, user, M, S, 4)
        for user in people["civil_society"][:2]:
            answer(round, user, CS, OP, 2)

    results = round_results(closed_round(world, fill))
    assert results.totals == {M: 3, CS: 2}
    area = results.areas[0]
    assert area.parties[M].mean == 4
    assert area.parties[CS].mean is None and area.parties[CS].too_few
    assert results.point_for(M).quadrant == Quadrant.STABLE
    assert results.point_for(CS) is None
    assert len(results.notes) == 1  # "fewer than 3 have answered on the civil-society side"
    # Hidden answers never leak through a combined figure or comments.
    assert area.combined == 4
    assert all(not i.comments[CS] for i in results.items)


def test_levels_are_suppressed_together_when_one_level_is_small(world, people):
    def fill(round):
        for user in people["municipality"][:3]:
            answer(round, user, M, S, 4)
        answer(round, people["municipality"][3], M, OP, 1)

    results = round_results(closed_round(world, fill))
    area = results.areas[0]
    assert area.parties[M].mean == pytest.approx((4 * 3 + 1) / 4)
    # Showing strategic (3 people) beside the whole side (4) would reveal the one operational
    # answer, so neither level is shown.
    assert area.levels[M][S].mean is None and area.levels[M][S].suppressed
    assert area.levels[M][OP].mean is None
    assert not [p for p in results.level_points if p.party == M]
    assert results.point_for(M) is not None


def test_levels_are_shown_when_each_level_has_three(world, people):
    def fill(round):
        for user in people["municipality"][:3]:
            answer(round, user, M, S, 5)
        extra = [world.kalmar_kommun, *people["civil_society"][:2]]
        for user in extra:
            answer(round, user, M, OP, 2)

    results = round_results(closed_round(world, fill))
    points = {(p.party, p.level): p for p in results.level_points}
    assert points[(M, S)].quadrant == Quadrant.STABLE
    assert points[(M, OP)].quadrant == Quadrant.NOT_YET


def test_dont_know_is_not_counted_in_the_mean(world, people):
    def fill(round):
        for i, user in enumerate(people["municipality"][:3]):
            values = all_answers(
                lambda item, i=i: None if item.id == "goal_picture" and i == 0 else 3
            )
            services.response_save(
                round=round, by=user, party=M, level=S, answers=values, submit=True
            )
        services.response_save(
            round=round,
            by=people["municipality"][3],
            party=M,
            level=S,
            answers=all_answers(5),
            submit=True,
        )

    results = round_results(closed_round(world, fill))
    item = next(i for i in results.items if i.item.id == "goal_picture")
    assert item.parties[M].mean == pytest.approx((3 + 3 + 5) / 3)
    assert item.parties[M].dont_know == 1
    assert item.parties[M].n == 3


def test_an_item_with_fewer_than_three_numbers_is_hidden(world, people):
    def fill(round):
        for i, user in enumerate(people["municipality"][:3]):
            values = all_answers(lambda item, i=i: None if item.id == "cap_time" and i < 2 else 4)
            services.response_save(
                round=round, by=user, party=M, level=S, answers=values, submit=True
            )

    results = round_results(closed_round(world, fill))
    item = next(i for i in results.items if i.item.id == "cap_time")
    assert item.parties[M].mean is None
    assert item.parties[M].n == 1


def test_largest_differences_become_topics_for_a_conversation(world, people):
    def municipality_view(item):
        return 5 if item.id in {"idea_own_role", "org_roles"} else 3

    def civil_view(item):
        return 2 if item.id == "idea_own_role" else (4 if item.id == "org_roles" else 3)

    def fill(round):
        for user in people["municipality"][:3]:
            services.response_save(
                round=round,
                by=user,
                party=M,
                level=S,
                answers=all_answers(municipality_view),
                submit=True,
            )
        for user in people["civil_society"][:3]:
            services.response_save(
                round=round,
                by=user,
                party=CS,
                level=OP,
                answers=all_answers(civil_view),
                submit=True,
            )

    results = round_results(closed_round(world, fill))
    topics = [d.item.id for d in results.differences]
    assert topics == ["idea_own_role", "org_roles"]
    assert results.differences[0].difference == 3
    assert results.differences[0].higher_party == M


def test_weakest_areas_get_the_reports_recommendations(world, people):
    def low_on_capacity_and_anchoring(item):
        if item.element in {"capacity", "anchoring"}:
            return 2
        return 4

    def fill(round):
        for user in people["municipality"][:3]:
            services.response_save(
                round=round,
                by=user,
                party=M,
                level=S,
                answers=all_answers(low_on_capacity_and_anchoring),
                submit=True,
            )

    results = round_results(closed_round(world, fill))
    assert {a.element.key for a in results.weakest} == {"capacity", "anchoring"}
    keys = [s.recommendation.key for s in results.recommendations]
    assert "anchor_strategic" in keys
    assert "long_term_structures" in keys
    assert len(keys) == len(set(keys))
    assert results.point_for(M).quadrant == Quadrant.HELD_BACK


def test_journey_lists_closed_rounds_in_order(world, people):
    for value in (2, 3, 4):

        def fill(round, value=value):
            for user in people["municipality"][:3]:
                answer(round, user, M, S, value)

        closed_round(world, fill)
    services.round_open(collaboration=world.kalmar, by=world.kalmar_ngo)  # open: not included
    journey = journey_for(world.kalmar)
    assert [r.round.number for r in journey.results] == [1, 2, 3]
    path = journey.path(M)
    assert [p.quadrant for _, p in path] == [Quadrant.NOT_YET, Quadrant.NOT_YET, Quadrant.STABLE]
    assert journey.path(CS) == []
    rows = journey.area_rows()
    assert rows[0]["cells"][2]["parties"][M].mean == 4


def test_saving_twice_keeps_one_response_and_one_answer_per_item(world):
    round = services.round_open(collaboration=world.kalmar, by=world.kalmar_ngo)
    for _ in range(2):
        answer(round, world.kalmar_kommun, M, S, 3)
    assert Response.objects.filter(round=round).count() == 1
    assert Answer.objects.filter(response__round=round).count() == len(ITEMS)


def test_submission_needs_every_item_but_a_draft_does_not(world):
    round = services.round_open(collaboration=world.kalmar, by=world.kalmar_ngo)
    partial = {"goal_picture": (4, "")}
    with pytest.raises(ValidationError):
        services.response_save(
            round=round,
            by=world.kalmar_kommun,
            party=M,
            level=S,
            answers=partial,
            submit=True,
        )
    draft = services.response_save(
        round=round, by=world.kalmar_kommun, party=M, level=S, answers=partial, submit=False
    )
    assert draft.submitted_at is None


def test_the_database_refuses_values_off_the_scale_and_duplicate_answers(world):
    round = services.round_open(collaboration=world.kalmar, by=world.kalmar_ngo)
    response = answer(round, world.kalmar_kommun, M, S, 3)
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.create(response=response, item_id="extra", value=7)
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.create(response=response, item_id="goal_picture", value=3)
    with pytest.raises(ValidationError):
        services.response_save(
            round=round,
            by=world.kalmar_kommun,
            party=M,
            level=S,
            answers={"goal_picture": (9, "")},
            submit=False,
        )


def test_only_one_round_is_open_at_a_time(world):
    services.round_open(collaboration=world.kalmar, by=world.kalmar_ngo)
    with pytest.raises(ValidationError):
        services.round_open(collaboration=world.kalmar, by=world.kalmar_ngo)


def test_a_closed_round_takes_no_more_answers(world):
    round = services.round_open(collaboration=world.kalmar, by=world.kalmar_ngo)
    services.round_close(round=round, by=world.kalmar_ngo)
    with pytest.raises(ValidationError):
        answer(round, world.kalmar_kommun, M, S, 3)
