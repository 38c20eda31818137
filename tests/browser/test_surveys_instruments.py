"""A coordinator adapts a built-in survey on a phone: copy it, add a question, translate it."""

import re

from samverka.surveys.models import Instrument
from samverka.surveys.tests.factories import make_version

from .conftest import either


def test_coordinator_copies_a_builtin_survey_adds_a_question_and_translates_it(
    page, live_world, log_in, csp_reports, shoot
):
    world = live_world
    make_version(name="Föräldraenkät")
    log_in(world.kalmar_ngo)

    page.goto(f"/c/{world.kalmar.code}/surveys/instruments/")
    shoot("instruments-list")
    with page.expect_navigation():
        page.get_by_role("button", name=either("Kopiera för att ändra", "Copy to edit")).click()
    copy = Instrument.objects.get(collaboration=world.kalmar)
    version = copy.versions.get()
    assert f"/surveys/versions/{version.code}/" in page.url
    shoot("version-draft")

    page.locator("#section-about").get_by_role(
        "link", name=either("Lägg till en fråga", "Add a question")
    ).click()
    page.get_by_label(either("Fråge-id", "Question id")).fill("T-ABT-09")
    page.get_by_label(either("Typ", "Type")).select_option("yes_no")
    page.get_by_label(either("Fråga på svenska", "Question in Swedish")).fill(
        "Går du på läxhjälpen?"
    )
    page.get_by_label(either("Fråga på engelska", "Question in English")).fill(
        "Do you go to homework help?"
    )
    page.get_by_label("Ja", exact=True).check()  # only when T-NET-03 (work) is yes
    shoot("item-form")
    with page.expect_navigation():
        page.get_by_role("button", name=either("Lägg till fråga", "Add question")).click()
    question = page.locator("#item-T-ABT-09")
    assert "Går du på läxhjälpen?" in question.inner_text()
    assert "T-NET-03" in question.inner_text()

    page.locator("#language-ar").get_by_role("link", name=either("Översätt", "Translate")).click()
    page.get_by_role("link", name=either("Bara texter som saknas", "Only missing texts")).click()
    page.locator("textarea").first.fill("هل تذهب إلى مساعدة الواجبات المدرسية؟")
    with page.expect_navigation():
        page.get_by_role(
            "button", name=either("Spara översättningarna", "Save translations")
        ).click()
    assert page.evaluate("document.querySelector('.survey-preview').dir") == "rtl"
    assert "هل تذهب إلى مساعدة الواجبات المدرسية؟" in page.locator("#item-T-ABT-09").inner_text()
    shoot("version-arabic")
    row = page.locator("#language-ar")
    assert re.search(r"^0\b", row.locator(".missing-count").inner_text())

    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"The version page scrolls sideways on a phone ({width}px)."
    assert csp_reports == []
