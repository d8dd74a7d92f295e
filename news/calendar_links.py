"""'Add to calendar' links for an event: the .ics file, Google Calendar and Outlook.com."""

from news.ical import event_location
from portal.calendars import add_to_calendar_links


def calendar_links(*, event, request) -> list[dict[str, str]]:
    url = request.build_absolute_uri(event.get_url(request))
    return add_to_calendar_links(
        title=event.title,
        start=event.start,
        end=event.end,
        details="\n\n".join(part for part in [event.introduction, url] if part),
        location=event_location(event) or event.online_url,
        ics_url=event.ics_url(),
    )
