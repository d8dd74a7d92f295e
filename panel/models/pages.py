"""The panel section: the panel's own page, its member list, its action log and private papers."""

from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from portal.blocks import BodyStreamBlock
from portal.models import BasePage

ACTIONS_PER_PAGE = 50
RICH_TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class PanelPage(BasePage):
    """The Housing Advisory Panel: what it is, its terms of reference, how to raise an issue.

    The panel section's permissions and moderation workflow hang off this page (see
    ``panel.services.configure_panel_section``), so everything below it is moderated by the
    panel secretary.
    """

    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("about the panel"))
    terms_of_reference = RichTextField(
        _("terms of reference"), blank=True, features=RICH_TEXT_FEATURES
    )
    raise_an_issue = RichTextField(
        _("how residents can raise an issue"), blank=True, features=RICH_TEXT_FEATURES
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("body"),
        FieldPanel("terms_of_reference"),
        FieldPanel("raise_an_issue"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("terms_of_reference"),
        index.SearchField("raise_an_issue"),
    ]

    parent_page_types = ["portal.HomePage"]
    subpage_types = [
        "panel.PanelMembersPage",
        "panel.MeetingIndexPage",
        "panel.ActionLogPage",
        "panel.PanelPapersPage",
    ]
    max_count_per_parent = 1
    template = "pages/panel/panel_page.html"

    class Meta:
        verbose_name = _("advisory panel page")

    def get_context(self, request, *args, **kwargs):
        from panel import selectors

        context = super().get_context(request, *args, **kwargs)
        context["next_meeting"] = selectors.next_meeting(panel=self)
        context["section_pages"] = self.get_children().live().public().specific()
        context["members_papers"] = selectors.private_papers_for(request=request, parent=self)
        return context


class PanelMembersPage(BasePage):
    """Current and past members, from the member snippets."""

    parent_page_types = ["panel.PanelPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/panel/panel_members_page.html"

    class Meta:
        verbose_name = _("panel members page")

    def get_context(self, request, *args, **kwargs):
        from panel import selectors

        context = super().get_context(request, *args, **kwargs)
        context["current_members"] = selectors.current_members()
        context["past_members"] = selectors.past_members()
        return context


class ActionLogPage(BasePage):
    """Every action from every public meeting in this language, filterable by status."""

    parent_page_types = ["panel.PanelPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/panel/action_log_page.html"

    class Meta:
        verbose_name = _("panel action log")

    def get_context(self, request, *args, **kwargs):
        from panel import selectors

        context = super().get_context(request, *args, **kwargs)
        status_filter = selectors.parse_action_filter(request.GET.get("status"))
        actions = selectors.action_log(panel=self.get_parent(), status=status_filter)
        paginator = Paginator(actions, ACTIONS_PER_PAGE)
        try:
            page_of_actions = paginator.page(request.GET.get("page") or 1)
        except (PageNotAnInteger, EmptyPage):
            page_of_actions = paginator.page(1)
        counts = selectors.action_counts(panel=self.get_parent())
        context.update(
            {
                "actions": page_of_actions,
                "status_filter": status_filter,
                "filter_query": urlencode({"status": status_filter}) if status_filter else "",
                "filters": [
                    {"value": value, "label": label, "count": counts[value or "all"]}
                    for value, label in [(None, _("All")), *selectors.action_filter_choices()]
                ],
            }
        )
        return context


class PanelPapersPage(BasePage):
    """Papers for panel members only.

    Every page of this type is restricted to the Panel members and Panel secretary groups as
    soon as it is created (``panel.signals``), in every language, so private papers never
    depend on an editor remembering a privacy setting.
    """

    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("papers"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]

    parent_page_types = ["panel.PanelPage", "panel.MeetingPage"]
    subpage_types = []
    template = "pages/panel/panel_papers_page.html"

    class Meta:
        verbose_name = _("panel papers (members only)")
        verbose_name_plural = _("panel papers (members only)")
