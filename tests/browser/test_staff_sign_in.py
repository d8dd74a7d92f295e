"""The staff sign-in and second-factor pages in a real browser, in English and Urdu: axe-core
and the Nu Html Checker on the staff sign-in, setting up an authenticator app (and its error),
entering a code (and its error), the recovery codes, two-step settings and adding a passkey.
The whole first sign-in is done as a new staff member would: scan (read) the key, type a code.
"""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from portal.roles import COMMS_EDITORS
from tests.browser import staff
from tests.browser.audit import axe_violations, format_violations, validate_html

PASSWORD = "a-long-browser-test-passphrase"
LANGUAGES = ("en", "ur")


def _new_staff_member(lang: str):
    user, _created = get_user_model().objects.get_or_create(
        username=f"browser-new-staff-{lang}", defaults={"email": f"new.staff.{lang}@example.org"}
    )
    user.set_password(PASSWORD)
    user.save()
    user.groups.set([Group.objects.get(name=COMMS_EDITORS)])
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


def _check(page, name, failures, documents, lang):
    direction = "rtl" if lang == "ur" else "ltr"
    if page.locator("html").get_attribute("dir") != direction:
        failures.append(f"{name}: dir is not {direction}")
    if page.locator("h1").count() != 1:
        failures.append(f"{name}: not exactly one h1")
    violations = axe_violations(page)
    if violations:
        failures.append(format_violations(violations, name))
    documents[name] = page.content()


def _submit(page):
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()


def _code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


@pytest.fixture(scope="module")
def new_staff(demo_site):
    """One new staff member per language, made outside the tests' transactions so that the live
    server (another database connection) can sign them in."""
    return {lang: _new_staff_member(lang) for lang in LANGUAGES}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_staff_sign_in_and_second_factor_pages_are_accessible_and_valid(page, new_staff, lang):
    user = new_staff[lang]
    failures, documents = [], {}

    page.goto("/admin/")
    page.goto(page.url.replace("/en/", f"/{lang}/"))
    assert "/accounts/login/" in page.url and "next=%2Fadmin%2F" in page.url
    _check(page, f"{lang} staff sign-in", failures, documents, lang)

    page.fill("#id_login", user.email)
    page.fill("#id_password", PASSWORD)
    _submit(page)
    page.goto(f"/{lang}/accounts/2fa/totp/activate/")
    _check(page, f"{lang} set up app", failures, documents, lang)
    secret = re.search(r'class="portal-secret"[^>]*>([A-Z2-7]+)<', page.content()).group(1)

    page.fill("#id_code", "000000")
    _submit(page)
    page.wait_for_selector(".govuk-error-summary")
    _check(page, f"{lang} set up app with error", failures, documents, lang)

    page.fill("#id_code", _code(secret))
    _submit(page)
    assert "/accounts/2fa/recovery-codes/" in page.url, page.url
    _check(page, f"{lang} recovery codes", failures, documents, lang)

    for path, name in (
        (f"/{lang}/accounts/2fa/", "two-step settings"),
        (f"/{lang}/accounts/2fa/webauthn/add/", "add a passkey"),
    ):
        page.goto(path)
        _check(page, f"{lang} {name}", failures, documents, lang)

    page.goto("/admin/")
    assert page.url.endswith("/admin/"), "the admin opens once the factor is set up"

    # Signing in again: the code step, with and without an error.
    page.context.clear_cookies()
    page.goto(f"/{lang}/accounts/login/?next=/admin/")
    page.fill("#id_login", user.email)
    page.fill("#id_password", PASSWORD)
    _submit(page)
    assert "/accounts/2fa/authenticate/" in page.url, page.url
    _check(page, f"{lang} enter code", failures, documents, lang)
    page.fill("#id_code", "000000")
    _submit(page)
    page.wait_for_selector(".govuk-error-summary")
    _check(page, f"{lang} enter code with error", failures, documents, lang)
    page.fill("#id_code", staff.unused_recovery_code(user))
    _submit(page)
    assert page.url.endswith("/admin/"), page.url

    assert not failures, "\n".join(failures)
    validate_html(documents)
