"""The national comparison of the follow-up: who reads it, and hidden small figures."""

from datetime import date

import pytest
from django.urls import reverse

from samverka.activities import activity_years
from samverka.activities.models import Activity, Session
from samverka.activities.services import attendance_record_bulk
from samverka.participants.models import Household, Participant

URL = reverse("followup:national")


def _attendance(collaboration, n):
    activity = Activity.objects.create(
        collaboration=collaboration,
        name="Läxhjälp",
        focus_area=2,
        type="leisure",
        starts_on=date(2025, 1, 1),
    )
    session = Session.objects.create(activity=activity, date=date(2025, 3, 1))
    activity_years.refresh([activity.pk])  # a session made here, not by the services
    household = Household.objects.create(collaboration=collaboration)
    people = [
        Participant.objects.create(collaboration=collaboration, household=household)
        for _ in range(n)
    ]
    with attendance_record_bulk(by=None) as attendance:
        attendance.add(session.pk, [p.pk for p in people])


@pytest.mark.parametrize("persona", ["nationell", "forskare"])
def test_national_staff_compare_a_builtin_indicator_with_small_counts_hidden(
    world, login_as, library, persona
):
    _attendance(world.kalmar, 7)
    _attendance(world.boden, 3)
    client = login_as(getattr(world, persona))
    response = client.get(URL, {"indicator": "FU-ATT-01", "year": 2025})
    assert response.status_code == 200
    rows = {r["collaboration"].pk: r["text"] for r in response.context["rows"]}
    assert rows[world.kalmar.pk] == "7"
    assert rows[world.boden.pk] == "dolt"  # three: hidden, never 3 or 0


@pytest.mark.parametrize("persona", ["kalmar_ngo", "kalmar_kommun", "kalmar_partner_user"])
def test_members_without_the_national_capability_get_404(world, login_as, persona):
    assert login_as(getattr(world, persona)).get(URL).status_code == 404
