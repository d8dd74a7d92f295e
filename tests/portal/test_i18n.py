"""Translation lookups: the language switcher, lang and dir, localized footer links."""

import re

import pytest
from django.conf import settings
from wagtail.models import Site

from portal.models import SiteSettings, StandardPage
from portal.translation import translate_instance

RTL = {"ur", "yi"}
NAMES = {
    "en": "English",
    "tr": "Türkçe",
    "pl": "polski",
    "es": "español",
    "fr": "français",
    "bn": "বাংলা",
    "ur": "اردو",
    "yi": "ייִדיש",
}


@pytest.fixture
def site_pages(home_page, locales):
    """Home pages in every locale; an about page translated into Turkish and Urdu only."""
    for code, locale in locales.items():
        if code != "en":
            translate_instance(instance=home_page, locale=locale, strings={})
    about = home_page.add_child(
        instance=StandardPage(title="About", slug="about", introduction="Why this site exists.")
    )
    about.save_revision().publish()
    translate_instance(
        instance=about,
        locale=locales["tr"],
        strings={"About": "Hakkında", "Why this site exists.": "Bu site neden var."},
    )
    translate_instance(instance=about, locale=locales["ur"], strings={"About": "ہمارے بارے میں"})
    privacy = home_page.add_child(instance=StandardPage(title="Privacy notice", slug="privacy"))
    privacy.save_revision().publish()
    translate_instance(
        instance=privacy, locale=locales["ur"], strings={"Privacy notice": "رازداری کا نوٹس"}
    )
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.privacy_page = privacy
    site_settings.save()
    return {"about": about, "privacy": privacy}


def _switcher(html):
    nav = re.search(r'<nav class="govuk-language-navigation.*?</nav>', html, re.S).group(0)
    links = dict(re.findall(r'href="([^"]+)"[^>]*hreflang="(\w+)"', nav))
    return nav, {code: url for url, code in links.items()}


def test_every_locale_has_the_right_lang_and_dir(client, site_pages):
    for code, _name in settings.LANGUAGES:
        html = client.get(f"/{code}/").content.decode()
        direction = "rtl" if code in RTL else "ltr"
        assert f'<html lang="{code}" dir="{direction}"' in html, code


def test_switcher_names_each_language_in_itself_and_links_to_translations(client, site_pages):
    html = client.get("/en/about/").content.decode()
    nav, links = _switcher(html)
    for code, name in NAMES.items():
        assert f'lang="{code}"' in nav and name in nav, code
    assert 'aria-current="true" lang="en"' in nav
    assert links["tr"] == "/tr/about/"  # translated: the same page
    assert links["ur"] == "/ur/about/"
    assert links["pl"] == "/pl/"  # not translated: that language's home page
    assert links["yi"] == "/yi/"


def test_translated_page_shows_translated_title_and_falls_back_for_untranslated_text(
    client, site_pages
):
    html = client.get("/tr/about/").content.decode()
    assert '<h1 class="govuk-heading-xl">Hakkında</h1>' in html
    assert "Bu site neden var." in html
    urdu = client.get("/ur/about/").content.decode()
    assert "ہمارے بارے میں" in urdu
    assert "Why this site exists." in urdu  # no translation yet: the source text shows


def test_footer_links_go_to_the_localized_page_where_one_exists(client, site_pages):
    urdu = client.get("/ur/").content.decode()
    assert 'href="/ur/privacy/"' in urdu
    turkish = client.get("/tr/").content.decode()
    assert 'href="/en/privacy/"' in turkish  # no Turkish privacy notice: the English one


def test_switcher_off_a_page_keeps_the_path(client, site_pages):
    html = client.get("/fr/accounts/login/").content.decode()
    _nav, links = _switcher(html)
    assert links["bn"] == "/bn/accounts/login/"
