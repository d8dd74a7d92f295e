"""Who may use the admin, and when: the second factor, idle sign-out and 429 refusals.

``StaffAccessMiddleware`` (after allauth's in ``MIDDLEWARE``) does three things:

1. Every URL under the admin prefix is closed to an account that can reach the admin
   (``wagtailadmin.access_admin``, which superusers have) until that account has enrolled a
   second factor (an authenticator app or a passkey) *and* passed it in this session. Without
   a factor it is sent to set one up; with one not yet passed (a session from before the factor
   existed) to enter a code. A factor counts as passed when allauth recorded an ``mfa``
   authentication in the session: at sign-in, on reauthentication, or when the factor was
   enrolled in this session (enrolment itself checks a code from the new factor).
2. A staff session ends when the browser closes and after ``STAFF_SESSION_IDLE_MINUTES``
   without a request (30 by default); the next request signs it out and says why.
3. A request whose sign-in form was refused by a rate limit (``portal.accounts`` marks it)
   gets status 429 on the page that shows the refusal.

``admin_login`` replaces Wagtail's own sign-in form at ``/admin/login/`` with a redirect to
allauth's, so there is one sign-in for everyone.
"""

from __future__ import annotations

import time
from http import HTTPStatus
from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from portal import audit
from portal.accounts import RATE_LIMITED_ATTRIBUTE

LAST_SEEN_SESSION_KEY = "portal_staff_last_seen"
# Writing the session on every request would be a database write per click; a minute's
# granularity on a 30-minute timeout is plenty.
LAST_SEEN_RESOLUTION_SECONDS = 60
SECOND_FACTOR_TYPES = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)


def can_reach_admin(user) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.has_perm("wagtailadmin.access_admin")


def has_second_factor(user) -> bool:
    return Authenticator.objects.filter(user_id=user.pk, type__in=SECOND_FACTOR_TYPES).exists()


def passed_second_factor(request) -> bool:
    records = get_authentication_records(request, request.user)
    return any(entry.get("method") == "mfa" for entry in records)


def admin_prefix() -> str:
    return reverse("wagtailadmin_home")


def is_admin_path(path: str) -> bool:
    return path.startswith(admin_prefix())


def _with_next(url: str, next_url: str) -> str:
    return f"{url}?{urlencode({'next': next_url})}"


def admin_login(request):
    """``/admin/login/``: the one sign-in (allauth's), keeping where the person was going."""
    next_url = request.GET.get("next") or admin_prefix()
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = admin_prefix()
    return HttpResponseRedirect(_with_next(reverse("account_login"), next_url))


class StaffAccessMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        refusal = self.check_staff(request)
        response = refusal or self.get_response(request)
        if getattr(request, RATE_LIMITED_ATTRIBUTE, False) and response.status_code == 200:
            response.status_code = HTTPStatus.TOO_MANY_REQUESTS
            response.reason_phrase = HTTPStatus.TOO_MANY_REQUESTS.phrase
        return response

    def check_staff(self, request):
        user = getattr(request, "user", None)
        if not can_reach_admin(user):
            return None
        if self.idle_too_long(request):
            audit.record(audit.Action.SIGNED_OUT_IDLE, user=user, request=request)
            logout(request)
            messages.info(
                request,
                _("You were signed out because you had not done anything for %(minutes)s minutes.")
                % {"minutes": settings.STAFF_SESSION_IDLE_MINUTES},
            )
            return HttpResponseRedirect(
                _with_next(reverse("account_login"), request.get_full_path())
            )
        if not is_admin_path(request.path_info) or request.path_info == reverse(
            "wagtailadmin_login"
        ):
            return None
        if not has_second_factor(user):
            return HttpResponseRedirect(
                _with_next(reverse("mfa_activate_totp"), request.get_full_path())
            )
        if not passed_second_factor(request):
            return HttpResponseRedirect(
                _with_next(reverse("mfa_reauthenticate"), request.get_full_path())
            )
        return None

    def idle_too_long(self, request) -> bool:
        """Record this request's time; True if the last one was longer ago than allowed."""
        session = request.session
        now = int(time.time())
        last_seen = session.get(LAST_SEEN_SESSION_KEY)
        limit = settings.STAFF_SESSION_IDLE_MINUTES * 60
        if isinstance(last_seen, int) and now - last_seen > limit:
            return True
        if not isinstance(last_seen, int) or now - last_seen >= LAST_SEEN_RESOLUTION_SECONDS:
            session[LAST_SEEN_SESSION_KEY] = now
        if not session.get_expire_at_browser_close():
            session.set_expiry(0)
        return False


def record_factor_passed(request, user, kind: str) -> None:
    """Enrolling a factor checks a code (or a passkey) from it: that is passing it, and a fresh
    proof of identity (so the recovery codes made with it can be shown at once). Called by the
    enrolment forms in ``portal.accounts`` once the new factor's proof is valid."""
    if request is not None:
        record_authentication(request, user, "mfa", type=kind, reauthenticated=True)
