"""Lessons that travel, on a phone: a coordinator in Kalmar records a lesson and shares it
nationally; a coordinator in Boden finds it in the lessons library by a word in another
inflection ("föräldrar" finds "föräldrarna": Swedish stemming on PostgreSQL, the plain fallback
on SQLite finds the longer form too)."""

import re

import pytest
from playwright.sync_api import expect

from samverka.memory.lessons.models import Lesson
from tests.browser.conftest import PHONE, either

pytestmark = pytest.mark.browser

LESSONS = either("Lärdomar", "Lessons")
WRITE = either("Skriv en lärdom", "Write a lesson")
SAVE = either("Spara lärdomen", "Save the lesson")
SHARE = either("Dela nationellt", "Share nationally")
LIBRARY = either("Lärdomsbanken", "Lessons library")
SEARCH = either("Sök", "Search")


def no_horizontal_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide on a phone"


def test_a_lesson_shared_in_kalmar_is_found_in_boden_by_another_inflection(
    page, live_world, log_in, shoot, csp_reports
):
    world = live_world

    # Kalmar's coordinator writes a lesson from the collaboration's memory pages.
    log_in(world.kalmar_ngo)
    page.goto(f"/c/{world.kalmar.code}/")
    panel = page.locator("section.memory-panel")
    panel.get_by_role("link", name=re.compile("lärdom|lesson")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(LESSONS)
    page.get_by_role("link", name=WRITE).click()
    page.locator("#id_title").fill("Låt gruppen välja teman")
    page.locator("#id_learned").fill(
        "Föräldrarna kom tillbaka när de själva fick välja vad träffarna skulle handla om."
    )
    page.locator("#id_advice").fill("Ha en lista med förslag, men låt gruppen bestämma.")
    page.locator("#id_focus_area").select_option("3")
    page.locator("#id_added_value").select_option("social")
    no_horizontal_scroll(page)
    shoot("lesson-form")
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name=SAVE).click()
    lesson = Lesson.objects.get()
    assert not lesson.is_shared

    # … and shares it nationally after Samverka's check.
    with page.expect_navigation():
        page.get_by_role("button", name=SHARE).click()
    lesson.refresh_from_db()
    assert lesson.is_shared
    shoot("lesson-shared")
    page.context.clear_cookies()

    # Boden's coordinator searches the national library for "föräldrar".
    log_in(world.boden_ngo)
    page.goto(f"/c/{world.boden.code}/")
    page.locator("section.memory-panel").get_by_role("link", name=LIBRARY).click()
    page.locator("#q").fill("föräldrar")
    with page.expect_navigation():
        page.locator("form.lesson-filters").get_by_role("button", name=SEARCH).click()
    found = page.locator("ul.lesson-list > li")
    expect(found).to_have_count(1)
    expect(found).to_contain_text("Låt gruppen välja teman")
    expect(found).to_contain_text("Kalmar")
    expect(found).to_contain_text("Barn i fokus Kalmar")
    no_horizontal_scroll(page)
    shoot("lessons-library-search")
    found.get_by_role("link").click()
    expect(page.locator("main")).to_contain_text("Ha en lista med förslag")
    assert csp_reports == []
