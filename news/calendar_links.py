"""'Add to calendar' links for an event: the .ics file, Google Calendar and Outlook.com."""

from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from news.ical import event_location

UTC = ZoneInfo("UTC")


def calendar_links(*, event, request) -> list[dict[str, str]]:
    url = request.build_absolute_uri(event.get_url(request))
    details = "\n\n".join(part for part in [event.introduction, url] if part)
    location = event_location(event) or event.online_url
    start_utc = event.start.astimezone(UTC)
    end_utc = event.end.astimezone(UTC)
    google = "https://calendar.google.com/calendar/render?" + urlencode(
        {
            "action": "TEMPLATE",
            "text": event.title,
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
            "subject": event.title,
            "startdt": start_utc.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "enddt": end_utc.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "body": details,
            "location": location,
        }
    )
    return [
        {
            "label": _("Download a calendar file (Apple, Outlook and others)"),
            "url": event.ics_url(),
        },
        {"label": _("Add to Google Calendar"), "url": google},
        {"label": _("Add to Outlook.com"), "url": outlook},
    ]
