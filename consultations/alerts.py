"""Consultation alerts: a consultation opening, closing soon, and its outcome being published.

Opening and outcome are announced when the page is published in that state, and otherwise by
``manage.py queue_due_alerts`` once its dates make it so (a consultation published in advance
opens on its own date). Residents can also follow one consultation (``consultation:<key>``):
they hear when it is closing soon and when its outcome is out. Keys use the default-language
page's ``translation_key``, so every language's copy makes the same, single announcement.
"""

from datetime import timedelta

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from consultations.models import ConsultationIndexPage, ConsultationPage
from consultations.models.pages import Status
from portal.registry import AlertItem, AlertMessage, AlertSource, AlertTopic, register_alert_source
from portal.templatetags.portal_format import display_date

OPENING = "consultations:opening"
CLOSING = "consultations:closing"
OUTCOME = "consultations:outcome"
# Due items older than this are history, not news: a first sweep does not announce them.
RECENT = timedelta(days=14)


def consultation_topic(page) -> str:
    return f"consultation:{page.translation_key}"


def topics() -> list[AlertTopic]:
    general = [
        AlertTopic(OPENING, gettext_lazy("New consultations when they open")),
        AlertTopic(CLOSING, gettext_lazy("Consultations closing soon")),
        AlertTopic(OUTCOME, gettext_lazy("What changed: outcomes published")),
    ]
    current = (
        ConsultationPage.objects.live()
        .public()
        .filter(locale=Locale.get_active())
        .exclude(pk__in=ConsultationPage.objects.with_outcome())
        .order_by("closes_at")
    )
    return general + [
        AlertTopic(consultation_topic(page), _("Follow: %(title)s") % {"title": page.title})
        for page in current
    ]


def _item(page, reason: str, topics: tuple[str, ...]) -> AlertItem:
    return AlertItem(f"consultations.{reason}:{page.translation_key}", topics, page.pk, reason)


def _items_in_state(page, now) -> list[AlertItem]:
    status = page.status_at(now)
    items = []
    if status == Status.OPEN:
        items.append(_item(page, "opened", (OPENING,)))
        if page.closes_at - now <= timedelta(days=settings.ALERTS_CLOSING_SOON_DAYS):
            items.append(_item(page, "closing", (CLOSING, consultation_topic(page))))
    elif status == Status.OUTCOME:
        items.append(_item(page, "outcome", (OUTCOME, consultation_topic(page))))
    return items


def items_for_page(page) -> list[AlertItem]:
    if not isinstance(page, ConsultationPage):
        return []
    from django.utils import timezone

    return _items_in_state(page.canonical(), timezone.now())


def due_items(now) -> list[AlertItem]:
    pages = ConsultationPage.objects.live().filter(locale=Locale.get_default())
    items = []
    for page in pages.filter(opens_at__lte=now, opens_at__gte=now - RECENT):
        items += [i for i in _items_in_state(page, now) if i.reason == "opened"]
    closing_by = now + timedelta(days=settings.ALERTS_CLOSING_SOON_DAYS)
    for page in pages.open(now).filter(closes_at__lte=closing_by):
        items += [i for i in _items_in_state(page, now) if i.reason == "closing"]
    for page in pages.with_outcome(now).filter(outcome_published_at__gte=now - RECENT):
        items += _items_in_state(page, now)
    return items


def message(page, reason: str) -> AlertMessage:
    headline = {
        "opened": _("Consultation now open"),
        "closing": _("Consultation closing soon"),
        "outcome": _("Consultation outcome published"),
    }[reason]
    facts = [
        (_("Opens"), display_date(page.opens_at, "time")),
        (_("Closes"), display_date(page.closes_at, "time")),
    ]
    if reason == "outcome" and page.outcome_published_at:
        facts = [(_("Outcome published"), display_date(page.outcome_published_at))]
    return AlertMessage(
        headline=headline,
        title=page.title,
        summary=page.get_listing_summary(),
        url=page.get_full_url() or "",
        facts=tuple(facts),
    )


def follow_topics(obj, **hints) -> list[str]:
    if isinstance(obj, ConsultationPage):
        return [consultation_topic(obj)]
    if isinstance(obj, ConsultationIndexPage):
        return [OPENING, CLOSING, OUTCOME]
    return []


def register() -> None:
    register_alert_source(
        AlertSource(
            name="consultations",
            label=gettext_lazy("Consultations"),
            topics=topics,
            items_for_page=items_for_page,
            message=message,
            due_items=due_items,
            follow_topics=follow_topics,
            order=20,
        )
    )
