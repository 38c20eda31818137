"""A parent answers a survey in Arabic on a phone: right to left, light pages, no login."""

import pytest
from playwright.sync_api import expect

from samverka.surveys.models import Response
from samverka.surveys.tests.factories import make_round
from tests.browser.conftest import PHONE

pytestmark = pytest.mark.browser

PAGE_LIMIT = 50_000


class Traffic:
    """Bytes of every response the browser receives, per page load."""

    def __init__(self, page):
        self.loads: list[tuple[str, int, list[str]]] = []
        self._responses = []
        page.on("response", lambda response: self._responses.append(response))

    @staticmethod
    def _size(response) -> int:
        """Bytes of the body over the wire: Content-Length when sent (it always is here, and
        it stays readable after a navigation, unlike the body of a late response)."""
        length = response.headers.get("content-length")
        return int(length) if length is not None else len(response.body())

    def mark(self, name: str) -> None:
        """Count what arrived since the last mark (call once the page has loaded)."""
        total, urls = 0, []
        for response in self._responses:
            if 300 <= response.status < 400:
                continue  # a redirect has no body
            total += self._size(response)
            urls.append(response.url)
        self.loads.append((name, total, urls))
        self._responses.clear()


def test_parent_answers_in_arabic_on_a_phone(page, live_world, shoot, csp_reports):
    round_ = make_round(live_world.kalmar, languages=("sv", "en", "ar"))
    link = round_.links.get()
    traffic = Traffic(page)

    page.goto(f"/s/{link.code}/")
    traffic.mark("language choice")
    expect(page.get_by_role("button", name="العربية")).to_be_visible()
    shoot("survey-language-choice")
    page.get_by_role("button", name="العربية").click()

    # Page 1: scale, faces, yes/no and a choice that depends on the yes/no.
    expect(page.get_by_text("الصفحة 1 من 2")).to_be_visible()
    traffic.mark("page 1")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "ar"
    hours = page.get_by_role("group", name="كم ساعة؟")
    expect(hours).to_be_hidden()  # respond.js hides it until "yes" is chosen
    page.get_by_role("group", name="لدي أصدقاء هنا.").get_by_text("صحيح إلى حد كبير").click()
    page.get_by_role("group", name="أنا سعيد.").get_by_text("صحيح تماماً").click()
    page.get_by_text("نعم", exact=True).click()
    expect(hours).to_be_visible()
    hours.get_by_text("دوام كامل").click()
    # The Next button sits on the left in right-to-left layout.
    next_box = page.get_by_role("button", name="التالي").bounding_box()
    back_box = page.get_by_role("button", name="رجوع").bounding_box()
    assert next_box["x"] < back_box["x"]
    assert next_box["height"] >= 48
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shoot("survey-page-1-ar")
    page.get_by_role("button", name="التالي").click()

    # Page 2: multiple choice, a number and a short text.
    expect(page.get_by_text("الصفحة 2 من 2")).to_be_visible()
    traffic.mark("page 2")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    page.get_by_text("المدرسة").click()
    page.get_by_text("المكتبة").click()
    page.get_by_label("كم عمرك؟").fill("34")
    page.get_by_label("شيء آخر؟").fill("شكراً")
    shoot("survey-page-2-ar")
    page.get_by_role("button", name="التالي").click()

    expect(page.get_by_role("heading", name="جاهز للإرسال")).to_be_visible()
    traffic.mark("send")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    expect(page.get_by_text("أجبت على 7 من أصل 7 أسئلة.")).to_be_visible()
    shoot("survey-send-ar")
    page.get_by_role("button", name="إرسال الإجابات").click()

    expect(page.get_by_role("heading", name="شكراً لك!")).to_be_visible()
    traffic.mark("thank you")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    expect(page.get_by_role("link", name="بدء إجابة جديدة")).to_be_visible()
    shoot("survey-thank-you-ar")

    response = Response.objects.get()
    assert response.submitted_at is not None
    assert response.language == "ar"
    assert response.answers.count() == 8
    assert response.age_band == "18-64"
    print("\nbytes per page load:", {name: size for name, size, _ in traffic.loads})
    for name, size, urls in traffic.loads:
        assert any("/s/" in url for url in urls), (name, urls)
        assert 0 < size < PAGE_LIMIT, (name, size, urls)
    assert csp_reports == []


def test_the_survey_works_without_javascript(browser, live_server, live_world):
    round_ = make_round(live_world.kalmar, languages=("sv", "en", "ar"))
    link = round_.links.get()
    context = browser.new_context(
        viewport=PHONE, locale="sv-SE", base_url=live_server.url, java_script_enabled=False
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        page.goto(f"/s/{link.code}/")
        page.get_by_role("button", name="English").click()
        expect(page.get_by_text("Page 1 of 2")).to_be_visible()
        # Without JavaScript the dependent question stays visible, with a note.
        expect(page.get_by_text("Answer only if you chose “Yes” above.")).to_be_visible()
        page.get_by_role("group", name="I have friends here.").get_by_text("Mostly true").click()
        page.get_by_text("No", exact=True).click()
        page.get_by_role("group", name="How many hours?").get_by_text("Part time").click()
        page.get_by_role("button", name="Next").click()
        page.get_by_label("How old are you?").fill("200")
        page.get_by_role("button", name="Next").click()
        expect(page.get_by_text("Write a number from 0 to 120.").first).to_be_visible()
        page.get_by_label("How old are you?").fill("41")
        page.get_by_role("button", name="Next").click()
        page.get_by_role("button", name="Send answers").click()
        expect(page.get_by_role("heading", name="Thank you!")).to_be_visible()
    finally:
        context.close()
    response = Response.objects.get()
    assert response.submitted_at is not None
    assert set(response.answers.values_list("item__item_id", flat=True)) == {
        "T-NET-01",
        "T-NET-03",
        "T-ABT-02",
    }
