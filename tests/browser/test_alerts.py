"""Alerts pages in a real browser: axe-core and the Nu Html Checker on the subscribe (with and
without errors), check-your-email, confirm, manage, stop and stopped pages in English and Urdu;
and the alert emails' HTML through the checker."""

import pytest

from portal.alerts import emails, services, tokens
from portal.alerts.models import AlertItem
from tests.browser.audit import axe_violations, fetch, format_violations, validate_html

LANGUAGES = ("en", "ur")


@pytest.fixture(scope="module")
def subscriber(demo_site):
    record, _ = services.request_subscription(
        email="browser.alerts@example.org",
        topics=["updates:repairs"],
        language="en",
        frequency="immediate",
        consent_text="Consent",
        consent_language="en",
    )
    return services.confirm(subscriber=record)


def _audit(page, path, failures, documents, name=None):
    direction = "rtl" if path.startswith("/ur/") else "ltr"
    response = page.goto(path)
    if response.status != 200:
        failures.append(f"{path}: status {response.status}")
        return
    if page.locator("html").get_attribute("dir") != direction:
        failures.append(f"{path}: dir is not {direction}")
    if page.locator("h1").count() != 1:
        failures.append(f"{path}: not exactly one h1")
    violations = axe_violations(page)
    if violations:
        failures.append(format_violations(violations, path))
    documents[name or path] = fetch(page, path)[1]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_alerts_pages_have_no_axe_violations_and_valid_html(page, subscriber, lang):
    failures, documents = [], {}
    paths = [
        f"/{lang}/alerts/",
        f"/{lang}/alerts/check-your-email/",
        f"/{lang}/alerts/confirm/{tokens.make_token(subscriber, tokens.CONFIRM)}/",
        f"/{lang}/alerts/manage/{tokens.make_token(subscriber, tokens.MANAGE)}/",
        f"/{lang}/alerts/stop/{tokens.make_token(subscriber, tokens.UNSUBSCRIBE)}/",
        f"/{lang}/alerts/stopped/",
    ]
    for path in paths:
        _audit(page, path, failures, documents)
    page.goto(f"/{lang}/alerts/")
    page.locator("main form button[type=submit]").click()
    page.wait_for_selector(".govuk-error-summary")
    violations = axe_violations(page)
    if violations:
        failures.append(format_violations(violations, f"/{lang}/alerts/ with errors"))
    documents[f"/{lang}/alerts/ with errors"] = page.content()
    assert not failures, "\n".join(failures)
    validate_html(documents)


def test_subscribe_by_keyboard_without_javascript_needs(page, demo_site):
    page.goto("/ur/alerts/")
    page.focus("#id_email")
    page.keyboard.type("keyboard.alerts@example.org")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # the first topic
    page.locator("main form button[type=submit]").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/ur/alerts/check-your-email/")
    assert page.locator("html").get_attribute("dir") == "rtl"


def test_alert_and_digest_emails_are_valid_html(demo_site):
    from news.models import UpdatePage

    page = UpdatePage.objects.live().filter(locale__language_code="en").first()
    item = AlertItem.objects.create(
        key="browser:test",
        source="news.updates",
        reason="published",
        topics=[],
        page=page,
        title=page.title,
    )
    documents = {}
    for lang in LANGUAGES:
        alert = emails.render_alert(item, lang)
        digest = emails.render_digest([item], lang)
        if alert is not None:
            documents[f"alert email ({lang})"] = alert.html.replace("\x00", "")
        if digest is not None:
            documents[f"digest email ({lang})"] = digest.html.replace("\x00", "")
    assert documents
    validate_html(documents)
