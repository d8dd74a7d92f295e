"""The primary navigation: one editable menu per locale, each an ordered list of page links."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin


class MainMenu(TranslatableMixin, ClusterableModel):
    """The links across the top of every page in one language.

    Editors keep one menu per locale (translate the English one into each language, or create
    one directly). A locale with no menu of its own shows the default locale's menu, each link
    pointing at the page's translation where one is live. Search is always linked after these.
    """

    panels = [InlinePanel("items", label=_("Links"), min_num=1)]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("main menu")
        verbose_name_plural = _("main menus")

    def __str__(self):
        return str(_("Main menu (%(language)s)") % {"language": self.locale.get_display_name()})


class MainMenuItem(Orderable):
    menu = ParentalKey(MainMenu, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    link_text = models.CharField(
        _("link text"),
        max_length=60,
        blank=True,
        help_text=_("Leave blank to use the page's title."),
    )

    panels = [FieldPanel("page"), FieldPanel("link_text")]

    class Meta(Orderable.Meta):
        verbose_name = _("menu link")
        verbose_name_plural = _("menu links")
