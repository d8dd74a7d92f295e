"""Site-wide views that are not Wagtail pages: errors, health check, the resident account page."""

import logging

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token

from portal.forms import DeleteAccountForm
from portal.services import delete_account

logger = logging.getLogger(__name__)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    """The styled 500 page, rendered without touching the database or the request's context.

    A failing database or a broken template is the likely cause of the error, so the page must
    not depend on them: it is a plain template with no site settings, menus or page lookups.
    """
    try:
        body = loader.get_template("500.html").render({"request_path": request.path})
    except Exception:  # the 500 page must never raise in turn
        logger.exception("Could not render the 500 page")
        body = (
            "<!DOCTYPE html><title>Error</title><h1>Sorry, there is a problem with the service</h1>"
        )
    return HttpResponse(body, status=500)


@never_cache
def health(request):
    """For load balancers: 200 when the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
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
