"""Publishing queues alerts; deleting an account erases its alert subscriptions."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import pre_delete
from wagtail.signals import page_published


def queue_on_publish(sender, instance, **kwargs):
    from portal.alerts.tasks import queue_page_alerts

    page_id = instance.pk
    # After commit: the worker must see the published page, and a rolled-back publish sends nothing.
    transaction.on_commit(lambda: queue_page_alerts.enqueue(page_id=page_id))


def erase_with_account(sender, instance, **kwargs):
    from portal.alerts.services import erase_for_user

    erase_for_user(user=instance)


def connect() -> None:
    page_published.connect(queue_on_publish, dispatch_uid="alerts_queue_on_publish")
    pre_delete.connect(
        erase_with_account, sender=get_user_model(), dispatch_uid="alerts_erase_with_account"
    )
