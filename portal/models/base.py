"""The abstract page every public page extends, assembled from field-group mixins.

Each mixin brings its fields and the admin panels that edit them; ``BasePage`` puts them on the
promote tab. Feature apps subclass ``BasePage`` and add ``content_panels`` of their own.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from portal.translatable_fields import DerivedSlugTranslatableFields


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
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

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

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
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

    class Meta:
        abstract = True

    def get_breadcrumbs(self):
        """Ancestors from the locale's home page down to the parent, live ones only."""
        return self.get_ancestors().live().filter(depth__gt=1).specific(defer=True)
