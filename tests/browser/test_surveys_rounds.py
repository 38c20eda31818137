"""Survey rounds on a phone: a coordinator opens a round in five languages and prints the poster
with its QR code (issue 4: "A coordinator opens a round in five languages, prints the QR
poster")."""

import pytest
from playwright.sync_api import expect

from samverka.surveys.instruments import texts
from samverka.surveys.models import Round
from samverka.surveys.rounds import poster_texts, selectors
from samverka.surveys.tests.factories import make_version
from tests.browser.conftest import PHONE, either

pytestmark = pytest.mark.browser

FIVE = ["sv", "en", "ar", "so", "uk"]


def translated_version():
    """The factories' survey (Swedish, English, Arabic), translated into Somali and Ukrainian."""
    version = make_version(name="Affischprovets enkät")
    units = list(texts.text_units(version))
    for unit in units:
        if unit.required:
            unit.set("so", f"{unit.get('en')} (so)")
            unit.set("uk", f"{unit.get('en')} (uk)")
    for unit in units:
        unit.obj.save(update_fields=[unit.field])
    return version


def test_coordinator_opens_a_round_in_five_languages_and_prints_the_poster(
    page, live_world, log_in, shoot, csp_reports
):
    world = live_world
    version = translated_version()
    assert version.is_published
    log_in(world.kalmar_ngo)
    assert page.viewport_size == PHONE

    page.goto(f"/c/{world.kalmar.code}/surveys/")
    shoot("surveys-01-start")
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name=either("Ny omgång", "New round")).click()
    with page.expect_navigation():
        page.locator("li", has_text="Affischprovets enkät").get_by_role(
            "link", name=either("Välj", "Choose")
        ).click()
    shoot("surveys-02-form")

    page.get_by_label(either("Omgångens namn", "Name of the round")).fill("Föräldraenkät våren")
    # Swedish and English are chosen already; add Arabic, Somali and Ukrainian.
    for code in FIVE:
        page.locator(f"input[name=languages][value='{code}']").check()
    # Tigrinya misses its texts: choosing it is refused with a clear message.
    page.locator("input[name=languages][value='ti']").check()
    with page.expect_navigation():
        page.locator("main").get_by_role(
            "button", name=either("Skapa omgången", "Create the round")
        ).click()
    expect(page.locator("#id_languages_error")).to_contain_text("texter saknas")
    assert not Round.objects.exists()
    shoot("surveys-03-missing-language")

    page.locator("input[name=languages][value='ti']").uncheck()
    with page.expect_navigation():
        page.locator("main").get_by_role(
            "button", name=either("Skapa omgången", "Create the round")
        ).click()
    round_ = Round.objects.get()
    assert round_.languages == FIVE
    link = selectors.general_link(round_)
    expect(page.locator(f"#link-{link.code}")).to_have_value(selectors.link_url(link))
    expect(page.locator(".survey-link .qr svg")).to_be_visible()
    shoot("surveys-04-round")

    with page.expect_navigation():
        page.locator("main").get_by_role(
            "link", name=either("Affisch med QR-kod", "Poster with QR code")
        ).click()
    expect(page.locator(".poster-qr svg")).to_be_visible()
    expect(page.locator(".poster-language")).to_have_count(5)
    arabic = page.locator(".poster-language[data-language=ar]")
    expect(arabic).to_have_attribute("dir", "rtl")
    expect(arabic).to_contain_text(poster_texts.TEXTS["ar"]["invitation"])
    expect(page.locator(".poster-language[data-language=so]")).to_contain_text(
        poster_texts.TEXTS["so"]["invitation"]
    )
    expect(page.locator(".poster-address")).to_have_text(selectors.short_address(link))
    # The print button appears with JavaScript; nothing on the page overflows the phone.
    expect(page.locator("[data-print]")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shoot("surveys-05-poster")

    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator("[data-print]")).to_be_hidden()
    shoot("surveys-06-poster-print")

    page.emulate_media(media="screen")
    page.goto(f"/c/{world.kalmar.code}/surveys/")
    expect(page.locator("#rounds-open").locator("xpath=..")).to_contain_text("Föräldraenkät våren")
    shoot("surveys-07-start-with-round")
    assert csp_reports == []
