"""A researcher codes text selections in transcripts (mouse, keyboard, right to left) on a
phone and exports the project as REFI-QDA."""

import re
import zipfile

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from samverka.research.sources.models import Coding
from samverka.research.tests.conftest import TRANSCRIPT, add_source, code, include, new_project
from tests.browser.test_journeys import CODE_LABEL, authenticator_code

pytestmark = pytest.mark.browser

ARABIC = "قالت الأم إن العائلة تثق بالمدرسة الآن.\nالأطفال يلعبون معاً في النادي."


@pytest.fixture
def research(live_world):
    world = live_world
    project = new_project(world)
    include(project, world.kalmar, by=world.forskare, approver=world.kalmar_ngo)
    swedish = add_source(project, world.kalmar, by=world.forskare)
    arabic = add_source(project, world.kalmar, name="Intervju på arabiska", text=ARABIC)
    arabic.direction = "rtl"
    arabic.save()
    return project, swedish, arabic


def log_in_researcher(page, world, log_in):
    key = TOTPDevice.objects.get(user=world.forskare).bin_key
    log_in(world.forskare)
    page.get_by_label(CODE_LABEL).fill(authenticator_code(key))
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/$"))


def double_click_word(page, word):
    """Double-click the word in the source text, as a person with a mouse would."""
    box = page.evaluate(
        """(word) => {
            const container = document.getElementById("source-text");
            const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const node = walker.currentNode, at = node.data.indexOf(word);
                if (at < 0) continue;
                node.parentElement.scrollIntoView({block: "center"});
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + word.length);
                const r = range.getBoundingClientRect();
                return {x: r.left + r.width / 2, y: r.top + r.height / 2};
            }
            return null;
        }""",
        word,
    )
    assert box is not None, word
    page.mouse.dblclick(box["x"], box["y"])


def code_selection(page, code):
    page.locator("#id_code").select_option(value=str(code.pk))
    with page.expect_navigation():
        page.locator("[data-coding-form] button[type=submit]").first.click()


def test_a_researcher_codes_selections_and_exports_the_project(
    page, live_world, research, log_in, shoot, csp_reports
):
    project, swedish, arabic = research
    log_in_researcher(page, live_world, log_in)
    page.goto(reverse("research:project", args=[project.code]))
    with page.expect_navigation():
        page.get_by_role("navigation", name="Projektet").get_by_role("link", name="Källor").click()
    with page.expect_navigation():
        page.get_by_role("link", name=swedish.name).click()
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))

    # Mouse: a double click selects a word; the form gets its offsets.
    double_click_word(page, "biblioteket")
    expect(page.locator("[data-selection-preview]")).to_contain_text("biblioteket")
    shoot("research-source-selected")
    code_selection(page, code(project, "operational-relationships"))
    coding = Coding.objects.get(source=swedish)
    assert coding.excerpt == "biblioteket"
    assert (coding.start, coding.end) == (
        TRANSCRIPT.index("biblioteket"),
        TRANSCRIPT.index("biblioteket") + len("biblioteket"),
    )
    expect(page.locator("mark.coded").first).to_have_text("biblioteket")

    # Keyboard: a line gets focus, Enter selects it, Enter on the next line widens it.
    lines = page.locator("#source-text .line")
    lines.nth(2).focus()
    page.keyboard.press("Enter")
    lines.nth(3).focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Control+Enter")
    expect(page.locator("#id_code")).to_be_focused()
    code_selection(page, code(project, "value-emotional"))
    keyboard = Coding.objects.get(source=swedish, code__builtin_key="value-emotional")
    expected = "\n".join(TRANSCRIPT.split("\n")[2:4])
    assert keyboard.excerpt == expected
    shoot("research-source-coded")

    # Right to left: the Arabic transcript reads right to left and a word is coded exactly.
    page.goto(reverse("research:source", args=[project.code, arabic.code]))
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))
    expect(page.locator("#source-text")).to_have_attribute("dir", "rtl")
    double_click_word(page, "بالمدرسة")
    code_selection(page, code(project, "value-social"))
    rtl = Coding.objects.get(source=arabic)
    assert rtl.excerpt == "بالمدرسة"
    shoot("research-source-rtl")

    # The project goes out as REFI-QDA.
    page.goto(reverse("research:exchange", args=[project.code]))
    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile("Ladda ner projektet")).click()
    archive = zipfile.ZipFile(info.value.path())
    qde = archive.read("project.qde").decode()
    assert f'startPosition="{coding.start}"' in qde
    assert len([n for n in archive.namelist() if n.startswith("sources/")]) == 2
    assert csp_reports == []


def test_without_javascript_a_pasted_passage_is_coded(browser, live_server, live_world, research):
    project, swedish, _ = research
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        locale="sv-SE",
        base_url=live_server.url,
        java_script_enabled=False,
    )
    page = context.new_page()
    from tests.browser.conftest import either

    page.goto("/login/")
    page.get_by_label(either("Användarnamn", "Username")).fill(live_world.forskare.username)
    from conftest import PASSWORD

    page.get_by_label(either("Lösenord", "Password")).fill(PASSWORD)
    page.locator("main").get_by_role("button", name=either("Logga in", "Log in")).click()
    key = TOTPDevice.objects.get(user=live_world.forskare).bin_key
    page.get_by_label(CODE_LABEL).fill(authenticator_code(key))
    page.locator("main form button[type=submit]").click()
    page.goto(reverse("research:source", args=[project.code, swedish.code]))
    page.locator("#id_quote").fill("de kände sig sedda")
    page.locator("#id_code").select_option(value=str(code(project, "value-emotional").pk))
    page.locator("[data-coding-form] button[type=submit]").first.click()
    coding = Coding.objects.get(source=swedish)
    assert coding.excerpt == "de kände sig sedda"
    context.close()
