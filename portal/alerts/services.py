"""Writes for alerts: subscribing, confirming, changing choices, unsubscribing, erasing.

Keyword-only and transactional. Nothing here says whether an address is already subscribed:
callers show the same page whatever happened, and the email tells the owner what to do next.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from portal.alerts.models import Delivery, DeliveryStatus, Subscriber, Subscription


class Outcome(Enum):
    CONFIRM_SENT = "confirm"  # a new or unconfirmed address: confirm it first
    MANAGE_SENT = "manage"  # already confirmed: its owner gets a link to change choices


def normalise_email(email: str) -> str:
    return email.strip().lower()


def _set_topics(subscriber: Subscriber, topics: Iterable[str]) -> None:
    wanted = set(topics)
    subscriber.subscriptions.exclude(topic__in=wanted).delete()
    Subscription.objects.bulk_create(
        [Subscription(subscriber=subscriber, topic=topic) for topic in sorted(wanted)],
        ignore_conflicts=True,
    )


@transaction.atomic
def request_subscription(
    *,
    email: str,
    topics: Iterable[str],
    language: str,
    frequency: str,
    consent_text: str,
    consent_language: str,
) -> tuple[Subscriber, Outcome]:
    """Record a request to follow ``topics``; nothing is sent to it until it is confirmed.

    A confirmed address keeps its choices (anyone can type anyone's address): its owner is sent
    a link to change them instead. An unconfirmed or unsubscribed one takes the new choices and
    needs confirming again.
    """
    now = timezone.now()
    subscriber, created = Subscriber.objects.select_for_update().get_or_create(
        email=normalise_email(email),
        defaults={"language": language, "frequency": frequency},
    )
    if subscriber.is_active:
        return subscriber, Outcome.MANAGE_SENT
    if not created and subscriber.unsubscribed_at is not None:
        subscriber.token_version += 1  # links from the old subscription stop working
    subscriber.language, subscriber.frequency = language, frequency
    subscriber.confirmed_at = subscriber.unsubscribed_at = None
    subscriber.created_at = now
    subscriber.consent_at, subscriber.consent_text = now, consent_text
    subscriber.consent_language = consent_language
    subscriber.save()
    _set_topics(subscriber, topics)
    return subscriber, Outcome.CONFIRM_SENT


@transaction.atomic
def confirm(*, subscriber: Subscriber) -> Subscriber:
    """Start sending; confirming twice changes nothing."""
    if subscriber.confirmed_at is None:
        subscriber.confirmed_at = timezone.now()
        subscriber.unsubscribed_at = None
        subscriber.save(update_fields=["confirmed_at", "unsubscribed_at"])
    return subscriber


@transaction.atomic
def update_choices(
    *, subscriber: Subscriber, topics: Iterable[str], language: str, frequency: str
) -> Subscriber:
    """Change what a confirmed subscriber hears about, in which language and how often.

    Emails already waiting for the weekly digest are sent straight away on switching to "as it
    happens" (and the other way round), so none is lost.
    """
    old_frequency = subscriber.frequency
    subscriber.language, subscriber.frequency = language, frequency
    subscriber.save(update_fields=["language", "frequency"])
    _set_topics(subscriber, topics)
    if old_frequency != frequency:
        moving_from, moving_to = (
            (DeliveryStatus.DIGEST, DeliveryStatus.QUEUED)
            if frequency == "immediate"
            else (DeliveryStatus.QUEUED, DeliveryStatus.DIGEST)
        )
        subscriber.deliveries.filter(status=moving_from).update(status=moving_to)
    return subscriber


@transaction.atomic
def subscribe_account(
    *,
    user,
    email: str,
    topics: Iterable[str],
    language: str,
    frequency: str,
    consent_text: str,
    consent_language: str,
) -> Subscriber:
    """A signed-in resident's alerts, to an address the account has already confirmed."""
    now = timezone.now()
    subscriber, created = Subscriber.objects.select_for_update().get_or_create(
        email=normalise_email(email), defaults={"language": language, "frequency": frequency}
    )
    if not subscriber.is_active:
        subscriber.consent_at, subscriber.consent_text = now, consent_text
        subscriber.consent_language = consent_language
        subscriber.confirmed_at, subscriber.unsubscribed_at = now, None
    subscriber.user = user
    subscriber.save()
    return update_choices(
        subscriber=subscriber, topics=topics, language=language, frequency=frequency
    )


@transaction.atomic
def unsubscribe(*, subscriber: Subscriber) -> None:
    """Stop every alert now; the address is deleted after the retention period.

    Emails not yet handed to the mail server are cancelled.
    """
    if subscriber.unsubscribed_at is None:
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["unsubscribed_at"])
    Delivery.objects.filter(
        subscriber=subscriber,
        status__in=[DeliveryStatus.QUEUED, DeliveryStatus.DIGEST, DeliveryStatus.CLAIMED],
    ).update(status=DeliveryStatus.CANCELLED, claim=None)


@transaction.atomic
def erase_for_user(*, user) -> int:
    """Delete every subscription of a resident's account and its addresses; returns how many."""
    emails = [normalise_email(user.email)] if getattr(user, "email", "") else []
    if hasattr(user, "emailaddress_set"):
        emails += [
            normalise_email(e) for e in user.emailaddress_set.values_list("email", flat=True)
        ]
    subscribers = Subscriber.objects.filter(Q(user=user) | Q(email__in=emails))
    count = subscribers.count()
    subscribers.delete()
    return count
