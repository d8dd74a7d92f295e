"""Staff sign in to the admin through allauth, with a second factor they cannot skip."""

import re
import time

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from portal import audit, staff_access
from portal.models import AuditEvent
from tests.portal.staff_helpers import (
    app_code,
    enrolled_secret,
    make_account,
    secret_on_page,
    sign_in,
)

pytestmark = pytest.mark.django_db

ENROL = "/en/accounts/2fa/totp/activate/"
ENTER_CODE = "/en/accounts/2fa/authenticate/"


@pytest.fixture
def admin(home_page):
    return make_account("admin@council.example", superuser=True)


@pytest.fixture
def editor(home_page):
    """Not a superuser: an account that can reach the admin through a group's permission."""
    user = make_account("editor@council.example", staff=True)
    group, _ = Group.objects.get_or_create(name="Admin users (test)")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


def test_admin_login_sends_staff_to_the_one_sign_in_styled_for_staff(client, admin):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=%2Fadmin%2Fpages%2F"

    page = client.get(response["Location"]).content.decode()
    assert "Sign in to manage the website" in page
    assert "create an account" not in page
    assert "Email me a sign-in code" not in page

    outside = client.get("/admin/login/?next=https://evil.example/")
    assert outside["Location"] == "/en/accounts/login/?next=%2Fadmin%2F"


def test_first_sign_in_enrols_an_authenticator_app_before_the_admin_opens(
    home_page, editor, django_capture_on_commit_callbacks
):
    client = Client()
    response = sign_in(client, editor.email)
    assert response.status_code == 302 and response["Location"] == "/admin/"

    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(ENROL)

    setup = client.get(ENROL)
    secret = secret_on_page(setup.content.decode())
    wrong = client.post(ENROL, {"code": "000000"})
    assert "The code is not right" in wrong.content.decode()
    assert not Authenticator.objects.filter(user=editor).exists()

    # allauth announces the new factor (to the audit log) when the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ENROL, {"code": app_code(secret)})
    assert response.status_code == 302
    codes_page = client.get(response["Location"]).content.decode()
    assert "Your recovery codes" in codes_page
    assert "continue to the admin" in codes_page

    assert client.get("/admin/").status_code == 200
    assert AuditEvent.objects.filter(user=editor, action=audit.Action.FACTOR_ADDED).exists()


def test_later_sign_ins_ask_for_the_code_and_a_wrong_one_is_refused(
    home_page, editor, django_capture_on_commit_callbacks
):
    client = Client()
    sign_in(client, editor.email)
    secret = secret_on_page(client.get(ENROL).content.decode())
    client.post(ENROL, {"code": app_code(secret)})
    client.post(reverse("account_logout"))

    response = sign_in(client, editor.email)
    assert response.status_code == 302 and response["Location"].startswith(ENTER_CODE)
    assert client.get("/admin/")["Location"].startswith("/admin/login/")

    wrong = client.post(ENTER_CODE, {"code": "123456"})
    assert "The code is not right" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302

    client.post(ENTER_CODE, {"code": app_code(secret)})
    assert client.get("/admin/").status_code == 200

    actions = set(AuditEvent.objects.filter(user=editor).values_list("action", flat=True))
    assert {audit.Action.SIGNED_IN, audit.Action.SECOND_FACTOR_FAILED} <= actions
    for event in AuditEvent.objects.all():
        assert secret not in str(event.details) and "password" not in str(event.details)


def admin_paths() -> list[str]:
    """Every URL pattern under the admin prefix, with sample values for its parameters."""
    admin_resolver = next(
        entry
        for entry in get_resolver().url_patterns
        if isinstance(entry, URLResolver) and str(entry.pattern) == "admin/"
    )
    paths: list[str] = []

    def walk(entries, prefix):
        for entry in entries:
            part = str(entry.pattern).lstrip("^").rstrip("$").replace("\\Z", "")
            part = re.sub(r"<(?:(\w+):)?\w+>", lambda m: "1" if m.group(1) == "int" else "a", part)
            part = re.sub(r"\(\?P<\w+>[^)]*\)", "1", part)
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, prefix + part)
            elif isinstance(entry, URLPattern):
                paths.append(prefix + part)

    walk(admin_resolver.url_patterns, "/admin/")
    return sorted(set(paths))


