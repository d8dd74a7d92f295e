"""Purging the caching proxy (or CDN) when content changes, so a public page can be cached for
minutes (``portal.headers``) and still show a change within a second of publishing.

What a change purges
    A page published, unpublished or translated purges that page in every locale it exists in
    (with its routable extras: feeds, calendars, archive years, from ``get_cached_paths``), every
    ancestor that lists it (index pages; the proxy drops every query string of a purged path, so
    filters and pagination go too), every locale's home page, pages that link to it or that it
    links to (Wagtail's reference index: an update's commitment, a consultation's events), and the
    sitemap. A new or changed measurement purges its commitment the same way (the tracker); a
    reply to an event purges the event (places left). A page moved, deleted or given a new slug,
    and any change to a snippet or setting the whole site shows (navigation, estates, panel
    members, site settings), purges everything the proxy holds for the site.

The app's own copies of public pages (``portal.page_cache``) are dropped on the same changes.

When
    After the transaction commits (``transaction.on_commit``), one batch per change, sent as a
    task (``django_tasks``: the worker in production, at once in tests), so a slow proxy never
    holds up an editor; a change that rolls back purges nothing.

Where
    ``settings.WAGTAILFRONTENDCACHE``, as for Wagtail's ``frontend_cache`` (built from
    ``FRONTEND_CACHE_URL`` for Varnish, or the Cloudflare or CloudFront variables; see
    ``portal.settings.base``). ``VarnishBackend`` sends ``PURGE`` for a path and ``BAN`` for a
    whole site to the proxy in ``deploy/varnish/default.vcl``; other backends are Wagtail's, and
    purge everything by a wildcard (CloudFront) or by every live page's URL.

Signal handlers are connected to named senders (each page model, each snippet model), never to
every model: ``SearchEntry`` rows, sessions and rate-limit counters change on every request.
"""

from __future__ import annotations

import logging
from urllib.error import URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django_tasks import task
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.contrib.frontend_cache.backends.cloudfront import CloudfrontBackend
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from portal import page_cache

logger = logging.getLogger(__name__)

#: Seconds to wait for the proxy: a purge that cannot be sent is logged, never retried forever.
PURGE_TIMEOUT = 5

#: Snippet and setting models whose change shows on every page (``app_label.ModelName``).
SITE_WIDE_MODELS = (
    "portal.MainMenu",
    "portal.MainMenuItem",
    "portal.SiteSettings",
    "news.Estate",
    "panel.PanelMember",
    "wagtailcore.Locale",
    "wagtailcore.Site",
    # A page made private (or public) changes what may be cached at all.
    "wagtailcore.PageViewRestriction",
    # Editors' promoted results show on search pages, for any query.
    "wagtailsearchpromotions.SearchPromotion",
)


class VarnishBackend(BaseBackend):
    """HTTP ``PURGE`` of one path (with every query string of it) and ``BAN`` of a whole site,
    sent to ``LOCATION`` with the page's host in ``Host``, as ``deploy/varnish/default.vcl``
    expects. Unlike Wagtail's ``HTTPBackend`` it gives up after ``PURGE_TIMEOUT`` seconds."""

    def __init__(self, params):
        super().__init__(params)
        location = urlsplit(params["LOCATION"])
        self.scheme, self.netloc = location.scheme, location.netloc

    def _send(self, method: str, url: str) -> None:
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        target = urlunsplit((self.scheme, self.netloc, parts.path or "/", parts.query, ""))
        request = Request(target, method=method, headers={"Host": host})  # noqa: S310
        try:
            with urlopen(request, timeout=PURGE_TIMEOUT):  # noqa: S310 # nosec B310 (configured)
                pass
        except (URLError, OSError) as error:
            logger.error("Could not %s %s at the caching proxy: %s", method, url, error)

    def purge(self, url: str) -> None:
        self._send("PURGE", url)

    def purge_everything(self, root_url: str) -> None:
        self._send("BAN", root_url + "/")


def _site_roots() -> list[str]:
    return [site.root_url for site in Site.objects.all()]


def _all_live_urls() -> list[str]:
    urls = []
    cache = _UrlCache()
    for page in Page.objects.live().public().specific().iterator():
        urls.extend(_page_urls(page, cache))
    return urls


# Ahead of other background work (search indexing, alert emails, document text): a purge is what
# makes a published change visible, and it takes milliseconds.
@task(priority=100)
def send_purge(urls: list[str], everything: bool = False) -> None:
    """Send one batch to every configured backend (run after the change has committed)."""
    backends = get_backends()
    if not backends:
        return
    roots = _site_roots() if everything else []
    for name, backend in backends.items():
        if everything:
            if isinstance(backend, VarnishBackend):
                for root in roots:
                    backend.purge_everything(root)
            elif isinstance(backend, CloudfrontBackend):
                backend.purge_batch([root + "/*" for root in roots])
            else:
                backend.purge_batch(_all_live_urls())
            logger.info("[%s] purged everything", name)
        elif urls:
            backend.purge_batch(sorted(urls))
            logger.info("[%s] purged %d URLs", name, len(urls))


