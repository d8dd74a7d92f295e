"""Signal handlers of the site-wide layer."""

from django.apps import apps
from django.contrib.auth.management import create_permissions


def setup_roles_after_migrate(sender, using="default", verbosity=1, **kwargs):
    """Give every installation the staff roles, right after ``migrate``.

    Django creates each app's permissions in that app's own ``post_migrate``, and ``portal``
    comes first, so the permissions the roles need are created here first (idempotent).
    """
    from portal.roles import setup_roles

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    setup_roles()
