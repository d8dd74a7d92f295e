"""PostgreSQL only (a no-op elsewhere): each entry's vector is kept in its row.

Ranking reads the vector of every match. Left to the default storage, PostgreSQL moved the
vector, often the largest value when it is written (after the row, see
``search.indexing``), out to the table's TOAST storage, so ranking 12,000 matches read some
20,000 pages. With ``MAIN`` storage the title, summary, body and folded text go out first and
the vector stays in the row. Existing vectors are written again so that they move, then the
table is vacuumed (so this migration runs outside a transaction), as the rewrite leaves every
row's old version behind and index-only scans need the visibility map back.
"""

from django.db import migrations

TABLE = "site_search_searchentry"


def storage(kind):
    def change(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        # TABLE and kind are this module's constants, never input.
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN vector SET STORAGE {kind}")  # nosec B608
            cursor.execute(  # nosec B608
                f"UPDATE {TABLE} SET vector = vector::text::tsvector WHERE vector IS NOT NULL"  # nosec B608
            )
            cursor.execute(f"VACUUM ANALYZE {TABLE}")  # nosec B608

    return change


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("site_search", "0004_visibility_indexes")]

    operations = [
        migrations.RunPython(storage("MAIN"), storage("EXTENDED"), elidable=False),
    ]
