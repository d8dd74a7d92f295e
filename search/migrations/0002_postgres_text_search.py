"""PostgreSQL only (a no-op elsewhere): extensions, a text search configuration per language,
and the indexes that make matching and "did you mean" fast.

Production needs the ``unaccent`` and ``pg_trgm`` extensions, both in PostgreSQL's contrib
package. Creating them needs a superuser (or, from PostgreSQL 13, a database owner, as both are
trusted extensions); where the application's role may not, a DBA runs
``CREATE EXTENSION unaccent; CREATE EXTENSION pg_trgm;`` once before ``migrate``.
"""

from django.db import migrations

from search.text import CONFIG_PREFIX, STEMMERS

INDEXES = [
    "CREATE INDEX IF NOT EXISTS search_entry_vector ON site_search_searchentry USING gin (vector)",
    "CREATE INDEX IF NOT EXISTS search_term_trigram ON site_search_searchterm "
    "USING gin (word gin_trgm_ops)",
]


def _configurations(cursor):
    cursor.execute("SELECT cfgname FROM pg_ts_config")
    available = {row[0] for row in cursor.fetchall()}
    for base in sorted({*STEMMERS.values(), "simple"}):
        # A server built without a stemmer for the language matches its words unstemmed.
        source = base if base in available else "simple"
        dictionary = f"{source}_stem" if source != "simple" else "simple"
        name = CONFIG_PREFIX + base
        yield (
            f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}",
            f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {source})",
            f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR hword, hword_part, word"
            f" WITH unaccent, {dictionary}",
        )


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for statements in _configurations(cursor):
            for statement in statements:
                cursor.execute(statement)
        for statement in INDEXES:
            cursor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS search_entry_vector")
        cursor.execute("DROP INDEX IF EXISTS search_term_trigram")
        for base in sorted({*STEMMERS.values(), "simple"}):
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG_PREFIX}{base}")


class Migration(migrations.Migration):
    dependencies = [("site_search", "0001_search_index")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
