"""End-to-end journeys on a phone-sized Chromium (390x844, sv-SE) against the live server.

Texts are matched in Swedish or English (`either`) so the journeys do not depend on how
complete the Swedish catalogue is; `test_language_switch` checks <html lang> and the
exact Swedish and English texts.
"""

import base64
import re
import time

import pytest
from django.conf import settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, either

pytestmark = pytest.mark.browser

HOME_HEADING = either("Mina samverkan", "My collaborations")
ALL_HEADING = either("Alla samverkan", "All collaborations")
CODE_LABEL = either("Kod", "Code")
LOG_OUT = either("Logga ut", "Log out")


def authenticator_code(key: bytes) -> str:
    """What an authenticator app shows now for a TOTP key (30 s steps, six digits)."""
    return f"{totp(key, step=30, t0=0, digits=6):06d}"


def no_horizontal_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide on a phone"


def submit(page) -> None:
    """Click the submit button of the page's main form and wait for the next page."""
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


def test_coordinator_sees_only_own_collaboration(page, live_world, log_in, shoot):
    world = live_world
    page.goto("/login/")
    shoot("login-sv")
    log_in(world.kalmar_ngo)
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_have_text(HOME_HEADING)

    # The secure session cookie works over http://localhost in Chromium.
    session_cookie = next(
        c for c in page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME
    )
    assert session_cookie["httpOnly"]
    assert session_cookie["secure"] == settings.SESSION_COOKIE_SECURE

    card = page.locator(f'a.card-link[href="/c/{world.kalmar.code}/"]')
    expect(card).to_have_count(1)
    expect(card.get_by_role("heading", level=2)).to_have_text(world.kalmar.name)
    expect(page.locator("a.card-link")).to_have_count(1)
    expect(page.get_by_text(world.boden.name)).to_have_count(0)
    shoot("home-sv")

    card.click()
    expect(page).to_have_url(re.compile(rf"/c/{world.kalmar.code}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(world.kalmar.name)
    shoot("collaboration-sv")

    response = page.goto(f"/c/{world.boden.code}/")
    assert response is not None
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile("hittades inte|Not found", re.IGNORECASE)
    )
    expect(page.get_by_text(world.boden.name)).to_have_count(0)


def test_language_switch(page, live_world, log_in, shoot):
    world = live_world
    log_in(world.kalmar_ngo)
    html = page.locator("html")
    language = page.locator("header select[name=language]")
    nav = page.get_by_role("navigation").first
    expect(html).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mina samverkan")
    expect(page.get_by_role("button", name="Logga ut")).to_be_visible()
    # With JavaScript the select submits itself; the no-JS "Byt" button is hidden.
    expect(page.get_by_role("button", name="Byt", include_hidden=True)).to_be_hidden()

    with page.expect_navigation():
        language.select_option("en")
    expect(html).to_have_attribute("lang", "en")
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("My collaborations")
    expect(nav.get_by_role("link", name="My account")).to_be_visible()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    expect(language).to_have_value("en")

    page.goto(f"/c/{world.kalmar.code}/")
    expect(html).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=2, name="Phase")).to_be_visible()
    shoot("collaboration-en")

    with page.expect_navigation():
        language.select_option("sv")
    expect(html).to_have_attribute("lang", "sv")
    expect(page).to_have_url(re.compile(rf"/c/{world.kalmar.code}/$"))
    expect(page.get_by_role("heading", level=2, name="Fas")).to_be_visible()
    expect(nav.get_by_role("link", name="Mitt konto")).to_be_visible()
    expect(language).to_have_value("sv")


