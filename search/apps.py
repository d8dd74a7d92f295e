from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "site_search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.roles import register_role_grants
        from search import permissions, signals

        signals.connect()
        register_role_grants(self.label, grants=permissions.ROLE_GRANTS)
