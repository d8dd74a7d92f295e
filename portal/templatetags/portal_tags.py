"""Template tags for the site-wide layout: languages, navigation, breadcrumbs, footer links."""

from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
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
    """The links of the main menu for the active language, as ``title``, ``url``, ``active``.

    The menu is the active locale's ``MainMenu``, else the default locale's. Each link goes to
    its page's live translation in the active language where there is one, else to the page
    itself; links to pages that are not live or are private are left out. With no menu at all
    (a new site), the home page's live children marked "show in menus" stand in.
    A fixed number of queries, however long the menu.
    """
    request = context.get("request")
    home = locale_home(context)
    if home is None:
        return []
    locale = current_locale()
    menu = _main_menu(locale)
    if menu is None:
        pages = [(child, "") for child in home.get_children().live().in_menu().public()]
    else:
        pages = _localized_menu_pages(menu, locale)
    current_path = getattr(context.get("page"), "path", "")
    return [
        {
            "title": link_text or page.title,
            "url": page.get_url(request),
            "active": bool(current_path) and current_path.startswith(page.path),
        }
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

    portal_settings = _site_settings(context)
    if portal_settings is None:
        return None
    page = localized_page(context, portal_settings.contact_page)
    if page is None:
        return None
    url = page.get_url(context.get("request"))
    return {
        "url": url,
        "link_start": format_html('<a class="govuk-link" href="{}">', url),
        "in_default_text": portal_settings.phase_banner_text == DEFAULT_PHASE_BANNER_TEXT,
    }
