"""iCalendar files and feeds parse with icalendar and keep the right times across DST."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import timezone

from news.models import EventStatus

from .conftest import add_event, london, translate

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def parse(response):
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def test_event_ics_has_london_times_on_both_sides_of_the_october_clock_change(
    client, events_index, estate
):
    # British Summer Time ends at 02:00 on Sunday 26 October 2025.
    before = add_event(
        events_index,
        title="Saturday",
        slug="sat",
        start=london(date(2025, 10, 25), 18),
        estate=estate,
    )
    after = add_event(
        events_index,
        title="Monday",
        slug="mon",
        start=london(date(2025, 10, 27), 18),
        estate=estate,
    )
    sat = parse(client.get(f"{before.url}calendar/"))
    mon = parse(client.get(f"{after.url}calendar/"))
    (sat_event,) = sat.walk("VEVENT")
    (mon_event,) = mon.walk("VEVENT")
    assert sat_event["DTSTART"].params["TZID"] == "Europe/London"
    assert sat_event.decoded("DTSTART").astimezone(UTC) == datetime(2025, 10, 25, 17, 0, tzinfo=UTC)
    assert mon_event.decoded("DTSTART").astimezone(UTC) == datetime(2025, 10, 27, 18, 0, tzinfo=UTC)
    assert mon_event.decoded("DTEND").astimezone(UTC) == datetime(2025, 10, 27, 20, 0, tzinfo=UTC)
    # The calendar carries the Europe/London rules so apps without them still get it right.
    (tz,) = sat.walk("VTIMEZONE")
    assert tz["TZID"] == "Europe/London"
    assert str(sat_event["SUMMARY"]) == "Saturday"
    assert str(sat_event["URL"]) == f"http://testserver{before.url}"
    assert "Pembury" in str(sat_event["LOCATION"])


def test_upcoming_calendar_feed_lists_upcoming_events_per_estate_and_marks_cancellations(
    client, events_index, estate
):
    now = timezone.now()
    add_event(
        events_index, title="On Pembury", slug="p", start=now + timedelta(days=3), estate=estate
    )
    add_event(events_index, title="Elsewhere", slug="e", start=now + timedelta(days=4))
    add_event(
        events_index,
        title="Called off",
        slug="c",
        start=now + timedelta(days=5),
        status=EventStatus.CANCELLED,
    )
    add_event(events_index, title="Long gone", slug="g", start=now - timedelta(days=5))
    calendar = parse(client.get(f"{events_index.url}calendar/"))
    summaries = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(summaries) == {"On Pembury", "Elsewhere", "Cancelled: Called off"}
    assert str(summaries["Cancelled: Called off"]["STATUS"]) == "CANCELLED"
    per_estate = parse(client.get(f"{events_index.url}estates/{estate.pk}/calendar/"))
    assert [str(e["SUMMARY"]) for e in per_estate.walk("VEVENT")] == ["On Pembury"]
    assert "Pembury" in str(per_estate["X-WR-CALNAME"])
    assert client.get(f"{events_index.url}estates/999999/calendar/").status_code == 404


def test_every_language_version_of_an_event_shares_one_uid_and_no_two_events_do(
    client, events_index, locales
):
    now = timezone.now()
    drop_in = add_event(events_index, title="Drop-in", slug="drop-in", start=now + timedelta(1))
    add_event(events_index, title="Walkabout", slug="walkabout", start=now + timedelta(2))
    turkish = translate(drop_in, locales["tr"], strings={"Drop-in": "Açık oturum"})
    urdu = translate(drop_in, locales["ur"], strings={"Drop-in": "کھلی نشست"})
    assert turkish.pk != drop_in.pk and turkish.locale.language_code == "tr"

    def uids_by_summary(url):
        return {str(e["SUMMARY"]): str(e["UID"]) for e in parse(client.get(url)).walk("VEVENT")}

    english = uids_by_summary(f"{events_index.url}calendar/")
    assert len(set(english.values())) == 2  # two events, two UIDs
    in_turkish = uids_by_summary(f"{turkish.get_parent().url}calendar/")
    assert in_turkish == {"Açık oturum": english["Drop-in"]}
    (single,) = parse(client.get(f"{urdu.url}calendar/")).walk("VEVENT")
    assert str(single["SUMMARY"]) == "کھلی نشست"
    assert str(single["UID"]) == english["Drop-in"]
