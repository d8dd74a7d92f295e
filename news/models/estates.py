from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet


@register_snippet
class Estate(index.Indexed, models.Model):
    """A council estate, shared by consultations (who responded from where) and events.

    Not translatable: estate names are place names, the same in every language, and one row per
    estate lets answers and events from every language be counted together.
    """

    name = models.CharField(_("name"), max_length=120)
    ward = models.CharField(_("ward"), max_length=120, blank=True)
    postcode_area = models.CharField(
        _("postcode area"),
        max_length=8,
        blank=True,
        help_text=_("The outward part of the postcode, for example E8 or N16."),
    )
    description = models.TextField(_("short description"), blank=True, max_length=500)

    panels = [
        FieldPanel("name"),
        FieldPanel("ward"),
        FieldPanel("postcode_area"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("estate")
        verbose_name_plural = _("estates")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
