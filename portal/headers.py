"""Response headers that every page of the site gets: caching rules for public and private
responses, the Content-Security-Policy (through django-csp) and the Permissions-Policy.

Private responses
    ``PrivateResponseMiddleware`` marks ``Cache-Control: no-store, private`` on every response
    that carries personal data or a per-visitor form, so that no browser cache, proxy or CDN keeps
    it. A response is private when any of these holds:

    * the visitor is signed in (their pages show their name, email and sign-out form);
    * the page rendered a CSRF token: every POST form is per visitor;
    * it is the admin, or an account URL (``account_*``, ``mfa_*`` URL names);
    * it is a route named in ``settings.PORTAL_PRIVATE_ROUTES`` (a Wagtail page route's name, such
      as a consultation's ``your_details``, or a URL name);
    * a view or hook called ``mark_private(request)`` (private pages and documents do, from
      ``portal.wagtail_hooks``), or the view is wrapped in ``@private_response``.

    * the request carries a session cookie (an anonymous visitor part way through responding,
      who replied to an event or unlocked a password-protected page: their session may show on
      any page, in a message or a "continue your response" link);
    * the response sets a cookie.

Public responses
    Everything else that is an anonymous ``GET`` or ``HEAD`` answered ``200`` with a complete body
    (not streamed) and no ``Cache-Control`` of its view's own is sent ``Cache-Control: public,
    max-age=…, s-maxage=…, stale-while-revalidate=…`` (``settings.PUBLIC_CACHE_*``), and ``Cookie``
    is taken out of its ``Vary``: such a response reads no cookie, so the caching proxy
    (``deploy/varnish``) or a CDN may give one copy to every visitor until a purge
    (``portal.frontend_cache``) or the lifetime ends.

Content-Security-Policy
    ``PortalCSPMiddleware`` is django-csp's middleware with two policies: the site's
    (``settings.CONTENT_SECURITY_POLICY``) and the admin's (``settings.PORTAL_ADMIN_CSP``, the
    same strict script rule with what Wagtail's editor needs for styles, images and previews). It
    also makes the request's nonce readable where Wagtail renders inline scripts without the
    request in the template context (form widgets, panels): the ``{% csp_nonce_attribute %}``
    tag in ``portal_csp`` reads it. wagtail-localize's two fixed inline scripts are allowed by
    their hashes (``fixed_admin_script_hashes``).
"""

from __future__ import annotations

import base64
import contextvars
import functools
import hashlib
import re
from collections.abc import Callable

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.template import Context, Template
from django.template.loader import get_template
from django.urls import NoReverseMatch, reverse
from django.utils.cache import patch_cache_control
from django.utils.html import format_html
from django.utils.safestring import SafeString

PRIVATE_URL_NAME_PREFIXES = ("account_", "mfa_")

_current_nonce: contextvars.ContextVar[Callable[[], str] | None] = contextvars.ContextVar(
    "portal_csp_nonce", default=None
)


def mark_private(request: HttpRequest) -> None:
    """Ask for this request's response to be sent ``Cache-Control: no-store, private``."""
    request.portal_private_response = True


def make_private(response: HttpResponseBase) -> HttpResponseBase:
    """Mark ``response`` so that no cache keeps it, overriding any public caching."""
    patch_cache_control(response, no_store=True, private=True)
    return response


def private_response(view):
    """Decorator for views outside the site layer whose responses are personal or private."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        mark_private(request)
        return make_private(view(request, *args, **kwargs))

    return wrapped


def _admin_prefix() -> str:
    try:
        return reverse("wagtailadmin_home")
    except NoReverseMatch:  # a URL configuration without the admin (some tests)
        return "/admin/"


def is_admin_path(path: str) -> bool:
    return path.startswith(_admin_prefix())


def rendered_csrf_token(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Whether the page carries a CSRF token (a form only its visitor may send).

    ``get_token`` flags the request and Django's CSRF middleware then sets the cookie on the
    response, even to a visitor who has one (to renew it), and clears the flag: above that
    middleware, as this one is, the cookie on the response is what is left to see.
    """
    return bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE")) or (
        settings.CSRF_COOKIE_NAME in response.cookies
    )


