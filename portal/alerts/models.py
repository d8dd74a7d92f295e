"""Email alerts: who follows what, what was announced, and each email owed to each subscriber.

* ``Subscriber``: one email address (an account is optional), its language and frequency, when
  it was confirmed (double opt-in) and the consent wording it was shown. Personal data: erased
  with the account, deleted a short while after unsubscribing (``manage.py alerts_retention``).
* ``Subscription``: one followed topic (a key from ``portal.registry.AlertTopic``).
* ``AlertItem``: one announcement (a published update, a consultation opening), unique by key.
* ``Delivery``: one (subscriber, item) pair, unique in the database, so republishing or a
  restarted worker can never owe anyone a second email about the same item.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("As it happens")
    WEEKLY = "weekly", _("Once a week, in one email")


class SubscriberQuerySet(models.QuerySet):
    def active(self):
        """Confirmed and not unsubscribed: the only addresses anything is sent to."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)


class Subscriber(models.Model):
    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(_("language of the emails"), max_length=10)
    frequency = models.CharField(
        _("how often"), max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="alert_subscriptions",
    )
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    consent_at = models.DateTimeField(null=True, blank=True)
    consent_text = models.TextField(blank=True)
    consent_language = models.CharField(max_length=10, blank=True)
    # Raised to make every link already emailed to this address stop working.
    token_version = models.PositiveIntegerField(default=1)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("alert subscriber")
        verbose_name_plural = _("alert subscribers")
        permissions = [("view_subscriber_addresses", "Can see and export subscribers' addresses")]

    def __str__(self) -> str:
        return f"subscriber {self.pk}"

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


class Subscription(models.Model):
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    topic = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "topic"], name="alerts_topic_once")
        ]
        indexes = [models.Index(fields=["topic"], name="alerts_subscription_topic")]

    def __str__(self) -> str:
        return self.topic


class AlertItem(models.Model):
    key = models.CharField(max_length=200, unique=True)
    source = models.CharField(max_length=40)
    reason = models.CharField(max_length=40)
    topics = models.JSONField(default=list)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(max_length=255)
    created_at = models.DateTimeField(default=timezone.now)
    fanned_out_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    DIGEST = "digest", _("Waiting for the weekly email")
    CLAIMED = "claimed", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    INTERRUPTED = "interrupted", _("Interrupted")
    CANCELLED = "cancelled", _("Cancelled")


class Delivery(models.Model):
    """One email owed to one subscriber about one item.

    Sending moves it ``queued`` (or ``digest``) → ``claimed`` (a worker took it) → ``sending``
    (handed to the mail server) → ``sent``. A worker killed mid-send leaves ``sending`` rows: they
    become ``interrupted`` and are never sent again (at most once); ``claimed`` rows it never
    reached go back to the queue.
    """

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    item = models.ForeignKey(AlertItem, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(
        max_length=12, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claim = models.UUIDField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "item"], name="alerts_delivery_once")
        ]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="alerts_delivery_due"),
            models.Index(
                fields=["claim"], name="alerts_delivery_claim", condition=Q(claim__isnull=False)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item_id} to {self.subscriber_id}: {self.status}"


class ExportRecord(models.Model):
    """An audit line for every export of subscriber data by staff."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    what = models.CharField(max_length=100)
    rows = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.what} ({self.rows}) at {self.at:%Y-%m-%d %H:%M}"
