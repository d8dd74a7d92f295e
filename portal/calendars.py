"""Calendar building blocks for any app that publishes dated things (events, meetings).

* ``new_calendar`` / ``new_event`` / ``calendar_response``: iCalendar (RFC 5545) files written
  with the ``icalendar`` package. Times carry ``TZID=Europe/London`` and the response adds the
  matching VTIMEZONE, so calendar apps place them right on both sides of a clock change.
* ``page_uid``: one UID per page *and all its translations* (from Wagtail's
  ``translation_key``), so subscribing in two languages shows one entry, and an edited page
  updates the entry instead of adding another.
* ``add_to_calendar_links``: the .ics file, Google Calendar and Outlook.com links.

Apps decide what goes into an entry; nothing here knows about any app's models.
"""

import datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

LONDON = ZoneInfo("Europe/London")
UTC = ZoneInfo("UTC")
UID_DOMAIN = "housing-engagement-portal"


def page_uid(page) -> str:
    return f"{page.translation_key}@{UID_DOMAIN}"


def new_calendar(*, name: str, prodid: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", prodid)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/London")
    return calendar


def new_event(
    *,
    uid: str,
    start: datetime.datetime,
    end: datetime.datetime,
    summary: str,
    description: str,
    location: str,
    url: str,
    status: str = "CONFIRMED",
    last_modified: datetime.datetime | None = None,
) -> Event:
    component = Event()
    component.add("uid", uid)
    component.add("dtstamp", timezone.now().astimezone(UTC))
    component.add("dtstart", start.astimezone(LONDON))
    component.add("dtend", end.astimezone(LONDON))
    component.add("summary", summary)
    component.add("description", description)
    if location:
        component.add("location", location)
    component.add("url", url)
    component.add("status", status)
    if last_modified:
        component.add("last-modified", last_modified.astimezone(UTC))
    return component


def calendar_response(calendar: Calendar, *, filename: str | None = None) -> HttpResponse:
    """The calendar as ``text/calendar``; with ``filename``, as a download of that name."""
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def add_to_calendar_links(
    *,
    title: str,
    start: datetime.datetime,
    end: datetime.datetime,
    details: str,
    location: str,
    ics_url: str,
) -> list[dict[str, str]]:
    """Links for an "Add to your calendar" list: the first is the .ics file on this site."""
    start_utc = start.astimezone(UTC)
    end_utc = end.astimezone(UTC)
    google = "https://calendar.google.com/calendar/render?" + urlencode(
        {
            "action": "TEMPLATE",
            "text": title,
            "dates": f"{start_utc:%Y%m%dT%H%M%SZ}/{end_utc:%Y%m%dT%H%M%SZ}",
            "details": details,
            "location": location,
            "ctz": "Europe/London",
        }
    )
    outlook = "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(
        {
            "path": "/calendar/action/compose",
            "rru": "addevent",
            "subject": title,
            "startdt": start_utc.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "enddt": end_utc.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "body": details,
            "location": location,
        }
    )
    return [
        {"label": _("Download a calendar file (Apple, Outlook and others)"), "url": ics_url},
        {"label": _("Add to Google Calendar"), "url": google},
        {"label": _("Add to Outlook.com"), "url": outlook},
    ]
