"""Site-wide views that are not Wagtail pages: errors, health check, the resident account page."""

import logging
import sys

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token

from portal import staff_access
from portal.forms import DeleteAccountForm
from portal.health import DATABASE_CONNECTION_ERRORS, database_is_reachable
from portal.services import delete_account

logger = logging.getLogger(__name__)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


#: Seconds a client is asked to wait before retrying while the database is unreachable.
RETRY_AFTER_SECONDS = 30

FALLBACK_500_BODY = (
    "<!DOCTYPE html><title>Error</title><h1>Sorry, there is a problem with the service</h1>"
)


@requires_csrf_token
def server_error(request):
    """The styled 500 page, or the styled 503 while the database is unreachable.

    Django calls this handler for every uncaught exception, from a view or from a middleware
    (a session save, say), while that exception is being handled: a database connection error
    found then, with the database not answering a fresh connection, means an outage rather than
    a bug, and the resident is told to try again shortly instead.

    A failing database or a broken template is the likely cause of the error, so neither page
    depends on them: plain templates with no site settings, menus or page lookups.
    """
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_CONNECTION_ERRORS) and not database_is_reachable():
        return service_unavailable(request)
    try:
        body = loader.get_template("500.html").render({"request_path": request.path})
    except Exception:  # the 500 page must never raise in turn
        logger.exception("Could not render the 500 page")
        body = FALLBACK_500_BODY
    return HttpResponse(body, status=500)


def service_unavailable(request) -> HttpResponse:
    """503 with ``Retry-After``, never cached, rendered without the database."""
    try:
        body = loader.get_template("503.html").render({"request_path": request.path})
    except Exception:  # as for the 500 page
        logger.exception("Could not render the 503 page")
        body = FALLBACK_500_BODY
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    patch_cache_control(response, no_store=True, private=True)
    return response


@never_cache
def health(request):
    """For load balancers: 200 when the database answers a query, 503 when it does not."""
    if not database_is_reachable():
        response = JsonResponse({"status": "database unavailable"}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return JsonResponse({"status": "ok"})


@never_cache
@login_required
def account_profile(request):
    return render(
        request,
        "account/profile.html",
        {
            "page_title": _("Your account"),
            "email_addresses": request.user.emailaddress_set.order_by("-primary", "email"),
            "has_second_factor": staff_access.has_second_factor(request.user),
        },
    )


@never_cache
@login_required
def account_delete(request):
    """Ask for confirmation, then erase the account, sign out and say so on the home page."""
    if request.user.is_staff or request.user.is_superuser:
        messages.error(request, _("Staff accounts are closed by an administrator."))
        return redirect("account_profile")
    form = DeleteAccountForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        delete_account(user=user)
        messages.success(request, _("Your account has been deleted."))
        return redirect(f"/{get_language()}/")
    return render(
        request,
        "account/delete.html",
        {"page_title": _("Delete your account"), "form": form},
        status=400 if form.is_bound else 200,
    )


def robots_txt(request):
    """Keeps crawlers out of what only makes sense to one visitor (responding, replying to an
    event, accounts, search results) and out of the admin; points them to the sitemap."""
    return render(
        request,
        "robots.txt",
        {"sitemap_url": request.build_absolute_uri(reverse("sitemap"))},
        content_type="text/plain; charset=utf-8",
    )
