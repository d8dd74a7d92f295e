"""The query budget of public pages (issue 12): at most 15 queries for every public page type
once the site-wide fragments are cached, the same number however many items a listing shows,
and a change to what the layout shows is on the very next page."""

import datetime
from decimal import Decimal

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import Estate, Measurement
from news.models.mixins import london_today
from panel.models import MemberRole, PanelMember
from portal.models import MainMenu, MainMenuItem, SiteSettings, StandardPage
from tests.consultations.conftest import make_consultation
from tests.news.conftest import add_commitment, add_event, add_update
from tests.panel.conftest import add_meeting

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 15

PAGE_TYPES = [
    "portal.HomePage",
    "portal.StandardPage",
    "news.UpdateIndexPage",
    "news.UpdatePage",
    "news.ImprovementPlanPage",
    "news.CommitmentPage",
    "news.EventIndexPage",
    "news.EventPage",
    "consultations.ConsultationIndexPage",
    "consultations.ConsultationPage",
    "panel.PanelPage",
    "panel.PanelMembersPage",
    "panel.ActionLogPage",
    "panel.MeetingIndexPage",
    "panel.MeetingPage",
]


def english_page(label):
    model = apps.get_model(label)
    page = model.objects.live().public().filter(locale__language_code="en").order_by("path")
    return page.first()


def warm_queries(client, url) -> int:
    """Queries of a request once the first one has built and cached the site's fragments."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("label", PAGE_TYPES)
def test_every_public_page_type_stays_within_the_query_budget(client, demo_content, label):
    page = english_page(label)
    assert page is not None, f"the demo has no {label}"
    assert warm_queries(client, page.url) <= QUERY_BUDGET


def _grow_every_listing(number: int):
    """``number`` more of everything a listing shows, in English."""
    plan = english_page("news.ImprovementPlanPage")
    commitment = english_page("news.CommitmentPage")
    updates = english_page("news.UpdateIndexPage")
    events = english_page("news.EventIndexPage")
    consultations = english_page("consultations.ConsultationIndexPage")
    meetings = english_page("panel.MeetingIndexPage")
    standard = english_page("portal.StandardPage")
    estate = Estate.objects.order_by("pk").first()
    today = london_today()
    for n in range(number):
        suffix = f"{number}-{n}"
        added = add_commitment(
            plan,
            title=f"Commitment {suffix}",
            slug=f"budget-commitment-{suffix}",
            measure_name="Open repairs",
            baseline_value=Decimal(100),
            baseline_date=today - datetime.timedelta(days=100),
            target_value=Decimal(0),
            lower_is_better=True,
        )
        Measurement.objects.create(commitment=added, date=today, value=Decimal(10))
        add_update(
            updates,
            title=f"Update {suffix}",
            slug=f"budget-update-{suffix}",
            topics=["repairs", "workforce"],
            commitments=[commitment, added],
        )
        add_event(
            events,
            title=f"Event {suffix}",
            slug=f"budget-event-{suffix}",
            start=timezone.now() + datetime.timedelta(days=n + 1),
            estate=estate,
        )
        make_consultation(consultations, slug=f"budget-consultation-{suffix}", title=suffix)
        add_meeting(
            meetings,
            title=f"Meeting {suffix}",
            slug=f"budget-meeting-{suffix}",
            start=timezone.now() + datetime.timedelta(days=(-1) ** n * (n + 10)),
            actions=[{"description": f"Action {suffix}", "owner": "Housing"}],
        )
        PanelMember.objects.create(
            name=f"Tenant {suffix}",
            role=MemberRole.TENANT,
            term_start=datetime.date(2024, 1, 1),
        )
        child = StandardPage(title=f"Section {suffix}", slug=f"budget-section-{suffix}")
        standard.add_child(instance=child)
        child.save_revision().publish()


def test_listings_run_the_same_number_of_queries_however_many_items_they_show(client, demo_content):
    urls = {label: english_page(label).url for label in PAGE_TYPES}
    _grow_every_listing(2)
    before = {label: warm_queries(client, url) for label, url in urls.items()}
    _grow_every_listing(6)
    after = {label: warm_queries(client, url) for label, url in urls.items()}
    assert after == before


# --- Invalidation: the cached layout follows every change -----------------------------------


@pytest.fixture
def about(home_page):
    page = StandardPage(title="About us", slug="about")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    menu = MainMenu.objects.create(locale=home_page.locale)
    MainMenuItem.objects.create(menu=menu, page=page, sort_order=0)
    return page


def test_the_layout_is_read_from_the_cache_after_the_first_request(client, about):
    first = warm_queries(client, about.url)  # the first of its two requests made the settings
    assert warm_queries(client, about.url) == first
    with CaptureQueriesContext(connection) as queries:
        client.get(about.url)
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert "portal_mainmenu" not in sql and "portal_sitesettings" not in sql


def test_a_new_menu_label_shows_on_the_next_request(client, about):
    client.get(about.url)
    item = MainMenuItem.objects.get(page=about)
    item.link_text = "Who we are"
    item.save()
    assert "Who we are" in client.get(about.url).content.decode()


def test_edited_site_settings_show_on_the_next_request(client, about):
    client.get(about.url)
    settings = SiteSettings.objects.get()
    settings.council_name = "Borough of Testing"
    settings.contact_phone = "020 7000 0000"
    settings.save()
    html = client.get(about.url).content.decode()
    assert "© Borough of Testing" in html and "020 7000 0000" in html


def test_a_republished_title_shows_in_the_menu_and_breadcrumbs_on_the_next_request(client, about):
    child = StandardPage(title="Our history", slug="history")
    about.add_child(instance=child)
    child.save_revision().publish()
    html = client.get(child.url).content.decode()
    assert "About us" in html
    about.title = "About the council"
    about.save_revision().publish()
    html = client.get(child.url).content.decode()
    assert "About us" not in html
    assert html.count("About the council") >= 2  # the menu link and the breadcrumb


def test_an_unpublished_page_leaves_the_menu_on_the_next_request(client, about, home_page):
    assert 'href="/en/about/"' in client.get(home_page.url).content.decode()
    about.unpublish()
    assert 'href="/en/about/"' not in client.get(home_page.url).content.decode()
