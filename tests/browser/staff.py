"""Signing staff in to the admin in a real browser: password, then the second factor.

``enrol_staff(user)`` gives a staff account a confirmed email address and an authenticator app
with recovery codes (through allauth's own models) and returns the app's secret. ``sign_in``
goes through the one sign-in (``/admin/login/`` → allauth) and answers the second-factor step
with an unused recovery code: each works once and needs no waiting for the next 30-second
code, so a test may sign the same account in many times.
"""

from __future__ import annotations

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret


def enrol_staff(user) -> None:
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, generate_totp_secret())
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists():
        RecoveryCodes.activate(user)


def unused_recovery_code(user) -> str:
    codes = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    return RecoveryCodes(codes).get_unused_codes()[0]


def sign_in(page, user, password: str, *, next_path: str = "/admin/") -> None:
    """Sign ``user`` in; enrol them first with ``enrol_staff`` in a module fixture.

    Each browser test runs inside a transaction on the test's own connection, which the live
    server (another connection) cannot see and whose row locks it would wait on: accounts and
    their factors must be written outside it, as the module fixtures do.
    """
    page.goto(f"/admin/login/?next={next_path}")
    page.fill("#id_login", user.email)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    page.fill("#id_code", unused_recovery_code(user))
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    assert page.url.endswith(next_path), page.url
