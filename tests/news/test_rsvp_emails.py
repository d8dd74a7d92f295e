"""Emails to residents who replied to an event, through a real SMTP server (aiosmtpd), and the
removal of their details once the event is well past."""

import uuid
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from news.models import EventRSVP, EventStatus

from .conftest import add_event, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(events_index):
    return add_event(
        events_index,
        title="Estate drop-in",
        slug="estate-drop-in",
        start=timezone.now() + timedelta(days=7),
        rsvp_enabled=True,
        capacity=20,
        address="Kings Crescent\nLondon N4 2XX",
    )


def reply(client, page, capture, **data):
    payload = {"name": "Ayşe", "email": "ayse@example.org", "places": "2", "access_needs": ""}
    payload.update(data)
    with capture(execute=True):
        response = client.post(f"{page.url}rsvp/", payload)
    assert response.status_code == 302
    return response


def test_a_reply_with_an_email_address_is_confirmed_once(
    client, event, smtp, django_capture_on_commit_callbacks
):
    key = str(uuid.uuid4())
    reply(client, event, django_capture_on_commit_callbacks, submission_key=key)
    reply(client, event, django_capture_on_commit_callbacks, submission_key=key)  # double click
    reply(client, event, django_capture_on_commit_callbacks, email="", name="Bo")
    assert EventRSVP.objects.count() == 2
    assert len(smtp.messages) == 1
    message = smtp.messages[0]
    assert message["To"] == "ayse@example.org"
    assert message["Subject"] == "Your place at Estate drop-in"
    body = message.get_content()
    assert "We have saved 2 places for you at Estate drop-in." in body
    assert "Community hall, Kings Crescent, London N4 2XX" in body
    assert "We will email you if anything changes." in body


def test_the_confirmation_is_in_the_language_the_resident_replied_in(
    client, event, locales, smtp, django_capture_on_commit_callbacks
):
    turkish = translate(event, locales["tr"], {"Estate drop-in": "Site buluşması"})
    reply(client, turkish, django_capture_on_commit_callbacks)
    message = smtp.messages[0]
    assert "Site buluşması" in message["Subject"]
    assert "Your place" not in message["Subject"]


def test_a_mail_server_that_is_down_does_not_lose_the_reply(
    client, event, smtp_down, django_capture_on_commit_callbacks, caplog
):
    response = reply(client, event, django_capture_on_commit_callbacks)
    assert "We have saved 2 places for you." in client.get(response["Location"]).content.decode()
    assert EventRSVP.objects.count() == 1
    assert "Email not sent" in caplog.text and "ayse@example.org" not in caplog.text


def test_residents_who_replied_hear_when_the_event_is_cancelled_or_moved(
    client, event, smtp, django_capture_on_commit_callbacks
):
    reply(client, event, django_capture_on_commit_callbacks)
    reply(client, event, django_capture_on_commit_callbacks, email="", name="Bo")
    smtp.messages.clear()

    # A draft is not news to residents: nothing is sent until it is published.
    event.start += timedelta(hours=1)
    event.end += timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        revision = event.save_revision()
    assert smtp.messages == []
    with django_capture_on_commit_callbacks(execute=True):
        revision.publish()
    assert [m["To"] for m in smtp.messages] == ["ayse@example.org"]
    assert smtp.messages[0]["Subject"] == "Change to Estate drop-in"
    assert "have changed" in smtp.messages[0].get_content()

    # Publishing again with nothing residents need to know sends nothing.
    event.refresh_from_db()
    event.introduction = "Tea and cake."
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    assert len(smtp.messages) == 1

    event.status = EventStatus.CANCELLED
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    assert len(smtp.messages) == 2
    assert "has been cancelled" in smtp.messages[1].get_content()


def test_details_of_replies_to_past_events_are_removed_and_places_kept(events_index):
    old = add_event(
        events_index,
        title="Summer fair",
        slug="summer-fair",
        start=timezone.now() - timedelta(days=40),
        rsvp_enabled=True,
    )
    recent = add_event(
        events_index,
        title="Last week",
        slug="last-week",
        start=timezone.now() - timedelta(days=7),
        rsvp_enabled=True,
    )
    for page in (old, recent):
        EventRSVP.objects.create(
            event=page, name="Ayşe", email="a@example.org", places=3, access_needs="Wheelchair"
        )
    call_command("anonymise_past_rsvps", stdout=StringIO())
    cleared = EventRSVP.objects.get(event=old)
    assert (cleared.name, cleared.email, cleared.access_needs, cleared.places) == ("", "", "", 3)
    kept = EventRSVP.objects.get(event=recent)
    assert (kept.name, kept.access_needs) == ("Ayşe", "Wheelchair")
