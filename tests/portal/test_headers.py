"""Caching and Content-Security-Policy headers, checked on every URL the site has: every pattern
in the URL map (anonymous and as an administrator) and every page in the sitemap, on demo content.

What a maintainer relies on:
- anything personal, private or with a per-visitor form is ``Cache-Control: no-store, private``;
  every public page an anonymous visitor sees is ``public`` with a shared lifetime and no
  ``Vary: Cookie``, so the caching proxy keeps one copy for everyone (no public page has a form:
  replying to an event is a step of its own);
- every HTML page has a CSP whose scripts need the request's nonce (no ``unsafe-inline``, no
  ``unsafe-eval``), and every inline script or style element on it carries that nonce; public
  pages carry no style attributes (their policy forbids them);
- every response has the Permissions-Policy; robots.txt keeps crawlers out of private paths.
"""

import base64
import hashlib
import re
import uuid
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urlparse

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from consultations.models import ConsultationPage
from news.models import EventPage
from portal.models import StandardPage

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
NOT_EXECUTED_SCRIPT_TYPES = {"application/json", "application/ld+json", "text/template"}


class InlineCode(HTMLParser):
    """Collects inline script and style elements (with their nonce) and style attributes."""

    def __init__(self):
        super().__init__()
        self.inline_scripts: list[tuple[str | None, str]] = []  # (nonce or None, text)
        self.style_elements: list[str | None] = []
        self.style_attributes = 0
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "style" in attrs:
            self.style_attributes += 1
        script_type = (attrs.get("type") or "").split(";")[0]
        if tag == "script" and "src" not in attrs and script_type not in NOT_EXECUTED_SCRIPT_TYPES:
            self.inline_scripts.append((attrs.get("nonce"), ""))
            self._in_script = True
        if tag == "style":
            self.style_elements.append(attrs.get("nonce"))

    def handle_data(self, data):
        if self._in_script:
            nonce, text = self.inline_scripts[-1]
            self.inline_scripts[-1] = (nonce, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def is_private(response) -> bool:
    cache_control = {v.strip() for v in response.get("Cache-Control", "").split(",")}
    return {"no-store", "private"} <= cache_control


def is_public(response) -> bool:
    cache_control = {v.strip() for v in response.get("Cache-Control", "").split(",")}
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",")}
    return (
        "public" in cache_control
        and any(v.startswith("s-maxage=") and int(v.split("=")[1]) > 0 for v in cache_control)
        and not {"private", "no-store", "no-cache"} & cache_control
        and "cookie" not in vary
        and not response.cookies
    )


def is_html(response) -> bool:
    return response.get("Content-Type", "").startswith("text/html")


def check_html_page(response, path, *, public: bool):
    """The CSP rules every HTML page meets (``public``: the site's stricter style rule)."""
    assert "Content-Security-Policy" in response, path
    policy = directives(response)
    scripts = policy["script-src"]
    nonces = [source for source in scripts if source.startswith("'nonce-")]
    assert len(nonces) == 1, (path, scripts)
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, (path, scripts)
    assert policy["object-src"] == ["'none'"], path
    nonce = nonces[0][len("'nonce-") : -1]
    code = InlineCode()
    code.feed(response.content.decode())
    # Each inline script has the nonce, or (a few fixed ones in the admin) its hash is allowed.
    for found, text in code.inline_scripts:
        assert found == nonce or sha256_source(text) in scripts, (path, text[:200])
    if public:
        assert "'unsafe-inline'" not in policy["style-src"], path
        assert all(found == nonce for found in code.style_elements), path
        assert code.style_attributes == 0, path


def check_common(response, path):
    assert "camera=()" in response["Permissions-Policy"], path
    assert "geolocation=()" in response["Permissions-Policy"], path


def sample_value(converter_name: str, ids: dict) -> str:
    # Most parameters are primary keys (the admin's str ones too): a real page's id reaches
    # more views than a placeholder would.
    return {
        "int": str(ids["page"]),
        "str": str(ids["page"]),
        "uuid": str(uuid.UUID(int=0)),
    }.get(converter_name, "x")


