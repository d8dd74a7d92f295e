"""The app's own copy of public pages, in the shared cache, for when no caching proxy is in front
(or for what it has not kept yet): an anonymous visitor's GET of a page the caching policy sends
``public`` (``portal.headers``) is answered from Redis without rendering again.

What is kept
    Only responses that left the app ``Cache-Control: public`` with status 200, a complete body,
    no cookie set and no ``Vary`` (a response that varies by a request header, such as the
    language negotiation of an address without a language, is rendered each time). They are
    kept for ``PUBLIC_CACHE_MAX_AGE`` seconds at most, so what no change signals (an event
    passing, a consultation closing at its time) is never older than that.

Who gets a kept copy
    A ``GET`` with no session cookie and no ``Authorization`` header: a signed-in visitor, or one
    part way through responding, always gets a page rendered for them.

When a copy is dropped
    Every change that purges the caching proxy (``portal.frontend_cache``: a page published,
    unpublished, moved or deleted, a measurement, a reply to an event, a site-wide snippet or
    setting, a view restriction) moves the *generation* in this module's keys on once the change
    commits, so every kept page is dropped at once: the cost of one render per page after a
    change is small beside a stale or private page shown.

``PORTAL_PAGE_CACHE = False`` turns it off (the test settings do, except in the tests of it).
"""

from __future__ import annotations

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse

logger = logging.getLogger(__name__)

GENERATION_KEY = "portal:pages:generation"
#: Headers a kept copy is sent with again (everything else is the response's own to set).
_KEPT_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Cache-Control",
    "Content-Security-Policy",
    "Permissions-Policy",
    "Referrer-Policy",
    "X-Content-Type-Options",
    "X-Frame-Options",
    "Cross-Origin-Opener-Policy",
    "Link",
)


def enabled() -> bool:
    return bool(getattr(settings, "PORTAL_PAGE_CACHE", True))


def _generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        # From the clock, so a count restarted after an eviction never meets an old one.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def _next_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # the key was evicted: any new value is a new generation
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def drop_everything() -> None:
    """Drop every kept page once the current transaction commits (now, outside one)."""
    transaction.on_commit(_next_generation)


def _key(request, generation: int) -> str:
    address = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode("utf-8", "surrogatepass")).hexdigest()
    return f"portal:page:{generation}:{digest}"


def _may_use(request) -> bool:
    return (
        enabled()
        and request.method == "GET"
        and not request.path_info.startswith((settings.STATIC_URL, settings.MEDIA_URL))
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _may_keep(response) -> bool:
    cache_control = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return (
        response.status_code == 200
        and not response.streaming
        and "public" in cache_control
        and not {"private", "no-store", "no-cache"} & cache_control
        and not response.cookies
        and not response.has_header("Vary")
    )


class PageCacheMiddleware:
    """Answers from the kept copy, or keeps the response (see the module's docstring). Place it
    first after ``SecurityMiddleware``, so what it keeps has every header the layers below add,
    and a kept copy skips them all."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_use(request):
            return self.get_response(request)
        try:
            generation = _generation()
            kept = cache.get(_key(request, generation))
        except Exception:  # noqa: BLE001 (the cache being down must not take pages with it)
            logger.warning("The page cache could not be read", exc_info=True)
            return self.get_response(request)
        if kept is not None:
            status, headers, content = kept
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _may_keep(response):
            headers = [(name, response[name]) for name in _KEPT_HEADERS if name in response]
            try:
                cache.set(
                    _key(request, generation),
                    (response.status_code, headers, response.content),
                    timeout=settings.PUBLIC_CACHE_MAX_AGE,
                )
            except Exception:  # noqa: BLE001 (not kept this time; the page is still answered)
                logger.warning("Could not keep %s in the page cache", request.path, exc_info=True)
        return response
