"""Keep the panel section configured on every install, whoever creates or edits its pages.

* after ``migrate``: roles, collections and workflow exist, and every panel page has them
  (``services.configure_every_panel_section``, registered with ``portal.roles``);
* a new panel page (including a wagtail-localize translation) gets permissions and workflow;
* a members-only papers page is restricted from creation and stays restricted: if anyone
  removes or loosens its privacy setting, it is put back when the transaction commits;
* the same holds for the "Panel papers (members only)" document collection: its documents
  never become downloadable by everyone because an editor changed the collection's privacy.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from panel import services
from panel.models import PanelPage, PanelPapersPage


@receiver(post_save, sender=PanelPage)
def configure_new_panel_page(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        services.configure_panel_section(panel_page=instance)


@receiver(post_save, sender=PanelPapersPage)
def restrict_new_papers_page(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        services.restrict_page_to_panel(page=instance)


def _reapply_restriction_on_commit(page_id: int) -> None:
    def reapply():
        page = PanelPapersPage.objects.filter(pk=page_id).first()
        if page is None:
            return  # the page itself was deleted
        restrictions = list(PageViewRestriction.objects.filter(page=page))
        if len(restrictions) != 1 or not services.is_panel_restriction(restrictions[0]):
            services.restrict_page_to_panel(page=page)

    transaction.on_commit(reapply)


@receiver(post_delete, sender=PageViewRestriction)
def keep_papers_private_on_delete(sender, instance, **kwargs):
    if PanelPapersPage.objects.filter(pk=instance.page_id).exists():
        _reapply_restriction_on_commit(instance.page_id)


@receiver(post_save, sender=PageViewRestriction)
def keep_papers_private_on_change(sender, instance, raw=False, **kwargs):
    if not raw and PanelPapersPage.objects.filter(pk=instance.page_id).exists():
        _reapply_restriction_on_commit(instance.page_id)


def _private_papers_collection():
    """The members-only collection if it exists (looking it up never creates it)."""
    return Collection.objects.filter(name=services.PRIVATE_PAPERS_COLLECTION, depth=2).first()


def _is_private_papers_collection(collection_id: int) -> bool:
    collection = _private_papers_collection()
    return collection is not None and collection.pk == collection_id


def _reapply_collection_restriction_on_commit(collection_id: int) -> None:
    def reapply():
        collection = _private_papers_collection()
        if collection is None or collection.pk != collection_id:
            return  # the collection itself was deleted
        restrictions = list(CollectionViewRestriction.objects.filter(collection=collection))
        if len(restrictions) != 1 or not services.is_panel_restriction(restrictions[0]):
            services.restrict_collection_to_panel(collection=collection)

    transaction.on_commit(reapply)


@receiver(post_delete, sender=CollectionViewRestriction)
def keep_private_papers_collection_private_on_delete(sender, instance, **kwargs):
    if _is_private_papers_collection(instance.collection_id):
        _reapply_collection_restriction_on_commit(instance.collection_id)


@receiver(post_save, sender=CollectionViewRestriction)
def keep_private_papers_collection_private_on_change(sender, instance, raw=False, **kwargs):
    if not raw and _is_private_papers_collection(instance.collection_id):
        _reapply_collection_restriction_on_commit(instance.collection_id)
