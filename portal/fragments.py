"""Site-wide fragments (navigation, footer, settings, language links, locales, view restrictions)
kept in the shared cache and invalidated on change.

Every value is stored under a *generation*: a number in the cache that any change to a model
feeding the fragments moves on (``bump``), so the next request builds its fragments afresh and
the old ones are left to expire. Within one request a value is read from the cache once
(``FragmentMemoMiddleware`` keeps a memo for the request), so a layout that asks for the same
fragment from several templates costs one cache read.

Contract for callers: ``cached(name, *parts, build=...)`` returns what ``build()`` returns, or an
equal copy of it, so ``build`` must return plain data (strings, numbers, lists, dicts, tuples)
that depends only on ``name``, ``parts`` and the models connected in ``connect()``; never a
model instance (pickled instances go stale in other ways) and never anything about the visitor.

Override points: ``FRAGMENT_TIMEOUT`` (seconds a fragment lives at most, default a day) in the
settings; ``connect(extra_models=...)`` for another site-wide model that feeds a fragment.
"""

from __future__ import annotations

import contextvars
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

GENERATION_KEY = "portal:fragments:generation"
_MISSING = object()
_memo: contextvars.ContextVar[dict | None] = contextvars.ContextVar("fragment_memo", default=None)


def _timeout() -> int:
    return int(getattr(settings, "FRAGMENT_TIMEOUT", 24 * 60 * 60))


def generation() -> int:
    """The current generation (read once per request)."""
    memo = _memo.get()
    if memo is not None and "generation" in memo:
        return memo["generation"]
    value = cache.get(GENERATION_KEY)
    if value is None:
        # Start from the clock, not from 0: after an eviction of this key, a restarted count
        # could meet fragments cached under an old number with the same value.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = cache.get(GENERATION_KEY)
    if memo is not None:
        memo["generation"] = value
    return value


def cached(name: str, *parts: Any, build: Callable[[], Any]) -> Any:
    """The fragment ``name`` for ``parts`` (site id, language, page id...), built when missing."""
    key_tail = ":".join(str(part) for part in (name, *parts))
    memo = _memo.get()
    if memo is not None and key_tail in memo:
        return memo[key_tail]
    key = f"portal:fragment:{generation()}:{key_tail}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, timeout=_timeout())
    if memo is not None:
        memo[key_tail] = value
    return value


def bump(**_kwargs) -> None:
    """Move to a new generation now and again once the transaction commits.

    Now, so the rest of this request and transaction see the change; after the commit as well,
    so a fragment that another request built from the data as it was before the commit (and
    stored under the first new generation) is not kept.
    """
    _next_generation()
    transaction.on_commit(_next_generation)


def _next_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not in the cache (never read, or evicted)
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)
    memo = _memo.get()
    if memo is not None:
        memo.clear()


def _bump_unless_created_unchanged(sender, instance, created=False, raw=False, **kwargs):
    """Site settings rows are made on first read (``for_request``) with the defaults, which is
    what the fragments already showed: only an edit moves the generation on."""
    if created and not raw:
        return
    bump()


class FragmentMemoMiddleware:
    """Keeps one memo of fragments per request (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)


def connect(extra_models=()) -> None:
    """Move the generation on when anything the fragments show changes.

    Each signal is connected for named senders only (every page model, the navigation, the site
    settings, locales, sites, view restrictions): a handler without a sender would run for every
    model saved anywhere.
    """
    from wagtail.models import Locale, PageViewRestriction, Site, get_page_models
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    from portal.models import MainMenu, MainMenuItem, SiteSettings

    for model in get_page_models():
        uid = f"portal_fragments_{model._meta.label_lower}"
        for signal in (post_save, post_delete, page_published, page_unpublished, post_page_move):
            signal.connect(bump, sender=model, weak=False, dispatch_uid=uid)
        page_slug_changed.connect(bump, sender=model, weak=False, dispatch_uid=uid)
    for model in (MainMenu, MainMenuItem, Locale, Site, PageViewRestriction, *extra_models):
        uid = f"portal_fragments_{model._meta.label_lower}"
        post_save.connect(bump, sender=model, weak=False, dispatch_uid=uid)
        post_delete.connect(bump, sender=model, weak=False, dispatch_uid=uid)
    uid = "portal_fragments_sitesettings"
    post_save.connect(_bump_unless_created_unchanged, sender=SiteSettings, dispatch_uid=uid)
    post_delete.connect(bump, sender=SiteSettings, weak=False, dispatch_uid=uid)
