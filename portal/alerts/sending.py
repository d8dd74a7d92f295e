"""Sending what is owed, at most once per (subscriber, item), in batches over one connection.

A worker claims a batch (``claimed``), marks each small chunk ``sending`` just before handing
it to the mail server and ``sent`` once the server accepted it. If the worker is killed, a later
run finds its lapsed claims: ``claimed`` rows were never attempted and go back to the queue;
``sending`` rows may have reached the server, so they become ``interrupted`` and are never sent
again. At most ``SENDING_CHUNK`` emails can be lost that way; none can be sent twice.

A refused or failed send is tried again after ``ALERTS_RETRY_SECONDS`` (doubling each time)
and recorded as ``failed`` after ``ALERTS_MAX_ATTEMPTS``, or at once for a permanent (5xx) SMTP
refusal. GOV.UK Notify's failures (``portal.notify.NotifyError``, an ``OSError`` like a mail
server's network failure) are all tried again: see ``portal.notify`` for why. The rate limit
(``ALERTS_SEND_RATE`` per second) applies across batches.
"""

from __future__ import annotations

import logging
import smtplib
import time
import uuid
from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db.models import Min
from django.utils import timezone

from portal.alerts import emails
from portal.alerts.models import Delivery, DeliveryStatus
from portal.notify import NotifyError

logger = logging.getLogger(__name__)

SENDING_CHUNK = 10

S = DeliveryStatus


class Throttle:
    """Sleeps so that no more than ``rate`` messages a second go out (0: no limit)."""

    def __init__(self, rate: float):
        self.interval = 1 / rate if rate > 0 else 0
        self.next_at = time.monotonic()

    def wait(self) -> None:
        if not self.interval:
            return
        now = time.monotonic()
        if now < self.next_at:
            time.sleep(self.next_at - now)
        self.next_at = max(now, self.next_at) + self.interval


def release_lapsed_claims(*, now=None) -> dict[str, int]:
    """Free what a dead worker claimed but never attempted; mark what it may have sent."""
    cutoff = (now or timezone.now()) - timedelta(seconds=settings.ALERTS_CLAIM_LEASE_SECONDS)
    released = Delivery.objects.filter(status=S.CLAIMED, claimed_at__lte=cutoff).update(
        status=S.QUEUED, claim=None, claimed_at=None
    )
    interrupted = Delivery.objects.filter(status=S.SENDING, claimed_at__lte=cutoff).update(
        status=S.INTERRUPTED, claim=None
    )
    if interrupted:
        logger.warning("%s alert emails were interrupted and will not be resent", interrupted)
    return {"released": released, "interrupted": interrupted}


def _failure(delivery: Delivery, error: Exception, *, back_to: str, now) -> None:
    delivery.attempts += 1
    permanent = isinstance(error, smtplib.SMTPRecipientsRefused) and all(
        code >= 500 for code, _ in error.recipients.values()
    )
    detail = error.__class__.__name__
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        detail += " " + ",".join(str(code) for code, _ in error.recipients.values())
    elif isinstance(error, NotifyError):
        detail += f" {error.status_code}"
    if permanent or delivery.attempts >= settings.ALERTS_MAX_ATTEMPTS:
        delivery.status, delivery.next_attempt_at = S.FAILED, now
    else:
        delay = settings.ALERTS_RETRY_SECONDS * 2 ** (delivery.attempts - 1)
        delivery.status, delivery.next_attempt_at = back_to, now + timedelta(seconds=delay)
    delivery.claim, delivery.last_error = None, detail[:200]
    delivery.save(update_fields=["attempts", "status", "next_attempt_at", "claim", "last_error"])


def _send(connection, message) -> Exception | None:
    """Send over ``connection``, opening it first if needed so it stays open for the next one
    (``send_messages`` on a closed connection opens and closes it around each message)."""
    try:
        connection.open()
        connection.send_messages([message])
    except (smtplib.SMTPException, OSError) as error:
        if not isinstance(error, smtplib.SMTPRecipientsRefused):
            connection.close()  # the next send opens a fresh connection
        return error
    return None


def _claim(size: int) -> tuple[uuid.UUID, list[Delivery]]:
    now = timezone.now()
    due = Delivery.objects.filter(
        status=S.QUEUED,
        next_attempt_at__lte=now,
        subscriber__confirmed_at__isnull=False,
        subscriber__unsubscribed_at__isnull=True,
    )
    ids = list(due.order_by("pk").values_list("pk", flat=True)[:size])
    claim = uuid.uuid4()
    if ids:
        # Another worker may have taken some of these since: the status filter leaves them.
        Delivery.objects.filter(pk__in=ids, status=S.QUEUED).update(
            status=S.CLAIMED, claim=claim, claimed_at=now
        )
    rows = list(
        Delivery.objects.filter(claim=claim, status=S.CLAIMED)
        .select_related("subscriber", "item")
        .order_by("pk")
    )
    return claim, rows


