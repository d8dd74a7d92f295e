"""Keep the index in step with publishing and with documents' files."""

from django.db.models.signals import post_save
from wagtail.documents import get_document_model
from wagtail.signals import page_published, page_unpublished

from search import tasks
from search.models import DocumentText


def page_was_published(sender, instance, **kwargs):
    tasks.index_page.enqueue(instance.pk)


def page_was_unpublished(sender, instance, **kwargs):
    tasks.remove_page.enqueue(instance.pk)


def document_was_saved(sender, instance, **kwargs):
    """A new document, or a new file for one, is read again; a new title is reindexed."""
    known = (
        DocumentText.objects.filter(document=instance).values_list("file_name", flat=True).first()
    )
    if known != instance.file.name:
        tasks.extract_document_text.enqueue(instance.pk)
    else:
        tasks.index_document.enqueue(instance.pk)


def connect():
    page_published.connect(page_was_published, dispatch_uid="search_page_published")
    page_unpublished.connect(page_was_unpublished, dispatch_uid="search_page_unpublished")
    post_save.connect(
        document_was_saved, sender=get_document_model(), dispatch_uid="search_document_saved"
    )
