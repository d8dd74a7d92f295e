"""The database table of the shared "default" cache, used when REDIS_URL is not set.

See CACHES in portal.settings.base: rate limits count in it, so every server process must share it.
"""

from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations

TABLE = "portal_shared_cache"  # CACHE_BACKENDS["database"]["LOCATION"]


def create_cache_table(apps, schema_editor):
    # Made whichever cache this machine uses now (Redis included), so switching CACHE_BACKEND to
    # the database later needs no manual step. Idempotent: an existing table is left alone.
    command = CreateCacheTable()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, TABLE, dry_run=False)


def drop_cache_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("portal", "0002_portal_menu")]

    operations = [migrations.RunPython(create_cache_table, drop_cache_table)]
