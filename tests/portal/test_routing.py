"""Routing from the cached site and home pages (portal/routing.py): no query for the site or the
locales on a warm request, and a change to a site or to the home page's translations is served
on the very next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from portal.models import StandardPage

pytestmark = pytest.mark.django_db


def add_page(parent, slug, title):
    page = parent.add_child(instance=StandardPage(slug=slug, title=title))
    page.save_revision().publish()
    return page


def title_of(response) -> str:
    html = response.content.decode()
    return html.split("<h1", 1)[1].split(">", 1)[1].split("<", 1)[0].strip()


def test_a_warm_page_request_reads_neither_the_site_nor_the_locales(client, home_page):
    add_page(home_page, "about", "About the portal")
    assert client.get("/en/about/").status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/about/")
    assert response.status_code == 200
    assert "About the portal" in response.content.decode()
    tables = " ".join(query["sql"] for query in queries.captured_queries)
    assert "wagtailcore_site" not in tables
    assert "wagtailcore_locale" not in tables


def test_a_site_added_for_a_host_is_served_on_the_next_request(client, home_page):
    other_root = add_page(Page.get_first_root_node(), "estates-site", "Estates news")
    add_page(other_root, "notices", "Estate notices")
    add_page(home_page, "notices", "Portal notices")
    assert "Portal notices" in client.get("/en/notices/", HTTP_HOST="127.0.0.1").content.decode()

    site = Site.objects.create(hostname="127.0.0.1", port=80, root_page=other_root)
    response = client.get("/en/notices/", HTTP_HOST="127.0.0.1")
    assert "Estate notices" in response.content.decode()
    # The default site still answers its own host.
    assert "Portal notices" in client.get("/en/notices/").content.decode()

    site.delete()
    assert "Portal notices" in client.get("/en/notices/", HTTP_HOST="127.0.0.1").content.decode()


def test_a_home_page_translated_after_a_visit_is_served_in_that_language(
    client, home_page, locales
):
    english = client.get("/tr/")
    assert english.status_code == 200
    assert "Housing engagement" in english.content.decode()

    turkish = home_page.copy_for_translation(locales["tr"])
    turkish.title = "Türkçe ana sayfa"
    turkish.save_revision().publish()
    assert "Türkçe ana sayfa" in client.get("/tr/").content.decode()

    turkish.refresh_from_db()
    turkish.unpublish()
    assert "Türkçe ana sayfa" not in client.get("/tr/").content.decode()
