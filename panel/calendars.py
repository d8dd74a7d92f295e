"""Panel meetings in calendars: an .ics file per meeting, a feed of upcoming meetings, and
"Add to your calendar" links, built with ``portal.calendars`` (Europe/London times, one UID per
meeting across its translations)."""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import override
from icalendar import Event

from panel import selectors
from panel.models import MeetingIndexPage, MeetingPage
from portal.calendars import (
    add_to_calendar_links,
    calendar_response,
    new_calendar,
    new_event,
    page_uid,
)

PRODID = "-//Housing engagement portal//Housing Advisory Panel meetings//EN"
FEED_LENGTH = 100


def meeting_location(meeting: MeetingPage) -> str:
    if meeting.location.strip():
        return meeting.location.strip()
    return _("Online") if meeting.online else ""


def _details(meeting: MeetingPage, url: str) -> str:
    parts = [meeting.introduction]
    if meeting.online:
        parts.append(meeting.online_details)
    if meeting.live_stream_url:
        parts.append(_("Watch live: %(url)s") % {"url": meeting.live_stream_url})
    parts.append(url)
    return "\n\n".join(part for part in parts if part)


def ical_meeting(*, meeting: MeetingPage, request) -> Event:
    url = request.build_absolute_uri(meeting.get_url(request))
    return new_event(
        uid=page_uid(meeting),
        start=meeting.start,
        end=meeting.ends_at,
        summary=meeting.title,
        description=_details(meeting, url),
        location=meeting_location(meeting),
        url=url,
        last_modified=meeting.last_published_at,
    )


def meeting_calendar_response(*, request, meeting: MeetingPage) -> HttpResponse:
    with override(meeting.locale.language_code):
        calendar = new_calendar(name=meeting.title, prodid=PRODID)
        calendar.add_component(ical_meeting(meeting=meeting, request=request))
    return calendar_response(calendar, filename=f"{meeting.slug}.ics")


def upcoming_meetings_calendar_response(*, request, index: MeetingIndexPage) -> HttpResponse:
    with override(index.locale.language_code):
        calendar = new_calendar(name=_("Housing Advisory Panel meetings"), prodid=PRODID)
        for meeting in selectors.upcoming_meetings(index=index)[:FEED_LENGTH]:
            calendar.add_component(ical_meeting(meeting=meeting, request=request))
    return calendar_response(calendar)


def meeting_calendar_links(*, meeting: MeetingPage, request) -> list[dict[str, str]]:
    url = request.build_absolute_uri(meeting.get_url(request))
    return add_to_calendar_links(
        title=meeting.title,
        start=meeting.start,
        end=meeting.ends_at,
        details=_details(meeting, url),
        location=meeting_location(meeting),
        ics_url=meeting.ics_url(),
    )