def is_private_request(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Whether ``response`` to ``request`` may carry personal data or a per-visitor form."""
    if getattr(request, "portal_private_response", False):
        return True
    if rendered_csrf_token(request, response):
        return True
    if is_admin_path(request.path_info):
        return True
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    if settings.SESSION_COOKIE_NAME in request.COOKIES or response.cookies:
        return True
    private_routes = set(getattr(settings, "PORTAL_PRIVATE_ROUTES", ()))
    for match in (
        getattr(request, "resolver_match", None),
        getattr(request, "routable_resolver_match", None),
    ):
        name = getattr(match, "url_name", None) or ""
        if name.startswith(PRIVATE_URL_NAME_PREFIXES) or name in private_routes:
            return True
    return False


def is_shareable(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Whether a response that is not private may be kept by a shared cache."""
    return (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not response.streaming
        and "Cache-Control" not in response
    )


def make_public(response: HttpResponseBase) -> HttpResponseBase:
    """Mark ``response`` cacheable by browsers and shared caches, the same for every visitor."""
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PUBLIC_CACHE_MAX_AGE,
        s_maxage=settings.PUBLIC_CACHE_S_MAXAGE,
        stale_while_revalidate=settings.PUBLIC_CACHE_STALE_WHILE_REVALIDATE,
    )
    if response.has_header("Vary"):
        kept = [v.strip() for v in response["Vary"].split(",") if v.strip().lower() != "cookie"]
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]
    return response


class PrivateResponseMiddleware:
    """Sends ``Cache-Control: no-store, private`` on private responses and the public policy on
    the rest that may be shared (see the module's docstring). Place it above the session, CSRF
    and authentication middleware, so it sees the response last."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_private_request(request, response):
            make_private(response)
        elif is_shareable(request, response):
            make_public(response)
        return response


class PermissionsPolicyMiddleware:
    """Sends ``settings.PERMISSIONS_POLICY`` (feature name to allowed origins; an empty list
    turns the feature off) as the ``Permissions-Policy`` header on every response."""

    def __init__(self, get_response):
        self.get_response = get_response
        policy = getattr(settings, "PERMISSIONS_POLICY", {})
        self.header = ", ".join(
            f"{feature}=({' '.join(origins)})" for feature, origins in policy.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.header and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.header
        return response


def current_nonce() -> str:
    """The nonce of the request being handled, or ``""`` outside one."""
    make = _current_nonce.get()
    return str(make()) if make is not None else ""


def give_wagtail_choosers_the_nonce() -> None:
    """Wagtail's chooser widgets (page, document, image, snippet, task) end their HTML with an
    inline ``<script>`` that starts the chooser, written in ``BaseChooser.render`` where no
    template can reach it. Give that one script, and nothing else, the request's nonce.

    Called once from ``PortalConfig.ready``; the admin browser tests fail on any CSP violation,
    so a Wagtail upgrade that changes this shows there.
    """
    from wagtail.admin.widgets.chooser import BaseChooser

    original = BaseChooser.render
    if getattr(original, "portal_gives_nonce", False):
        return

    @functools.wraps(original)
    def render(self, *args, **kwargs):
        html = original(self, *args, **kwargs)
        head, script, tail = html.rpartition("<script>")
        nonce = current_nonce()
        if not script or not nonce:
            return html
        # head and tail are Wagtail's own escaped HTML, split around its script tag.
        return (  # Wagtail's own rendered widget HTML, already escaped by Wagtail
            SafeString(head)  # nosec B703 B308
            + format_html('<script nonce="{}">', nonce)
            + SafeString(tail)  # nosec B703 B308
        )

    render.portal_gives_nonce = True
    BaseChooser.render = render


#: Admin templates of other packages whose inline scripts need no request context: they are
#: allowed by their hash (computed from the installed template, so an upgrade stays in step).
ADMIN_TEMPLATES_WITH_FIXED_SCRIPTS = (
    "wagtail_localize/admin/submit_translation.html",
    "wagtail_localize/admin/edit_translation.html",
)
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL)


@functools.cache
def fixed_admin_script_hashes() -> tuple[str, ...]:
    """``'sha256-…'`` sources for the inline scripts in ``ADMIN_TEMPLATES_WITH_FIXED_SCRIPTS``,
    each rendered on its own (they hold only ``{% url %}`` tags, the same for every request)."""
    hashes = []
    for name in ADMIN_TEMPLATES_WITH_FIXED_SCRIPTS:
        source = get_template(name).template.source
        for body in _INLINE_SCRIPT.findall(source):
            text = Template("{% load i18n %}" + body).render(Context())
            digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
            hashes.append(f"'sha256-{digest}'")
    return tuple(hashes)


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the admin's policy for admin paths and giving every
    HTML page a nonce (so inline scripts added later need one, even on pages that have none)."""

    def process_request(self, request):
        super().process_request(request)
        request._portal_nonce_token = _current_nonce.set(lambda: request.csp_nonce)

    def process_response(self, request, response):
        token = getattr(request, "_portal_nonce_token", None)
        if token is not None:
            _current_nonce.reset(token)
        if response.get("Content-Type", "").startswith("text/html"):
            self._make_nonce(request)
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            directives = dict(settings.PORTAL_ADMIN_CSP["DIRECTIVES"])
            directives["script-src"] = [*directives["script-src"], *fixed_admin_script_hashes()]
            parts.config = directives
        return parts
