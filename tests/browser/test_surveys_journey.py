"""Issue 4, "done when", in one journey with the built-in parent survey: a round in five
languages, parents answering on phones in Arabic and Somali, the coordinator's results chart."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from samverka.surveys.builtin.install import install_builtin_instruments
from samverka.surveys.models import Response
from samverka.surveys.respond import respondent_texts
from samverka.surveys.rounds import selectors, services
from samverka.surveys.tests.factories import make_response
from tests.browser.conftest import PHONE, either

pytestmark = pytest.mark.browser

FIVE = ["sv", "ar", "so", "ti", "uk"]


def answer_every_page(page, language: str) -> None:
    """Tap the first answer of every visible question on every page, then send."""
    texts = respondent_texts.TEXTS[language]
    while page.get_by_role("button", name=texts["next"]).count():
        assert page.evaluate("document.documentElement.lang") == language
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        for group in page.locator("main fieldset").all():
            if group.is_visible():
                group.locator("label").first.click()
        page.get_by_role("button", name=texts["next"]).click()
        page.wait_for_load_state()
    page.get_by_role("button", name=texts["send"]).click()
    page.wait_for_load_state()


def test_round_in_five_languages_answered_in_arabic_and_somali_shows_results(
    browser, page, live_world, log_in, live_server, csp_reports
):
    world = live_world
    parent = install_builtin_instruments()["parent"]
    round_ = services.round_create(
        collaboration=world.kalmar,
        version=parent,
        title="Föräldraenkät hösten",
        opens_on=timezone.localdate(),
        closes_on=timezone.localdate() + timedelta(days=30),
        languages=FIVE,
        by=world.kalmar_ngo,
    )
    link = selectors.general_link(round_)

    for language, name in [("ar", "العربية"), ("so", "Soomaali")]:
        context = browser.new_context(viewport=PHONE, base_url=live_server.url)
        phone = context.new_page()
        phone.goto(f"/s/{link.code}/")
        expect(phone.get_by_role("button")).to_have_count(len(FIVE))
        phone.get_by_role("button", name=name).click()
        phone.wait_for_load_state()
        if language == "ar":
            assert phone.evaluate("document.documentElement.dir") == "rtl"
        answer_every_page(phone, language)
        expect(
            phone.get_by_role("link", name=respondent_texts.TEXTS[language]["start_new"])
        ).to_be_visible()
        context.close()
    submitted = Response.objects.filter(round=round_, submitted_at__isnull=False)
    assert sorted(submitted.values_list("language", flat=True)) == ["ar", "so"]
    assert all(r.answers.count() > 20 for r in submitted)

    # More parents answered in Swedish and English: five answers is the smallest group shown.
    first = parent.items.get(item_id="P-NET-01")
    for value, language in [("4", "sv"), ("5", "sv"), ("4", "sv"), ("3", "sv"), ("5", "sv")]:
        make_response(round_, {first.item_id: value}, language=language)
    for value in ["2", "4", "5"]:
        make_response(round_, {first.item_id: value}, language="en")

    log_in(world.kalmar_ngo)
    page.goto(f"/c/{world.kalmar.code}/surveys/rounds/{round_.code}/results/?by=language")
    expect(page.locator("canvas[data-survey-chart]").first).to_be_visible()
    page.wait_for_function(
        "() => window.Chart && Chart.getChart(document.querySelector('canvas[data-survey-chart]'))"
    )
    # Arabic and Somali (one answer each) and English (three) are never shown on their own.
    facts = page.locator(".results-facts, main dl").first.inner_text()
    assert "Svenska: 5" in facts or "Swedish: 5" in facts, facts
    assert "Arabiska:" not in facts and "Somaliska:" not in facts, facts
    expect(
        page.locator("main")
        .get_by_text(either("Övriga (små grupper tillsammans)", "Other (small groups together)"))
        .first
    ).to_be_visible()
    assert csp_reports == []
