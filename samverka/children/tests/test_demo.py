import pytest
from django.core.management import call_command

from samverka.children.models import (
    ChildRightsCheck,
    Consultation,
    DecisionMaker,
    Incident,
    Poster,
    RiskAnalysis,
)
from samverka.children.poster.selectors import language_state
from samverka.children.rights_check.selectors import asked_decisions
from samverka.orgs.models import Collaboration


@pytest.mark.django_db
def test_the_demo_shows_every_part_of_the_feature_and_seeds_once(settings):
    settings.DEBUG = True
    call_command("seed_demo")
    counts = [
        m.objects.count() for m in (Consultation, Poster, RiskAnalysis, Incident, DecisionMaker)
    ]
    call_command("seed_demo")
    assert [
        m.objects.count() for m in (Consultation, Poster, RiskAnalysis, Incident, DecisionMaker)
    ] == counts
    kalmar = Collaboration.objects.get(municipality__code="0880", name__startswith="Barn i fokus")
    told = set(
        Consultation.objects.filter(collaboration=kalmar).values_list("told_back_on", flat=True)
    )
    assert None in told and len(told) > 1  # with and without feedback given
    poster = Poster.objects.get(collaboration=kalmar)
    assert poster.ordered_languages() == ["sv", "ar"] and language_state(poster, "ar") == "draft"
    states = {a.state for a in RiskAnalysis.objects.filter(activity__collaboration=kalmar)}
    assert states == {"current", "expired"}
    incident = Incident.objects.get(collaboration=kalmar)
    assert incident.follow_up_on and incident.follow_up_by
    boden = Collaboration.objects.get(municipality__code="2582", name__startswith="Barn i fokus")
    check = ChildRightsCheck.objects.get(collaboration=boden)
    assert check.to_phase == "transition" and check.subject == "phase_change"
    assert any(a.kind == "activity_end" for a in asked_decisions([kalmar]))
