"""Demo content for the site-wide layer: locales, the home page, about pages and notices.

Idempotent: pages are found by slug under their parent and updated in place; translated copies
are synced through wagtail-localize. Feature apps add their own content in their own
``<app>.demo`` package, which ``load_demo_content`` finds (``portal.registry.demo_generators``).
"""

import uuid

from wagtail.models import Locale, Page, Site

from portal.demo import text as demo_text
from portal.demo.pages import ensure_page
from portal.demo.translations import TRANSLATIONS
from portal.locales import ensure_locales
from portal.models import HomePage, MainMenu, MainMenuItem, SiteSettings, StandardPage
from portal.translation import other_locales, translate_instance

FOOTER_PAGES = {
    "accessibility_page": "accessibility",
    "privacy_page": "privacy",
    "cookies_page": "cookies",
    "contact_page": "contact",
}


def load_site(*, rng, options, stdout) -> HomePage:
    """Create or update the home page, the site pages and their translations."""
    ensure_locales()
    home = _ensure_home_page()
    home.introduction = demo_text.HOME_INTRODUCTION
    home.body = _with_ids("home", demo_text.HOME_BODY)
    home.save_revision().publish()

    pages = {}
    for slug, parent_slug, in_menus, title, introduction, body in demo_text.PAGES:
        parent = pages[parent_slug] if parent_slug else home
        pages[slug] = ensure_page(
            parent,
            StandardPage,
            slug,
            title=title,
            introduction=introduction,
            show_in_menus=in_menus,
            body=_with_ids(slug, body),
        )

    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    settings.council_name = demo_text.COUNCIL
    settings.contact_email = demo_text.CONTACT_EMAIL
    settings.contact_phone = demo_text.CONTACT_PHONE
    settings.contact_hours = demo_text.CONTACT_HOURS
    settings.contact_address = demo_text.CONTACT_ADDRESS
    for field, slug in FOOTER_PAGES.items():
        setattr(settings, field, pages[slug])
    settings.save()

    if not options.get("skip_translations"):
        # Parents before children: the home page first, then pages in the order listed.
        for locale in other_locales():
            strings = TRANSLATIONS.get(locale.language_code, {})
            translate_instance(instance=home, locale=locale, strings=strings)
            for page in pages.values():
                translate_instance(instance=page, locale=locale, strings=strings)
        stdout.write(f"Site pages: {len(pages) + 1} pages in {len(other_locales()) + 1} languages")
    return home


def load_navigation(*, home: HomePage, stdout) -> MainMenu:
    """Fill the main menu of every locale with every section of the site (idempotent).

    Run after the apps' generators, so their section pages exist. Sections are found without
    knowing the apps: each live child of the home page that is not a plain StandardPage is a
    section (consultations, the plan, updates, events, the panel), in the order the apps created
    them; the site's own pages marked "show in menus" (About) follow. Each locale's menu links
    that locale's translations, or the English page where a section is not translated.
    """
    children = list(home.get_children().live().specific(defer=True))
    sections = [page for page in children if not isinstance(page, StandardPage)]
    sections += [page for page in children if isinstance(page, StandardPage) and page.show_in_menus]
    default = home.locale
    english = MainMenu.objects.filter(locale=default).order_by("pk").first()
    if english is None:
        english = MainMenu.objects.create(locale=default)
    menus = [english]
    for locale in other_locales():
        if home.get_translation_or_none(locale) is None:
            continue
        menu = MainMenu.objects.filter(locale=locale).order_by("pk").first()
        if menu is None:
            menu = MainMenu.objects.create(locale=locale, translation_key=english.translation_key)
        menus.append(menu)
    for menu in menus:
        menu.items.all().delete()
        for order, page in enumerate(sections):
            translation = page.get_translation_or_none(menu.locale)
            target = translation if translation is not None and translation.live else page
            MainMenuItem.objects.create(menu=menu, page=target, sort_order=order)
    stdout.write(f"Main menu: {len(sections)} links in {len(menus)} languages")
    return english


def _with_ids(slug: str, body: list[dict]) -> list[dict]:
    """Stable block ids, so re-running the loader does not churn revisions or translations."""
    return [
        {**block, "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"portal-demo/{slug}/{index}"))}
        for index, block in enumerate(body)
    ]


def _ensure_home_page() -> HomePage:
    locale = Locale.get_default()
    home = HomePage.objects.filter(locale=locale).first()
    if home is None:
        root = Page.get_first_root_node()
        if root is None:
            # An emptied database (``manage.py flush``, or a test suite's flush) has lost the tree
            # root Wagtail's migrations make; the demo makes it again rather than stopping.
            root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
        # Wagtail's installer leaves a plain "Welcome" page at slug "home"; move it aside so the
        # real home page can take the slug, then remove it once no site points at it.
        for placeholder in root.get_children().filter(slug="home"):
            placeholder.slug = f"placeholder-{placeholder.pk}"
            placeholder.save(update_fields=["slug"])
        home = root.add_child(
            instance=HomePage(title="Housing engagement", slug="home", locale=locale)
        )
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True, site_name="Portal")
        old_root = site.root_page if site.pk else None
        site.root_page = home
        site.save()
        if old_root and not isinstance(old_root.specific, HomePage):
            old_root.delete()
    return home
