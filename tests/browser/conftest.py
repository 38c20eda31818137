"""Browser fixtures: Debian's Chromium driven by Playwright against pytest-django's live server.

Never run `playwright install`: the browser is /usr/bin/chromium (see TOOLING.md).
"""

import contextlib
import os
import re
from pathlib import Path

import pytest
from django.db import connections
from django.test import override_settings

# Playwright's sync API runs an asyncio event loop in this thread; Django's ORM would
# otherwise refuse to run in the test code (SynchronousOnlyOperation).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from playwright.sync_api import sync_playwright

from conftest import PASSWORD

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 390, "height": 844}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def either(swedish: str, english: str) -> re.Pattern:
    """Whole text in Swedish or English (a label's trailing colon allowed)."""
    return re.compile(rf"^\s*({re.escape(swedish)}|{re.escape(english)}):?\s*$")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"_browser_report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        # Between its calls Playwright marks an asyncio loop as running in this thread, so
        # Django's thread-critical connection handler hands the test code connections of
        # their own, which nothing else closes. (No-op for SQLite's in-memory database.)
        connections.close_all()
        browser.close()


@pytest.fixture(scope="session")
def _live_server_over_plain_http():
    """Settings the live server must see when it starts, not just during each test.

    Django's SecurityMiddleware reads SECURE_SSL_REDIRECT once, when the server thread
    builds its middleware chain. pytest-django starts the session-scoped live server
    before the root conftest's autouse `settings` override runs, so the server would
    answer every request with a redirect to https:// (Chromium: ERR_SSL_PROTOCOL_ERROR).
    """
    with override_settings(SECURE_SSL_REDIRECT=False):
        yield


@pytest.fixture(scope="session")
def live_server(_live_server_over_plain_http, live_server):
    """pytest-django's live server, started with plain-HTTP settings (see above)."""
    return live_server


@pytest.fixture
def live_world(live_server, _migration_data, world):
    """The shared `world` personas, committed so the live server's thread sees them.

    Requesting `live_server` makes pytest-django's `db` (used by `world`) transactional.
    """
    return world


@pytest.fixture
def page(browser, live_server, request):
    """A phone-sized page in Swedish; a screenshot lands in test-artifacts/ on failure."""
    context = browser.new_context(viewport=PHONE, locale="sv-SE", base_url=live_server.url)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    report = getattr(request.node, "_browser_report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)
        # A screenshot must never hide the real failure.
        with contextlib.suppress(Exception):
            page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    context.close()


@pytest.fixture
def shoot(page):
    """`shoot("name")` saves a phone-size screenshot when BROWSER_SHOTS names a folder.

    BROWSER_SHOTS=/tmp/shots .venv/bin/python -m pytest tests/browser
    """
    folder = os.environ.get("BROWSER_SHOTS")

    def _shoot(name: str) -> None:
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)

    return _shoot


@pytest.fixture
def csp_reports(page):
    """Every `securitypolicyviolation` event of the pages loaded after this fixture.

    Reported through a Playwright binding, which the page's own CSP cannot block.
    """
    reports: list[str] = []
    page.context.expose_binding(
        "samverkaTestCspViolation", lambda source, text: reports.append(text)
    )
    page.context.add_init_script(
        "document.addEventListener('securitypolicyviolation', (event) =>"
        " window.samverkaTestCspViolation("
        "`${document.location.pathname}: ${event.violatedDirective} ${event.blockedURI}`));"
    )
    return reports


@pytest.fixture
def log_in(page):
    """Fill in the login form as a person; returns the page after submitting."""

    def _log_in(user, password=PASSWORD):
        page.goto("/login/")
        page.get_by_label(either("Användarnamn", "Username")).fill(user.username)
        page.get_by_label(either("Lösenord", "Password")).fill(password)
        with page.expect_navigation():
            page.locator("main").get_by_role("button", name=either("Logga in", "Log in")).click()
        return page

    return _log_in