def url_map_paths(ids: dict, language: str) -> list[str]:
    """One concrete path for every pattern in the URL map (parameters filled with a real page's
    id or a placeholder), with i18n patterns under ``language``. Regex patterns without named
    groups are filled with a placeholder where the regex accepts it."""
    paths = []

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern.pattern, LocalePrefixPattern):
                part = f"{language}/"
            elif isinstance(pattern.pattern, RoutePattern):
                route = pattern.pattern._route
                part = re.sub(
                    r"<(?:(\w+):)?(\w+)>",
                    lambda m: sample_value(m.group(1) or "str", ids),
                    route,
                )
            else:
                regex = pattern.pattern._regex
                part = re.sub(r"\(\?P<\w+>[^)]*\)", "x", regex).lstrip("^").rstrip("$")
                part = part.replace("\\", "")
                if re.search(r"[()\[\]*+?{}|]", part):
                    continue  # an unnamed or complex group: no concrete path to guess
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + part)
            elif isinstance(pattern, URLPattern):
                paths.append("/" + prefix + part)

    walk(get_resolver().url_patterns, "")
    return sorted(set(paths))


def sitemap_paths(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own sitemap)
    return [urlparse(loc.text).path for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]


@pytest.fixture
def demo(demo_content):
    """The shared demo (tests/conftest.py)."""


def get(client, path):
    client.raise_request_exception = False
    return client.get(path)


def test_every_url_in_the_url_map_and_the_sitemap_sends_the_right_headers(demo):
    home = Page.objects.filter(depth=2).first()
    ids = {"page": home.pk}
    anonymous = Client()
    admin = Client()
    superuser = get_user_model().objects.create_superuser("headers-admin", "h@example.org", "x")

    # The URL map, anonymously and as an administrator, English and Urdu.
    walked = sorted(set(url_map_paths(ids, "en")) | set(url_map_paths(ids, "ur")))
    assert len(walked) > 250  # the admin's URLs are most of them: the walk reached them
    for path in walked:
        for client, signed_in in ((anonymous, False), (admin, True)):
            if signed_in:  # again each time: the walk passes through the sign-out URLs
                client.force_login(superuser)
            # Any status: an error page carries the headers too (a made-up parameter may
            # make one of Wagtail's views fail, which is not what this test is about).
            response = get(client, path)
            check_common(response, path)
            in_admin = path.startswith("/admin/")
            if signed_in or in_admin or "/accounts/" in path:
                assert is_private(response), (path, response.get("Cache-Control"))
            if is_html(response):
                check_html_page(response, path, public=not in_admin)

    # Every page in the sitemap: public, so not marked private unless it has a form.
    # English and Urdu only: the headers do not depend on the language, and the walk is long.
    paths = [p for p in sitemap_paths(anonymous) if p.startswith(("/en/", "/ur/"))]
    assert len(paths) > 60
    for path in paths:
        response = get(anonymous, path)
        assert response.status_code == 200, path
        check_common(response, path)
        check_html_page(response, path, public=True)
        assert is_public(response), (path, response.get("Cache-Control"), response.get("Vary"))
        assert "csrfmiddlewaretoken" not in response.content.decode(), path
    # Feeds, calendars and the sitemap are shared the same way.
    events = next(e for e in EventPage.objects.live() if e.accepts_rsvps)
    for path in ("/sitemap.xml", "/robots.txt", events.ics_url()):
        assert is_public(get(anonymous, path)), path
    # The reply form of an event is a step of its own, with the visitor's token: never shared.
    response = get(Client(), events.rsvp_url())
    assert response.status_code == 200 and "csrfmiddlewaretoken" in response.content.decode()
    assert is_private(response)

    # Signed in, every page is the visitor's own.
    resident = Client()
    resident.force_login(get_user_model().objects.create_user("resident", "r@example.org", "x"))
    for path in paths[:20]:
        assert is_private(get(resident, path)), path

    # Loading the demo takes a while: the responding journey shares this one load.
    _responding_and_replying_are_never_cached()


