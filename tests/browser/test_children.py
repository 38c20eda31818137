"""Children's voice on a phone: a leader records a consultation, the coordinator records the
answer given back; the "Ni sa – vi gjorde" poster renders in Arabic right to left."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import PASSWORD
from samverka.activities.models import Activity, ActivityType, Session
from samverka.children.models import Consultation
from samverka.children.poster import services as poster_services
from tests.browser.conftest import PHONE, either

pytestmark = pytest.mark.browser


def test_a_leader_records_a_consultation_and_the_coordinator_the_answer(
    page, live_world, log_in, browser, live_server, csp_reports
):
    world = live_world
    today = timezone.localdate()
    club = Activity.objects.create(
        collaboration=world.kalmar,
        name="Fritidsklubben",
        focus_area=2,
        type=ActivityType.LEISURE,
        starts_on=today,
    )
    club.leaders.add(world.kalmar_ledare)
    session = Session.objects.create(activity=club, date=today)
    session.leaders.add(world.kalmar_ledare)

    log_in(world.kalmar_ledare)
    assert page.viewport_size == PHONE
    page.goto(f"/c/{world.kalmar.code}/sessions/{session.code}/")
    with page.expect_navigation():
        page.get_by_role(
            "link", name=either("Registrera vad barnen sa", "Record what the children said")
        ).click()
    page.get_by_label(either("Vad barnen tillfrågades om", "What the children were asked")).fill(
        "Vad vill ni göra i sommar?"
    )
    page.get_by_label(either("Samtal i ring", "Circle talk")).check()
    page.get_by_label(either("Barn 6–12 år", "Children 6–12 years")).fill("9")
    page.locator("#id_voice-0-theme").fill("Bada")
    page.locator("#id_voice-0-words").fill("Kan vi åka till stranden?")
    with page.expect_navigation():
        page.get_by_role("button", name=either("Spara samtalet", "Save the consultation")).click()
    consultation = Consultation.objects.get()
    assert consultation.session == session and consultation.children_by_age == {"6-12": 9}
    expect(page.locator("#children-counts")).to_contain_text("9")
    expect(page.locator("#told-back")).to_contain_text(
        re.compile("Barnen har ännu inte fått veta|The children have not been told yet")
    )

    coordinator = browser.new_context(viewport=PHONE, locale="sv-SE", base_url=live_server.url)
    other = coordinator.new_page()
    other.goto("/login/")
    other.get_by_label(either("Användarnamn", "Username")).fill(world.kalmar_ngo.username)
    other.get_by_label(either("Lösenord", "Password")).fill(PASSWORD)
    with other.expect_navigation():
        other.locator("main").get_by_role("button", name=either("Logga in", "Log in")).click()
    other.goto(f"/c/{world.kalmar.code}/")
    expect(other.locator("#children-panel")).to_contain_text("Vad vill ni göra i sommar?")
    other.goto(f"/c/{world.kalmar.code}/children/consultations/{consultation.code}/")
    with other.expect_navigation():
        other.get_by_role(
            "link", name=either("Registrera återkopplingen", "Record the answer given back")
        ).click()
    other.get_by_label(either("Vid ett möte med barnen", "At a meeting with the children")).check()
    other.get_by_label(either("Vad barnen fick veta", "What the children were told")).fill(
        "Vi åker till stranden i juni."
    )
    with other.expect_navigation():
        other.get_by_role(
            "button",
            name=either("Spara: barnen har fått veta", "Save: the children have been told"),
        ).click()
    consultation.refresh_from_db()
    assert consultation.told_back_how == "meeting" and consultation.told_back_by == world.kalmar_ngo
    expect(other.locator("#told-back")).to_contain_text("Vi åker till stranden i juni.")
    coordinator.close()
    assert csp_reports == []


def test_the_poster_renders_in_arabic_right_to_left(page, live_world, log_in, csp_reports):
    world = live_world
    consultation = Consultation.objects.create(
        collaboration=world.kalmar,
        held_on=timezone.localdate(),
        topic="Fritidsklubben",
        method="circle_talk",
        children_by_age={"6-12": 12},
    )
    poster = poster_services.poster_create(
        collaboration=world.kalmar,
        consultation=consultation,
        title="Ni sa – vi gjorde",
        languages=["ar"],
        by=world.kalmar_ngo,
    )
    poster_services.poster_update(
        poster=poster,
        title="Ni sa – vi gjorde",
        languages=["ar"],
        items=[
            {"icon": "ball", "said": "Mer fotboll", "did": "Fotboll varje fredag", "state": "done"}
        ],
        by=world.kalmar_ngo,
    )
    item = poster.items.get()
    poster_services.poster_translation_save(
        poster=poster,
        language="ar",
        title="قلتم – فعلنا",
        items={item.code: ("المزيد من كرة القدم", "كرة القدم كل يوم جمعة")},
        status="draft",
        by=world.kalmar_ngo,
    )
    log_in(world.kalmar_ngo)
    page.goto(f"/c/{world.kalmar.code}/children/posters/{poster.code}/print/?lang=ar")
    sheet = page.locator("article.kids-poster")
    expect(sheet).to_have_attribute("dir", "rtl")
    expect(sheet).to_have_attribute("lang", "ar")
    expect(sheet.locator("h1")).to_have_text("قلتم – فعلنا")
    assert sheet.evaluate("el => getComputedStyle(el).direction") == "rtl"
    # Right to left: the picture stands at the right, the text to its left.
    icon = sheet.locator(".kids-icon").first.bounding_box()
    said = sheet.locator(".kids-said").first.bounding_box()
    assert icon["x"] > said["x"]
    assert icon["x"] + icon["width"] <= PHONE["width"]
    expect(page.locator(".callout-warning")).to_be_visible()  # draft: not checked by a translator
    assert csp_reports == []
