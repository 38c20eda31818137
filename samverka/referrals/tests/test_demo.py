import pytest
from django.core.management import call_command

from samverka.orgs.models import Collaboration
from samverka.referrals import selectors
from samverka.referrals.models import ActorRelation, Referral, ReferralStatus


@pytest.mark.django_db
def test_demo_has_an_actor_map_all_statuses_and_a_visible_gap(settings):
    settings.DEBUG = True
    call_command("seed_demo")
    counts = (Referral.objects.count(), ActorRelation.objects.count())
    call_command("seed_demo")
    assert (Referral.objects.count(), ActorRelation.objects.count()) == counts
    for code in ["0880", "2582"]:
        collaboration = Collaboration.objects.get(
            municipality__code=code, name__startswith="Barn i fokus"
        )
        statuses = set(collaboration.referrals.values_list("status", flat=True))
        assert statuses == set(ReferralStatus.values)
        _actors, rows = selectors.coverage(collaboration)
        assert any(not row["covered"] for row in rows)
        gaps = {row["need"].value: row for row in selectors.gap_totals(collaboration)}
        assert "legal" in gaps and collaboration.referrals.filter(organisation=None).count() >= 6
