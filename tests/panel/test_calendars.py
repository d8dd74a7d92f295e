"""Panel meetings in calendars (read back with the real icalendar parser) and "Watch live"."""

import datetime

import icalendar
import pytest

from tests.news.conftest import translate
from tests.panel.conftest import LONDON, add_meeting, publish

pytestmark = pytest.mark.django_db
UTC = datetime.UTC
STREAM = "https://video.example.org/panel/live"


def parse(response):
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


@pytest.fixture
def summer_meeting(panel_section):
    # In British Summer Time: 18:00 in London is 17:00 UTC.
    return add_meeting(
        panel_section["index"],
        title="Panel meeting, summer",
        slug="summer",
        start=datetime.datetime(2030, 7, 4, 18, tzinfo=LONDON),
        minutes=False,
        online=True,
        online_details="Ask the secretary for a video link.",
        live_stream_url=STREAM,
        introduction="The panel looks at the damp and mould plan.",
    )


def test_a_meeting_downloads_as_a_calendar_file_in_london_time(client, summer_meeting):
    response = client.get(f"{summer_meeting.url}calendar/")
    assert response["Content-Disposition"] == 'attachment; filename="summer.ics"'
    calendar = parse(response)
    (meeting,) = calendar.walk("VEVENT")
    assert meeting["DTSTART"].params["TZID"] == "Europe/London"
    assert meeting.decoded("DTSTART").astimezone(UTC) == datetime.datetime(
        2030, 7, 4, 17, tzinfo=UTC
    )
    assert meeting.decoded("DTEND").astimezone(UTC) == datetime.datetime(2030, 7, 4, 19, tzinfo=UTC)
    (timezone,) = calendar.walk("VTIMEZONE")
    assert timezone["TZID"] == "Europe/London"
    assert str(meeting["SUMMARY"]) == "Panel meeting, summer"
    assert str(meeting["LOCATION"]) == "Hackney Town Hall, Committee Room 1"
    assert str(meeting["URL"]) == f"http://testserver{summer_meeting.url}"
    description = str(meeting["DESCRIPTION"])
    assert "damp and mould plan" in description
    assert "Ask the secretary for a video link." in description
    assert STREAM in description
    assert str(meeting["UID"]) == f"{summer_meeting.translation_key}@housing-engagement-portal"


def test_a_meeting_without_an_end_or_a_place_still_makes_a_calendar_entry(client, panel_section):
    meeting = add_meeting(
        panel_section["index"],
        title="Online catch-up",
        slug="catch-up",
        start=datetime.datetime(2030, 1, 9, 18, tzinfo=LONDON),
        minutes=False,
        online=True,
    )
    meeting.end = None
    meeting.location = ""
    publish(meeting)
    (entry,) = parse(client.get(f"{meeting.url}calendar/")).walk("VEVENT")
    # Winter: London is on UTC; an open-ended meeting is entered as two hours long.
    assert entry.decoded("DTSTART").astimezone(UTC) == datetime.datetime(2030, 1, 9, 18, tzinfo=UTC)
    assert entry.decoded("DTEND").astimezone(UTC) == datetime.datetime(2030, 1, 9, 20, tzinfo=UTC)
    assert str(entry["LOCATION"]) == "Online"


def test_every_translation_of_a_meeting_shares_its_uid(client, summer_meeting, locales):
    turkish = translate(summer_meeting, locales["tr"], strings={"Panel meeting, summer": "Yaz"})
    assert turkish.pk != summer_meeting.pk
    (english,) = parse(client.get(f"{summer_meeting.url}calendar/")).walk("VEVENT")
    (in_turkish,) = parse(client.get(f"{turkish.url}calendar/")).walk("VEVENT")
    assert str(in_turkish["SUMMARY"]) == "Yaz"
    assert str(in_turkish["UID"]) == str(english["UID"])
    feed = parse(client.get(f"{turkish.get_parent().url}calendar/"))
    assert [str(e["UID"]) for e in feed.walk("VEVENT")] == [str(english["UID"])]


def test_upcoming_meetings_feed_lists_upcoming_public_meetings_only(
    client, panel_section, summer_meeting
):
    draft = add_meeting(
        panel_section["index"],
        title="Unpublished meeting",
        slug="draft",
        start=datetime.datetime(2030, 9, 1, 18, tzinfo=LONDON),
        minutes=False,
    )
    draft.unpublish()
    html = client.get(panel_section["index"].url).content.decode()
    assert f'href="{panel_section["index"].url}calendar/"' in html
    calendar = parse(client.get(f"{panel_section['index'].url}calendar/"))
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [
        "Panel meeting, autumn",
        "Panel meeting, summer",
    ]
    assert str(calendar["X-WR-CALNAME"]) == "Housing Advisory Panel meetings"
    uids = [str(e["UID"]) for e in calendar.walk("VEVENT")]
    assert len(set(uids)) == 2


def test_upcoming_meeting_page_offers_add_to_calendar_and_watch_live(client, summer_meeting):
    html = client.get(summer_meeting.url).content.decode()
    assert "Add to your calendar" in html
    assert f'href="{summer_meeting.url}calendar/"' in html
    assert "calendar.google.com" in html
    assert f'<a class="govuk-link" href="{STREAM}" rel="noopener">Watch live</a>' in html


def test_watch_live_only_shows_with_a_stream_and_before_the_meeting_ends(client, panel_section):
    upcoming = panel_section["upcoming"]  # no stream set
    assert "Watch live" not in client.get(upcoming.url).content.decode()
    past = panel_section["past"]
    past.live_stream_url = STREAM
    publish(past)
    html = client.get(past.url).content.decode()
    assert "Watch live" not in html and STREAM not in html
    assert "Add to your calendar" not in html
