"""Rate limits on residents' forms other than sign-in (allauth limits sign-in, sign-up, codes and
password resets itself, with ``ACCOUNT_RATE_LIMITS``).

A view calls ``enforce(request, "action", email=...)`` before doing the work; the rates come from
``settings.PORTAL_RATE_LIMITS[action]`` (``"3/h/email,10/h/ip"``). Over a rate it raises
``RateLimited``, which ``RateLimitMiddleware`` turns into ``templates/429.html`` with status 429
and ``Retry-After``. An action missing from the setting is not limited.

Counts live in the default cache, which every server process shares (Redis or the database; the
production settings refuse a per-process one). A window opens with the first request and lasts
the rate's period, so a limit of 3 an hour allows 3 in any hour that starts with a request, never
6 across a clock boundary. Each allowed request claims a numbered slot with ``cache.add``, which is
atomic on Redis and on the database cache, so two workers can never both take the third slot.
Email addresses are hashed before they go into a key: the cache holds no personal data.
"""

from __future__ import annotations

import hashlib
import ipaddress
import math
import time
from dataclasses import dataclass

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.shortcuts import render

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
# IPv6 clients get a /64 each from their provider: counting whole addresses would let one
# household rotate through billions (allauth counts the same way: RATE_LIMIT_IPV6_PREFIX).
IPV6_PREFIX = 64


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int
    per: str  # "ip" or "email"


def parse_rates(text: str) -> list[Rate]:
    """``"3/h/email,10/30m/ip"`` → rates; a malformed rate is a configuration error."""
    rates = []
    for part in filter(None, (p.strip() for p in (text or "").split(","))):
        try:
            count, period, per = part.split("/")
            number = period[:-1] or "1"
            rate = Rate(int(count), int(number) * PERIODS[period[-1]], per)
        except (ValueError, KeyError, IndexError) as error:
            raise ImproperlyConfigured(f"PORTAL_RATE_LIMITS: cannot read {part!r}") from error
        if rate.per not in {"ip", "email"} or rate.count < 1 or rate.seconds < 1:
            raise ImproperlyConfigured(f"PORTAL_RATE_LIMITS: cannot read {part!r}")
        rates.append(rate)
    return rates


def client_ip(request) -> str:
    """The resident's address, by allauth's rule (so its limits and ours agree).

    ``ALLAUTH_TRUSTED_PROXY_COUNT`` (``TRUSTED_PROXY_COUNT``) proxies of ours append to
    ``X-Forwarded-For``: the address the outermost of them saw is the client's. With 0 the header
    is ignored, since anyone can send it. A request that did not come through every proxy (a
    shorter header) or carries no usable address falls back to the connection's own address.
    IPv6 addresses are cut to their /64 network.
    """
    try:
        address = get_adapter(request).get_client_ip(request)
    except (ImproperlyConfigured, PermissionDenied):
        address = request.META.get("REMOTE_ADDR", "")
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address or "unknown"
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/{IPV6_PREFIX}", strict=False).network_address)
    return str(parsed)


class RateLimited(Exception):  # noqa: N818 (named like Django's PermissionDenied)
    """Raised by ``enforce``; ``retry_after`` is whole seconds until the window closes."""

    def __init__(self, action: str, retry_after: int):
        super().__init__(f"{action}: retry after {retry_after}s")
        self.action = action
        self.retry_after = retry_after


def _key(action: str, rate: Rate, identity: str) -> str:
    digest = hashlib.sha256(identity.encode()).hexdigest()[:32]
    return f"rl:{action}:{rate.count}/{rate.seconds}/{rate.per}:{digest}"


def _take_slot(key: str, rate: Rate, now: float) -> tuple[bool, int]:
    """Claim one of the window's ``rate.count`` slots: ``(claimed, seconds until it closes)``."""
    cache.add(f"{key}:start", now, rate.seconds)
    start = cache.get(f"{key}:start", now)
    left = max(1, math.ceil(start + rate.seconds - now))
    window = f"{key}:{int(start * 1000)}"
    # Where the last claim stopped, so a busy window is not walked from slot 1 every time; only
    # add() decides who gets a slot, so a stale hint costs a round trip, never a wrong count.
    first = cache.get(f"{window}:next", 1)
    for slot in range(first, rate.count + 1):
        if cache.add(f"{window}:{slot}", 1, left):
            cache.set(f"{window}:next", slot + 1, left)
            return True, left
    return False, left


def enforce(request, action: str, *, email: str = "") -> None:
    """Count one ``action`` by this client (and ``email``); raise ``RateLimited`` past a limit.

    Each rate is counted in turn and the first one that is full refuses: a refused request still
    used up its place in the rates before it, which only makes a flood stop sooner.
    """
    rates = parse_rates(getattr(settings, "PORTAL_RATE_LIMITS", {}).get(action, ""))
    now = time.time()
    for rate in rates:
        if rate.per == "email":
            identity = email.strip().casefold()
            if not identity:
                continue
        else:
            identity = client_ip(request)
        claimed, left = _take_slot(_key(action, rate, identity), rate, now)
        if not claimed:
            raise RateLimited(action, left)


def too_many_requests(request, *, retry_after: int | None = None):
    """The translated "too many attempts" page, status 429, with ``Retry-After`` when known."""
    minutes = math.ceil(retry_after / 60) if retry_after else None
    response = render(
        request,
        "429.html",
        # After a refused POST the form's own page (GET) shows what is saved; a refused GET has
        # nowhere better to go.
        {
            "minutes": minutes,
            "return_url": request.get_full_path() if request.method == "POST" else "",
        },
        status=429,
    )
    if retry_after:
        response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store, private"
    return response


class RateLimitMiddleware:
    """Turns ``RateLimited`` from any view into the 429 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, RateLimited):
            return too_many_requests(request, retry_after=exception.retry_after)
        return None
