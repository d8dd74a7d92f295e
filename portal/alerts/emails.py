"""The emails: confirmation, manage link, one alert, the weekly digest.

Each is HTML and plain text, in the subscriber's language and direction, links to pages in that
language, and carries ``List-Unsubscribe`` and ``List-Unsubscribe-Post`` (RFC 8058) with a
signed one-click address. No images, tracking pixels or rewritten links.

Rendering an alert for 20,000 subscribers would be 20,000 template renders; instead the body is
rendered once per item and language with placeholders for the subscriber's own links
(``RenderedAlert.for_subscriber``). The placeholders contain a NUL character, which no page
text can hold (PostgreSQL cannot store one and the site's forms refuse it).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from portal import registry
from portal.alerts import tokens
from portal.alerts.models import AlertItem, Subscriber
from portal.alerts.queueing import is_public

MANAGE_PLACEHOLDER = "\x00manage\x00"
UNSUBSCRIBE_PLACEHOLDER = "\x00unsubscribe\x00"


def base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def link(name: str, token: str, language: str) -> str:
    with translation.override(language):
        return base_url() + reverse(name, kwargs={"token": token})


def _common(language: str) -> dict:
    return {
        "language": language,
        "direction": "rtl" if get_language_bidi() else "ltr",
        "alerts_url": base_url() + reverse("alerts:subscribe"),
        "manage_url": MANAGE_PLACEHOLDER,
        "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER,
    }


def page_in_language(page_id: int | None, language: str) -> Page | None:
    """The public copy of the page in ``language``, else the public copy in any language."""
    page = Page.objects.filter(pk=page_id).first() if page_id else None
    if page is None:
        return None
    locale = Locale.objects.filter(language_code=language).first()
    candidates = Page.objects.filter(translation_key=page.translation_key, live=True)
    ordered = sorted(
        candidates,
        key=lambda p: (p.locale_id != getattr(locale, "pk", None), p.locale_id != page.locale_id),
    )
    for candidate in ordered:
        specific = candidate.specific
        if is_public(specific):
            return specific
    return None


def alert_message(item: AlertItem, language: str) -> registry.AlertMessage | None:
    """What the item says in ``language`` (active), or ``None`` if it is no longer public."""
    source = registry.alert_source(item.source)
    page = page_in_language(item.page_id, language)
    if source is None or page is None:
        return None
    return source.message(page, item.reason)


@dataclass(frozen=True)
class RenderedAlert:
    subject: str
    text: str
    html: str
    language: str

    def for_subscriber(self, subscriber: Subscriber, connection=None) -> EmailMultiAlternatives:
        manage = link("alerts:manage", tokens.make_token(subscriber, tokens.MANAGE), self.language)
        unsubscribe = link(
            "alerts:unsubscribe",
            tokens.make_token(subscriber, tokens.UNSUBSCRIBE),
            self.language,
        )

        def fill(body: str) -> str:
            return body.replace(MANAGE_PLACEHOLDER, manage).replace(
                UNSUBSCRIBE_PLACEHOLDER, unsubscribe
            )

        message = EmailMultiAlternatives(
            self.subject,
            fill(self.text),
            settings.DEFAULT_FROM_EMAIL,
            [subscriber.email],
            connection=connection,
            headers={
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Content-Language": self.language,
                "Auto-Submitted": "auto-generated",
            },
        )
        message.attach_alternative(fill(self.html), "text/html")
        return message


def render_alert(item: AlertItem, language: str) -> RenderedAlert | None:
    with translation.override(language):
        message = alert_message(item, language)
        if message is None:
            return None
        context = {**_common(language), "message": message}
        return RenderedAlert(
            subject=f"{message.headline}: {message.title}",
            text=render_to_string("components/alerts/email/alert.txt", context),
            html=render_to_string("components/alerts/email/alert.html", context),
            language=language,
        )


def render_digest(items: list[AlertItem], language: str) -> RenderedAlert | None:
    """One email listing every item, grouped by source in the registry's order."""
    with translation.override(language):
        groups = []
        for source in registry.alert_sources():
            messages = [
                m
                for m in (alert_message(i, language) for i in items if i.source == source.name)
                if m is not None
            ]
            if messages:
                groups.append({"label": source.label, "messages": messages})
        if not groups:
            return None
        count = sum(len(g["messages"]) for g in groups)
        context = {**_common(language), "groups": groups, "count": count}
        return RenderedAlert(
            subject=_("Your weekly housing updates"),
            text=render_to_string("components/alerts/email/digest.txt", context),
            html=render_to_string("components/alerts/email/digest.html", context),
            language=language,
        )


def render_link_email(subscriber: Subscriber, *, kind: str) -> EmailMultiAlternatives:
    """The confirmation email (``kind="confirm"``) or the manage-your-alerts link ("manage")."""
    language = subscriber.language
    with translation.override(language):
        purpose = tokens.CONFIRM if kind == "confirm" else tokens.MANAGE
        url = link(f"alerts:{purpose}", tokens.make_token(subscriber, purpose), language)
        context = {**_common(language), "url": url, "kind": kind, "manage_url": ""}
        context["unsubscribe_url"] = ""  # the footer is for alerts, not for this email
        subject = (
            _("Confirm your email alerts") if kind == "confirm" else _("Change your email alerts")
        )
        message = EmailMultiAlternatives(
            subject,
            render_to_string("components/alerts/email/link.txt", context),
            settings.DEFAULT_FROM_EMAIL,
            [subscriber.email],
            headers={"Content-Language": language, "Auto-Submitted": "auto-generated"},
        )
        message.attach_alternative(
            render_to_string("components/alerts/email/link.html", context), "text/html"
        )
        return message
