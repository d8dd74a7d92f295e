"""Signed, expiring links that let a subscriber act without signing in.

A token names the subscriber and its ``token_version``; raising the version (on erasure or when
an address is subscribed afresh) stops every older link. Each purpose has its own salt, so a
confirmation link cannot be used as an unsubscribe link or the other way round. Tokens hold only
URL-safe characters (letters, digits, ``-``, ``_`` and ``:``).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core import signing

from portal.alerts.models import Subscriber

CONFIRM = "confirm"
MANAGE = "manage"
UNSUBSCRIBE = "unsubscribe"


def max_age(purpose: str) -> timedelta:
    days = {
        CONFIRM: settings.ALERTS_CONFIRM_DAYS,
        MANAGE: settings.ALERTS_LINK_DAYS,
        UNSUBSCRIBE: settings.ALERTS_UNSUBSCRIBE_LINK_DAYS,
    }[purpose]
    return timedelta(days=days)


def make_token(subscriber: Subscriber, purpose: str) -> str:
    return signing.dumps([subscriber.pk, subscriber.token_version], salt=f"portal.alerts.{purpose}")


def subscriber_for_token(token: str, purpose: str) -> Subscriber | None:
    """The subscriber the token was made for, or ``None`` if it is forged, expired or stale."""
    try:
        pk, version = signing.loads(
            token, salt=f"portal.alerts.{purpose}", max_age=max_age(purpose)
        )
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(pk, int) or not isinstance(version, int):
        return None
    return Subscriber.objects.filter(pk=pk, token_version=version).first()
