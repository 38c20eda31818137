"""The funder count on a phone: upright and lying bar charts drawn by the self-hosted Chart.js in
the house colours beside their tables, without a CSP violation."""

import re
from datetime import date

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from samverka.lib.charts import SERIES
from samverka.reports.tests.conftest import Data
from tests.browser.conftest import PHONE
from tests.browser.test_journeys import CODE_LABEL, authenticator_code

pytestmark = pytest.mark.browser

YEAR_2025 = "?from=2025-01-01&to=2025-12-31"
CHART = "(id) => Chart.getChart(document.querySelector(`canvas[data-chart='${id}']`))"


def drawn(page, chart_id: str) -> dict:
    """What Chart.js drew on the canvas of `chart_id`, once it has drawn it."""
    expect(page.locator(f"canvas[data-chart='{chart_id}']")).to_be_visible()
    page.wait_for_function(f"() => window.Chart && ({CHART})('{chart_id}')")
    return page.evaluate(
        f"""() => {{
            const chart = ({CHART})('{chart_id}');
            return {{
                axis: chart.options.indexAxis,
                colours: chart.data.datasets.map((d) => d.backgroundColor),
                bars: chart.getDatasetMeta(0).data.length,
                width: chart.width,
            }};
        }}"""
    )


def no_horizontal_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide on a phone"


@pytest.fixture
def attendance(live_world):
    """Kalmar 2025: 12 girls and 6 boys aged 6-12 at one session (enough to be shown)."""
    data = Data(live_world)
    session = data.session(date(2025, 3, 4))
    data.group(12, session, birth_year=2016, gender="female", tcn="yes")
    data.group(6, session, birth_year=2016, gender="male", tcn="no")


def test_coordinator_sees_upright_bar_charts_on_a_phone(
    page, live_world, attendance, log_in, shoot, csp_reports
):
    log_in(live_world.kalmar_ngo)
    page.goto(reverse("reports:funder", args=[live_world.kalmar.code]) + YEAR_2025)
    ages = drawn(page, "m-age-gender-chart-data")
    assert ages["axis"] == "x" and ages["bars"] >= 1 and ages["width"] > 100
    assert ages["colours"] == list(SERIES[: len(ages["colours"])])
    assert drawn(page, "m-focus-areas-chart-data")["axis"] == "x"
    # Exact figures for whoever sees the register: 12 girls and 6 boys, no hidden mark.
    main = page.locator("main")
    expect(main.locator("table").first).to_contain_text("12")
    expect(main.locator("td", has_text=re.compile(r"^\.\.$"))).to_have_count(0)
    expect(
        main.get_by_role("button", name=re.compile("CSV för Excel|CSV for Excel"))
    ).to_have_count(2)
    no_horizontal_scroll(page)
    shoot("funder-report-phone")
    assert csp_reports == []


def test_national_lead_sees_the_municipalities_as_lying_bars(
    page, live_world, attendance, log_in, shoot, csp_reports
):
    key = TOTPDevice.objects.get(user=live_world.nationell).bin_key
    log_in(live_world.nationell)
    page.get_by_label(CODE_LABEL).fill(authenticator_code(key))
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/$"))
    page.goto(reverse("reports:national_funder") + YEAR_2025)
    municipalities = drawn(page, "n-municipalities-chart-data")
    assert municipalities["axis"] == "y" and municipalities["bars"] >= 1
    assert municipalities["colours"] == list(SERIES[:2])
    no_horizontal_scroll(page)
    shoot("national-funder-report-phone")
    assert csp_reports == []


def test_a_researcher_sees_the_hidden_mark_explained_beside_the_table(
    page, live_world, log_in, shoot, csp_reports
):
    """Outside the circle that sees the register the figures are disclosure-controlled: a
    hidden cell reads "..", never "<5", and the note beside the table says what it means."""
    data = Data(live_world)
    session = data.session(date(2025, 3, 4))
    data.group(12, session, birth_year=2016, gender="female", tcn="yes")
    data.group(2, session, birth_year=2016, gender="male", tcn="no")
    key = TOTPDevice.objects.get(user=live_world.forskare).bin_key
    log_in(live_world.forskare)
    page.get_by_label(CODE_LABEL).fill(authenticator_code(key))
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    page.goto(reverse("reports:funder", args=[live_world.kalmar.code]) + YEAR_2025)
    main = page.locator("main")
    expect(main.locator("td", has_text=re.compile(r"^\.\.$")).first).to_be_visible()
    expect(main).not_to_contain_text("<5")
    expect(main.locator("p.small", has_text="..").first).to_be_visible()
    expect(main.get_by_text("14", exact=True).first).to_be_visible()  # the total survives
    no_horizontal_scroll(page)
    shoot("funder-report-researcher-phone")
    assert csp_reports == []
