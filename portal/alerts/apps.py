from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "portal.alerts"
    label = "alerts"
    verbose_name = _("Email alerts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.alerts import permissions, signals
        from portal.roles import register_role_grants

        signals.connect()
        register_role_grants(self.label, grants=permissions.ROLE_GRANTS)
