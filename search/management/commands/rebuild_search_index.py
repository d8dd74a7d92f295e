"""Index every live page and every document from scratch (after a deploy that changes what is
indexed, or to recover an index). Documents whose text was never extracted are read now."""

from django.core.management.base import BaseCommand
from wagtail.documents import get_document_model
from wagtail.models import Page

from search import indexing, tasks
from search.models import DocumentText, SearchEntry


class Command(BaseCommand):
    help = "Rebuild the site search index from live pages and documents."

    def handle(self, *args, **options):
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
        self.stdout.write(f"Indexed {pages} pages and {documents} documents.")
