"""A leader registers a group of fifteen on a phone-sized screen."""

import time
from datetime import time as clock

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from samverka.activities.models import Activity, Session
from samverka.participants.services import participant_create
from tests.browser.conftest import either

pytestmark = pytest.mark.browser


def test_leader_registers_fifteen_children_on_a_phone(page, live_world, log_in, shoot):
    world = live_world
    today = timezone.localdate()
    activity = Activity.objects.create(
        collaboration=world.kalmar,
        name="Fritidsklubben",
        focus_area=2,
        type="leisure",
        starts_on=today,
        start_time=clock(0, 0),  # started already, whenever the test runs
    )
    activity.leaders.add(world.kalmar_ledare)
    session = Session.objects.create(activity=activity, date=today, start_time=clock(0, 0))
    children = [
        participant_create(
            collaboration=world.kalmar,
            by=world.kalmar_ngo,
            role="child",
            birth_year=2015 + i % 5,
            gender="female" if i % 2 else "male",
            third_country_national="yes",
            language="ar",
        )
        for i in range(16)
    ]
    log_in(world.kalmar_ledare)
    # From the collaboration overview to today's session, as a leader does.
    page.goto(f"/c/{world.kalmar.code}/")
    page.get_by_role("link", name=either("Mina tillfällen", "My sessions")).click()
    page.get_by_role("link", name="Fritidsklubben").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fritidsklubben")
    shoot("attendance-before-sv")

    started = time.monotonic()
    for child in children[:15]:
        page.locator(f".tap:has(input[value='{child.code}'])").click()
    # Undo a tap and redo it.
    page.locator(f".tap:has(input[value='{children[0].code}'])").click()
    page.locator(f".tap:has(input[value='{children[0].code}'])").click()
    expect(page.locator("[data-present-count]")).to_contain_text("15")
    page.locator(".save-bar").get_by_role("button").click()
    expect(page.locator(".message-success")).to_contain_text("15")
    elapsed = time.monotonic() - started
    print(f"\n15 taps and save took {elapsed:.1f} s in headless Chromium")
    shoot("attendance-saved-sv")

    assert session.attendances.count() == 15
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # Search by code narrows the tiles.
    page.get_by_label(
        either(
            "Sök på namn, deltagar- eller hushållskod",
            "Find by name, participant or household code",
        )
    ).fill(children[15].code)
    expect(page.locator(".tap:visible")).to_have_count(1)
