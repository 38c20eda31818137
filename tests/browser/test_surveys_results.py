"""A coordinator reads a survey round's results on a phone: charts drawn by the self-hosted
Chart.js beside their tables, a breakdown chosen without typing, no CSP violation."""

import re

import pytest
from playwright.sync_api import expect

from samverka.surveys.tests.factories import make_response, make_round
from tests.browser.conftest import PHONE, either

pytestmark = pytest.mark.browser


def _answers(index: int) -> dict:
    return {
        "T-NET-01": ["4", "5", "5", "3", "dk"][index % 5],
        "T-NET-02": "5" if index % 3 else "4",
        "T-NET-03": "yes" if index < 12 else "no",
        "T-ABT-01": ["school", "library"] if index % 2 else ["school"],
        "T-ABT-02": 28 + index % 3 * 7,
        "T-ABT-03": f"Tack för kaffet {index}",
    }


def test_coordinator_sees_charts_and_tables_of_a_round_on_a_phone(
    page, live_world, log_in, shoot, csp_reports
):
    world = live_world
    round_ = make_round(world.kalmar, title="Föräldraenkät hösten")
    for index in range(30):
        make_response(round_, _answers(index), language="sv" if index < 17 else "ar")
    spring = make_round(
        world.kalmar, round_.version, title="Föräldraenkät våren", opens_in_days=-200, days=30
    )
    for index in range(10):
        make_response(spring, _answers(index * 5))

    log_in(world.kalmar_ngo)
    page.goto(f"/c/{world.kalmar.code}/surveys/rounds/{round_.code}/results/")
    expect(page.locator("h1")).to_contain_text("Föräldraenkät hösten")

    first = page.locator("section.survey-item").first
    canvas = first.locator("canvas[data-survey-chart]")
    expect(canvas).to_be_visible()
    # Chart.js has drawn the chart: it is registered on the canvas and has a size.
    page.wait_for_function(
        "() => window.Chart && Chart.getChart(document.querySelector('canvas[data-survey-chart]'))"
    )
    assert canvas.bounding_box()["width"] > 100
    bars = page.evaluate(
        "() => Chart.getChart(document.querySelector('canvas[data-survey-chart]'))"
        ".getDatasetMeta(0).data.length"
    )
    assert bars == 6  # five scale points and "don't know"
    table = first.locator("table")
    expect(table).to_be_visible()
    expect(table).to_contain_text(re.compile("Stämmer helt|Completely true"))
    assert page.locator("canvas[data-survey-chart]").count() >= 4
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the results page is {width}px wide on a phone"
    shoot("survey-results-phone")

    # Break the results down by language with the selector (it submits itself).
    with page.expect_navigation():
        page.get_by_label(either("Dela upp efter", "Break down by")).select_option("language")
    expect(page).to_have_url(re.compile(r"\?by=language$"))
    expect(first.locator("thead")).to_contain_text(re.compile("Svenska|Swedish"))
    page.wait_for_function(
        "() => window.Chart && Chart.getChart(document.querySelector('canvas[data-survey-chart]'))"
    )
    shoot("survey-results-by-language-phone")

    # Compare with the spring round: both rounds side by side.
    page.get_by_role(
        "link", name=either("Jämför med en annan omgång", "Compare with another round")
    ).click()
    page.get_by_label(either("Jämför med", "Compare with")).select_option(spring.code)
    with page.expect_navigation():
        page.get_by_role("button", name=either("Jämför", "Compare")).click()
    page.wait_for_function(
        "() => window.Chart && Chart.getChart(document.querySelector('canvas[data-survey-chart]'))"
    )
    expect(page.locator("section.survey-item table").first).to_contain_text(
        re.compile("Föräldraenkät våren")
    )
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the comparison is {width}px wide on a phone"
    shoot("survey-results-compare-phone")

    page.goto(f"/c/{world.kalmar.code}/surveys/rounds/{round_.code}/summary/")
    expect(page.locator("article.report table").first).to_be_visible()
    assert csp_reports == []
