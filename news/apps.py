from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("Improvement plan, updates and events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.registry import register_home_section
        from portal.roles import register_role_grants

        from . import alerts, emails, home, permissions

        register_role_grants(self.label, grants=permissions.ROLE_GRANTS)
        emails.connect()
        alerts.register()
        register_home_section(
            name="news-plan",
            template="components/news/home_plan.html",
            get_context=home.plan_at_a_glance,
            order=10,
        )
        register_home_section(
            name="news-updates",
            template="components/news/home_updates.html",
            get_context=home.latest_updates,
            order=30,
        )
        register_home_section(
            name="news-events",
            template="components/news/home_events.html",
            get_context=home.next_events,
            order=40,
        )
