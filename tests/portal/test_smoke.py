"""End to end on demo content: it loads idempotently and every public page serves in every
language. Marked smoke (``pytest -m smoke``), the quick end-to-end check; `make test` runs them on
both SQLite and PostgreSQL with the rest of the suite."""

import re
import xml.etree.ElementTree as ET
from collections import Counter
from urllib.parse import urlparse

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction, Workflow

from portal.demo.translations import TRANSLATIONS
from portal.models import HomePage, StandardPage
from portal.translation import isolate_ltr_runs
from tests.conftest import DEMO_ARGS
from tests.portal.test_navigation import menu_links

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]

Document = get_document_model()
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
RTL = {"ur", "yi"}


def _load():
    call_command("load_demo_content", *DEMO_ARGS, verbosity=0)


def _sitemap_paths(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own sitemap)
    return [urlparse(loc.text).path for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]


def test_demo_content_is_idempotent_and_every_sitemap_url_serves_in_its_language(
    demo_content, client, settings
):
    counts = Counter(Page.objects.values_list("locale__language_code", flat=True))
    groups, workflows = Group.objects.count(), Workflow.objects.count()
    documents = dict(Document.objects.values_list("title", "file"))
    _load()
    assert Counter(Page.objects.values_list("locale__language_code", flat=True)) == counts
    assert (Group.objects.count(), Workflow.objects.count()) == (groups, workflows)
    # Reloading neither duplicates documents nor rewrites their files (PDFs in every language).
    assert dict(Document.objects.values_list("title", "file")) == documents
    assert len(documents) > 2 + len(settings.LANGUAGES)

    # Every site page exists, live, in every language; titles and introductions translated.
    codes = [code for code, _name in settings.LANGUAGES]
    assert HomePage.objects.live().count() == len(codes)
    for slug in ("about", "accessibility", "privacy", "cookies", "contact"):
        pages = StandardPage.objects.live().filter(slug=slug)
        assert sorted(p.locale.language_code for p in pages) == sorted(codes), slug
        english = pages.get(locale__language_code="en")
        for page in pages.exclude(pk=english.pk):
            expected = TRANSLATIONS[page.locale.language_code]
            if page.locale.language_code in RTL:  # embedded English runs are isolated
                expected = {key: isolate_ltr_runs(text) for key, text in expected.items()}
            assert page.title == expected[english.title], (slug, page.locale)
            assert page.introduction == expected[english.introduction], (slug, page.locale)

    paths = _sitemap_paths(client)
    assert len(paths) == len(set(paths))
    for code in codes:
        assert f"/{code}/" in paths
        assert f"/{code}/accessibility/" in paths
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        code = path.split("/")[1]
        html = response.content.decode()
        direction = "rtl" if code in RTL else "ltr"
        assert f'<html lang="{code}" dir="{direction}"' in html, path
        assert len(re.findall(r"<h1[\s>]", html)) == 1, path

    # Loading demo content takes a while: the rest of the checks share this one load.
    _site_pages_say_what_residents_need(client)
    _every_section_is_in_every_languages_menu(client, codes)
    _drafts_and_private_pages_are_not_in_the_sitemap(client)
    _the_closed_consultation_says_what_we_did_with_counts(client)


def _site_pages_say_what_residents_need(client):
    html = client.get("/en/accessibility/").content.decode()
    assert "Web Content Accessibility Guidelines version 2.2 AA" in html
    assert "Equality and Human Rights Commission" in html
    privacy = client.get("/en/privacy/").content.decode()
    assert "public task" in privacy and "Information Commissioner" in privacy
    cookies = client.get("/en/cookies/").content.decode()
    for name in ("csrftoken", "sessionid", "messages"):
        assert f"<strong>{name}</strong>" in cookies

    urdu = client.get("/ur/").content.decode()
    assert "ہاؤسنگ میں شمولیت" in urdu  # the home page title, translated
    assert 'href="/ur/accessibility/"' in urdu  # footer links stay in Urdu
    assert 'href="/ur/privacy/"' in urdu
    assert 'href="/ur/about/"' in urdu  # primary navigation


def _every_section_is_in_every_languages_menu(client, codes):
    from consultations.models import ConsultationIndexPage
    from news.models import EventIndexPage, ImprovementPlanPage, UpdateIndexPage
    from panel.models import PanelPage

    section_types = [
        ConsultationIndexPage,
        ImprovementPlanPage,
        UpdateIndexPage,
        EventIndexPage,
        PanelPage,
    ]
    for code in codes:
        html = client.get(f"/{code}/").content.decode()
        links = menu_links(html)
        hrefs = [href for href, _text in links]
        for model in section_types:
            section = model.objects.live().get(locale__language_code=code)
            assert section.url in hrefs, (code, model.__name__, links)
            assert (section.url, section.title) in links, (code, model.__name__)
        assert f"/{code}/about/" in hrefs, code
        assert f"/{code}/search/" not in hrefs, "search is the header's form, not a menu link"
        assert f'action="/{code}/search/"' in html, code


def _drafts_and_private_pages_are_not_in_the_sitemap(client):
    home = HomePage.objects.get(locale__language_code="en")
    draft = home.add_child(instance=StandardPage(title="Unpublished plans", slug="unpublished"))
    draft.live = False
    draft.save()
    private = home.add_child(instance=StandardPage(title="Staff only", slug="staff-only"))
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    paths = _sitemap_paths(client)
    assert "/en/about/" in paths
    assert "/en/unpublished/" not in paths
    assert "/en/staff-only/" not in paths


def _the_closed_consultation_says_what_we_did_with_counts(client):
    from django.db.models import Count

    from consultations.models import AnswerTheme, ConsultationPage, Response

    pages = ConsultationPage.objects.filter(slug="repairs-appointments")
    english = pages.get(locale__language_code="en")
    total = Response.objects.filter(consultation=english).count()
    raised = dict(
        AnswerTheme.objects.filter(theme__consultation=english)
        .values("theme__name")
        .annotate(n=Count("response", distinct=True))
        .values_list("theme__name", "n")
    )
    assert total and raised.get("Evening appointments")
    html = client.get(english.get_url()).content.decode()
    assert "Appointments after work" in html
    assert f"Raised in {raised['Evening appointments']} of {total} response" in html
    # Loaded twice, yet one set of items per language, translated, linked to the same themes.
    for page in pages:
        assert page.outcome_themes.count() == 3, page.locale
    urdu = pages.get(locale__language_code="ur")
    assert "کام کے بعد ملاقاتیں" in client.get(urdu.get_url()).content.decode()
