"""Reads for alerts: staff figures and a resident's own data."""

from __future__ import annotations

from django.db.models import Count, Q

from portal.alerts.models import AlertItem, DeliveryStatus, Subscriber, Subscription

S = DeliveryStatus


def items_with_counts():
    """Every announcement, newest first, with how many emails were queued, sent and failed."""
    return AlertItem.objects.annotate(
        queued=Count("deliveries"),
        sent=Count("deliveries", filter=Q(deliveries__status=S.SENT)),
        waiting=Count(
            "deliveries",
            filter=Q(deliveries__status__in=[S.QUEUED, S.CLAIMED, S.SENDING, S.DIGEST]),
        ),
        failed=Count("deliveries", filter=Q(deliveries__status__in=[S.FAILED, S.INTERRUPTED])),
    ).order_by("-created_at")


def subscriber_counts() -> dict:
    """Active subscribers per topic and per language: counts only, never addresses."""
    active = Subscriber.objects.active()
    return {
        "total": active.count(),
        "by_topic": list(
            Subscription.objects.filter(subscriber__in=active)
            .values("topic")
            .annotate(count=Count("id"))
            .order_by("topic")
        ),
        "by_language": list(
            active.values("language").annotate(count=Count("id")).order_by("language")
        ),
        "by_frequency": list(
            active.values("frequency").annotate(count=Count("id")).order_by("frequency")
        ),
    }


def personal_data_for_user(user) -> list[dict]:
    """What the alerts hold about a resident's account, for their own data export."""
    emails = {user.email.lower()} if getattr(user, "email", "") else set()
    if hasattr(user, "emailaddress_set"):
        emails |= {e.lower() for e in user.emailaddress_set.values_list("email", flat=True)}
    records = Subscriber.objects.filter(Q(user=user) | Q(email__in=emails)).prefetch_related(
        "subscriptions"
    )
    return [
        {
            "email": s.email,
            "language": s.language,
            "frequency": s.frequency,
            "topics": sorted(t.topic for t in s.subscriptions.all()),
            "subscribed_at": s.created_at.isoformat(),
            "confirmed_at": s.confirmed_at.isoformat() if s.confirmed_at else None,
            "unsubscribed_at": s.unsubscribed_at.isoformat() if s.unsubscribed_at else None,
            "consent": {
                "at": s.consent_at.isoformat() if s.consent_at else None,
                "wording": s.consent_text,
                "language": s.consent_language,
            },
            "emails_sent": s.deliveries.filter(status=S.SENT).count(),
        }
        for s in records
    ]
