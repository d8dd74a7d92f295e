"""The public pages: what residents read on the tracker, updates and events, and query counts."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import (
    CommitmentPage,
    EventIndexPage,
    EventPage,
    EventStatus,
    ImprovementPlanPage,
    Measurement,
    UpdateIndexPage,
    UpdatePage,
)
from news.models.mixins import london_today
from portal.models import HomePage
from tests.portal.test_query_budget import QUERY_BUDGET

from .conftest import add_commitment, add_event, add_update, london

pytestmark = pytest.mark.django_db


def test_page_tree_rules(home_page, plan):
    assert CommitmentPage.can_create_at(plan)
    assert not CommitmentPage.can_create_at(home_page)
    assert not UpdatePage.can_create_at(home_page)
    assert not EventPage.can_create_at(home_page)
    # One plan per locale: the English home page already has one.
    assert not ImprovementPlanPage.can_create_at(home_page)
    assert UpdateIndexPage.can_create_at(home_page)
    assert EventIndexPage.can_create_at(home_page)
    assert ImprovementPlanPage.parent_page_types == ["portal.HomePage"]
    assert HomePage in ImprovementPlanPage.allowed_parent_page_models()


def test_tracker_shows_each_commitment_with_its_derived_status_and_the_rules(client, plan, backlog):
    add_commitment(plan, title="Set up the panel", slug="panel", started_on=None)
    html = client.get(plan.url).content.decode()
    assert "Clear the repairs backlog" in html
    assert "450 repairs" in html  # the latest figure
    assert "On track" in html and "Not started" in html
    assert "How we work out the status" in html
    assert html.count("<h1") == 1


def test_commitment_page_has_chart_table_and_related_updates(client, plan, backlog, updates_index):
    add_update(updates_index, title="Backlog down again", slug="down", commitments=[backlog])
    add_update(updates_index, title="Unrelated news", slug="other")
    html = client.get(backlog.url).content.decode()
    assert 'role="img"' in html and "<desc" in html
    # Figures in GOV.UK style: thousands grouped.
    assert "Starting from 1,000 repairs" in html
    # Every figure is in the table beside the chart.
    for value in ("1,000", "800", "600", "450", "0"):
        assert f">{value}</td>" in html
    assert "Backlog down again" in html
    assert "Unrelated news" not in html
    assert "On track" in html


def test_a_measurement_recorded_against_a_translation_counts_for_every_language(
    plan, backlog, locales
):
    urdu = backlog.copy_for_translation(locales["ur"], copy_parents=True)
    measurement = Measurement(
        commitment=urdu,
        date=london_today() - timedelta(days=1),
        value=Decimal(440),
        source_note="Repairs system report",
    )
    measurement.full_clean()
    measurement.save()
    # Stored once, against the default-locale commitment, and seen from both languages.
    assert measurement.commitment_id == backlog.pk
    assert list(urdu.get_measurements()) == list(backlog.get_measurements())
    assert backlog.get_measurements().count() == 4


def test_measurement_validation_messages(plan, backlog):
    from django.core.exceptions import ValidationError

    future = Measurement(
        commitment=backlog,
        date=london_today() + timedelta(days=1),
        value=Decimal(1),
        source_note="x",
    )
    with pytest.raises(ValidationError) as error:
        future.full_clean()
    assert "cannot be in the future" in str(error.value)
    milestone = add_commitment(plan, title="Panel", slug="panel")
    with pytest.raises(ValidationError) as error:
        Measurement(
            commitment=milestone, date=london_today(), value=Decimal(1), source_note="x"
        ).full_clean()
    assert "no measure" in str(error.value)


def test_commitment_clean_requires_the_whole_measure(plan):
    from django.core.exceptions import ValidationError

    page = CommitmentPage(
        title="X", slug="x", theme="repairs", target_date=london_today(), measure_name="Open"
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert set(error.value.message_dict) == {"baseline_value", "baseline_date", "target_value"}


def test_updates_index_lists_newest_first_filters_by_topic_and_paginates(client, updates_index):
    for number in range(12):
        add_update(
            updates_index,
            title=f"Update number {number}",
            slug=f"update-{number}",
            topics=["repairs"] if number % 2 else ["complaints"],
            days_ago=number,
        )
    html = client.get(updates_index.url).content.decode()
    assert html.index("Update number 0") < html.index("Update number 1")
    assert "Update number 10" not in html  # page 2
    assert 'href="?page=2"' in html
    html = client.get(updates_index.url, {"page": 2}).content.decode()
    assert "Update number 11" in html
    html = client.get(updates_index.url, {"topic": "repairs"}).content.decode()
    assert "Update number 1<" in html.replace("</a>", "<")
    assert "Update number 2<" not in html.replace("</a>", "<")
    assert "Showing updates about Repairs" in html
    assert 'href="/en/updates/topic/repairs/rss/"' in html
    # Unknown topics and page numbers show everything rather than an error.
    assert client.get(updates_index.url, {"topic": "nope", "page": "x"}).status_code == 200


def test_update_page_shows_summary_topics_and_related_commitments(
    client, updates_index, plan, backlog
):
    update = add_update(
        updates_index,
        title="Backlog news",
        slug="backlog-news",
        topics=["repairs", "workforce"],
        commitments=[backlog],
        intro="The backlog is shrinking.",
    )
    html = client.get(update.url).content.decode()
    assert "The backlog is shrinking." in html
    assert "Repairs" in html and "Workforce" in html
    assert f'href="{backlog.url}"' in html
    assert html.count("<h1") == 1


def _add_listing_items(plan, updates_index, events_index, estate, numbers):
    today = london_today()
    for number in numbers:
        commitment = add_commitment(
            plan,
            title=f"Commitment {number}",
            slug=f"c-{number}",
            measure_name="Open",
            baseline_value=Decimal(100),
            baseline_date=today - timedelta(days=100),
            target_value=Decimal(0),
            lower_is_better=True,
        )
        Measurement.objects.create(
            commitment=commitment, date=today, value=Decimal(10), source_note="x"
        )
        add_update(
            updates_index,
            title=f"U{number}",
            slug=f"u-{number}",
            topics=["repairs", "workforce"],
            commitments=[commitment],
        )
        add_event(
            events_index,
            title=f"E{number}",
            slug=f"e-{number}",
            start=timezone.now() + timedelta(days=number + 1),
            estate=estate,
        )


def _queries_per_listing(client, urls) -> dict[str, int]:
    counts = {}
    for url in urls:
        client.get(url)  # the first request builds the cached site fragments
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[url] = len(queries)
    return counts


def test_listings_run_a_fixed_number_of_queries_as_items_grow(
    client, plan, updates_index, events_index, estate
):
    urls = [plan.url, updates_index.url, events_index.url, "/en/"]
    _add_listing_items(plan, updates_index, events_index, estate, range(3))
    with_three = _queries_per_listing(client, urls)
    _add_listing_items(plan, updates_index, events_index, estate, range(3, 10))
    with_ten = _queries_per_listing(client, urls)
    assert with_ten == with_three, (with_three, with_ten)
    assert max(with_ten.values()) <= QUERY_BUDGET, with_ten


def test_events_index_shows_upcoming_by_default_and_past_on_request(client, events_index, estate):
    now = timezone.now()
    add_event(events_index, title="Next week meeting", slug="soon", start=now + timedelta(days=7))
    add_event(events_index, title="Last month meeting", slug="old", start=now - timedelta(days=30))
    add_event(
        events_index,
        title="Cancelled surgery",
        slug="cancelled",
        start=now + timedelta(days=3),
        status=EventStatus.CANCELLED,
        estate=estate,
    )
    html = client.get(events_index.url).content.decode()
    assert "Next week meeting" in html and "Cancelled surgery" in html
    assert "Last month meeting" not in html
    assert "Cancelled</strong>" in html
    html = client.get(events_index.url, {"when": "past"}).content.decode()
    assert "Last month meeting" in html and "Next week meeting" not in html


def test_events_index_filters_by_estate_and_month_and_reports_bad_filters(
    client, events_index, estate
):
    today = london_today()
    first_next_month = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    add_event(
        events_index,
        title="Pembury next month",
        slug="a",
        start=london(first_next_month + timedelta(days=2), 18),
        estate=estate,
    )
    add_event(
        events_index,
        title="Elsewhere next month",
        slug="b",
        start=london(first_next_month + timedelta(days=3), 18),
    )
    html = client.get(events_index.url, {"estate": estate.pk}).content.decode()
    assert "Pembury next month" in html and "Elsewhere next month" not in html
    assert f"/en/events/estates/{estate.pk}/calendar/" in html
    month = first_next_month.strftime("%Y-%m")
    html = client.get(events_index.url, {"month": month}).content.decode()
    assert "Pembury next month" in html and "Elsewhere next month" in html
    following = (first_next_month + timedelta(days=32)).strftime("%Y-%m")
    html = client.get(events_index.url, {"month": following}).content.decode()
    assert "There are no events that match." in html
    response = client.get(events_index.url, {"estate": "999999", "month": "2099-13"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Choose an estate from the list." in html
    assert "Choose a month from the list." in html
    assert "Pembury next month" in html  # the bad filters are ignored, not fatal


def test_event_page_shows_time_place_access_languages_and_calendar_links(
    client, events_index, estate
):
    start = london(london_today() + timedelta(days=10), 18, 30)
    event = add_event(
        events_index,
        title="Residents meeting",
        slug="meeting",
        start=start,
        estate=estate,
        address="1 Pembury Road\nLondon E5",
        step_free_access=True,
        hearing_loop=False,
        quiet_space=True,
        languages="Turkish interpreter",
        online_url="https://meet.example.org/x",
    )
    html = client.get(event.url).content.decode()
    assert "18:30" in html and "20:30" in html
    assert "<bdi>Pembury</bdi> estate" in html and "1 Pembury Road" in html
    assert "Step-free access" in html and "No hearing loop" in html
    assert "Quiet space available" in html and "Turkish interpreter" in html
    assert f'href="{event.url}calendar/"' in html
    assert "calendar.google.com" in html and "outlook.live.com" in html


def test_cancelled_event_says_so_plainly(client, events_index):
    event = add_event(
        events_index,
        title="Surgery",
        slug="surgery",
        start=timezone.now() + timedelta(days=2),
        status=EventStatus.CANCELLED,
        status_note="The hall is closed.",
    )
    html = client.get(event.url).content.decode()
    assert "This event has been cancelled." in html
    assert "The hall is closed." in html
    assert "Add to your calendar" not in html


def test_home_page_shows_plan_at_a_glance_latest_updates_and_next_events(
    client, home_page, plan, backlog, updates_index, events_index
):
    add_update(updates_index, title="Fresh update", slug="fresh")
    add_event(
        events_index, title="Coming event", slug="coming", start=timezone.now() + timedelta(days=1)
    )
    html = client.get("/en/").content.decode()
    assert "The improvement plan at a glance" in html
    assert "Fresh update" in html
    assert "Coming event" in html
