"""PostgreSQL only (a no-op elsewhere): the indexes that keep visibility and language checks
from reading every entry.

* Pages that are not live: search leaves out the pages a visitor may not see instead of joining
  every match to the page tree (``search.selectors.visible_entries``); drafts are most of those,
  and without this index finding them means reading the whole page table on every search. It
  holds only drafts, so it stays small and costs nothing when a page is published.
* Entries by language and group, with their page and document: whether content has a visible
  entry in the visitor's language (``search.selectors.in_language``) is then read from the
  index alone, not from every entry's row with its text.
"""

from django.db import migrations

INDEXES = {
    "search_page_not_live": "ON wagtailcore_page (id) WHERE NOT live",
    "search_entry_language_group": 'ON site_search_searchentry (locale_id, "group")'
    " INCLUDE (page_id, document_id)",
}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name, definition in INDEXES.items():
            cursor.execute(f"CREATE INDEX IF NOT EXISTS {name} {definition}")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name in INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("site_search", "0003_synonyms_and_zero_result_queries"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
