"""What publishing announces: public pages only, with date, time and place where they matter."""

import datetime

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from panel.models import MeetingPage, PanelPapersPage
from portal.alerts import queueing, sending
from portal.alerts.models import AlertItem, Delivery, DeliveryStatus
from tests.panel.conftest import LONDON, add_meeting

from .conftest import add_event, add_update, html_of, publish, subscriber, text_of

pytestmark = pytest.mark.django_db


def test_a_draft_sends_nothing(smtp, updates_index, on_commit):
    subscriber(topics=["updates:repairs"])
    from news.models import UpdatePage, UpdateTopic

    draft = UpdatePage(title="Not yet", slug="not-yet", introduction="Draft.", live=False)
    draft.topics = [UpdateTopic(topic="repairs")]
    updates_index.add_child(instance=draft)
    on_commit(lambda: draft.save_revision())
    assert smtp.messages == [] and not AlertItem.objects.exists()


def test_members_only_papers_and_private_meetings_send_nothing(smtp, panel_section, on_commit):
    subscriber(topics=["panel:meetings", "panel:minutes"])
    papers = panel_section["papers"]
    assert PageViewRestriction.objects.filter(page=papers).exists()  # members only
    on_commit(lambda: publish(PanelPapersPage.objects.get(pk=papers.pk)))
    secret = MeetingPage(
        title="Closed session",
        slug="closed",
        start=datetime.datetime.now(tz=LONDON) + datetime.timedelta(days=3),
        location="Room 2",
    )
    panel_section["index"].add_child(instance=secret)
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.all()[:1])
    on_commit(lambda: publish(secret))
    assert smtp.messages == [] and not AlertItem.objects.exists()


def test_a_page_made_private_after_queueing_is_not_sent(smtp, updates_index, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    subscriber(topics=["updates:repairs"])
    page = add_update(updates_index, title="Soon private", slug="soon", topics=["repairs"])
    [alert] = queueing.queue_for_page(page_id=page.pk)
    queueing.fan_out(item_id=alert.pk)
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert sending.send_due()["cancelled"] == 1
    assert smtp.messages == []
    assert Delivery.objects.get().status == DeliveryStatus.CANCELLED


def test_panel_meeting_email_says_when_and_where(smtp, panel_section, on_commit):
    subscriber(topics=["panel:meetings"])
    start = datetime.datetime(2031, 3, 4, 18, 30, tzinfo=LONDON)
    meeting = on_commit(
        lambda: add_meeting(
            panel_section["index"],
            title="Panel meeting, March",
            slug="march",
            start=start,
            minutes=False,
        )
    )
    [alert] = smtp.messages
    text = text_of(alert)
    assert alert["Subject"] == "Panel meeting: Panel meeting, March"
    assert "4 March 2031, 6:30pm" in text
    assert "Hackney Town Hall, Committee Room 1" in text
    assert meeting.get_full_url() in html_of(alert)
    assert "<h1" in html_of(alert) and "<dt" in html_of(alert)


def test_approved_minutes_are_announced_once(smtp, panel_section, on_commit):
    subscriber(topics=["panel:minutes"])
    past = panel_section["past"]
    on_commit(lambda: publish(MeetingPage.objects.get(pk=past.pk)))
    on_commit(lambda: publish(MeetingPage.objects.get(pk=past.pk)))
    [alert] = smtp.messages
    assert alert["Subject"] == "Approved minutes: Panel meeting, spring"
    assert "Minutes approved on" in text_of(alert)


def test_event_on_a_chosen_estate_only(smtp, events_index, estate, on_commit):
    from news.models import Estate

    other = Estate.objects.create(name="Nightingale")
    subscriber(email="pembury@example.org", topics=[f"events:estate:{estate.pk}"])
    subscriber(email="nightingale@example.org", topics=[f"events:estate:{other.pk}"])
    start = datetime.datetime(2031, 5, 6, 12, 0, tzinfo=LONDON)
    on_commit(
        lambda: add_event(
            events_index,
            title="Estate walkabout",
            slug="walk",
            start=start,
            estate=estate,
            address="1 Pembury Road\nLondon E5",
        )
    )
    [alert] = smtp.messages
    assert alert["To"] == "pembury@example.org"
    text = text_of(alert)
    assert "6 May 2031, midday" in text and "Community hall, 1 Pembury Road, London E5" in text
    assert "Pembury" in text
