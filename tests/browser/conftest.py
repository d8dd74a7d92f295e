"""Browser tests: the whole demo site served to real Chromium (Playwright, sync API).

Run them on their own (``pytest tests/browser``, ``make browser``): the demo content is loaded
once into the test database and committed, so it must not share a session with the unit tests.

Fixtures:

* ``demo_site`` (session): the test database with ``load_demo_content --responses 20``.
* ``site_url`` (session): base URL of a live server (a Django ``LiveServerThread`` serving
  static files) over that database, e.g. ``http://localhost:41234``.
* ``browser`` (session) and ``page`` (function; a fresh context at 1280x900, English).

Every page a test opens is watched for Content-Security-Policy violations (the browser reports
each one as a ``securitypolicyviolation`` event); a test that caused any fails at teardown.

pytest-django's ``live_server`` fixture is not used: it makes every test that uses it
transactional, which flushes the database (and with it the demo content) after each test.
Instead the database stays unblocked for the whole session, so tests may also read it directly.
"""

import os

import pytest
from django.core.management import call_command
from playwright.sync_api import sync_playwright
from pytest_django.live_server_helper import LiveServer
from wagtail.signal_handlers import disable_reference_index_auto_update

# Playwright's sync API runs an event loop in the main thread; Django would otherwise refuse
# ORM calls made from tests (they are synchronous, the loop only drives the browser).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 375, "height": 812}


def pytest_collection_modifyitems(config, items):
    browser_dir = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(browser_dir):
            item.add_marker(pytest.mark.browser)
            # pytest-django creates test databases only for the aliases that collected tests
            # ask for through this mark; without it the demo would load into the real database.
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="session")
def demo_site(django_db_setup, django_db_blocker):
    """Load the demo content once and keep database access open for the whole session.

    Wagtail's reference index (the admin's "usage" counts) is not kept up to date while the
    demo loads: it is a fifth of the load time and no browser test reads it.
    """
    with django_db_blocker.unblock():
        with disable_reference_index_auto_update(), open(os.devnull, "w") as devnull:
            call_command("load_demo_content", "--responses", "20", stdout=devnull)
        yield


@pytest.fixture(scope="session")
def site_url(demo_site):
    from django.db import connections
    from django.test.utils import modify_settings

    # The server answers each request in its own thread; a persistent connection would outlive
    # the thread's request and keep the test database from being dropped at the end.
    for alias in connections:
        connections.settings[alias]["CONN_MAX_AGE"] = 0
    server = LiveServer("localhost")
    with modify_settings(ALLOWED_HOSTS={"append": "localhost"}):
        yield server.url
    server.stop()


@pytest.fixture(scope="session")
def playwright_instance():
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance):
    browser = playwright_instance.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


# Runs in every document before its own scripts: reports each CSP violation to the test.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} on ${location.pathname}`
  );
});
"""


def watched_context(browser, **options):
    """A browser context whose pages report CSP violations into ``context.csp_violations``."""
    context = browser.new_context(**options)
    context.csp_violations = []
    violations = context.csp_violations

    def report(text: str) -> None:  # Playwright calls back a Python function, not a builtin
        violations.append(text)

    context.expose_function("reportCspViolation", report)
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    context.set_default_timeout(15_000)
    return context


def close_checking_csp(context):
    violations = list(context.csp_violations)
    context.close()
    assert violations == [], "Content-Security-Policy violations: " + "; ".join(violations)


@pytest.fixture
def page(browser, site_url):
    """A fresh browser context (no cookies) at desktop size, with a short default timeout."""
    context = watched_context(browser, viewport=DESKTOP, base_url=site_url, locale="en-GB")
    page = context.new_page()
    yield page
    close_checking_csp(context)


@pytest.fixture
def mobile_page(browser, site_url):
    context = watched_context(
        browser,
        viewport=MOBILE,
        base_url=site_url,
        locale="en-GB",
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    yield page
    close_checking_csp(context)
