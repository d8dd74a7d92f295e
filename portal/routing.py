"""Wagtail's routing with the site and its home page in each language read from the shared cache.

Wagtail finds the site of every request with a query (``Site.find_for_request``), then reads
the site's root page, the active locale and the root's translation in it before it can route
the path (``Page.route_for_request``): four queries and their SQL compilation on every page and
every step of the responding journey. Here what they answer is kept as a site-wide fragment
(``portal.fragments``), so it is dropped whenever a site, a locale or any page changes:

- ``site_for_request(request)``: the ``Site`` for the request's host and port, as Wagtail's
  ``Site.find_for_request`` chooses it, rebuilt from its cached fields (no query);
- ``route_for_request(request, path)``: Wagtail's ``Page.route_for_request`` from the cached
  id of the root's live translation in the active language (one query for that page).

``SiteMiddleware`` puts the site on the request (where ``Site.find_for_request`` looks first)
for every view; ``serve`` is Wagtail's page view with the route found here.
"""

from __future__ import annotations

import contextlib

from django.db import DatabaseError
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from portal import fragments

_SITE_FIELDS = ("id", "hostname", "port", "site_name", "root_page_id", "is_default_site")


def _site_fields(hostname: str, port) -> tuple | None:
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None
    return tuple(getattr(site, field) for field in _SITE_FIELDS)


def site_for_request(request) -> Site | None:
    """The site Wagtail would choose for ``request`` (``None`` when no site answers)."""
    if not hasattr(request, "_wagtail_site"):
        # The host as Wagtail reads it: the raw header, so ALLOWED_HOSTS is checked elsewhere.
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()
        values = fragments.cached(
            "site", hostname, port, build=lambda: _site_fields(hostname, port)
        )
        request._wagtail_site = (
            Site.from_db(None, list(_SITE_FIELDS), list(values)) if values else None
        )
    return request._wagtail_site


def _localized_roots(site: Site) -> dict:
    """``{language code: (page id, content type id)}`` of the root's live translations; the
    root itself under ``None`` (what a language without a live translation is served)."""
    root = Page.objects.get(pk=site.root_page_id)
    roots = {None: (root.pk, root.content_type_id)}
    for page in root.get_translations(inclusive=True).live().select_related("locale"):
        roots[page.locale.language_code] = (page.pk, page.content_type_id)
    return roots


def localized_root(site: Site):
    """The site's root page in the active language, as its specific type (one query)."""
    roots = fragments.cached("site-roots", site.pk, build=lambda: _localized_roots(site))
    try:
        code = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        code = None
    page_id, content_type_id = roots.get(code) or roots[None]
    from django.contrib.contenttypes.models import ContentType

    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return model.objects.get(pk=page_id)


def route_for_request(request, path: str):
    """What Wagtail's ``Page.route_for_request`` returns (and keeps on the request)."""
    if not hasattr(request, "_wagtail_route_for_request"):
        site = site_for_request(request)
        route = None
        if site is not None:
            components = [component for component in path.split("/") if component]
            try:
                route = localized_root(site).route(request, components)
            except (Http404, Page.DoesNotExist):
                route = None
        request._wagtail_route_for_request = route
    return request._wagtail_route_for_request


def serve(request, path):
    """Wagtail's ``serve`` view (hooks, restrictions, routable pages), routed as above."""
    route_for_request(request, path)
    return wagtail_views.serve(request, path)


class SiteMiddleware:
    """Puts the cached site on every request (after ``FragmentMemoMiddleware``, whose memo it
    uses), so views and templates that ask ``Site.find_for_request`` run no query for it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # With the database down the site stays unset, so ``/healthz`` and the outage page
        # (503) answer as they would without this middleware.
        with contextlib.suppress(DatabaseError):
            site_for_request(request)
        return self.get_response(request)
