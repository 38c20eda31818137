"""The data protection officer's page on a phone: the coordinator finds the record of
processing from the overview; it reads in Swedish, fits the screen and offers the PDF."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import either

pytestmark = pytest.mark.browser


def test_the_coordinator_opens_the_record_of_processing_on_a_phone(
    page, live_world, log_in, csp_reports, shoot
):
    world = live_world
    log_in(world.kalmar_ngo)
    page.goto(f"/c/{world.kalmar.code}/")
    with page.expect_navigation():
        page.locator("main").get_by_role(
            "link", name=either("Registerförteckning", "Record of processing")
        ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        either("Registerförteckning", "Record of processing")
    )
    expect(page.locator("#security")).to_be_visible()
    expect(page.locator("main")).to_contain_text("RETENTION_MONTHS")
    expect(
        page.get_by_role("link", name=either("Ladda ner som PDF", "Download as PDF"))
    ).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shoot("privacy-record")
    assert csp_reports == []
