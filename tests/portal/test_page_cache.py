"""The app's own copy of public pages (portal.page_cache): what a resident relies on is that a
kept copy is never stale after a change, never personal, and never a page that became private."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import PageViewRestriction

from portal.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PORTAL_PAGE_CACHE = True


@pytest.fixture
def about(home_page):
    page = home_page.add_child(instance=StandardPage(title="About the service", slug="about"))
    page.save_revision().publish()
    return page


def kept(response) -> bool:
    return response.get("X-Page-Cache") == "hit"


def test_a_public_page_is_kept_with_its_headers_and_dropped_when_it_changes(
    about, django_capture_on_commit_callbacks
):
    first = Client().get(about.url)
    second = Client().get(about.url)
    assert not kept(first) and kept(second)
    assert second.content == first.content
    for header in ("Cache-Control", "Content-Security-Policy", "Content-Language"):
        assert second[header] == first[header], header

    with django_capture_on_commit_callbacks(execute=True):
        about.title = "About the housing service"
        about.save_revision().publish()
    response = Client().get(about.url)
    assert not kept(response) and "About the housing service" in response.content.decode()


def test_signed_in_visitors_and_sessions_never_get_or_leave_a_kept_copy(about):
    resident = Client()
    resident.force_login(
        get_user_model().objects.create_user("amira", "amira@example.org", "a-long-passphrase")
    )
    for _visit in range(2):
        response = resident.get(about.url)
        assert not kept(response) and "no-store" in response["Cache-Control"]
    # Nothing the resident was sent was kept: the first anonymous visit is rendered afresh.
    assert not kept(Client().get(about.url))
    assert kept(Client().get(about.url))
    assert not kept(resident.get(about.url))


def test_a_page_made_private_is_not_served_from_a_kept_copy(
    about, django_capture_on_commit_callbacks
):
    Client().get(about.url)
    assert kept(Client().get(about.url))
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=about, restriction_type=PageViewRestriction.PASSWORD, password="panel-2026"
        )
    response = Client().get(about.url)
    assert not kept(response) and "About the service" not in response.content.decode()


def test_responses_that_vary_or_are_not_public_are_not_kept(about):
    for path in ("/sitemap.xml", "/healthz", "/en/no-such-page/"):
        Client().get(path)
        assert not kept(Client().get(path)), path
