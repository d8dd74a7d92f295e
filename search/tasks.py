"""Background work for search (django-tasks): run by ``manage.py db_worker`` in production."""

import logging

from django.utils import timezone
from django_tasks import task
from wagtail.documents import get_document_model
from wagtail.models import Page

from portal.text import clean_typed_text
from search import indexing
from search.extraction import UnreadableDocument, extract_text
from search.models import DocumentText

logger = logging.getLogger(__name__)


@task()
def extract_document_text(document_id: int) -> str | None:
    """Read a document's file, keep its text, and index it. Returns the extraction status."""
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return None
    status, text = DocumentText.Status.EXTRACTED, ""
    try:
        with document.file.open("rb") as handle:
            data = handle.read()
        found = extract_text(file_name=document.file.name, data=data)
        if found is None:
            status = DocumentText.Status.UNSUPPORTED
        else:
            text = clean_typed_text(found)[0]
    except (UnreadableDocument, OSError) as error:
        logger.warning(
            "Document %s (%s) could not be read: %s", document.pk, document.file.name, error
        )
        status = DocumentText.Status.UNREADABLE
    DocumentText.objects.update_or_create(
        document=document,
        defaults={
            "text": text,
            "status": status,
            "file_name": document.file.name,
            "extracted_at": timezone.now(),
        },
    )
    indexing.index_document(document=document)
    return status


@task()
def index_page(page_id: int) -> None:
    """Index a page as it is live now, and the documents it links to."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    page = page.specific
    indexing.index_page(page=page)
    for document in indexing.documents_linked_from(page):
        indexing.index_document(document=document, also_held_by=page)


@task()
def remove_page(page_id: int) -> None:
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        indexing.remove_page(page=page)


@task()
def index_document(document_id: int) -> None:
    """Reindex a document whose file is unchanged (a new title, say)."""
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is not None:
        indexing.index_document(document=document)
