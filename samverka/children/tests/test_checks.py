"""The child-rights check: which decisions ask for one (a warning, never a block), the steps,
deciding and the share with a check in the national comparison."""

from datetime import date, timedelta

from django.urls import reverse

from samverka.activities.models import Activity
from samverka.assessment.models import LearningDecision, LearningSession, PhaseChange
from samverka.children.models import AffectsChildren, ChildRightsCheck
from samverka.children.rights_check import selectors, services
from samverka.orgs.models import Phase


def _url(world, name, **kwargs):
    return reverse(f"children:{name}", kwargs={"code": world.kalmar.code, **kwargs})


def _steps(**extra):
    data = {
        "subject": "phase_change",
        "title": "Övergången",
        "to_phase": "transition",
        "affected_children": "Barnen på fritidsklubben",
        "children_views": "De vill att klubben finns kvar",
        "knowledge": "",
        "best_interests": "Kontinuitet",
        "conflicting_interests": "",
        "decision": "Fritidsgården tar över",
        "reasons": "Ordinarie verksamhet",
        "how_children_told": "Affisch",
        "follow_up_on": "2026-06-01",
        "source-TOTAL_FORMS": "1",
        "source-INITIAL_FORMS": "0",
        "source-0-title": "Följeforskningen",
        "source-0-url": "https://example.org/rapport",
    }
    data.update(extra)
    return data


def test_a_change_to_transition_asks_for_a_check_and_a_planned_check_answers_it(world):
    change = PhaseChange.objects.create(
        collaboration=world.kalmar,
        from_phase=Phase.IMPLEMENTATION,
        to_phase=Phase.TRANSITION,
        changed_on=date(2025, 6, 1),
        reason="Dags",
    )
    asked = selectors.asked_decisions([world.kalmar])
    assert [(a.kind, a.has_check) for a in asked] == [("phase_change", False)]
    ChildRightsCheck.objects.create(
        collaboration=world.kalmar, subject="phase_change", to_phase="transition", title="Plan"
    )
    asked = selectors.asked_decisions([world.kalmar])
    assert asked[0].has_check and asked[0].phase_change_code == change.code


def test_an_activity_that_ends_and_a_marked_learning_decision_ask_for_a_check(
    world, login_as, today
):
    ending = Activity.objects.create(
        collaboration=world.kalmar,
        name="Cykelverkstad",
        focus_area=2,
        type="leisure",
        recurring=True,
        starts_on=today - timedelta(days=60),
        ends_on=today + timedelta(days=10),
    )
    session = LearningSession.objects.create(collaboration=world.kalmar, held_on=today)
    decision = LearningDecision.objects.create(session=session, text="Färre träffar i veckan")
    client = login_as(world.kalmar_ngo)
    response = client.post(
        _url(world, "affects_children", learning_decision_code=decision.code), {"affects": "1"}
    )
    assert response.status_code == 302 and AffectsChildren.objects.exists()
    kinds = sorted(a.kind for a in selectors.asked_decisions([world.kalmar]))
    assert kinds == ["activity_end", "learning_decision"]
    # The activity page warns (it does not block anything).
    body = client.get(
        reverse("activities:detail", args=[world.kalmar.code, ending.code])
    ).content.decode()
    assert 'id="check-warning"' in body and f"activity={ending.code}" in body
    # The learning session shows the mark and the way to a check.
    body = client.get(
        reverse("assessment:learning_session", args=[world.kalmar.code, session.code])
    ).content.decode()
    assert "berör barn" in body and f"decision={decision.code}" in body


def test_a_leader_cannot_mark_or_make_checks(world, login_as, today):
    session = LearningSession.objects.create(collaboration=world.kalmar, held_on=today)
    decision = LearningDecision.objects.create(session=session, text="X")
    client = login_as(world.kalmar_ledare)
    assert (
        client.post(
            _url(world, "affects_children", learning_decision_code=decision.code), {"affects": "1"}
        ).status_code
        == 403
    )
    assert client.get(_url(world, "check_create")).status_code == 403
    assert client.get(_url(world, "checks")).status_code == 200


def test_the_phase_page_asks_for_a_check_before_transition(world, login_as):
    body = (
        login_as(world.kalmar_ngo)
        .get(reverse("assessment:phase_change", args=[world.kalmar.code]))
        .content.decode()
    )
    assert 'id="phase-check"' in body and "to_phase=transition" in body


def test_a_check_is_recorded_in_its_steps_and_decided_when_complete(world, login_as):
    client = login_as(world.kalmar_kommun)
    response = client.post(_url(world, "check_create"), _steps(best_interests=""))
    check = ChildRightsCheck.objects.get()
    assert response.status_code == 302
    assert check.sources.get().url == "https://example.org/rapport"
    response = client.post(_url(world, "check_decide", check_code=check.code), {"action": "decide"})
    check.refresh_from_db()
    assert check.state == "draft"
    response = client.post(
        _url(world, "check_edit", check_code=check.code),
        _steps(**{"source-INITIAL_FORMS": "1", "source-0-code": check.sources.get().code}),
    )
    client.post(_url(world, "check_decide", check_code=check.code), {"action": "decide"})
    check.refresh_from_db()
    assert check.state == "decided" and check.decided_by == world.kalmar_kommun
    assert check.sources.count() == 1
    response = client.post(
        _url(world, "check_follow_up", check_code=check.code),
        {"followed_up_on": "2026-06-02", "follow_up_note": "Klubben finns kvar."},
    )
    check.refresh_from_db()
    assert check.followed_up_on == date(2026, 6, 2)


def test_a_decided_check_is_not_deleted(world):
    check = ChildRightsCheck.objects.create(
        collaboration=world.kalmar,
        subject="other",
        title="X",
        state="decided",
        decided_on=date(2025, 1, 1),
    )
    import pytest
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.check_delete(check=check, by=world.kalmar_ngo)


def test_the_national_comparison_shows_the_share_with_a_check(world, login_as):
    for collaboration in (world.kalmar, world.boden):
        PhaseChange.objects.create(
            collaboration=collaboration,
            from_phase=Phase.IMPLEMENTATION,
            to_phase=Phase.TRANSITION,
            changed_on=date(2025, 6, 1),
            reason="Dags",
        )
    ChildRightsCheck.objects.create(
        collaboration=world.kalmar, subject="phase_change", to_phase="transition", title="Plan"
    )
    response = login_as(world.nationell).get(reverse("children:national"))
    table = response.content.decode().split('id="checks-table"')[1]
    assert "50 %" in table and "100 %" in table
