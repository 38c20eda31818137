"""The national comparison and the section on the collaboration overview."""

from django.urls import reverse

from samverka.assessment.instrument import Quadrant
from samverka.assessment.models import Level, Party
from samverka.assessment.rounds import services
from samverka.assessment.tests.conftest import answer
from samverka.orgs.models import Phase

M, CS = Party.MUNICIPALITY, Party.CIVIL_SOCIETY


def test_national_lead_compares_collaborations_with_small_groups_hidden(world, login_as, people):
    round = services.round_open(collaboration=world.kalmar, by=world.kalmar_ngo)
    for user in people["municipality"][:3]:
        answer(round, user, M, Level.STRATEGIC, 4)
    for user in people["civil_society"][:2]:
        answer(round, user, CS, Level.OPERATIONAL, 2)
    services.round_close(round=round, by=world.kalmar_ngo)
    services.round_open(collaboration=world.boden, by=world.boden_ngo)
    world.boden.phase = Phase.TRANSITION
    world.boden.save()

    page = login_as(world.nationell).get(reverse("assessment:national"))
    rows = {t["row"].collaboration.code: t for t in page.context["table"]}
    kalmar, boden = rows[world.kalmar.code], rows[world.boden.code]
    assert kalmar["quadrants"][0]["point"].quadrant == Quadrant.STABLE
    assert kalmar["quadrants"][1]["point"] is None  # two answers: hidden
    assert boden["row"].latest is None and boden["row"].open_round is not None
    html = page.content.decode()
    assert world.kalmar.name in html and world.boden.name in html
    assert "<svg" in html

    page = login_as(world.nationell).get(reverse("assessment:national"), {"phase": "transition"})
    assert [t["row"].collaboration for t in page.context["table"]] == [world.boden]


def test_overview_panel_invites_to_answer_and_shows_the_latest_quadrant(world, login_as, people):
    round = services.round_open(collaboration=world.kalmar, by=world.kalmar_ngo)
    for user in people["municipality"][:3]:
        answer(round, user, M, Level.STRATEGIC, 2)
    services.round_close(round=round, by=world.kalmar_ngo)
    current = services.round_open(collaboration=world.kalmar, by=world.kalmar_ngo)
    overview = reverse("orgs:collaboration", args=[world.kalmar.code])
    answer_url = reverse("assessment:answer", args=[world.kalmar.code, current.code])

    page = login_as(world.kalmar_ledare).get(overview)
    html = page.content.decode()
    assert answer_url in html
    panel = next(p for p in page.context["panels"] if p.template == "assessment/panel.html")
    assert panel.context["quadrants"][0]["point"].quadrant == Quadrant.NOT_YET
    assert "warnings" not in panel.context  # activity leaders do not see people's dependence

    page = login_as(world.forskare).get(overview)
    panel = next(p for p in page.context["panels"] if p.template == "assessment/panel.html")
    assert answer_url not in page.content.decode()
    assert "quadrants" in panel.context

    page = login_as(world.kalmar_partner_user).get(overview)
    assert all(p.template != "assessment/panel.html" for p in page.context["panels"])
