from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal import routing, staff_access, views
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
    # Wagtail's own URLs, its page view routed from the cached site and home pages
    # (portal/routing.py) under Wagtail's name, so page URLs reverse as before.
    path(
        "",
        include(
            [
                *wagtail_urls.urlpatterns[:-1],
                re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
            ]
        ),
    ),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
