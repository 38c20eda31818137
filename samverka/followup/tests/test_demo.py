"""The demo has a follow-up plan in every collaboration that shows a real dashboard.
(Seeding takes a while: one test.)"""

from django.urls import reverse

from samverka.demo import data
from samverka.demo import followup as demo_followup
from samverka.followup.models import EvidenceNote, Goal, PlanIndicator
from samverka.followup.sources import OK


def test_every_demo_collaboration_has_a_plan_over_three_levels_and_it_seeds_once(
    db, client, settings
):
    collaborations = data.seed()
    for collaboration in collaborations.values():
        goals = Goal.objects.filter(collaboration=collaboration)
        assert 3 <= goals.count() <= 5
        assert set(goals.values_list("level", flat=True)) == {"families", "staff", "society"}
        indicators = PlanIndicator.objects.filter(goal__collaboration=collaboration)
        assert 8 <= indicators.count() <= 12
        assert all(i.baseline_period and i.target_value is not None for i in indicators)
        assert EvidenceNote.objects.filter(collaboration=collaboration).exists()
    before = (Goal.objects.count(), PlanIndicator.objects.count(), EvidenceNote.objects.count())
    demo_followup.seed(collaborations)
    assert (
        Goal.objects.count(),
        PlanIndicator.objects.count(),
        EvidenceNote.objects.count(),
    ) == before

    kalmar = collaborations["0880"]
    client.force_login(kalmar.memberships.filter(role="coordinator").first().user)
    response = client.get(reverse("followup:plan", args=[kalmar.code]))
    assert response.status_code == 200
    rows = [r for g in response.context["goals"] for r in g.indicators]
    assert sum(1 for r in rows if r.latest and r.latest.value.state == OK) >= 4
    assert any(r.chart for r in rows)
