from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PanelConfig(AppConfig):
    name = "panel"
    verbose_name = _("Housing Advisory Panel")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from panel import alerts, signals
        from panel.home import home_section_context
        from portal.registry import register_home_section

        post_migrate.connect(signals.configure_after_migrate, sender=self)
        alerts.register()
        register_home_section(
            name="panel",
            template="components/panel/home_section.html",
            get_context=home_section_context,
            order=80,
        )
