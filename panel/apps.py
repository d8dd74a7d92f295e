from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PanelConfig(AppConfig):
    name = "panel"
    verbose_name = _("Housing Advisory Panel")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from panel import alerts, permissions, services, signals
        from panel.home import home_section_context
        from portal.registry import register_home_section
        from portal.roles import register_role_grants

        del signals  # imported to connect its receivers
        register_role_grants(
            self.label,
            grants=permissions.ROLE_GRANTS,
            configure=services.configure_every_panel_section,
        )
        alerts.register()
        register_home_section(
            name="panel",
            template="components/panel/home_section.html",
            get_context=home_section_context,
            order=80,
        )
