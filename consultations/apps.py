from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Consultations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from consultations import admin_hooks_pages, alerts, selectors, signals
        from consultations.analysis import permissions
        from portal.registry import register_home_section
        from portal.roles import register_role_grants

        del admin_hooks_pages  # imported to register its Wagtail hooks
        signals.connect()
        alerts.register()
        register_role_grants(self.label, grants=permissions.ROLE_GRANTS)
        register_home_section(
            name="consultations",
            template="components/consultations/home_section.html",
            get_context=selectors.open_consultations_for_home,
            order=20,
        )
