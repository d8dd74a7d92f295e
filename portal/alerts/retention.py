"""How long alert addresses are kept: personal data, held only while it is used."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from portal.alerts.models import Subscriber


def apply_retention(*, now=None) -> dict[str, int]:
    """Delete unconfirmed requests past their confirmation window and unsubscribed addresses
    past the retention period (deliveries go with them)."""
    now = now or timezone.now()
    unconfirmed = Subscriber.objects.filter(
        confirmed_at__isnull=True,
        created_at__lt=now - timedelta(days=settings.ALERTS_CONFIRM_DAYS),
    )
    unsubscribed = Subscriber.objects.filter(
        unsubscribed_at__lt=now - timedelta(days=settings.ALERTS_UNSUBSCRIBED_RETENTION_DAYS)
    )
    counts = {"unconfirmed": unconfirmed.count(), "unsubscribed": unsubscribed.count()}
    unconfirmed.delete()
    unsubscribed.delete()
    return counts