def _responding_and_replying_are_never_cached():
    client = Client()
    consultation = ConsultationPage.objects.live().filter(locale__language_code="en")
    consultation = next(c for c in consultation if c.is_open)
    respond = consultation.url + consultation.reverse_subpage("respond")
    response = client.get(respond)
    seen = [respond]
    while response.status_code in (301, 302) and len(seen) < 5:
        assert is_private(response), seen[-1]
        seen.append(response["Location"])
        response = client.get(seen[-1])
    assert response.status_code == 200, seen
    assert is_private(response), seen
    check_html_page(response, seen[-1], public=True)
    for route in ("your_details", "check", "confirmation"):
        path = consultation.url + consultation.reverse_subpage(route)
        assert is_private(get(client, path)), path

    event = next(e for e in EventPage.objects.live() if e.accepts_rsvps)
    response = client.post(
        event.rsvp_url(), {"name": "=HYPERLINK(1)", "email": "", "places": "1"}, follow=True
    )
    assert all(is_private(client.get(url)) for url, _status in response.redirect_chain)
    confirmation = event.url + event.reverse_subpage("rsvp_confirmation")
    assert is_private(client.get(confirmation))


def test_pages_and_documents_behind_a_password_are_never_cached(home_page):
    """Signed-in visitors are private anyway; a password restriction lets an anonymous visitor
    in with only their session, so the restriction itself must keep the page out of caches."""
    page = home_page.add_child(instance=StandardPage(title="Papers", slug="papers"))
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="panel-2026"
    )
    collection = Collection.get_first_root_node().add_child(name="Members only")
    document = get_document_model().objects.create(
        title="Minutes",
        file=ContentFile(b"%PDF-1.4 minutes", name="minutes.pdf"),
        collection=collection,
    )
    doc_restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="panel-2026",
    )
    client = Client()
    client.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id]),
        {"password": "panel-2026", "return_url": page.url},
    )
    response = client.get(page.url)
    assert response.status_code == 200 and "Papers" in response.content.decode()
    assert is_private(response)
    client.post(
        reverse("wagtaildocs_authenticate_with_password", args=[doc_restriction.id]),
        {"password": "panel-2026", "return_url": document.url},
    )
    response = client.get(document.url)
    assert response.status_code == 200 and b"minutes" in b"".join(response.streaming_content)
    assert is_private(response)

    public = home_page.add_child(instance=StandardPage(title="About", slug="about-us"))
    public.save_revision().publish()
    # The unlocked session may show on any page: kept out of shared caches; without it, shared.
    assert is_private(client.get(public.url))
    assert is_public(Client().get(public.url))


def test_robots_txt_keeps_crawlers_out_of_private_paths_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    rules = response.content.decode().splitlines()
    disallowed = [line.split(":", 1)[1].strip() for line in rules if line.startswith("Disallow:")]
    assert {"/admin/", "/*/accounts/", "/*/respond/", "/*/rsvp/"} <= set(disallowed)
    assert "Sitemap: http://testserver/sitemap.xml" in rules
    assert not is_private(response)


def test_a_page_with_a_form_is_private_on_every_visit_not_only_the_first(home_page):
    """Django's CSRF middleware clears its "token used" flag on the way out; the cookie it sets
    is what shows the page rendered a token. A returning visitor has the cookie already, and
    their page (with a token made from their secret) must not be cached for anyone else."""
    from tests.portal.test_rate_limits import add_open_event

    event = add_open_event(home_page)
    visitor = Client()
    for visit in ("first", "returning"):
        response = visitor.get(event.rsvp_url())
        assert "csrfmiddlewaretoken" in response.content.decode(), visit
        assert is_private(response), (visit, response.get("Cache-Control"))
    # The event page and the home page carry no form: shared, whatever cookies the visitor has.
    assert is_public(visitor.get(event.url))
    assert is_public(visitor.get(home_page.url))
