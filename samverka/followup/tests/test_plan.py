"""The follow-up plan page: who reads it, who edits it, goals and indicators, archive."""

from decimal import Decimal

import pytest
from django.urls import reverse

from samverka.audit.models import AuditAction, AuditEvent
from samverka.followup.models import Goal, ManualValue, PlanIndicator
from samverka.followup.tests.conftest import plan_indicator


def _url(name, world, *args):
    return reverse(f"followup:{name}", args=[world.kalmar.code, *args])


@pytest.mark.parametrize(
    "persona", ["kalmar_ngo", "kalmar_kommun", "kalmar_ledare", "kalmar_partner_user", "forskare"]
)
def test_every_member_and_researchers_read_the_plan(world, login_as, goal, persona):
    response = login_as(getattr(world, persona)).get(_url("plan", world))
    assert response.status_code == 200
    assert "Fler familjer deltar" in response.content.decode()


def test_a_member_of_another_collaboration_gets_404(world, login_as, goal):
    client = login_as(world.boden_ngo)
    assert client.get(_url("plan", world)).status_code == 404
    response = client.post(_url("goal_create", world), {"title": "X", "level": "staff"})
    assert response.status_code == 404
    assert not Goal.objects.filter(title="X").exists()


@pytest.mark.parametrize("persona", ["kalmar_partner_user", "kalmar_ledare", "forskare"])
def test_readers_cannot_edit(world, login_as, goal, library, persona):
    client = login_as(getattr(world, persona))
    assert client.get(_url("goal_create", world)).status_code == 403
    response = client.post(_url("goal_create", world), {"title": "X", "level": "staff"})
    assert response.status_code == 403
    response = client.post(
        _url("indicator_create", world, goal.code), {"definition": library["FU-ATT-01"].pk}
    )
    assert response.status_code == 403
    assert client.post(_url("goal_archive", world, goal.code)).status_code == 403
    assert not PlanIndicator.objects.exists()
    assert "Add a goal" not in client.get(_url("plan", world)).content.decode()


@pytest.mark.parametrize("persona", ["kalmar_ngo", "kalmar_kommun"])
def test_coordinator_and_municipal_contact_add_goals_and_indicators(
    world, login_as, library, persona
):
    client = login_as(getattr(world, persona))
    response = client.post(
        _url("goal_create", world),
        {"title": "Barn har en meningsfull fritid", "focus_area": "2", "level": "families"},
    )
    assert response.status_code == 302
    goal = Goal.objects.get()
    assert goal.focus_area == 2 and goal.level == "families"
    response = client.post(
        _url("indicator_create", world, goal.code),
        {
            "definition": library["FU-ATT-01"].pk,
            "period_kind": "half",
            "baseline_value": "40",
            "baseline_period": "2024-h2",
            "target_value": "60",
            "target_period": "2025-H2",
        },
    )
    assert response.status_code == 302
    indicator = PlanIndicator.objects.get()
    assert indicator.baseline_period == "2024-H2"
    assert indicator.target_value == Decimal("60")
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_code=goal.code).exists()
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_code=indicator.code).exists()
    page = client.get(_url("plan", world)).content.decode()
    assert "Unique participants" in page or "Unika deltagare" in page


def test_a_goal_about_the_collaboration_itself_has_no_focus_area(world, login_as, library):
    client = login_as(world.kalmar_ngo)
    client.post(
        _url("goal_create", world),
        {"title": "Samverkan är förankrad", "focus_area": "", "level": "society"},
    )
    assert Goal.objects.get().focus_area is None


def test_a_period_must_be_written_as_a_period(world, login_as, goal, library):
    client = login_as(world.kalmar_ngo)
    response = client.post(
        _url("indicator_create", world, goal.code),
        {"definition": library["FU-ATT-01"].pk, "period_kind": "half", "baseline_period": "hösten"},
    )
    assert response.status_code == 200
    assert not PlanIndicator.objects.exists()


def test_a_changed_indicator_records_the_names_of_the_changed_fields(
    world, login_as, goal, library
):
    indicator = plan_indicator(goal, library["FU-ATT-01"])
    client = login_as(world.kalmar_ngo)
    client.post(
        _url("indicator_edit", world, indicator.code),
        {"definition": library["FU-ATT-01"].pk, "period_kind": "year", "target_value": "80"},
    )
    event = AuditEvent.objects.get(action=AuditAction.UPDATE, object_code=indicator.code)
    assert set(event.fields) == {"period_kind", "target_value"}


def test_an_indicator_with_values_is_archived_never_deleted(world, login_as, goal, library):
    computed = plan_indicator(goal, library["FU-ATT-01"])
    manual = plan_indicator(goal, library["FU-MAN-01"])
    ManualValue.objects.create(indicator=manual, period="2025", value=3, source_note="SCB")
    empty = plan_indicator(goal, library["FU-MAN-01"])
    client = login_as(world.kalmar_ngo)
    for indicator in (computed, manual, empty):
        client.post(_url("indicator_remove", world, indicator.code))
    computed.refresh_from_db()
    manual.refresh_from_db()
    assert computed.archived_at is not None and manual.archived_at is not None
    assert not PlanIndicator.objects.filter(pk=empty.pk).exists()


def test_an_archived_goal_leaves_the_dashboard_but_stays_listed(world, login_as, goal, library):
    plan_indicator(goal, library["FU-ATT-01"])
    client = login_as(world.kalmar_ngo)
    client.post(_url("goal_archive", world, goal.code))
    goal.refresh_from_db()
    assert goal.archived_at is not None
    assert goal.indicators.get().archived_at is not None
    assert Goal.objects.filter(pk=goal.pk).exists()
    page = client.get(_url("plan", world)).content.decode()
    assert "Archived goals" in page or "Arkiverade mål" in page


def test_an_indicator_of_another_collaboration_cannot_be_chosen(world, login_as, goal):
    from samverka.followup.models import IndicatorDefinition

    boden_own = IndicatorDefinition.objects.create(
        collaboration=world.boden, name_sv="Bodens egen", unit="count", source="manual"
    )
    client = login_as(world.kalmar_ngo)
    response = client.post(
        _url("indicator_create", world, goal.code),
        {"definition": boden_own.pk, "period_kind": "half"},
    )
    assert response.status_code == 200
    assert not PlanIndicator.objects.exists()


def test_a_collaboration_adds_an_indicator_of_its_own_and_enters_values(world, login_as, goal):
    client = login_as(world.kalmar_ngo)
    response = client.post(
        _url("library", world),
        {
            "name_sv": "Elever med fritidsaktivitet",
            "unit": "share",
            "direction": "higher",
            "source": "manual",
            "level": "families",
        },
    )
    assert response.status_code == 302
    from samverka.followup.models import IndicatorDefinition

    own = IndicatorDefinition.objects.get(collaboration=world.kalmar)
    indicator = plan_indicator(goal, own, period_kind="year")
    response = client.post(
        _url("indicator", world, indicator.code),
        {"period": "2025", "value": "42", "source_note": "Skolans enkät"},
    )
    assert response.status_code == 302
    assert ManualValue.objects.get().value == Decimal("42")
    partner = login_as(world.kalmar_partner_user)
    response = partner.post(
        _url("indicator", world, indicator.code),
        {"period": "2024", "value": "1", "source_note": "x"},
    )
    assert response.status_code == 403