def test_no_admin_url_opens_until_the_factor_is_enrolled_and_passed(home_page, admin):
    paths = admin_paths()
    assert len(paths) > 150, "the walk reaches the whole admin"

    client = Client()
    client.force_login(admin)  # a session without a passed second factor
    paths.remove("/admin/login/")  # the one way in: it sends people to allauth's sign-in
    for method in (client.get, client.post):
        for path in paths:
            response = method(path)
            assert response.status_code == 302, (path, response.status_code)
            assert response["Location"].startswith(ENROL), path

    Authenticator.objects.create(user=admin, type=Authenticator.Type.TOTP, data={"secret": "x"})
    for path in paths:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/en/accounts/2fa/reauthenticate/"), path


def test_residents_sign_in_as_before_without_a_second_factor(home_page):
    resident = make_account("resident@example.org")
    client = Client()
    response = sign_in(client, resident.email, next_url="/en/accounts/profile/")
    assert response["Location"] == "/en/accounts/profile/"
    profile = client.get("/en/accounts/profile/").content.decode()
    assert "Your account" in profile
    assert "Two-step sign-in" in profile and "Not set up" in profile, "optional for residents"
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_staff_cannot_remove_their_only_factor(client, editor):
    client.force_login(editor)
    confirm = client.post(
        "/en/accounts/2fa/reauthenticate/", {"code": app_code(enrolled_secret(editor))}
    )
    assert confirm.status_code == 302
    page = client.post("/en/accounts/2fa/totp/deactivate/")
    assert "Staff accounts must keep a second factor" in page.content.decode()
    assert Authenticator.objects.filter(user=editor, type="totp").exists()


def test_an_idle_staff_session_is_signed_out_and_ends_with_the_browser(client, editor, settings):
    settings.STAFF_SESSION_IDLE_MINUTES = 30
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    session = client.session
    assert session.get_expire_at_browser_close()

    session[staff_access.LAST_SEEN_SESSION_KEY] = int(time.time()) - 31 * 60
    session.save()
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=%2Fadmin%2Fpages%2F"
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"]).content.decode()
    assert "had not done anything for 30 minutes" in page
    assert AuditEvent.objects.filter(user=editor, action=audit.Action.SIGNED_OUT_IDLE).exists()


def test_an_active_staff_session_stays_signed_in(client, editor):
    client.force_login(editor)
    session = client.session
    session[staff_access.LAST_SEEN_SESSION_KEY] = int(time.time()) - 29 * 60
    session.save()
    assert client.get("/admin/").status_code == 200


def test_only_administrators_read_the_audit_log_and_nobody_edits_it(client, admin, editor):
    event = audit.record(audit.Action.SIGN_IN_FAILED, user=editor, step="password")
    client.force_login(editor)
    assert client.get("/admin/audit-log/").status_code in (302, 403)

    client.force_login(admin)
    listing = client.get("/admin/audit-log/")
    assert listing.status_code == 200
    assert "Sign-in failed" in listing.content.decode()
    assert client.get(f"/admin/audit-log/inspect/{event.pk}/").status_code == 200
    assert client.get("/admin/audit-log/new/").status_code in (302, 403)
    assert client.post(f"/admin/audit-log/edit/{event.pk}/", {"action": "x"}).status_code in (
        302,
        403,
    )
    assert client.post(f"/admin/audit-log/delete/{event.pk}/").status_code in (302, 403)
    event.refresh_from_db()
    assert event.action == audit.Action.SIGN_IN_FAILED


def test_record_refuses_secrets_and_keeps_only_the_network(rf, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.77")
    event = audit.record("rsvp_export", request=request, rows=3)
    assert event.ip_network == "203.0.113.0/24"
    assert event.details == {"rows": 3}
    with pytest.raises(ValueError):
        audit.record("rsvp_export", request=request, password="hunter2")
    assert audit.minimise_ip("2001:db8:1234:5678::1") == "2001:db8:1234::/48"


def test_an_administrator_resets_a_lost_factor_and_it_is_logged(home_page, editor, capsys):
    client = Client()
    sign_in(client, editor.email)
    secret = secret_on_page(client.get(ENROL).content.decode())
    client.post(ENROL, {"code": app_code(secret)})
    assert enrolled_secret(editor) == secret
    assert client.get("/admin/").status_code == 200

    call_command("reset_second_factor", editor.email, "--reason", "ticket 42: lost phone")

    assert not Authenticator.objects.filter(user=editor).exists()
    assert client.get("/admin/")["Location"].startswith("/admin/login/"), "sessions ended"
    event = AuditEvent.objects.get(action=audit.Action.FACTOR_RESET)
    assert event.user == editor
    assert event.details["removed"] == ["recovery_codes", "totp"]
    assert event.details["reason"] == "ticket 42: lost phone"
    assert "Removed 2 second factor(s)" in capsys.readouterr().out

    sign_in(client, editor.email)
    assert client.get("/admin/")["Location"].startswith(ENROL), "asked to enrol again"
