"""The abstract page every public page extends, assembled from field-group mixins.

Each mixin brings its fields and the admin panels that edit them; ``BasePage`` puts them on the
promote tab. Feature apps subclass ``BasePage`` and add ``content_panels`` of their own.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal import fragments
from portal.locales import active_locale_id, locale_by_id
from portal.translatable_fields import DerivedSlugTranslatableFields

from .fields import optional_image


def restricted_paths() -> list[str]:
    """Tree paths of the pages with a view restriction (from the cached site fragments)."""
    return fragments.cached(
        "restricted-paths",
        build=lambda: sorted(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


class PortalPageQuerySet(PageQuerySet):
    """Wagtail's page queryset, with ``public()`` and ``not_public()`` built from the cached
    list of restricted sections instead of a query of the view restrictions on every call."""

    def private_q(self):
        q = Q()
        for path in restricted_paths():
            q |= Q(path__startswith=path)
        return q if q else Q(pk__in=[])


PortalPageManager = PageManager.from_queryset(PortalPageQuerySet)


class OnePerLocaleMixin:
    """At most one page of this type per locale (a home page, a section's index page): the
    other locales' copies are its translations, made by wagtail-localize, not by hand."""

    @classmethod
    def can_create_at(cls, parent):
        return (
            super().can_create_at(parent)
            and not cls.objects.filter(locale_id=getattr(parent, "locale_id", None)).exists()
        )


class ListingFieldsMixin(models.Model):
    """How a page shows in listings and cards when it is not the page being read."""

    listing_title = models.CharField(
        _("listing title"),
        max_length=120,
        blank=True,
        help_text=_("Shorter title for listings. Leave blank to use the page title."),
    )
    listing_summary = models.CharField(
        _("listing summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences for listings and search results."),
    )
    listing_image = optional_image(_("listing image"))

    listing_panels = [
        MultiFieldPanel(
            [
                FieldPanel("listing_title"),
                FieldPanel("listing_summary"),
                FieldPanel("listing_image"),
            ],
            heading=_("Listings"),
        )
    ]

    class Meta:
        abstract = True

    def get_listing_title(self) -> str:
        return self.listing_title or self.title

    def get_listing_summary(self) -> str:
        return self.listing_summary or getattr(self, "search_description", "") or ""


class SocialFieldsMixin(models.Model):
    """What social networks show when somebody shares the page."""

    social_image = optional_image(_("social image"))
    social_text = models.CharField(_("social text"), max_length=255, blank=True)

    social_panels = [
        MultiFieldPanel(
            [FieldPanel("social_image"), FieldPanel("social_text")], heading=_("Sharing")
        )
    ]

    class Meta:
        abstract = True


class BasePage(ListingFieldsMixin, SocialFieldsMixin, Page):
    """Abstract base for every public page of the portal.

    Override points: ``content_panels``, ``search_fields`` (extend, do not replace), and
    ``get_breadcrumbs`` if a page type needs a different trail.
    """

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("A short plain-language summary shown under the title."),
    )

    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    # wagtail-localize: every field it would translate except the slug, which is copied.
    translatable_fields = DerivedSlugTranslatableFields()
    promote_panels = [
        *Page.promote_panels,
        *ListingFieldsMixin.listing_panels,
        *SocialFieldsMixin.social_panels,
    ]

    objects = PortalPageManager()

    class Meta:
        abstract = True

    def get_breadcrumbs(self):
        """Ancestors from the locale's home page down to the parent, live ones only."""
        return self.get_ancestors().live().filter(depth__gt=1).specific(defer=True)

    def get_context(self, request, *args, **kwargs):
        # Templates and sections read ``page.locale``: from the cached locales, not a query.
        if not Page.locale.is_cached(self):
            locale = locale_by_id(self.locale_id)
            if locale is not None:
                Page.locale.field.set_cached_value(self, locale)
        return super().get_context(request, *args, **kwargs)

    @property
    def localized_draft(self):
        """Wagtail's ``localized_draft`` without a query of the locales on every call."""
        locale_id = active_locale_id()
        if locale_id is None or locale_id == self.locale_id:
            return self
        return self.get_translation_or_none(locale_id) or self

    def get_view_restrictions(self):
        """Wagtail's, without queries for a page outside every restricted section (most pages):
        the restricted sections come from the cached site fragments."""
        if self.alias_of_id or any(self.path.startswith(path) for path in restricted_paths()):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()

    def route(self, request, path_components):
        """Wagtail's routing, with the pages down the path read in one query.

        Wagtail reads one child and then its specific page per path component. Here the pages
        whose URL paths begin the requested path come in one query; only the page that answers
        (the last one, or a routable page whose own routes take the rest of the path) is read as
        its specific type. A page type with a ``route`` of its own gets the rest of the path.
        """
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            f"{self.url_path}{'/'.join(path_components[: depth + 1])}/"
            for depth in range(len(path_components))
        ]
        chain = {
            page.url_path: page
            for page in Page.objects.filter(
                url_path__in=prefixes, depth__gt=self.depth, path__startswith=self.path
            )
        }
        parent = self
        for depth, url_path in enumerate(prefixes):
            page = chain.get(url_path)
            if page is None or page.depth != self.depth + depth + 1:
                raise Http404
            page._cached_parent_obj = parent
            remaining = path_components[depth + 1 :]
            model = ContentType.objects.get_for_id(page.content_type_id).model_class()
            if not remaining or not _routes_like_base_page(model, page, remaining):
                specific = page.specific
                specific._cached_parent_obj = parent
                return specific.route(request, remaining)
            parent = page
        raise Http404  # pragma: no cover (the loop returns at the last component)


def _routes_like_base_page(model, page, remaining) -> bool:
    """Whether ``model`` would pass ``remaining`` on to its child the way ``BasePage`` does."""
    if model is None or not issubclass(model, BasePage):
        return False
    if issubclass(model, RoutablePageMixin):
        if model.route is not RoutablePageMixin.route:
            return False
        if page.live:
            try:
                model.get_resolver().resolve(f"/{'/'.join(remaining)}/")
            except Http404:
                return True
            return False
        return True
    return model.route is BasePage.route
