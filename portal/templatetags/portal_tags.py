"""Template tags for the site-wide layout: languages, navigation, breadcrumbs, footer links."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page, Site

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
    translations = {}
    if isinstance(page, Page) and page.pk:
        for tr in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[tr.locale.language_code] = tr
        homes = _home_pages_by_language(request)
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        if isinstance(page, Page) and page.pk:
            target = translations.get(code) or homes.get(code)
            url = target.get_url(request) if target else f"/{code}/"
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


def _home_pages_by_language(request) -> dict[str, Page]:
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {}
    return {
        p.locale.language_code: p
        for p in site.root_page.get_translations(inclusive=True).live().select_related("locale")
    }


@register.simple_tag(takes_context=True)
def locale_home(context):
    """The home page in the active language (falls back to the site's root page)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    return site.root_page.localized


@register.simple_tag(takes_context=True)
def primary_navigation(context) -> list[dict]:
    """The home page's children that are live and marked 'show in menus', in this language."""
    request = context.get("request")
    home = locale_home(context)
    if home is None:
        return []
    current = context.get("page")
    current_path = getattr(current, "path", "")
    items = []
    for child in home.get_children().live().in_menu().public():
        items.append(
            {
                "title": child.title,
                "url": child.get_url(request),
                "active": bool(current_path) and current_path.startswith(child.path),
            }
        )
    return items


@register.simple_tag(takes_context=True)
def localized_page(context, page):
    """``page`` in the active language if translated and live, else ``page`` itself."""
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
