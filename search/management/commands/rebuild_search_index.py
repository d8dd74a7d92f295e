"""Index every live page and every document from scratch (after a deploy that changes what is
indexed, or to recover an index). Documents whose text was never extracted are read now.

With Elasticsearch configured, its index is then rebuilt from the table in one go (Wagtail's
``update_index`` rebuilds it from the table too, with the other models' indexes)."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.documents import get_document_model
from wagtail.models import Page

from search import elasticsearch, indexing, tasks
from search.models import DocumentText, SearchEntry


class Command(BaseCommand):
    help = "Rebuild the site search index from live pages and documents."

    def handle(self, *args, **options):
        # Entry by entry writes would all be replaced by the rebuild below.
        with elasticsearch.writes_suspended():
            pages, documents = self._index_everything()
        self.stdout.write(f"Indexed {pages} pages and {documents} documents.")
        if elasticsearch.enabled():
            try:
                written = elasticsearch.rebuild()
            except elasticsearch.Unavailable as error:
                raise CommandError(
                    f"The table is rebuilt, but Elasticsearch could not be: {error}"
                ) from error
            self.stdout.write(
                f"Wrote {written} entries to Elasticsearch ({elasticsearch.index_name()})."
            )

    def _index_everything(self) -> tuple[int, int]:
        SearchEntry.objects.all().delete()
        pages = 0
        for page in Page.objects.live().filter(depth__gt=1).specific().iterator(chunk_size=500):
            if indexing.index_page(page=page) is not None:
                pages += 1
        documents = 0
        read = set(DocumentText.objects.values_list("document_id", flat=True))
        for document in get_document_model().objects.iterator(chunk_size=200):
            if document.pk in read:
                indexing.index_document(document=document)
            else:
                tasks.extract_document_text.call(document.pk)
            documents += 1
        return pages, documents
