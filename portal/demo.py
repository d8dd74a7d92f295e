"""Demo content for the site-wide layer: locales, the home page, about pages and notices.

Feature apps add their own content through ``portal.registry.register_demo_generator``.
"""

from wagtail.models import Locale, Page, Site

from portal.locales import ensure_locales
from portal.models import HomePage, SiteSettings, StandardPage


def load_site(*, rng, options, stdout) -> HomePage:
    ensure_locales()
    home = _ensure_home_page()
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.council_name = "London Borough of Hackney"
    settings.contact_email = "housing.engagement@example.org"
    settings.contact_phone = "020 8356 3000"
    settings.contact_hours = "Monday to Friday, 9am to 5pm"
    settings.save()
    return home


def _ensure_home_page() -> HomePage:
    locale = Locale.get_default()
    home = HomePage.objects.filter(locale=locale).first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's installer leaves a plain "Welcome" page at slug "home"; move it aside so the
        # real home page can take the slug, then remove it once no site points at it.
        for placeholder in root.get_children().filter(slug="home"):
            placeholder.slug = f"placeholder-{placeholder.pk}"
            placeholder.save(update_fields=["slug"])
        home = root.add_child(
            instance=HomePage(
                title="Housing engagement",
                slug="home",
                locale=locale,
                introduction=(
                    "See how the housing improvement plan is going, have your say on "
                    "consultations and find events on your estate."
                ),
            )
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


def ensure_standard_page(*, parent: Page, slug: str, **fields) -> StandardPage:
    page = StandardPage.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = parent.add_child(instance=StandardPage(slug=slug, **fields))
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    page.save_revision().publish()
    return page
