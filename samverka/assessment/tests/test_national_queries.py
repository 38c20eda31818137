"""The national comparison of the collaboration model reads every collaboration at once: the
number of queries does not grow with the number of collaborations (issue 20), and the rows
are what each collaboration's own pages show."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import make_collaboration, make_user
from samverka.accounts.models import Membership
from samverka.accounts.roles import Role
from samverka.activities.models import Activity, ActivityType, FocusArea, Session
from samverka.assessment.boundary_spanners.selectors import dependence_warnings
from samverka.assessment.checklists.selectors import checklist_of
from samverka.assessment.models import (
    BoundarySpanner,
    ChecklistMark,
    CollaborationProfile,
    LearningSession,
    Level,
    OperationalRoutine,
    Party,
)
from samverka.assessment.results.selectors import round_results
from samverka.assessment.rounds import services
from samverka.assessment.rounds.selectors import latest_closed_round, open_round
from samverka.assessment.tests.conftest import answer
from samverka.memory.handovers.models import Handover, HandoverReason
from samverka.orgs.models import Phase

TOWNS = [("0136", "Haninge"), ("1485", "Uddevalla"), ("1290", "Kristianstad")]


def _fill(collaboration, partner, name: str) -> None:
    """Everything the comparison reads: a closed round with answers on both sides and an open
    one, a boundary spanner who left, routines with and without backups, a handover, a tick,
    a profile, a learning session and a session held with a partner."""
    members = []
    for index, role in enumerate([Role.MUNICIPAL_CONTACT] * 3 + [Role.ACTIVITY_LEADER] * 3):
        user = make_user(f"{name}{index}.{collaboration.pk}")
        members.append(Membership.objects.create(user=user, collaboration=collaboration, role=role))
    coordinator = members[0].user
    round = services.round_open(collaboration=collaboration, by=coordinator)
    for membership in members[:3]:
        answer(round, membership.user, Party.MUNICIPALITY, Level.STRATEGIC, 4)
    for membership in members[3:]:
        answer(round, membership.user, Party.CIVIL_SOCIETY, Level.OPERATIONAL, 2)
    services.round_close(round=round, by=coordinator)
    services.round_open(collaboration=collaboration, by=coordinator)
    spanner = BoundarySpanner.objects.create(
        collaboration=collaboration, membership=members[1], ended_on=timezone.localdate()
    )
    spanner.organisations.set([partner, collaboration.lead_organisation])
    alone = OperationalRoutine.objects.create(
        collaboration=collaboration, element="information", description="x", key_person=members[2]
    )
    OperationalRoutine.objects.create(
        collaboration=collaboration,
        element="coordination",
        description="x",
        key_person=members[3],
        backup_person=members[4],
    )
    OperationalRoutine.objects.create(
        collaboration=collaboration, element="relationships", description="x", key_person=members[5]
    )
    Handover.objects.create(
        collaboration=collaboration, reason=HandoverReason.ROUTINE, routine=alone, held="x"
    )
    ChecklistMark.objects.create(collaboration=collaboration, item_id="init_goals", done=True)
    CollaborationProfile.objects.create(collaboration=collaboration, welfare_gaps="Bostäder.")
    LearningSession.objects.create(collaboration=collaboration, held_on=timezone.localdate())
    club = Activity.objects.create(
        collaboration=collaboration,
        name="Läxhjälp",
        focus_area=FocusArea.LEISURE,
        type=ActivityType.LEISURE,
        starts_on=timezone.localdate() - timedelta(days=60),
    )
    club.partners.add(partner)
    Session.objects.create(activity=club, date=timezone.localdate() - timedelta(days=7))
    collaboration.phase = Phase.IMPLEMENTATION
    collaboration.save()


@pytest.fixture
def two(world):
    _fill(world.kalmar, world.kalmar_partner, "kalmar")
    _fill(world.boden, world.boden_partner, "boden")


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("assessment:national"))
    assert page.status_code == 200
    return len(queries)


@pytest.mark.parametrize("persona", ["nationell", "forskare"])
def test_the_number_of_queries_does_not_grow_with_the_collaborations(world, login_as, two, persona):
    client = login_as(getattr(world, persona))
    _queries(client)  # the session, the second factor and the like settle first
    with_two = _queries(client)
    for code, town in TOWNS:
        collaboration, partner = make_collaboration(code, town)
        _fill(collaboration, partner, town.lower())
    page = client.get(reverse("assessment:national"))
    assert len(page.context["table"]) == 5
    assert _queries(client) == with_two


def test_every_row_is_what_the_collaborations_own_pages_show(world, login_as, two):
    collaboration, partner = make_collaboration(*TOWNS[0])
    _fill(collaboration, partner, "haninge")
    page = login_as(world.nationell).get(reverse("assessment:national"))
    assert len(page.context["table"]) == 3
    for entry in page.context["table"]:
        row = entry["row"]
        own = row.collaboration
        assert row.checklist == checklist_of(own, own.phase, evidence=False)
        assert row.checklist.done > 1  # ticked, and proved by the data
        assert row.open_round == open_round(own)
        latest = latest_closed_round(own)
        assert row.latest.round == latest
        assert row.latest.points == round_results(latest).points
        assert len(row.latest.points) == 2
        assert entry["answered"] == "6"
        assert [w.text for w in row.warnings] == [w.text for w in dependence_warnings(own)]
        assert {w.kind for w in row.warnings} == {"spanner_left", "no_backup_no_handover"}
