"""Writes for the news section: measurements and RSVPs. Views and admin forms call these."""

import uuid
from datetime import date, timedelta
from decimal import Decimal

from django.db import IntegrityError, models, transaction
from django.utils import timezone
from wagtail.log_actions import log

from news import emails
from news.models import CommitmentPage, EventPage, EventRSVP, Measurement


class RSVPError(Exception):
    """An RSVP that cannot be accepted; ``message`` is shown to the resident."""


class RSVPClosed(RSVPError):
    pass


class EventFull(RSVPError):
    def __init__(self, places_left: int):
        super().__init__(places_left)
        self.places_left = places_left


@transaction.atomic
def record_measurement(
    *,
    commitment: CommitmentPage,
    date: date,
    value: Decimal,
    source_note: str,
    user=None,
) -> Measurement:
    """Record (or correct) the figure for ``commitment`` on ``date``; logged to the audit log."""
    measurement = Measurement(
        commitment=commitment, date=date, value=value, source_note=source_note, recorded_by=user
    )
    measurement.clean()  # normalises the commitment to its default-locale copy
    existing = Measurement.objects.filter(commitment=measurement.commitment, date=date).first()
    if existing is not None:
        existing.value = value
        existing.source_note = source_note
        existing.recorded_by = user
        existing.save(update_fields=["value", "source_note", "recorded_by"])
        log(instance=existing, action="wagtail.edit", user=user)
        return existing
    measurement.save()
    log(instance=measurement, action="wagtail.create", user=user)
    return measurement


@transaction.atomic
def create_rsvp(
    *,
    event: EventPage,
    name: str,
    places: int,
    email: str = "",
    access_needs: str = "",
    language_code: str = "",
    submission_key: uuid.UUID | None = None,
) -> EventRSVP:
    """Reply to ``event`` for ``places`` people, never past its capacity.

    The default-locale copy of the event is locked (``SELECT ... FOR UPDATE``) while places are
    counted, so concurrent replies in any language are serialised on PostgreSQL. Sending the
    same ``submission_key`` twice returns the first reply instead of adding another.
    Raises ``RSVPClosed`` or ``EventFull``.
    """
    target = event.rsvp_event()
    locked = EventPage.objects.select_for_update(of=("self",)).get(pk=target.pk)
    if submission_key is not None:
        earlier = EventRSVP.objects.filter(submission_key=submission_key).first()
        if earlier is not None:
            return earlier
    if not event.accepts_rsvps or not locked.rsvp_enabled:
        raise RSVPClosed()
    if locked.capacity is not None:
        taken = locked.rsvps.aggregate(total=models.Sum("places"))["total"] or 0
        left = max(locked.capacity - taken, 0)
        if places > left:
            raise EventFull(left)
    try:
        with transaction.atomic():
            rsvp = EventRSVP.objects.create(
                event=locked,
                name=name,
                email=email,
                places=places,
                access_needs=access_needs,
                language_code=language_code,
                submission_key=submission_key or uuid.uuid4(),
            )
    except IntegrityError:
        # The same form was submitted twice at once: the other request stored it.
        return EventRSVP.objects.get(submission_key=submission_key)
    if rsvp.email:
        transaction.on_commit(lambda: emails.send_rsvp_confirmation(rsvp_id=rsvp.pk))
    return rsvp


@transaction.atomic
def cancel_rsvp(*, rsvp: EventRSVP) -> int:
    """Withdraw ``rsvp`` so its places go back to the event; returns the places freed.

    Cancelling a reply that is already gone (a second click) frees nothing and raises nothing.
    """
    deleted, _by_model = EventRSVP.objects.filter(pk=rsvp.pk).delete()
    return rsvp.places if deleted else 0


RSVP_RETENTION_DAYS = 30


@transaction.atomic
def anonymise_past_rsvps(*, now=None, days: int = RSVP_RETENTION_DAYS) -> int:
    """Clear names, email addresses and access needs from replies to events that ended more
    than ``days`` ago; the number of places stays, so attendance figures remain."""
    cutoff = (now or timezone.now()) - timedelta(days=days)
    return (
        EventRSVP.objects.filter(event__end__lt=cutoff)
        .exclude(name="", email="", access_needs="")
        .update(name="", email="", access_needs="")
    )
