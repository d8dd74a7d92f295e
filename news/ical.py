"""iCalendar (RFC 5545) files: one per event, and feeds of upcoming events (all or per estate).

Times are written with ``TZID=Europe/London`` and the calendar carries the matching
VTIMEZONE, so calendar apps place events correctly on both sides of a daylight-saving change.
Cancelled events stay in feeds with ``STATUS:CANCELLED`` so subscribers see the cancellation.
"""

from zoneinfo import ZoneInfo

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from icalendar import Calendar, Event

from news.models import Estate, EventIndexPage, EventPage, EventStatus
from news.selectors import events_queryset

LONDON = ZoneInfo("Europe/London")
PRODID = "-//Housing engagement portal//Estate events//EN"
FEED_LENGTH = 200

ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/London")
    return calendar


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
    component = Event()
    # One UID for every language version, so subscribing in two languages shows one event.
    component.add("uid", f"{event.translation_key}@housing-engagement-portal")
    component.add("dtstamp", timezone.now().astimezone(ZoneInfo("UTC")))
    component.add("dtstart", event.start.astimezone(LONDON))
    component.add("dtend", event.end.astimezone(LONDON))
    component.add("summary", summary)
    component.add("description", description)
    component.add("location", event_location(event) or event.online_url)
    component.add("url", url)
    component.add("status", ICAL_STATUS.get(event.status, "CONFIRMED"))
    if event.last_published_at:
        component.add("last-modified", event.last_published_at.astimezone(ZoneInfo("UTC")))
    return component


def _response(calendar: Calendar, *, filename: str | None = None) -> HttpResponse:
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_calendar_response(*, request, event: EventPage) -> HttpResponse:
    with override(event.locale.language_code):
        calendar = _calendar(event.title)
        calendar.add_component(ical_event(event=event, request=request))
    return _response(calendar, filename=f"{event.slug}.ics")


def upcoming_events_calendar_response(
    *, request, index: EventIndexPage, estate: Estate | None
) -> HttpResponse:
    with override(index.locale.language_code):
        if estate is not None:
            name = _("Events on %(estate)s") % {"estate": estate.name}
        else:
            name = _("Estate events")
        calendar = _calendar(name)
        for event in events_queryset(index=index, estate=estate)[:FEED_LENGTH]:
            calendar.add_component(ical_event(event=event, request=request))
    return _response(calendar)
