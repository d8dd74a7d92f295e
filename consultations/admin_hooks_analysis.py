"""Admin hooks for the consultation staff tools (imported by ``wagtail_hooks``).

Kept in their own module so other consultation admin hooks can live in ``wagtail_hooks.py``.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from consultations.analysis import permissions
from consultations.analysis import views as admin_views

EXPORT_ACTION = "consultations.export"
ERASE_ACTION = "consultations.erase_respondent"

app_name = "consultation_responses"
urlpatterns = [
    path("", admin_views.IndexView.as_view(), name="index"),
    path("erase/", admin_views.EraseView.as_view(), name="erase"),
    path("<int:page_id>/", admin_views.ResultsView.as_view(), name="results"),
    path("<int:page_id>/free-text/", admin_views.FreeTextView.as_view(), name="free_text"),
    path("<int:page_id>/enter/", admin_views.AssistedEntryView.as_view(), name="enter"),
    path(
        "<int:page_id>/suggested-themes/",
        admin_views.SuggestionsView.as_view(),
        name="suggestions",
    ),
    path("<int:page_id>/export/", admin_views.ExportPageView.as_view(), name="export_page"),
    path("<int:page_id>/export/<str:fmt>/", admin_views.ExportView.as_view(), name="export"),
]


@hooks.register("register_admin_urls")
def register_consultation_response_urls():
    return [
        path(
            "consultation-responses/",
            include((urlpatterns, app_name), namespace=app_name),
        )
    ]


class StaffToolsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(permissions.VIEW)


@hooks.register("register_admin_menu_item")
def register_consultation_responses_menu_item():
    return StaffToolsMenuItem(
        _("Consultation responses"),
        reverse("consultation_responses:index"),
        icon_name="form",
        order=250,
    )


@hooks.register("register_log_actions")
def register_consultation_log_actions(actions):
    actions.register_action(EXPORT_ACTION, _("Export responses"), _("Responses exported"))
    actions.register_action(
        ERASE_ACTION, _("Erase a respondent’s data"), _("Respondent’s personal data erased")
    )
