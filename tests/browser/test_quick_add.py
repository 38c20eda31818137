"""A leader adds a child on the spot on a phone: the error of a first try at the top with
focus, then the child in a sibling's household, saved as present, named on the tile."""

from datetime import date
from datetime import time as clock

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from samverka.activities import services
from samverka.activities.models import Activity, Session
from samverka.participants.models import Participant
from samverka.participants.services import participant_create
from tests.browser.conftest import either

pytestmark = pytest.mark.browser


def test_leader_adds_a_sibling_on_the_spot_on_a_phone(page, live_world, log_in, shoot):
    world = live_world
    today = timezone.localdate()
    club = Activity.objects.create(
        collaboration=world.kalmar,
        name="Fritidsklubben",
        focus_area=2,
        type="leisure",
        starts_on=date(2025, 9, 2),
    )
    club.leaders.add(world.kalmar_ledare)
    last = Session.objects.create(activity=club, date=date(2025, 9, 2), start_time=clock(15))
    session = Session.objects.create(activity=club, date=today, start_time=clock(0, 0))
    names = ["Amina", "Yusuf", "Hodan", "Daniel"]
    children = [
        participant_create(
            collaboration=world.kalmar,
            by=world.kalmar_ngo,
            role="child",
            birth_year=2015 + i,
            gender="female" if i % 2 else "male",
            third_country_national="yes",
            language="so",
            display_name=name,
        )
        for i, name in enumerate(names)
    ]
    services.attendance_record(session=last, add=[c.pk for c in children], by=world.kalmar_ngo)
    amina = children[0]

    log_in(world.kalmar_ledare)
    page.goto(f"/c/{world.kalmar.code}/sessions/{session.code}/")
    tile = page.locator(f".tap:has(input[value='{amina.code}'])")
    expect(tile.locator(".tap-name")).to_have_text("Amina")
    expect(tile.locator(".tap-code")).to_have_text(amina.code)
    shoot("tiles-with-names")

    page.get_by_text(either("Lägg till en ny deltagare", "Add a new participant")).click()
    page.get_by_label(either("Visningsnamn (frivilligt)", "Display name (optional)")).fill("Bilal")
    add = page.get_by_role(
        "button", name=either("Lägg till och spara som närvarande", "Add and save as present")
    )
    with page.expect_navigation():
        add.click()  # no birth year yet
    errors = page.locator("#add-errors")
    expect(errors).to_be_visible()
    expect(errors).to_be_focused()
    assert errors.bounding_box()["y"] < page.locator("#attendance-form").bounding_box()["y"]
    shoot("quick-add-error")

    page.get_by_label(either("Födelseår", "Birth year"), exact=True).fill("2019")
    picker = page.get_by_label(either("Hushåll", "Household"), exact=True)
    expect(picker.locator("option", has_text="Amina")).to_have_count(1)
    picker.select_option(amina.household.code)
    with page.expect_navigation():
        add.click()
    expect(page.locator(".message-success")).to_be_visible()
    bilal = Participant.objects.get(birth_year=2019)
    assert bilal.household == amina.household
    assert session.attendances.filter(participant=bilal).exists()
    new_tile = page.locator(f".tap:has(input[value='{bilal.code}'])")
    expect(new_tile.locator(".tap-name")).to_have_text("Bilal")
    expect(new_tile.locator("input")).to_be_checked()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # The filter finds a child by name.
    page.get_by_label(
        either(
            "Sök på namn, deltagar- eller hushållskod",
            "Find by name, participant or household code",
        )
    ).fill("hod")
    expect(page.locator(".tap:visible")).to_have_count(1)
    shoot("quick-add-done")
