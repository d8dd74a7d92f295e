"""Signal handlers of the site-wide layer."""

from django.apps import apps
from django.contrib.auth.management import create_permissions


def setup_roles_after_migrate(sender, using="default", verbosity=1, **kwargs):
    """Give every installation the staff roles and every app's grants, right after ``migrate``.

    The only ``post_migrate`` receiver that grants permissions (see ``portal.roles``). Django
    creates each app's content types and permissions in that app's own ``post_migrate``, and
    ``portal`` comes first, so they are all created here first (idempotent; it also drops content
    type ids cached before a test database was flushed).
    """
    from portal.roles import setup_roles

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    setup_roles()
