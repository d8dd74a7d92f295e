from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal import audit, fragments, frontend_cache, roles
        from portal.headers import give_wagtail_choosers_the_nonce
        from portal.signals import setup_roles_after_migrate

        audit.connect_signals()
        frontend_cache.connect()
        fragments.connect()
        give_wagtail_choosers_the_nonce()
        roles.register_role_grants(
            self.label, grants=roles.ROLE_GRANTS, configure=roles.configure_comms_roles
        )
        post_migrate.connect(
            setup_roles_after_migrate, sender=self, dispatch_uid="portal_setup_roles"
        )
