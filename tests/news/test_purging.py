"""Purging the caching proxy when content changes (portal.frontend_cache), checked against a real
HTTP server on this machine standing in for Varnish: it records every PURGE and BAN it is sent.

What an editor relies on: after publishing, a resident sees the change everywhere it shows (the
page in every language, the index and its feeds, every home page, the sitemap), and nothing is
purged for a change that did not commit.
"""

import logging
import threading
from datetime import timedelta
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import transaction
from django.utils import timezone
from wagtail.models import PageViewRestriction

from news.models import Measurement
from news.models.mixins import london_today
from news.services import create_rsvp

from .conftest import add_event, add_update, translate

pytestmark = pytest.mark.django_db


class RecordingProxy(BaseHTTPRequestHandler):
    """Answers PURGE and BAN with 200 and records (method, Host, path)."""

    received: list[tuple[str, str, str]]

    def _record(self):
        self.server.received.append((self.command, self.headers["Host"], self.path))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PURGE = do_BAN = _record

    def log_message(self, *args):  # keep the test output quiet
        pass


@pytest.fixture
def proxy(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), RecordingProxy)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "portal.frontend_cache.VarnishBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield server
    server.shutdown()
    server.server_close()


def purged_paths(proxy) -> set[str]:
    return {path for method, _host, path in proxy.received if method == "PURGE"}


def test_publishing_an_update_purges_it_in_every_language_and_what_lists_it(
    proxy, updates_index, locales, django_capture_on_commit_callbacks, caplog
):
    update = add_update(updates_index, title="Backlog down", slug="backlog-down")
    turkish = translate(update, locales["tr"])
    proxy.received.clear()

    caplog.set_level(logging.INFO, logger="portal.frontend_cache")
    with django_capture_on_commit_callbacks(execute=True):
        update.save_revision().publish()
        assert proxy.received == []  # nothing before the change commits

    paths = purged_paths(proxy)
    assert update.url in paths and turkish.url in paths
    index = updates_index.url
    assert {index, index + "feed/rss/", index + "feed/atom/"} <= paths
    assert index + "topic/repairs/rss/" in paths  # each topic's feed lists it too
    assert {"/en/", "/tr/"} <= paths  # every home page summarises the latest updates
    assert "/sitemap.xml" in paths
    assert {host for _method, host, _path in proxy.received} == {"localhost"}
    # One batch for the whole change, however many signals it sent.
    assert [r.message for r in caplog.records].count(f"[varnish] purged {len(paths)} URLs") == 1


def test_unpublishing_purges_the_page_and_a_rolled_back_change_purges_nothing(
    proxy, updates_index, django_capture_on_commit_callbacks
):
    update = add_update(updates_index, title="Drop-in moved", slug="drop-in-moved")
    proxy.received.clear()
    with django_capture_on_commit_callbacks(execute=True):
        update.unpublish()
    assert update.url in purged_paths(proxy)

    proxy.received.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                update.save_revision().publish()
                raise RuntimeError("the editor's save failed")
        except RuntimeError:
            pass
    assert callbacks == [] and proxy.received == []


def test_a_new_measurement_purges_its_commitment_and_the_tracker(
    proxy, backlog, plan, django_capture_on_commit_callbacks
):
    proxy.received.clear()
    with django_capture_on_commit_callbacks(execute=True):
        Measurement.objects.create(
            commitment=backlog,
            date=london_today() - timedelta(days=1),
            value=Decimal(400),
            source_note="Report",
        )
    assert {backlog.url, plan.url, "/en/"} <= purged_paths(proxy)


def test_a_reply_purges_the_event_so_places_left_stay_true(
    proxy, events_index, django_capture_on_commit_callbacks
):
    event = add_event(
        events_index,
        title="Drop-in",
        slug="drop-in",
        start=timezone.now() + timedelta(days=3),
        rsvp_enabled=True,
        capacity=20,
    )
    proxy.received.clear()
    with django_capture_on_commit_callbacks(execute=True):
        create_rsvp(event=event, name="Ayşe", places=2)
    paths = purged_paths(proxy)
    assert event.url in paths and event.url + "calendar/" in paths
    assert events_index.url + "calendar/" in paths


def test_a_snippet_every_page_shows_bans_the_whole_site(
    proxy, home_page, estate, django_capture_on_commit_callbacks
):
    proxy.received.clear()
    with django_capture_on_commit_callbacks(execute=True):
        estate.name = "Pembury Estate"
        estate.save()
    assert proxy.received == [("BAN", "localhost", "/")]

    # A page made private must not stay cached for anyone: the same.
    proxy.received.clear()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=home_page, restriction_type=PageViewRestriction.PASSWORD, password="x-2026"
        )
    assert proxy.received == [("BAN", "localhost", "/")]


def test_no_proxy_configured_sends_nothing_and_a_proxy_that_is_down_never_stops_publishing(
    settings, updates_index, django_capture_on_commit_callbacks, caplog
):
    settings.WAGTAILFRONTENDCACHE = {}
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        add_update(updates_index, title="Quiet", slug="quiet")
    assert not [c for c in callbacks if c.__module__ == "portal.frontend_cache"]

    server = ThreadingHTTPServer(("127.0.0.1", 0), RecordingProxy)
    port = server.server_address[1]
    server.server_close()  # nothing listens there now
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "portal.frontend_cache.VarnishBackend",
            "LOCATION": f"http://127.0.0.1:{port}",
        }
    }
    with django_capture_on_commit_callbacks(execute=True):
        update = add_update(updates_index, title="Loud", slug="loud")
    assert update.live
    assert any("Could not PURGE" in r.message for r in caplog.records)
