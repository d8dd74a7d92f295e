"""RSVPs: clear messages for bad input, capacity never exceeded (also under concurrency)."""

import threading
import uuid
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone

from news.models import EventRSVP
from news.services import EventFull, create_rsvp

from .conftest import add_event, translate


@pytest.fixture
def event(events_index):
    return add_event(
        events_index,
        title="Drop-in",
        slug="drop-in",
        start=timezone.now() + timedelta(days=7),
        rsvp_enabled=True,
        capacity=5,
    )


def post(client, event, **data):
    payload = {"name": "Ayşe", "email": "", "places": "1", "access_needs": ""}
    payload.update(data)
    return client.post(f"{event.url}rsvp/", payload)


@pytest.mark.django_db
def test_rsvp_saves_then_redirects_to_a_confirmation_of_what_was_saved(client, event):
    response = post(client, event, places="2", access_needs="Step-free access")
    assert response.status_code == 302
    assert response["Location"] == f"{event.url}rsvp/confirmation/"
    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    html = confirmation.content.decode()
    assert "<title>Reply saved – Drop-in" in html
    assert "We have saved 2 places for you." in html
    for detail in ("Ayşe", "Drop-in", "Community hall", "Step-free access"):
        assert detail in html, detail
    assert f'href="{event.url}calendar/"' in html  # add to calendar
    assert f'action="{event.url}rsvp/cancel/"' in html  # how to cancel
    assert "cancel this reply and send a new one" in html  # how to change
    rsvp = EventRSVP.objects.get()
    assert (rsvp.name, rsvp.places, rsvp.access_needs, rsvp.language_code) == (
        "Ayşe",
        2,
        "Step-free access",
        "en",
    )


