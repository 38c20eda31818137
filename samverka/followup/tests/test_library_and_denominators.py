"""The indicator library's loader, survey denominators (offered, response rate, profile) and
the measure labels of the built-in instruments."""

from io import StringIO

from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from samverka.followup.library import BUILTINS
from samverka.followup.models import IndicatorDefinition
from samverka.surveys.builtin import definitions
from samverka.surveys.results.selectors import MEASURE_LABELS, measure_label
from samverka.surveys.rounds.selectors import round_reach
from samverka.surveys.tests.factories import make_response, make_round


def test_load_indicators_is_idempotent_and_keeps_stable_ids(db):
    call_command("load_indicators", stdout=StringIO())
    first = dict(IndicatorDefinition.objects.values_list("builtin_id", "pk"))
    assert len(first) == len(BUILTINS)
    IndicatorDefinition.objects.filter(builtin_id="FU-ATT-01").update(name_sv="Ändrad")
    out = StringIO()
    call_command("load_indicators", stdout=out)
    assert "0 created, 1 updated" in out.getvalue()
    assert dict(IndicatorDefinition.objects.values_list("builtin_id", "pk")) == first
    assert IndicatorDefinition.objects.get(builtin_id="FU-ATT-01").name_sv == "Unika deltagare"


def test_every_builtin_survey_measure_has_a_swedish_label():
    measures = {
        item.measure
        for instrument in definitions()
        for section in instrument.sections
        for item in section.items
        if item.measure
    }
    assert measures <= set(MEASURE_LABELS), sorted(measures - set(MEASURE_LABELS))
    with translation.override("sv"):
        assert measure_label("functional") == "Funktionellt mervärde"
        assert measure_label("change") != "Change"


def test_a_round_shows_its_response_rate_and_the_respondents_profile(world, login_as):
    round_ = make_round(world.kalmar, offered=10)
    for _ in range(6):
        make_response(round_, {"T-NET-01": "4"}, language="ar")
    reach = round_reach(round_)
    assert reach.offered == 10 and reach.by_hand
    assert reach.rate == 60.0
    language = {label: (a, b) for label, a, b in reach.profile[0][2]}
    assert list(language.values()) == [("6", "0")]
    page = login_as(world.kalmar_ngo).get(
        reverse("surveys:results", args=[world.kalmar.code, round_.code])
    )
    assert "60 %" in page.content.decode()


def test_a_small_round_hides_its_response_rate(world):
    round_ = make_round(world.kalmar, offered=10)
    for _ in range(3):
        make_response(round_, {"T-NET-01": "4"})
    reach = round_reach(round_)
    assert reach.answered is None and reach.rate is None
    assert reach.profile[0][2][0][1] == ".."