def test_two_factor_setup_then_login_with_backup_code(page, live_world, log_in, shoot):
    user = live_world.kalmar_ngo
    log_in(user)
    page.goto("/account/two-factor/")
    expect(page.locator(".qr svg")).to_be_visible()
    secret = page.get_by_test_id("totp-secret").inner_text()
    shoot("two-factor-setup-sv")
    key = base64.b32decode(re.sub(r"\s+", "", secret))

    page.get_by_label(CODE_LABEL).fill(authenticator_code(key))
    submit(page)
    codes = page.get_by_test_id("backup-codes").locator("li")
    expect(codes.first).to_be_visible()
    backup_codes = [code.strip() for code in codes.all_inner_texts()]
    assert len(backup_codes) >= 5
    assert len(set(backup_codes)) == len(backup_codes)
    shoot("backup-codes-sv")

    with page.expect_navigation():
        page.get_by_role("button", name=LOG_OUT).click()
    expect(page).to_have_url(re.compile(r"/login/$"))

    # The second login needs the second factor. A backup code avoids waiting for the
    # next 30-second step (django-otp refuses a TOTP step that was already used).
    log_in(user)
    expect(page).to_have_url(re.compile(r"/login/verify/"))
    page.get_by_label(CODE_LABEL).fill(backup_codes[0])
    submit(page)
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(HOME_HEADING)


def test_national_lead_verifies_and_sees_everything(page, live_world, log_in, shoot):
    world = live_world
    key = TOTPDevice.objects.get(user=world.nationell).bin_key
    log_in(world.nationell)
    expect(page).to_have_url(re.compile(r"/login/verify/"))
    shoot("verify-sv")
    page.get_by_label(CODE_LABEL).fill(authenticator_code(key))
    submit(page)
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(ALL_HEADING)
    for collaboration in (world.kalmar, world.boden):
        card = page.locator(f'a.card-link[href="/c/{collaboration.code}/"]')
        expect(card).to_have_count(1)
        expect(card.get_by_role("heading", level=2)).to_have_text(collaboration.name)
    shoot("home-national-sv")

    # People search narrows the list as one types (htmx), without leaving the page.
    page.goto("/national/people/")
    rows = page.locator("#people li")
    expect(rows.filter(has_text="boden.ngo")).to_have_count(1)
    page.get_by_label(either("Sök", "Search")).fill("kalmar.le")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("kalmar.ledare")
    expect(page).to_have_url(re.compile(r"/national/people/\?q=kalmar\.le"))


def test_phone_layout_and_labels(page, live_world, log_in):
    page.goto("/login/")
    fields = page.locator("main").locator("input:not([type=hidden]), select, textarea")
    assert fields.count() >= 2
    for index in range(fields.count()):
        field = fields.nth(index)
        name = field.get_attribute("name")
        label = page.locator(f'label[for="{field.get_attribute("id")}"]')
        expect(label, f"label for {name}").to_have_count(1)
        expect(page.get_by_label(label.inner_text(), exact=True)).to_have_attribute("name", name)
    expect(page.get_by_label(either("Användarnamn", "Username"))).to_have_attribute(
        "name", "username"
    )
    expect(page.get_by_label(either("Lösenord", "Password"))).to_have_attribute("name", "password")
    expect(page.get_by_label(either("Språk", "Language"))).to_have_attribute("name", "language")
    no_horizontal_scroll(page)

    log_in(live_world.kalmar_ngo)
    expect(page.get_by_role("heading", level=1)).to_have_text(HOME_HEADING)
    no_horizontal_scroll(page)
    for path in (f"/c/{live_world.kalmar.code}/", "/account/", "/account/two-factor/"):
        page.goto(path)
        no_horizontal_scroll(page)


def test_no_content_security_policy_violations(page, live_world, log_in, csp_reports):
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.on("pageerror", lambda error: console.append(f"page error: {error}"))

    page.goto("/login/")
    log_in(live_world.kalmar_ngo)
    for path in (
        f"/c/{live_world.kalmar.code}/",
        f"/c/{live_world.kalmar.code}/members/",
        "/account/",
        "/account/two-factor/",
        f"/c/{live_world.boden.code}/",  # the 404 page
    ):
        page.goto(path)
    # samverka.js ran (it is the only script allowed besides htmx).
    assert page.evaluate("document.documentElement.classList.contains('js')")
    page.wait_for_timeout(100)
    assert csp_reports == []
    assert [m for m in console if "Content Security Policy" in m or "page error" in m] == []

    # Control: the same listeners do see a violation (an inline <style> is not allowed).
    page.evaluate("document.head.insertAdjacentHTML('beforeend', '<style>p{}</style>')")
    deadline = time.monotonic() + 3
    while not csp_reports and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    assert csp_reports, "the CSP listener saw nothing, so the check above proves nothing"
    assert any("Content Security Policy" in m for m in console)
