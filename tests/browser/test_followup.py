"""The follow-up plan on a phone: a coordinator adds a goal and an indicator from the library
and sees its chart, with the same figures in the table beside it."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from samverka.activities import activity_years
from samverka.activities.models import Activity, Session
from samverka.followup.library import install_builtin_indicators
from samverka.followup.models import Goal, PlanIndicator
from tests.browser.conftest import PHONE, either

pytestmark = pytest.mark.browser


def test_a_coordinator_adds_a_goal_and_an_indicator_and_sees_its_chart(
    page, live_world, log_in, shoot, csp_reports
):
    world = live_world
    install_builtin_indicators()
    today = timezone.localdate()
    activity = Activity.objects.create(
        collaboration=world.kalmar,
        name="Läxhjälp",
        focus_area=2,
        type="leisure",
        starts_on=today - timedelta(days=60),
    )
    start = today.replace(month=1 if today.month <= 6 else 7, day=1)
    for day in (0, 1, 2):
        Session.objects.create(activity=activity, date=start + timedelta(days=day))
    activity_years.refresh([activity.pk])  # sessions made here, not by the services

    log_in(world.kalmar_ngo)
    page.goto(f"/c/{world.kalmar.code}/")
    page.get_by_role("link", name=either("Öppna uppföljningen", "Open the follow-up")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        either("Uppföljning för lärande", "Follow-up for learning")
    )
    page.get_by_role("link", name=either("Lägg till ett mål", "Add a goal")).click()
    page.locator("#id_title").fill("Fler träffar för barnen")
    page.locator("#id_focus_area").select_option("2")
    page.get_by_label(either("Barn och familjer", "Children and families")).check()
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name=either("Spara", "Save")).click()
    goal = Goal.objects.get()

    page.get_by_role("link", name=either("Lägg till en indikator", "Add an indicator")).click()
    page.locator("#id_definition").select_option(label="FU-ATT-04 Genomförda träffar (antal)")
    page.locator("#id_period_kind").select_option("half")
    page.locator("#id_target_value").fill("5")
    with page.expect_navigation():
        page.locator("main").get_by_role(
            "button", name=either("Spara indikatorn", "Save the indicator")
        ).click()
    indicator = PlanIndicator.objects.get(goal=goal)

    # The chart is drawn (Chart.js replaces the fallback text) and the table says the same.
    canvas = page.locator(f'canvas[data-indicator-chart="indicator-{indicator.code}"]')
    expect(canvas).to_be_visible()
    page.wait_for_function(
        "code => window.Chart && Chart.getChart(document.querySelector("
        '`canvas[data-indicator-chart="indicator-${code}"]`))',
        arg=indicator.code,
    )
    drawn = page.evaluate(
        "code => Chart.getChart(document.querySelector("
        '`canvas[data-indicator-chart="indicator-${code}"]`)).data.datasets.map(d => d.data)',
        indicator.code,
    )
    assert drawn[0][-1] == 3 and drawn[1][-1] == 5  # three sessions held, the target five
    expect(page.locator("main table").first).to_contain_text("3")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide on a phone"
    shoot("followup-indicator")
    page.goto(f"/c/{world.kalmar.code}/followup/")
    shoot("followup-dashboard")
    assert not csp_reports