# -- sending after commit ---------------------------------------------------------------------


def _queue(urls=(), *, everything: bool = False) -> None:
    """Send ``urls`` (or everything) once the current transaction commits; nothing if it rolls
    back. One change (a publish, a reply) is one call, so one batch."""
    if not get_backends():
        return
    urls = sorted(set(urls))
    transaction.on_commit(lambda: send_purge.enqueue(urls, everything))


class _UrlCache:
    """Lets Wagtail reuse the site root paths across the URLs of one batch."""


def _page_urls(page, cache) -> list[str]:
    url = page.get_full_url(cache)
    if not url:
        return []
    paths = page.specific_deferred.get_cached_paths()
    return [url + path.lstrip("/") for path in paths]


def urls_for_page(page: Page) -> set[str]:
    """Every URL a change to ``page`` makes stale (see the module's docstring)."""
    cache = _UrlCache()
    page = page.specific_deferred
    translations = list(Page.objects.filter(translation_key=page.translation_key).specific())
    pages: dict[int, Page] = {p.pk: p for p in translations}
    for translation in translations:
        for ancestor in translation.get_ancestors().filter(depth__gte=2).specific():
            pages[ancestor.pk] = ancestor
    for home in Page.objects.filter(depth=2).specific():
        pages[home.pk] = home
    pages.update({p.pk: p for p in _linked_pages(translations)})
    urls = set()
    for each in pages.values():
        urls.update(_page_urls(each, cache))
    urls.update(root + "/sitemap.xml" for root in _site_roots())
    return urls


def _linked_pages(pages: list[Page]) -> list[Page]:
    """Pages that refer to any of ``pages`` and pages they refer to (one level each way)."""
    page_type = ReferenceIndex._get_base_content_type(Page)
    ids = [p.pk for p in pages]
    to_these = ReferenceIndex.objects.filter(
        to_content_type=page_type, to_object_id__in=[str(i) for i in ids]
    ).filter(base_content_type=page_type)
    from_these = ReferenceIndex.objects.filter(
        base_content_type=page_type, object_id__in=[str(i) for i in ids]
    ).filter(to_content_type=page_type)
    linked = {int(i) for i in to_these.values_list("object_id", flat=True)}
    linked |= {int(i) for i in from_these.values_list("to_object_id", flat=True)}
    linked -= set(ids)
    return list(Page.objects.filter(pk__in=linked).specific())


def purge_page(page: Page) -> None:
    """Purge ``page`` and what shows it, after the current transaction commits."""
    page_cache.drop_everything()
    if get_backends():  # else the URLs are not worth the queries
        _queue(urls_for_page(page))


def purge_everything() -> None:
    page_cache.drop_everything()
    _queue(everything=True)


# -- signal handlers --------------------------------------------------------------------------


def _on_page_changed(sender, instance, **kwargs):
    purge_page(instance)


def _on_site_changed(sender, **kwargs):
    purge_everything()


def _on_measurement_changed(sender, instance, **kwargs):
    from news.models import CommitmentPage

    for commitment in CommitmentPage.objects.filter(pk=instance.commitment_id):
        purge_page(commitment)


def _on_rsvp_changed(sender, instance, **kwargs):
    from news.models import EventPage

    for event in EventPage.objects.filter(pk=instance.event_id):
        purge_page(event)


def connect() -> None:
    """Connect the handlers (from ``PortalConfig.ready``)."""
    for model in apps.get_models():
        if issubclass(model, Page):
            uid = f"portal_purge_{model._meta.label_lower}"
            page_published.connect(_on_page_changed, sender=model, dispatch_uid=uid + "_pub")
            page_unpublished.connect(_on_page_changed, sender=model, dispatch_uid=uid + "_unpub")
            # A new address leaves the old one cached under every page below it: purge all.
            post_page_move.connect(_on_site_changed, sender=model, dispatch_uid=uid + "_moved")
            page_slug_changed.connect(_on_site_changed, sender=model, dispatch_uid=uid + "_slug")
            post_delete.connect(_on_site_changed, sender=model, dispatch_uid=uid + "_deleted")
    for label in SITE_WIDE_MODELS:
        model = apps.get_model(label)
        uid = f"portal_purge_{label.lower()}"
        post_save.connect(_on_site_changed, sender=model, dispatch_uid=uid + "_saved")
        post_delete.connect(_on_site_changed, sender=model, dispatch_uid=uid + "_deleted")
    for label, handler in (
        ("news.Measurement", _on_measurement_changed),
        ("news.EventRSVP", _on_rsvp_changed),
    ):
        model = apps.get_model(label)
        uid = f"portal_purge_{label.lower()}"
        post_save.connect(handler, sender=model, dispatch_uid=uid + "_saved")
        post_delete.connect(handler, sender=model, dispatch_uid=uid + "_deleted")
