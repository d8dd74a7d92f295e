"""Subscribing, confirming, managing and stopping alerts, with or without an account.

Links in emails carry signed, expiring tokens (``portal.alerts.tokens``) instead of a sign-in.
Every state change is a POST (a mail scanner following a link changes nothing), answered with
a redirect. The one-click unsubscribe address takes a POST without a CSRF token, as RFC 8058
requires: the token in its URL is the credential. Nothing here is cacheable.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from portal import ratelimit
from portal.alerts import emails, selectors, services, tokens
from portal.alerts.forms import AlertChoicesForm, SubscribeForm, consent_text
from portal.alerts.models import Frequency
from portal.mail import send_message_or_log


def _initial_choices(request) -> dict:
    topics = [t for t in request.GET.getlist("topic") if t]
    return {"topics": topics, "language": get_language(), "frequency": Frequency.IMMEDIATE}


@never_cache
def subscribe(request):
    if request.method == "POST":
        # Each request emails the address given: limited per address and per client, like
        # "save for later" (PORTAL_RATE_LIMITS["alert_subscribe"]; past it, the 429 page).
        ratelimit.enforce(request, "alert_subscribe", email=request.POST.get("email", ""))
        form = SubscribeForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            subscriber, outcome = services.request_subscription(
                email=data["email"],
                topics=data["topics"],
                language=data["language"],
                frequency=data["frequency"],
                consent_text=consent_text(),
                consent_language=get_language(),
            )
            kind = "confirm" if outcome is services.Outcome.CONFIRM_SENT else "manage"
            send_message_or_log(
                emails.render_link_email(subscriber, kind=kind), what=f"alerts {kind} link"
            )
            return redirect("alerts:check_email")
    else:
        form = SubscribeForm(initial=_initial_choices(request))
    return render(
        request,
        "pages/alerts/subscribe.html",
        {"form": form, "page_title": _("Get email alerts"), "consent_text": consent_text()},
        status=400 if form.is_bound else 200,
    )


@never_cache
def check_email(request):
    return render(request, "pages/alerts/check_email.html", {"page_title": _("Check your email")})


def _stopped_context() -> dict:
    return {
        "page_title": _("Alerts stopped"),
        "days": settings.ALERTS_UNSUBSCRIBED_RETENTION_DAYS,
    }


def _bad_link(request):
    return render(
        request,
        "pages/alerts/bad_link.html",
        {"page_title": _("This link has expired or is not right")},
        status=400,
    )


@never_cache
def confirm(request, token):
    subscriber = tokens.subscriber_for_token(token, tokens.CONFIRM)
    if subscriber is None or subscriber.unsubscribed_at is not None:
        return _bad_link(request)
    if request.method == "POST":
        services.confirm(subscriber=subscriber)
        messages.success(request, _("Your email alerts are on."))
        return redirect("alerts:manage", token=tokens.make_token(subscriber, tokens.MANAGE))
    return render(
        request,
        "pages/alerts/confirm.html",
        {"page_title": _("Confirm your email alerts"), "subscriber": subscriber},
    )


@never_cache
def manage(request, token):
    subscriber = tokens.subscriber_for_token(token, tokens.MANAGE)
    if subscriber is None or not subscriber.is_active:
        return _bad_link(request)
    current = list(subscriber.subscriptions.values_list("topic", flat=True))
    if request.method == "POST":
        form = AlertChoicesForm(request.POST, extra_topics=current)
        if form.is_valid():
            services.update_choices(subscriber=subscriber, **form.cleaned_data)
            messages.success(request, _("Your choices are saved."))
            return redirect("alerts:manage", token=token)
    else:
        form = AlertChoicesForm(
            initial={
                "topics": current,
                "language": subscriber.language,
                "frequency": subscriber.frequency,
            },
            extra_topics=current,
        )
    return render(
        request,
        "pages/alerts/manage.html",
        {
            "form": form,
            "page_title": _("Change your email alerts"),
            "email": subscriber.email,
            "unsubscribe_url": reverse(
                "alerts:unsubscribe",
                kwargs={"token": tokens.make_token(subscriber, tokens.UNSUBSCRIBE)},
            ),
        },
        status=400 if form.is_bound else 200,
    )


@csrf_exempt
@never_cache
def unsubscribe(request, token):
    """GET asks; POST stops every alert (a person's button or a mail client's one-click)."""
    subscriber = tokens.subscriber_for_token(token, tokens.UNSUBSCRIBE)
    if subscriber is None:
        return _bad_link(request)
    if request.method == "POST":
        services.unsubscribe(subscriber=subscriber)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return render(request, "pages/alerts/unsubscribed.html", _stopped_context())
        return redirect("alerts:unsubscribed")
    if subscriber.unsubscribed_at is not None:
        return redirect("alerts:unsubscribed")
    return render(
        request,
        "pages/alerts/unsubscribe.html",
        {"page_title": _("Stop your email alerts"), "email": subscriber.email},
    )


@never_cache
def unsubscribed(request):
    return render(request, "pages/alerts/unsubscribed.html", _stopped_context())


@never_cache
@login_required
def account_alerts(request):
    """A signed-in resident's alerts, sent to the account's confirmed main address."""
    address = request.user.emailaddress_set.filter(primary=True, verified=True).first()
    subscriber = request.user.alert_subscriptions.first()
    if subscriber is None and address is not None:
        subscriber = (
            services.Subscriber.objects.filter(email=services.normalise_email(address.email))
            .active()
            .first()
        )
    active = subscriber is not None and subscriber.is_active
    current = list(subscriber.subscriptions.values_list("topic", flat=True)) if active else []
    if request.method == "POST" and address is not None:
        if request.POST.get("action") == "stop" and active:
            services.unsubscribe(subscriber=subscriber)
            messages.success(request, _("Your email alerts are off."))
            return redirect("account_alerts")
        form = AlertChoicesForm(request.POST, extra_topics=current)
        if form.is_valid():
            services.subscribe_account(
                user=request.user,
                email=address.email,
                consent_text=consent_text(),
                consent_language=get_language(),
                **form.cleaned_data,
            )
            messages.success(request, _("Your choices are saved."))
            return redirect("account_alerts")
    elif active:
        form = AlertChoicesForm(
            initial={
                "topics": current,
                "language": subscriber.language,
                "frequency": subscriber.frequency,
            },
            extra_topics=current,
        )
    else:
        form = AlertChoicesForm(initial=_initial_choices(request))
    return render(
        request,
        "pages/alerts/account.html",
        {
            "form": form,
            "page_title": _("Your email alerts"),
            "address": address,
            "active": active,
            "consent_text": consent_text(),
        },
        status=400 if form.is_bound else 200,
    )


@never_cache
@login_required
def account_alerts_data(request):
    """The resident's own alerts data (addresses, choices, consent) as a JSON download."""
    response = JsonResponse(
        {"email_alerts": selectors.personal_data_for_user(request.user)},
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    response["Content-Disposition"] = 'attachment; filename="my-email-alerts.json"'
    return response
