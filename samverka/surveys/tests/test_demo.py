"""The demo shows surveys: open and closed parent rounds in several languages, partner answers."""

import pytest
from django.core.management import call_command

from samverka.orgs.models import Collaboration
from samverka.surveys.instruments.models import InstrumentKind
from samverka.surveys.respond.models import Response
from samverka.surveys.rounds.models import Round


@pytest.mark.django_db
def test_demo_has_open_and_closed_rounds_with_answers_in_every_collaboration(settings):
    settings.DEBUG = True
    call_command("seed_demo")
    counts = (Round.objects.count(), Response.objects.count())
    call_command("seed_demo")
    assert (Round.objects.count(), Response.objects.count()) == counts
    collaborations = Collaboration.objects.filter(name__startswith="Barn i fokus")
    assert collaborations.count() >= 9
    for collaboration in collaborations:
        rounds = collaboration.survey_rounds.select_related("version__instrument")
        parent = [r for r in rounds if r.version.instrument.kind == InstrumentKind.PARENT]
        assert {r.state for r in parent} >= {"open", "closed"}
        for round_ in parent:
            submitted = round_.responses.filter(submitted_at__isnull=False)
            assert submitted.count() >= 5
            assert len(set(submitted.values_list("language", flat=True))) >= 3
            assert round_.version.instrument.builtin
        partner = [r for r in rounds if r.version.instrument.kind == InstrumentKind.PARTNER]
        assert partner
        answered = partner[0].responses.exclude(organisation=None)
        assert answered.values("organisation").distinct().count() >= 2
        assert partner[0].links.exclude(organisation=None).count() >= 2
