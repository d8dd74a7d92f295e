"""Admin: the alerts report under Reports, for the staff the views let in."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.alerts import admin_views

app_name = "alerts_admin"
urlpatterns = [
    path("", admin_views.ItemsView.as_view(), name="items"),
    path("subscribers/", admin_views.SubscribersView.as_view(), name="subscribers"),
    path("subscribers/export/", admin_views.ExportAddressesView.as_view(), name="export"),
]


@hooks.register("register_admin_urls")
def register_alerts_admin_urls():
    return [path("email-alerts/", include((urlpatterns, app_name), namespace=app_name))]


class AlertsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.VIEW_ITEMS)


@hooks.register("register_reports_menu_item")
def register_alerts_report():
    return AlertsMenuItem(
        _("Email alerts"), reverse("alerts_admin:items"), icon_name="mail", order=900
    )
