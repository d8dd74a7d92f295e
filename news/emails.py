"""Emails to residents who replied to an event: a confirmation, and notice of changes.

Each email is written in the language the resident replied in, with that language's copy of
the event where there is one. A mail server that is down or refuses an address is logged
(without the address) and never fails the resident's reply or the editor's publishing.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from news.models import EventPage, EventRSVP
from portal.mail import send_or_log

# The fields whose change residents who replied are told about.
NOTIFIED_FIELDS = ("status", "start", "end", "venue", "address", "online_url")


def _in_language(event: EventPage, language_code: str) -> EventPage:
    locale = Locale.objects.filter(language_code=language_code).first()
    translated = event.get_translation_or_none(locale) if locale else None
    return translated if translated is not None and translated.live else event


def _base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def _context(rsvp: EventRSVP, event: EventPage, **extra) -> dict:
    where = ", ".join(
        part.strip() for part in [event.venue, *event.address.splitlines()] if part.strip()
    )
    return {
        "rsvp": rsvp,
        "event": event,
        "where": where,
        "url": event.get_full_url() or _base_url(),
        **extra,
    }


def send_rsvp_confirmation(*, rsvp_id: int) -> bool:
    rsvp = EventRSVP.objects.select_related("event").filter(pk=rsvp_id).first()
    if rsvp is None or not rsvp.email:
        return False
    with translation.override(rsvp.language_code or settings.LANGUAGE_CODE):
        event = _in_language(rsvp.event, rsvp.language_code)
        subject = _("Your place at %(title)s") % {"title": event.title}
        body = render_to_string(
            "components/news/email/rsvp_confirmation.txt",
            _context(rsvp, event),
        )
    return send_or_log(subject, body, rsvp.email, what=f"event reply {rsvp.pk}")


def notify_event_change(*, event_id: int, changed: list[str]) -> int:
    """Tell everyone who replied with an email address that the event changed."""
    event = EventPage.objects.filter(pk=event_id).first()
    if event is None:
        return 0
    sent = 0
    for rsvp in event.rsvps.exclude(email="").iterator():
        with translation.override(rsvp.language_code or settings.LANGUAGE_CODE):
            localised = _in_language(event, rsvp.language_code)
            subject = _("Change to %(title)s") % {"title": localised.title}
            body = render_to_string(
                "components/news/email/event_changed.txt",
                _context(rsvp, localised, changed=set(changed)),
            )
        sent += send_or_log(subject, body, rsvp.email, what=f"event change {rsvp.pk}")
    return sent


def _remember_changes(sender, instance: EventPage, update_fields=None, raw=False, **kwargs):
    """Before a live event is saved, note which notified fields differ from what is live."""
    instance._changed_for_rsvps = []
    if raw or instance.pk is None or not instance.live:
        return
    if update_fields is not None and not set(update_fields) & set(NOTIFIED_FIELDS):
        return  # a draft or a bookkeeping save: the live fields are not being written
    if instance.locale_id != Locale.get_default().pk:
        return  # replies are stored against the default language's copy
    before = EventPage.objects.filter(pk=instance.pk, live=True).values(*NOTIFIED_FIELDS).first()
    if before is None or instance.end < timezone.now():
        return
    instance._changed_for_rsvps = [
        name for name in NOTIFIED_FIELDS if before[name] != getattr(instance, name)
    ]


def _notify_after_save(sender, instance: EventPage, raw=False, **kwargs):
    changed = getattr(instance, "_changed_for_rsvps", [])
    if changed and not raw:
        event_id = instance.pk
        transaction.on_commit(lambda: notify_event_change(event_id=event_id, changed=changed))


def connect() -> None:
    pre_save.connect(_remember_changes, sender=EventPage, dispatch_uid="news_event_changes")
    post_save.connect(_notify_after_save, sender=EventPage, dispatch_uid="news_event_notify")
