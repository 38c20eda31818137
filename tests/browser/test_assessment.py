"""The self-assessment journey on a phone: the coordinator opens a round, three members of the
municipality side answer, the coordinator closes it and the results with the quadrant appear.

Texts are matched in Swedish or English (`either`), so the journey does not depend on how
complete the Swedish catalogue is.
"""

import re

import pytest
from playwright.sync_api import expect

from conftest import make_user
from samverka.accounts.models import Membership
from samverka.accounts.roles import Role
from samverka.assessment.instrument import ITEMS
from samverka.assessment.models import AssessmentRound, Response
from samverka.orgs.models import Organisation, OrganisationKind
from tests.browser.conftest import PHONE, either

pytestmark = pytest.mark.browser

SELF_ASSESSMENT = either("Självskattning", "Self-assessment")
OPEN_ROUND = either("Öppna en ny omgång", "Open a new round")
OPEN_THE_ROUND = either("Öppna omgången", "Open the round")
ANSWER_NOW = either("Svara nu", "Answer now")
SEND = either("Skicka mina svar", "Send my answers")
CLOSE = either("Stäng omgången och visa resultaten", "Close the round and show the results")
STABLE = re.compile("Stabil samverkan|Stable collaboration")


def no_horizontal_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide on a phone"


def log_out(page) -> None:
    page.context.clear_cookies()


def test_a_round_is_opened_answered_on_a_phone_and_shows_the_quadrant(
    page, live_world, log_in, shoot, csp_reports
):
    world = live_world
    school = Organisation.objects.create(
        name="Kalmar kommun, grundskolan",
        kind=OrganisationKind.SCHOOL,
        municipality=world.kalmar.municipality,
    )
    colleagues = []
    for username in ("rektor.kalmar", "kurator.kalmar"):
        user = make_user(username)
        Membership.objects.create(
            user=user, collaboration=world.kalmar, role=Role.MUNICIPAL_CONTACT, organisation=school
        )
        colleagues.append(user)
    page.on("dialog", lambda dialog: dialog.accept())  # "Close the round?" confirmation

    # The coordinator opens a round from the collaboration model's self-assessment page.
    log_in(world.kalmar_ngo)
    page.goto(f"/c/{world.kalmar.code}/model/")
    page.locator("nav.subnav").get_by_role("link", name=SELF_ASSESSMENT).click()
    page.get_by_role("link", name=OPEN_ROUND).click()
    page.get_by_role("textbox").first.fill("Inför styrgruppens möte i juni.")
    with page.expect_navigation():
        page.get_by_role("button", name=OPEN_THE_ROUND).click()
    round = AssessmentRound.objects.get(collaboration=world.kalmar)
    expect(page).to_have_url(re.compile(rf"/self-assessment/{round.code}/$"))
    shoot("assessment-round-opened")
    log_out(page)

    # Three members of the municipality side answer on their phones.
    for index, member in enumerate([world.kalmar_kommun, *colleagues]):
        log_in(member)
        page.goto(f"/c/{world.kalmar.code}/")
        page.get_by_role("link", name=ANSWER_NOW).first.click()
        expect(page.locator("fieldset.item")).to_have_count(len(ITEMS))
        page.locator("input[name=party][value=municipality]").check()
        page.locator("input[name=level][value=strategic]").check()
        value = str(4 + index % 2)  # 4, 5, 4: high on everything
        for radio in page.locator(f".scale input[value='{value}']").all():
            radio.check()
        no_horizontal_scroll(page)
        if index == 0:
            shoot("assessment-answer-phone")
        with page.expect_navigation():
            page.get_by_role("button", name=SEND).click()
        expect(page.locator(".message-success")).to_be_visible()
        log_out(page)
    assert Response.objects.filter(round=round, submitted_at__isnull=False).count() == 3

    # The coordinator closes the round and sees the results with the quadrant.
    log_in(world.kalmar_ngo)
    page.goto(f"/c/{world.kalmar.code}/model/self-assessment/{round.code}/")
    with page.expect_navigation():
        page.get_by_role("button", name=CLOSE).click()
    expect(page).to_have_url(re.compile(rf"/{round.code}/results/$"))
    quadrant = page.locator("svg.chart").first
    expect(quadrant).to_be_visible()
    expect(quadrant.locator("title")).to_have_text(
        either("Mottaglighet och kapacitet", "Receptiveness and capacity")
    )
    expect(page.locator("table .quadrant").first).to_have_text(STABLE)
    no_horizontal_scroll(page)
    shoot("assessment-results-phone")

    # The printable report for the steering group.
    page.goto(f"/c/{world.kalmar.code}/model/self-assessment/{round.code}/report/")
    expect(page.locator("article.report svg.chart")).to_have_count(2)
    no_horizontal_scroll(page)
    assert csp_reports == []
