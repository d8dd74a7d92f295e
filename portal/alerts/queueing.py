"""From publishing to a queue of deliveries.

``queue_for_page`` asks every registered source what a just-published page announces and stores
each announcement once (``AlertItem.key`` is unique); ``fan_out`` then owes it to every active
subscriber following one of its topics, one ``Delivery`` each (unique per subscriber and item),
in chunks so memory stays flat however many subscribe. Both can run any number of times.
"""

from __future__ import annotations

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Page

from portal import registry
from portal.alerts.models import AlertItem, Delivery, DeliveryStatus, Frequency, Subscriber

logger = logging.getLogger(__name__)

FAN_OUT_CHUNK = 2000


def is_public(page: Page) -> bool:
    """Live, and readable by anyone: no privacy setting on the page or any page above it."""
    return page.live and not page.get_view_restrictions().exists()


def store_item(*, source: str, item: registry.AlertItem, title: str) -> AlertItem | None:
    """The stored announcement, created on first sight; ``None`` if it was announced before."""
    if AlertItem.objects.filter(key=item.key).exists():
        return None
    try:
        with transaction.atomic():
            return AlertItem.objects.create(
                key=item.key,
                source=source,
                reason=item.reason,
                topics=list(item.topics),
                page_id=item.page_id,
                title=title[:255],
            )
    except IntegrityError:  # another process stored it first
        return None


def items_for_page(page: Page) -> list[tuple[str, registry.AlertItem]]:
    page = page.specific
    if not is_public(page):
        return []
    return [
        (source.name, item)
        for source in registry.alert_sources()
        for item in source.items_for_page(page)
    ]


def queue_for_page(*, page_id: int) -> list[AlertItem]:
    """Store what the page announces (if it is public) and queue it; returns the new items."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return []
    return queue_items(items_for_page(page))


def queue_items(pairs) -> list[AlertItem]:
    from portal.alerts.tasks import fan_out_item

    stored = []
    for source, item in pairs:
        page = Page.objects.filter(pk=item.page_id).first()
        alert = store_item(source=source, item=item, title=page.title if page else item.key)
        if alert is not None:
            stored.append(alert)
            fan_out_item.enqueue(item_id=alert.pk)
    return stored


def fan_out(*, item_id: int) -> int:
    """Owe the item to every active follower of its topics; returns how many rows were added."""
    item = AlertItem.objects.filter(pk=item_id).first()
    if item is None:
        return 0
    followers = (
        Subscriber.objects.active()
        .filter(subscriptions__topic__in=item.topics)
        .order_by("pk")
        .values_list("pk", "frequency")
        .distinct()
    )
    added = 0
    last_pk = 0
    while True:
        chunk = list(followers.filter(pk__gt=last_pk)[:FAN_OUT_CHUNK])
        if not chunk:
            break
        last_pk = chunk[-1][0]
        rows = [
            Delivery(
                subscriber_id=pk,
                item=item,
                status=(
                    DeliveryStatus.DIGEST
                    if frequency == Frequency.WEEKLY
                    else DeliveryStatus.QUEUED
                ),
            )
            for pk, frequency in chunk
        ]
        # The unique (subscriber, item) constraint makes a second fan-out add nothing.
        added += len(Delivery.objects.bulk_create(rows, ignore_conflicts=True))
    AlertItem.objects.filter(pk=item.pk, fanned_out_at__isnull=True).update(
        fanned_out_at=timezone.now()
    )
    logger.info("Alert %s owed to %s subscribers", item.pk, added)
    return added


def queue_due(*, now=None) -> list[AlertItem]:
    """Items that come due with time (``AlertSource.due_items``), queued once each."""
    now = now or timezone.now()
    pairs = []
    for source in registry.alert_sources():
        for item in source.due_items(now):
            page = Page.objects.filter(pk=item.page_id).first()
            if page is not None and is_public(page.specific):
                pairs.append((source.name, item))
    return queue_items(pairs)
