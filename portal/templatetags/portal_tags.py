"""Template tags for the site-wide layout: languages, navigation, breadcrumbs, footer links.

What the layout shows on every page is built once per site, language and generation and kept in
the shared cache (``portal.fragments``), so a warm page spends no queries on its layout: the
tags below return plain data from those fragments, never model instances.
"""

from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page, Site

from portal import fragments

register = template.Library()


@register.simple_tag
def language_direction() -> str:
    return "rtl" if translation.get_language_bidi() else "ltr"


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """One link per enabled language, each named in its own language.

    On a page, a language links to that page's translation where a live one exists and to
    that language's home page otherwise. Off a page (search, accounts), it links to the same
    path under the other language prefix.
    """
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    on_page = isinstance(page, Page) and page.pk
    if on_page:
        translations = _page_fragment(request, page)["translations"]
        homes = site_chrome(context).get("home_urls", {})
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        if on_page:
            url = translations.get(code) or homes.get(code) or f"/{code}/"
            exact = code in translations
        else:
            url = translate_url(request.get_full_path(), code) if request else f"/{code}/"
            exact = True
        links.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "url": url,
                "is_current": code == current,
                "is_translation": exact,
                "bidi": info["bidi"],
            }
        )
    return links


def _page_fragment(request, page) -> dict:
    """The page's live translations (language code to URL) and its breadcrumb trail."""
    site = _site(request)

    def build():
        translations = {
            tr.locale.language_code: tr.get_url(request)
            for tr in page.get_translations(inclusive=True).live().select_related("locale")
        }
        trail = page.get_breadcrumbs() if hasattr(page, "get_breadcrumbs") else []
        crumbs = [
            {"title": ancestor.title, "url": ancestor.get_url(request), "depth": ancestor.depth}
            for ancestor in trail
        ]
        return {"translations": translations, "breadcrumbs": crumbs}

    return fragments.cached("page", getattr(site, "pk", None), page.pk, build=build)


@register.simple_tag(takes_context=True)
def breadcrumb_links(context, page) -> list[dict]:
    """``title``, ``url`` and ``depth`` of each page in ``page``'s breadcrumb trail."""
    if not (isinstance(page, Page) and page.pk):
        return []
    return _page_fragment(context.get("request"), page)["breadcrumbs"]


def _site(request):
    return Site.find_for_request(request) if request else None


def _home_pages_by_language(site) -> dict[str, Page]:
    return {
        p.locale.language_code: p
        for p in site.root_page.get_translations(inclusive=True).live().select_related("locale")
    }


@register.simple_tag(takes_context=True)
def site_chrome(context) -> dict:
    """What the layout shows on every page of this site in the active language: the site
    settings' details (``council_name``, ``phase_banner_tag``, ``phase_banner_text``,
    ``contact_phone``, ``contact_email``, ``contact_hours``), ``home_url``, ``home_urls`` (by
    language), ``navigation`` (``title``, ``url``, ``path``), ``footer_links`` (``kind``,
    ``url``) and ``feedback_url``. Empty off a site."""
    request = context.get("request")
    site = _site(request)
    if site is None:
        return {}
    language = translation.get_language()
    return fragments.cached("chrome", site.pk, language, build=lambda: _build_chrome(site, request))


FOOTER_PAGES = ("accessibility", "privacy", "cookies", "contact")


def _build_chrome(site, request) -> dict:
    from portal.models import SiteSettings

    site_settings = SiteSettings.for_site(site)
    home = site.root_page.localized
    locale = current_locale()
    footer_links = []
    for kind in FOOTER_PAGES:
        page = _localized(getattr(site_settings, f"{kind}_page"))
        if page is not None:
            footer_links.append({"kind": kind, "url": page.get_url(request)})
    contact = _localized(site_settings.contact_page)
    return {
        **{
            field: getattr(site_settings, field)
            for field in (
                "council_name",
                "phase_banner_tag",
                "phase_banner_text",
                "contact_phone",
                "contact_email",
                "contact_hours",
            )
        },
        "home_url": home.get_url(request),
        "home_urls": {
            code: page.get_url(request) for code, page in _home_pages_by_language(site).items()
        },
        "navigation": _navigation(home, locale, request),
        "footer_links": footer_links,
        "feedback_url": contact.get_url(request) if contact else None,
    }


