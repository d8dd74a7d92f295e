"""The analysts' tools as one Wagtail admin viewset, registered in ``consultations.wagtail_hooks``.

Its URLs live under ``/admin/consultation-responses/`` and are reversed as
``consultation_responses:<name>`` by templates, the dashboard panel, tests and benchmarks: the
names and paths below are that contract. Each view checks its own permission
(``analysis.permissions``); the menu item is shown only to users who may read responses.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from consultations.analysis import permissions, views


class AnalysisMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(permissions.VIEW)


class AnalysisViewSet(ViewSet):
    """Results, free text and themes, suggested themes, exports, assisted entry and erasure."""

    name = "consultation_responses"
    url_prefix = "consultation-responses"
    icon = "form"
    add_to_admin_menu = True
    menu_label = _("Consultation responses")
    # Straight after Pages and before the plan's measurements (250), as when this item was also
    # 250 and registered first: a viewset's menu item is registered later, so a tie would flip.
    menu_order = 245
    menu_item_class = AnalysisMenuItem

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(header_icon=self.icon, **kwargs)

    def get_urlpatterns(self):
        # The index comes first: Wagtail's menu item links to the first pattern.
        view = self.construct_view
        return [
            path("", view(views.IndexView), name="index"),
            path("erase/", view(views.EraseView), name="erase"),
            path("<int:page_id>/", view(views.ResultsView), name="results"),
            path("<int:page_id>/free-text/", view(views.FreeTextView), name="free_text"),
            path("<int:page_id>/enter/", view(views.AssistedEntryView), name="enter"),
            path(
                "<int:page_id>/suggested-themes/",
                view(views.SuggestionsView),
                name="suggestions",
            ),
            path("<int:page_id>/export/", view(views.ExportPageView), name="export_page"),
            path("<int:page_id>/export/<str:fmt>/", view(views.ExportView), name="export"),
        ]
