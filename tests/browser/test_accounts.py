"""Resident account pages in a real browser: axe-core and the Nu Html Checker on every account
page (with and without errors) in English and Urdu, and signing in by keyboard alone."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from tests.browser.audit import axe_violations, fetch, format_violations, validate_html

LANGUAGES = ("en", "ur")
PASSWORD = "a-long-browser-test-passphrase"

SIGNED_OUT_PAGES = [
    "/{lang}/accounts/login/",
    "/{lang}/accounts/signup/",
    "/{lang}/accounts/password/reset/",
    "/{lang}/accounts/login/code/",
]
SIGNED_IN_PAGES = [
    "/{lang}/accounts/profile/",
    "/{lang}/accounts/email/",
    "/{lang}/accounts/password/change/",
    "/{lang}/accounts/delete/",
]


@pytest.fixture(scope="module")
def resident(demo_site):
    user, _created = get_user_model().objects.get_or_create(
        username="browser-resident", defaults={"email": "browser.resident@example.org"}
    )
    user.set_password(PASSWORD)
    user.save()
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


def _sign_in(page, lang, user):
    page.goto(f"/{lang}/accounts/login/")
    page.fill("#id_login", user.email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(f"**/{lang}/accounts/profile/")


def _audit(page, paths, failures, documents):
    for path in paths:
        response = page.goto(path)
        direction = "rtl" if path.startswith("/ur/") else "ltr"
        if response.status != 200:
            failures.append(f"{path}: status {response.status}")
            continue
        if page.locator("html").get_attribute("dir") != direction:
            failures.append(f"{path}: dir is not {direction}")
        if page.locator("h1").count() != 1:
            failures.append(f"{path}: not exactly one h1")
        violations = axe_violations(page)
        if violations:
            failures.append(format_violations(violations, path))
        documents[path] = fetch(page, path)[1]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_account_pages_have_no_axe_violations_and_valid_html(page, resident, lang):
    failures, documents = [], {}
    _audit(page, [p.format(lang=lang) for p in SIGNED_OUT_PAGES], failures, documents)

    # The same forms showing their errors: error summary and messages beside the fields.
    for path in (f"/{lang}/accounts/signup/", f"/{lang}/accounts/login/"):
        page.goto(path)
        page.locator("main form button[type=submit]").first.click()
        page.wait_for_selector(".govuk-error-summary")
        violations = axe_violations(page)
        if violations:
            failures.append(format_violations(violations, f"{path} with errors"))
        documents[f"{path} with errors"] = page.content()

    _sign_in(page, lang, resident)
    _audit(page, [p.format(lang=lang) for p in SIGNED_IN_PAGES], failures, documents)
    assert not failures, "\n".join(failures)
    validate_html(documents)


def test_sign_in_by_keyboard_alone(page, resident):
    page.goto("/en/accounts/login/")
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.className").startswith("govuk-skip-link")
    page.keyboard.press("Enter")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_login":
            break
    else:
        pytest.fail("The email field cannot be reached with the Tab key")
    page.keyboard.type(resident.email)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_password"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/accounts/profile/")
    assert "browser.resident@example.org" in page.locator("main").inner_text()


def test_error_summary_links_move_to_the_field(page, demo_site):
    page.goto("/ur/accounts/signup/")
    page.locator("main form button[type=submit]").first.click()
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    assert "ایک مسئلہ ہے" in summary.inner_text()  # "There is a problem"
    summary.locator("a[href='#id_email']").click()
    assert page.evaluate("document.activeElement.id") == "id_email"
