"""Page trees for the news tests, built in fixtures (no JSON dumps)."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from news.models import (
    CommitmentPage,
    Estate,
    EventIndexPage,
    EventPage,
    ImprovementPlanPage,
    Measurement,
    Theme,
    UpdateIndexPage,
    UpdatePage,
    UpdateRelatedCommitment,
    UpdateTopic,
)
from news.models.mixins import london_today
from portal.roles import setup_roles


@pytest.fixture
def make_staff(django_user_model, home_page):
    """``make_staff(username, role)``: a staff user in one of ``portal.roles``' groups."""
    setup_roles()

    def make(username, role):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
        user.groups.add(Group.objects.get(name=role))
        return user

    return make


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def london(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=timezone.get_default_timezone())


@pytest.fixture
def plan(home_page) -> ImprovementPlanPage:
    return publish(
        home_page.add_child(
            instance=ImprovementPlanPage(
                title="Housing improvement plan", slug="improvement-plan", introduction="Plan."
            )
        )
    )


def add_commitment(plan, *, title, slug, **fields) -> CommitmentPage:
    defaults = {
        "theme": Theme.REPAIRS,
        "target_date": london_today() + timedelta(days=180),
    }
    defaults.update(fields)
    return publish(plan.add_child(instance=CommitmentPage(title=title, slug=slug, **defaults)))


@pytest.fixture
def backlog(plan) -> CommitmentPage:
    """Repairs backlog: 1,000 down to 0 over a year; the latest figure is ahead of the line."""
    today = london_today()
    commitment = add_commitment(
        plan,
        title="Clear the repairs backlog",
        slug="clear-the-repairs-backlog",
        measure_name="Open repairs",
        measure_unit="repairs",
        baseline_value=Decimal(1000),
        baseline_date=today - timedelta(days=182),
        target_value=Decimal(0),
        target_date=today + timedelta(days=183),
        lower_is_better=True,
    )
    for months_ago, value in [(4, 800), (2, 600), (0, 450)]:
        Measurement.objects.create(
            commitment=commitment,
            date=today - timedelta(days=30 * months_ago),
            value=Decimal(value),
            source_note="Repairs system report",
        )
    return commitment


@pytest.fixture
def updates_index(home_page) -> UpdateIndexPage:
    return publish(
        home_page.add_child(
            instance=UpdateIndexPage(title="Updates", slug="updates", introduction="News.")
        )
    )


def add_update(index, *, title, slug, topics=(), commitments=(), days_ago=0, intro="Summary."):
    page = UpdatePage(
        title=title,
        slug=slug,
        introduction=intro,
        date=london_today() - timedelta(days=days_ago),
        body=[{"type": "text", "value": f"<p>{title} body.</p>"}],
    )
    page.topics = [UpdateTopic(topic=topic) for topic in topics]
    page.related_commitments = [UpdateRelatedCommitment(commitment=c) for c in commitments]
    return publish(index.add_child(instance=page))


@pytest.fixture
def estate(db) -> Estate:
    return Estate.objects.create(name="Pembury", ward="Hackney Downs", postcode_area="E8")


@pytest.fixture
def events_index(home_page) -> EventIndexPage:
    return publish(
        home_page.add_child(
            instance=EventIndexPage(title="Estate events", slug="events", introduction="Events.")
        )
    )


def add_event(index, *, title, slug, start, hours=2, **fields) -> EventPage:
    return publish(
        index.add_child(
            instance=EventPage(
                title=title,
                slug=slug,
                start=start,
                end=start + timedelta(hours=hours),
                venue=fields.pop("venue", "Community hall"),
                **fields,
            )
        )
    )


def translate(page, locale, strings=None):
    """Translate ``page`` (and its untranslated ancestors) and publish the copies at once."""
    from portal.translation import translate_instance

    for ancestor in [*page.get_ancestors().filter(depth__gt=1).specific(), page]:
        existing = ancestor.get_translation_or_none(locale)
        if existing is not None and existing.live and ancestor.pk != page.pk:
            continue
        copy = translate_instance(
            instance=ancestor.specific, locale=locale, strings=strings or {}, publish=False
        )
        copy.get_latest_revision().publish()
    return page.get_translation(locale).specific
