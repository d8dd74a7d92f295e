"""Sign-in limits through the real views: per account and per client IP, refused with 429."""

import time

import pytest
from django.test import Client, override_settings

from portal import audit
from portal.models import AuditEvent
from portal.settings import base
from tests.portal.staff_helpers import PASSWORD, make_account, sign_in

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"


@pytest.fixture(autouse=True)
def limits_on():
    """The production limits (the test settings turn them off for every other test).

    The counts start empty: tests/conftest.py clears this run's cache keys before each test (a
    ``cache.clear()`` here would empty the whole shared Redis, under the other suites' feet).
    """
    with override_settings(ACCOUNT_RATE_LIMITS=base.ACCOUNT_RATE_LIMITS):
        yield


def test_thirty_wrong_admin_passwords_are_refused_and_then_so_is_the_right_one(home_page):
    admin = make_account("admin@council.example", superuser=True)
    client = Client()
    statuses = [sign_in(client, admin.email, "wrong password").status_code for _ in range(30)]
    assert statuses[:5] == [200] * 5, "the first wrong passwords are ordinary failures"
    assert statuses[5:] == [429] * 25

    right = sign_in(client, admin.email)
    assert right.status_code == 429
    # Past 30 posts a minute the address limit answers first (the 429 page); before it, the
    # account's limit (the form says so): either way, "Too many attempts".
    assert "Too many attempts" in right.content.decode()
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(user=admin, action=audit.Action.SIGN_IN_FAILED).count() == 5
    assert AuditEvent.objects.filter(user=admin, action=audit.Action.LOCKED_OUT).count() >= 25


def test_the_right_password_works_again_once_the_window_has_passed(home_page):
    admin = make_account("admin@council.example", superuser=True)
    short = {**base.ACCOUNT_RATE_LIMITS, "login_failed": "30/10m/ip,5/2s/key"}
    client = Client()
    with override_settings(ACCOUNT_RATE_LIMITS=short):
        for _ in range(6):
            sign_in(client, admin.email, "wrong password")
        assert sign_in(client, admin.email).status_code == 429
        time.sleep(2.1)
        response = sign_in(client, admin.email)
    assert response.status_code == 302, "signed in (on to the second factor)"


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_residents_behind_one_proxy_do_not_lock_each_other_out(home_page):
    alice = make_account("alice@example.org")
    bilal = make_account("bilal@example.org")
    alices, bilals = Client(), Client()
    at_alice = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.10"}
    at_bilal = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.20"}
    statuses = [
        sign_in(alices, alice.email, "wrong", next_url="/en/", **at_alice).status_code
        for _ in range(12)
    ]
    assert statuses[-1] == 429, "Alice's own account is protected"

    response = sign_in(bilals, bilal.email, next_url="/en/", **at_bilal)
    assert response.status_code == 302 and response["Location"] == "/en/"


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_residents_sharing_one_address_are_limited_per_account(home_page):
    """A library or a household behind one address: one account's failures stop that account."""
    alice = make_account("alice@example.org")
    bilal = make_account("bilal@example.org")
    same = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.10"}
    client = Client()
    for _ in range(6):
        last = sign_in(client, alice.email, "wrong", next_url="/en/", **same)
    assert last.status_code == 429
    response = sign_in(Client(), bilal.email, next_url="/en/", **same)
    assert response.status_code == 302


def test_wrong_second_factor_codes_are_limited_too(home_page):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from tests.portal.staff_helpers import app_code

    admin = make_account("admin@council.example", superuser=True)
    secret = generate_totp_secret()
    TOTP.activate(admin, secret)
    client = Client()
    sign_in(client, admin.email)
    statuses = [
        client.post("/en/accounts/2fa/authenticate/", {"code": "000000"}).status_code
        for _ in range(6)
    ]
    assert statuses[-1] == 429
    refused = client.post("/en/accounts/2fa/authenticate/", {"code": app_code(secret)})
    assert refused.status_code == 429
    assert client.get("/admin/").status_code == 302


def test_password_reset_requests_are_limited_per_address(home_page):
    resident = make_account("resident@example.org")
    client = Client()
    statuses = [
        client.post("/en/accounts/password/reset/", {"email": resident.email}).status_code
        for _ in range(4)
    ]
    assert statuses[:3] == [302] * 3
    assert statuses[3] == 429
    assert PASSWORD not in str(AuditEvent.objects.values_list("details", flat=True))
