"""RSVPs: clear messages for bad input, capacity never exceeded (also under concurrency)."""

import threading
import uuid
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone
from wagtail.models import PageLogEntry

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
def test_rsvp_saves_then_redirects_with_a_confirmation(client, event):
    response = post(client, event, places="2", access_needs="Step-free access")
    assert response.status_code == 302
    assert response["Location"] == f"{event.url}#rsvp"
    html = client.get(response["Location"]).content.decode()
    assert "We have saved 2 places for you." in html
    assert "There are 3 places left." in html
    rsvp = EventRSVP.objects.get()
    assert (rsvp.name, rsvp.places, rsvp.access_needs, rsvp.language_code) == (
        "Ayşe",
        2,
        "Step-free access",
        "en",
    )


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
def test_staff_export_of_replies_is_logged(client, event, django_user_model):
    create_rsvp(event=event, name="Ayşe", places=2, email="ayse@example.org")
    staff = django_user_model.objects.create_superuser("admin", "a@example.org", "pw")
    client.force_login(staff)
    response = client.get("/admin/snippets/news/eventrsvp/?export=csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    assert "Ayşe" in body and "ayse@example.org" in body
    entry = PageLogEntry.objects.get(action="news.export_rsvps")
    assert entry.page_id == event.pk and entry.user == staff
    assert entry.data["count"] == 1
