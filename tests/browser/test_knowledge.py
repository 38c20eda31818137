"""The knowledge bank on a phone: an activity leader opens the method card from their activity,
reads it in Swedish and English, and writes a reflection after the session; the coordinator
sees the request for support on the overview.

Texts are matched in Swedish or English (`either`)."""

from datetime import time

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from samverka.activities.models import Activity, Session
from samverka.knowledge.bank.models import ActivityMethod, Item
from samverka.knowledge.builtin.install import install_builtin_knowledge
from samverka.knowledge.reflections.models import Reflection
from tests.browser.conftest import PHONE, either

pytestmark = pytest.mark.browser

METHODS = either("Metoder", "Methods")
WRITE = either("Skriv en reflektion", "Write a reflection")
SAVE = either("Spara", "Save")


def no_horizontal_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide on a phone"


def test_a_leader_opens_the_method_card_from_an_activity_on_a_phone(
    page, live_world, log_in, shoot, csp_reports
):
    world = live_world
    install_builtin_knowledge()
    card = Item.objects.get(builtin_key="method-leisure-club")
    today = timezone.localdate()
    club = Activity.objects.create(
        collaboration=world.kalmar,
        name="Fritidsklubben",
        focus_area=2,
        type="leisure",
        starts_on=today,
    )
    club.leaders.add(world.kalmar_ledare)
    session = Session.objects.create(
        activity=club, date=today, start_time=time(15, 30), end_time=time(17, 0)
    )
    ActivityMethod.objects.create(activity=club, item=card)

    log_in(world.kalmar_ledare)
    assert page.viewport_size == PHONE
    page.goto(f"/c/{world.kalmar.code}/activities/{club.code}/")
    methods = page.locator("section", has=page.get_by_role("heading", name=METHODS))
    expect(methods).to_be_visible()
    with page.expect_navigation():
        methods.get_by_role("link", name=card.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(card.title)
    expect(page.locator("article.prose h2").first).to_be_visible()
    no_horizontal_scroll(page)
    shoot("knowledge-method-card")

    # The same card in English, from the language pills.
    with page.expect_navigation():
        page.get_by_role("link", name="English").click()
    expect(page.locator("article.prose")).to_contain_text("How it works")

    # After the session: the reflection, from the session page.
    page.goto(f"/c/{world.kalmar.code}/sessions/{session.code}/")
    expect(
        page.get_by_role("link", name=either("Metoder och temaplan", "Methods and theme plan"))
    ).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("link", name=WRITE).click()
    page.locator("#id_what_worked").fill("Barnen valde lekarna själva.")
    page.locator("#id_needs_support").check()
    page.locator("#id_support_request").fill("Hur hanterar vi konflikter mellan barnen?")
    with page.expect_navigation():
        page.locator("main form").get_by_role("button", name=SAVE).click()
    reflection = Reflection.objects.get()
    assert reflection.waiting_for_support and reflection.author == world.kalmar_ledare
    no_horizontal_scroll(page)

    # The coordinator sees it on the overview.
    page.context.clear_cookies()
    log_in(world.kalmar_ngo)
    page.goto(f"/c/{world.kalmar.code}/")
    expect(page.locator(f"a[href$='/reflections/{reflection.code}/']")).to_be_visible()
    shoot("knowledge-overview-panel")
    assert csp_reports == []
