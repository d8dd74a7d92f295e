"""Helpers for the staff sign-in tests: accounts, and the code an authenticator app would show."""

import re

from allauth.account.models import EmailAddress
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.contrib.auth import get_user_model

PASSWORD = "correct horse battery staple"  # noqa: S105 (test accounts only)
LOGIN_URL = "/en/accounts/login/"


def make_account(email: str, *, superuser: bool = False, staff: bool = False):
    user = get_user_model().objects.create_user(
        username=email.split("@")[0], email=email, password=PASSWORD
    )
    user.is_superuser = superuser
    user.is_staff = staff or superuser
    user.save()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def app_code(secret: str) -> str:
    """The 6-digit code an authenticator app shows now for ``secret``."""
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def enrolled_secret(user) -> str:
    totp = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    return get_mfa_adapter().decrypt(totp.data["secret"])


def secret_on_page(html: str) -> str:
    match = re.search(r'<code class="portal-secret"[^>]*>([A-Z2-7]+)</code>', html)
    assert match, "the set-up page shows the key to type in"
    return match.group(1)


def sign_in(client, email: str, password: str = PASSWORD, *, next_url: str = "/admin/", **extra):
    return client.post(
        f"{LOGIN_URL}?next={next_url}", {"login": email, "password": password}, **extra
    )