@pytest.mark.django_db
def test_confirmation_is_private_and_refreshing_it_replies_no_more(client, event):
    location = post(client, event, places="2")["Location"]
    for _refresh in range(3):
        confirmation = client.get(location)
        assert "We have saved 2 places for you." in confirmation.content.decode()
        cache_control = {part.strip() for part in confirmation["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= cache_control
    assert EventRSVP.objects.count() == 1
    assert event.places_left() == 3


@pytest.mark.django_db
def test_confirmation_never_shows_another_visitors_reply(client, event):
    post(client, event, name="Ayşe Demir", email="ayse@example.org", places="2")
    stranger = client.__class__()
    response = stranger.get(f"{event.url}rsvp/confirmation/")
    assert response.status_code == 302
    assert response["Location"] == event.url
    html = stranger.get(event.url).content.decode()
    assert "Ayşe Demir" not in html and "ayse@example.org" not in html


@pytest.mark.django_db
def test_sending_the_same_form_twice_confirms_the_first_reply(client, event):
    key = str(uuid.uuid4())
    first = post(client, event, places="2", submission_key=key)
    second = post(client, event, places="2", submission_key=key)
    assert first["Location"] == second["Location"] == f"{event.url}rsvp/confirmation/"
    assert EventRSVP.objects.count() == 1
    assert "We have saved 2 places for you." in client.get(second["Location"]).content.decode()


@pytest.mark.django_db
def test_cancelling_frees_the_places_and_says_so_once(client, event):
    post(client, event, places="3")
    assert event.places_left() == 2
    response = client.post(f"{event.url}rsvp/cancel/")
    assert response["Location"] == event.url
    assert not EventRSVP.objects.exists()
    html = client.get(event.url).content.decode()
    assert "Your reply has been cancelled, Ayşe." in html
    assert "There are 5 places left." in html
    # A second click, or a visit to the old confirmation, changes nothing and shows nothing.
    assert client.post(f"{event.url}rsvp/cancel/")["Location"] == event.url
    assert client.get(f"{event.url}rsvp/confirmation/")["Location"] == event.url


@pytest.mark.django_db
def test_cancel_only_touches_this_browsers_reply(client, event):
    post(client, event, name="Ayşe", places="2")
    stranger = client.__class__()
    stranger.post(f"{event.url}rsvp/cancel/")
    assert list(EventRSVP.objects.values_list("name", flat=True)) == ["Ayşe"]


@pytest.mark.django_db
def test_reply_in_turkish_is_confirmed_in_turkish_and_counted_on_the_event(client, event, locales):
    turkish = translate(event, locales["tr"])
    response = post(client, turkish, places="2")
    assert response["Location"] == f"{turkish.url}rsvp/confirmation/"
    html = client.get(response["Location"]).content.decode()
    assert 'lang="tr"' in html and "Ayşe" in html
    assert EventRSVP.objects.get().event_id == event.pk
    assert event.places_left() == 3


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "  "}, "Enter your name."),
        ({"places": ""}, "Enter how many people are coming."),
        ({"places": "-1"}, "Enter at least 1."),
        ({"places": "0"}, "Enter at least 1."),
        ({"places": "two"}, "Enter a whole number, like 2."),
        ({"places": "99999999999999999999"}, "You can reply for up to 10 people."),
        ({"email": "not-an-email"}, "Enter an email address in the correct format"),
        ({"places": "6"}, "There are only 5 places left."),
    ],
)
def test_bad_input_gets_a_clear_message_next_to_the_field(client, event, data, message):
    response = post(client, event, **data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert message in html
    assert "govuk-error-message" in html
    assert not EventRSVP.objects.exists()


@pytest.mark.django_db
def test_messages_are_translated(client, event, locales):
    turkish = translate(event, locales["tr"])
    turkish.refresh_from_db()
    response = post(client, turkish, name="")
    html = response.content.decode()
    assert response.status_code == 200 and 'lang="tr"' in html
    assert "Adınızı yazın." in html
    assert "Enter your name." not in html


@pytest.mark.django_db
def test_full_event_says_so_and_a_double_click_counts_once(client, event):
    key = str(uuid.uuid4())
    assert post(client, event, places="5", submission_key=key).status_code == 302
    assert post(client, event, places="5", submission_key=key).status_code == 302
    assert EventRSVP.objects.count() == 1
    html = client.get(event.url).content.decode()
    assert "Sorry, this event is full." in html
    response = post(client, event, places="1")
    assert "Sorry, this event is full." in response.content.decode()
    assert EventRSVP.objects.count() == 1


@pytest.mark.django_db
def test_cancelled_or_past_events_take_no_replies(client, events_index):
    past = add_event(
        events_index,
        title="Old",
        slug="old",
        start=timezone.now() - timedelta(days=3),
        rsvp_enabled=True,
    )
    response = post(client, past)
    assert "This event is no longer taking replies." in response.content.decode()
    assert not EventRSVP.objects.exists()


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="Row locks (SELECT ... FOR UPDATE) need PostgreSQL; SQLite has none.",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_replies_never_exceed_capacity(home_page, events_index):
    event = add_event(
        events_index,
        title="Popular",
        slug="popular",
        start=timezone.now() + timedelta(days=2),
        rsvp_enabled=True,
        capacity=10,
    )
    barrier = threading.Barrier(12)
    outcomes = []

    def reply(number):
        try:
            barrier.wait()
            create_rsvp(event=event, name=f"Resident {number}", places=2)
            outcomes.append("saved")
        except EventFull:
            outcomes.append("full")
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=reply, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("saved") == 5
    assert outcomes.count("full") == 7
    assert sum(EventRSVP.objects.values_list("places", flat=True)) == 10


@pytest.mark.django_db
def test_the_event_page_links_to_a_reply_form_of_its_own(client, event):
    """The form (with its per-visitor token) is a step of its own, so the event page is the same
    for every visitor and a caching proxy may share it."""
    html = client.get(event.url).content.decode()
    assert f'href="{event.url}rsvp/"' in html and "Reply to this event" in html
    assert "There are 5 places left." in html
    assert "csrfmiddlewaretoken" not in html and f'action="{event.url}rsvp/"' not in html
    response = client.get(f"{event.url}rsvp/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'action="{event.url}rsvp/"' in html and "csrfmiddlewaretoken" in html
    assert "There are 5 places left." in html
    assert f'href="{event.url}"' in html  # back to the event


@pytest.mark.django_db
def test_a_full_or_past_event_sends_the_form_step_back_to_the_event_page(client, event):
    assert post(client, event, places="5").status_code == 302
    response = client.get(f"{event.url}rsvp/")
    assert response.status_code == 302 and response["Location"] == f"{event.url}#rsvp"
