from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from portal.blocks import BodyStreamBlock
from portal.registry import home_sections

from .base import BasePage, OnePerLocaleMixin


class HomePage(OnePerLocaleMixin, BasePage):
    """The root of each locale's tree. One per locale (translations are its copies)."""

    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    template = "pages/portal/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["home_sections"] = [
            {"template": section.template, **section.get_context(request=request, page=self)}
            for section in home_sections()
        ]
        return context


class StandardPage(BasePage):
    """A page of text and shared blocks: about pages, the accessibility statement, notices."""

    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["portal.HomePage", "portal.StandardPage"]
    subpage_types = ["portal.StandardPage"]
    template = "pages/portal/standard_page.html"

    class Meta:
        verbose_name = _("standard page")
