"""What the caching proxy (deploy/varnish/default.vcl, a real varnishd) does with the app's
responses, end to end: a published change shows within a second, nothing personal or private is
ever given to another visitor, and only the app's own addresses may purge."""

import re
import time
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.utils import timezone

from portal.models import StandardPage
from tests.news.conftest import add_event, publish

# Each test commits (the live server and varnishd see only committed data); serialized_rollback
# puts back the page tree the migrations made, which the flush after a test removes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def cookies_from(response) -> str:
    """The ``name=value`` pairs a response sets, as a Cookie header for the next request."""
    pairs = [
        header.split(";", 1)[0] for name, header in response.getheaders() if name == "Set-Cookie"
    ]
    return "; ".join(pairs)


def cached_twice(proxy, path) -> str:
    first, _ = proxy.get(path)
    second, html = proxy.get(path)
    assert first.status == second.status == 200, path
    assert second.getheader("X-Cache") == "HIT", (path, second.getheader("Cache-Control"))
    return html


def test_a_published_change_shows_through_the_proxy_within_a_second(proxy, home_page):
    page = publish(
        home_page.add_child(instance=StandardPage(title="Repairs surgery", slug="surgery"))
    )
    cached_twice(proxy, page.url)
    cached_twice(proxy, home_page.url)

    page.title = "Repairs surgery moves to Tuesdays"
    page.save_revision().publish()
    published = time.monotonic()
    while "moves to Tuesdays" not in proxy.get(page.url)[1]:
        assert time.monotonic() - published < 1.0, "the change is not visible within a second"
        time.sleep(0.05)
    # The home page was purged with it (it lists pages); other copies are kept until then.
    response, _ = proxy.get(home_page.url)
    assert response.getheader("X-Cache") == "MISS"


def test_a_reply_to_an_event_is_never_given_to_another_visitor(proxy, events_index):
    event = add_event(
        events_index,
        title="Estate drop-in",
        slug="drop-in",
        start=timezone.now() + timedelta(days=5),
        rsvp_enabled=True,
        capacity=20,
    )
    html = cached_twice(proxy, event.url)
    assert "There are 20 places left." in html and "csrfmiddlewaretoken" not in html

    # A resident replies through the proxy: the form is a step of its own, never cached.
    form_page, form_html = proxy.get(event.rsvp_url())
    assert form_page.status == 200 and form_page.getheader("X-Cache") != "HIT"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_html).group(1)
    fields = {"csrfmiddlewaretoken": token, "name": "Ayşe Quintrell", "places": "2", "email": ""}
    sent, _ = proxy.request(
        "POST",
        event.rsvp_url(),
        body=urlencode(fields),
        headers={
            "Cookie": cookies_from(form_page),
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": "http://localhost",
            "Referer": "http://localhost" + event.rsvp_url(),
        },
    )
    assert sent.status == 302, sent.status
    session = cookies_from(sent)
    assert "sessionid=" in session
    confirmation, mine = proxy.get(event.rsvp_confirmation_url(), headers={"Cookie": session})
    assert confirmation.status == 200 and "Ayşe Quintrell" in mine
    assert "private" in confirmation.getheader("Cache-Control")
    with_session, _ = proxy.get(event.url, headers={"Cookie": session})
    assert with_session.getheader("X-Cache") != "HIT"  # a visitor with a session: not shared

    # Another visitor, twice: never the reply, and the places left are up to date (purged).
    for _visit in range(2):
        response, theirs = proxy.get(event.rsvp_confirmation_url())
        assert response.status == 302 and "Ayşe" not in theirs
        response, theirs = proxy.get(event.url)
        assert "Ayşe" not in theirs and "There are 18 places left." in theirs


def test_a_private_panel_paper_is_never_cached(proxy, panel_section, panel_member):
    member = Client()
    member.force_login(panel_member)
    cookie = f"sessionid={member.cookies['sessionid'].value}"
    papers = panel_section["papers"].url
    for _visit in range(2):
        response, html = proxy.get(papers, headers={"Cookie": cookie})
        assert response.status == 200 and "Confidential briefing" in html
        assert response.getheader("X-Cache") != "HIT"
        assert "no-store" in response.getheader("Cache-Control")
    for _visit in range(2):
        response, html = proxy.get(papers)
        assert response.status == 302 and "/login/" in response.getheader("Location")
        assert "Confidential briefing" not in html


def test_only_the_apps_addresses_may_purge(proxy, home_page):
    cached_twice(proxy, home_page.url)
    for method in ("PURGE", "BAN"):
        refused, _ = proxy.request(method, home_page.url, source="127.0.0.2")
        assert refused.status == 403, method
    response, _ = proxy.get(home_page.url)
    assert response.getheader("X-Cache") == "HIT"  # still cached

    purged, _ = proxy.request("PURGE", home_page.url)
    assert purged.status == 200
    response, _ = proxy.get(home_page.url)
    assert response.getheader("X-Cache") == "MISS"


def test_tracking_parameters_share_the_copy_and_other_parameters_do_not(proxy, home_page):
    path = home_page.url
    cached_twice(proxy, path)
    response, _ = proxy.get(path + "?utm_source=leaflet&utm_medium=print&fbclid=abc")
    assert response.getheader("X-Cache") == "HIT"
    cached_twice(proxy, path + "?page=2")
    response, _ = proxy.get(path + "?gclid=x&page=2&utm_campaign=launch")
    assert response.getheader("X-Cache") == "HIT"
    # A purge of the path drops its copies with any query string.
    proxy.request("PURGE", path)
    response, _ = proxy.get(path + "?page=2")
    assert response.getheader("X-Cache") == "MISS"
