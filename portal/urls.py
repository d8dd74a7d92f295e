from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal import staff_access, views
from portal.alerts import views as alerts_views
from portal.sitemaps import MultilingualSitemap

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"

urlpatterns = [
    # One sign-in for everyone: Wagtail's own form is replaced by allauth's (second factor and
    # rate limits included). Listed before Wagtail's URLs so it wins.
    path("admin/login/", staff_access.admin_login, name="portal_admin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("healthz", views.health, name="health"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("alerts/", include("portal.alerts.urls")),
    path("accounts/alerts/", alerts_views.account_alerts, name="account_alerts"),
    path("accounts/alerts/data/", alerts_views.account_alerts_data, name="account_alerts_data"),
    path("accounts/profile/", views.account_profile, name="account_profile"),
    path("accounts/delete/", views.account_delete, name="account_delete"),
    path("accounts/", include("allauth.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