@register.simple_tag(takes_context=True)
def locale_home(context):
    """The home page in the active language (falls back to the site's root page)."""
    site = _site(context.get("request"))
    if site is None:
        return None
    return site.root_page.localized


@register.simple_tag(takes_context=True)
def primary_navigation(context) -> list[dict]:
    """The links of the main menu for the active language, as ``title``, ``url``, ``active``.

    The menu is the active locale's ``MainMenu``, else the default locale's. Each link goes to
    its page's live translation in the active language where there is one, else to the page
    itself; links to pages that are not live or are private are left out. With no menu at all
    (a new site), the home page's live children marked "show in menus" stand in.
    From the cached layout (``site_chrome``): no queries when warm, however long the menu.
    """
    current_path = getattr(context.get("page"), "path", "")
    return [
        {
            "title": item["title"],
            "url": item["url"],
            "active": bool(current_path) and current_path.startswith(item["path"]),
        }
        for item in site_chrome(context).get("navigation", [])
    ]


def _navigation(home, locale, request) -> list[dict]:
    menu = _main_menu(locale)
    if menu is None:
        pages = [(child, "") for child in home.get_children().live().in_menu().public()]
    else:
        pages = _localized_menu_pages(menu, locale)
    return [
        {"title": link_text or page.title, "url": page.get_url(request), "path": page.path}
        for page, link_text in pages
    ]


def _main_menu(locale):
    from portal.models import MainMenu

    menus = MainMenu.objects.filter(locale__in=[locale, Locale.get_default()])
    by_locale = {menu.locale_id: menu for menu in menus.order_by("-pk")}
    return by_locale.get(locale.pk) or next(iter(by_locale.values()), None)


def _localized_menu_pages(menu, locale) -> list[tuple[Page, str]]:
    items = list(menu.items.select_related("page").order_by("sort_order"))
    keys = {item.page.translation_key for item in items}
    visible = (
        Page.objects.live()
        .public()
        .filter(
            Q(translation_key__in=keys, locale=locale) | Q(pk__in=[item.page_id for item in items])
        )
    )
    translated, linked = {}, {}
    for page in visible:
        linked[page.pk] = page
        if page.locale_id == locale.pk:
            translated[page.translation_key] = page
    pages = []
    for item in items:
        page = translated.get(item.page.translation_key) or linked.get(item.page_id)
        if page is not None:
            pages.append((page, item.link_text))
    return pages


@register.simple_tag(takes_context=True)
def localized_page(context, page):
    """``page`` in the active language if translated and live, else ``page`` itself."""
    return _localized(page)


def _localized(page):
    if page is None:
        return None
    localized = page.localized
    return localized if localized.live else page


@register.simple_tag
def current_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


@register.simple_tag(takes_context=True)
def privacy_notice_page(context, page_id=None):
    """The privacy notice to link to: page ``page_id`` if given and live, else the site's one.

    In the active language where translated, like ``localized_page``. ``None`` when neither
    exists, so a template can leave the link out rather than link nowhere.
    """
    page = Page.objects.live().filter(pk=page_id).first() if page_id else None
    if page is None:
        site_settings = _site_settings(context)
        page = site_settings.privacy_page if site_settings else None
    return localized_page(context, page)


def _site_settings(context):
    from portal.models import SiteSettings

    request = context.get("request")
    return SiteSettings.for_request(request) if request else None


@register.simple_tag(takes_context=True)
def phase_banner_feedback(context) -> dict | None:
    """The link for "Tell us what you think": the site settings' contact page, in this language.

    ``link_start`` is the opening ``<a>`` tag, for a translated sentence with the link inside;
    ``in_default_text`` says the banner still shows the default sentence, which has that link.
    ``None`` with no contact page set.
    """
    from portal.models.settings import DEFAULT_PHASE_BANNER_TEXT

    chrome = site_chrome(context)
    url = chrome.get("feedback_url")
    if not url:
        return None
    return {
        "url": url,
        "link_start": format_html('<a class="govuk-link" href="{}">', url),
        "in_default_text": chrome["phase_banner_text"] == DEFAULT_PHASE_BANNER_TEXT,
    }
