"""iCalendar (RFC 5545) files: one per event, and feeds of upcoming events (all or per estate).

Built with ``portal.calendars`` (Europe/London times with their VTIMEZONE, one UID per event
across its translations). Cancelled events stay in feeds with ``STATUS:CANCELLED`` so
subscribers see the cancellation.
"""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import override
from icalendar import Event

from news.models import Estate, EventIndexPage, EventPage, EventStatus
from news.selectors import events_queryset
from portal.calendars import calendar_response, new_calendar, new_event, page_uid

PRODID = "-//Housing engagement portal//Estate events//EN"
FEED_LENGTH = 200

ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def event_location(event: EventPage) -> str:
    parts = [event.venue, " ".join(event.address.split())]
    if event.estate_id and event.estate.name not in event.venue:
        parts.append(event.estate.name)
    return ", ".join(part for part in parts if part)


def ical_event(*, event: EventPage, request) -> Event:
    url = request.build_absolute_uri(event.get_url(request))
    summary = event.title
    if event.status == EventStatus.CANCELLED:
        summary = _("Cancelled: %(title)s") % {"title": event.title}
    elif event.status == EventStatus.POSTPONED:
        summary = _("Postponed: %(title)s") % {"title": event.title}
    description = "\n\n".join(
        part for part in [event.status_note, event.introduction, event.online_url, url] if part
    )
    return new_event(
        uid=page_uid(event),
        start=event.start,
        end=event.end,
        summary=summary,
        description=description,
        location=event_location(event) or event.online_url,
        url=url,
        status=ICAL_STATUS.get(event.status, "CONFIRMED"),
        last_modified=event.last_published_at,
    )


def event_calendar_response(*, request, event: EventPage) -> HttpResponse:
    with override(event.locale.language_code):
        calendar = new_calendar(name=event.title, prodid=PRODID)
        calendar.add_component(ical_event(event=event, request=request))
    return calendar_response(calendar, filename=f"{event.slug}.ics")


def upcoming_events_calendar_response(
    *, request, index: EventIndexPage, estate: Estate | None
) -> HttpResponse:
    with override(index.locale.language_code):
        if estate is not None:
            name = _("Events on %(estate)s") % {"estate": estate.name}
        else:
            name = _("Estate events")
        calendar = new_calendar(name=name, prodid=PRODID)
        for event in events_queryset(index=index, estate=estate)[:FEED_LENGTH]:
            calendar.add_component(ical_event(event=event, request=request))
    return calendar_response(calendar)