def send_due(*, max_batches: int | None = None) -> Counter:
    """Send every queued email that is due; returns counts by outcome."""
    release_lapsed_claims()
    report: Counter = Counter()
    throttle = Throttle(settings.ALERTS_SEND_RATE)
    rendered: dict[tuple[int, str], emails.RenderedAlert | None] = {}
    batches = 0
    while max_batches is None or batches < max_batches:
        claim, batch = _claim(settings.ALERTS_BATCH_SIZE)
        if not batch:
            break
        batches += 1
        connection = get_connection()
        try:
            for start in range(0, len(batch), SENDING_CHUNK):
                chunk = batch[start : start + SENDING_CHUNK]
                _send_chunk(chunk, claim, connection, throttle, rendered, report)
        finally:
            connection.close()
        if len(rendered) > 64:
            rendered.clear()
    schedule_retry()
    return report


def _send_chunk(chunk, claim, connection, throttle, rendered, report) -> None:
    now = timezone.now()
    Delivery.objects.filter(pk__in=[d.pk for d in chunk], claim=claim).update(
        status=S.SENDING, claimed_at=now
    )
    sent = []
    for delivery in chunk:
        key = (delivery.item_id, delivery.subscriber.language)
        if key not in rendered:
            rendered[key] = emails.render_alert(delivery.item, delivery.subscriber.language)
        alert = rendered[key]
        if alert is None:  # unpublished or made private since it was queued
            Delivery.objects.filter(pk=delivery.pk).update(status=S.CANCELLED, claim=None)
            report["cancelled"] += 1
            continue
        throttle.wait()
        error = _send(connection, alert.for_subscriber(delivery.subscriber, connection))
        if error is None:
            sent.append(delivery.pk)
        else:
            _failure(delivery, error, back_to=S.QUEUED, now=timezone.now())
            report["failed"] += 1
    if sent:
        Delivery.objects.filter(pk__in=sent).update(
            status=S.SENT, sent_at=timezone.now(), claim=None
        )
        report["sent"] += len(sent)


def send_digests() -> Counter:
    """One email per weekly subscriber listing everything waiting for them, grouped by kind."""
    release_lapsed_claims()
    report: Counter = Counter()
    throttle = Throttle(settings.ALERTS_SEND_RATE)
    waiting = (
        Delivery.objects.filter(
            status=S.DIGEST,
            next_attempt_at__lte=timezone.now(),
            subscriber__confirmed_at__isnull=False,
            subscriber__unsubscribed_at__isnull=True,
        )
        .order_by("subscriber_id")
        .values_list("subscriber_id", flat=True)
        .distinct()
    )
    last = 0
    while True:
        subscriber_ids = list(waiting.filter(subscriber_id__gt=last)[: settings.ALERTS_BATCH_SIZE])
        if not subscriber_ids:
            break
        last = subscriber_ids[-1]
        connection = get_connection()
        try:
            for subscriber_id in subscriber_ids:
                _send_one_digest(subscriber_id, connection, throttle, report)
        finally:
            connection.close()
    schedule_retry()
    return report


def _send_one_digest(subscriber_id, connection, throttle, report) -> None:
    now = timezone.now()
    claim = uuid.uuid4()
    claimed = Delivery.objects.filter(
        subscriber_id=subscriber_id, status=S.DIGEST, next_attempt_at__lte=now
    ).update(status=S.SENDING, claim=claim, claimed_at=now)
    if not claimed:
        return  # another worker took them
    rows = list(
        Delivery.objects.filter(claim=claim)
        .select_related("subscriber", "item")
        .order_by("item__created_at", "pk")
    )
    subscriber = rows[0].subscriber
    alert = emails.render_digest([row.item for row in rows], subscriber.language)
    if alert is None:
        Delivery.objects.filter(claim=claim).update(status=S.CANCELLED, claim=None)
        return
    throttle.wait()
    error = _send(connection, alert.for_subscriber(subscriber, connection))
    if error is None:
        Delivery.objects.filter(claim=claim).update(
            status=S.SENT, sent_at=timezone.now(), claim=None
        )
        report["sent"] += 1
        report["items"] += len(rows)
        return
    report["failed"] += 1
    for row in rows:
        _failure(row, error, back_to=S.DIGEST, now=timezone.now())


def schedule_retry() -> None:
    """Ask the task worker to come back when the next retry is due (if the backend can defer)."""
    from django_tasks import default_task_backend

    from portal.alerts.tasks import send_alerts

    if not default_task_backend.supports_defer:
        return  # the immediate backend: manage.py send_alerts picks retries up
    due = Delivery.objects.filter(status=S.QUEUED, attempts__gt=0).aggregate(
        at=Min("next_attempt_at")
    )["at"]
    if due is not None:
        send_alerts.using(run_after=due).enqueue()
