"""The database table of the "results" cache (see CACHES in portal.settings.base)."""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    # Idempotent: creates only the cache tables that do not exist yet.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("consultations", "0005_outcome_themes")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
