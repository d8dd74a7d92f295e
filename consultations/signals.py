"""Keep survey snapshots in step with publishing; erase personal data with the account."""

from wagtail.signals import page_published

from consultations.models import ConsultationPage


def snapshot_on_publish(sender, instance, revision=None, **kwargs):
    """Store the survey version being published, and send outcome emails once it is out."""
    from django.conf import settings
    from django.db import transaction

    from consultations import services

    if instance.locale_id != instance.canonical().locale_id:
        return
    if instance.survey:
        services.snapshot_survey(consultation=instance, revision=revision)
    if instance.status == "outcome" and instance.outcome_notified_at is None:
        transaction.on_commit(
            lambda: services.notify_outcome(
                consultation=instance, base_url=settings.WAGTAILADMIN_BASE_URL
            )
        )


def erase_on_account_deletion(sender, instance, **kwargs):
    """A deleted account's sent responses keep their answers but lose everything personal.

    The responses' foreign key to the account is ``SET_NULL`` and drafts cascade; this also
    clears the name, email and address given on "your details", and the account key, so that
    nothing left points back to the person (as the "Delete your account" page promises).
    """
    from consultations import services
    from consultations.models import Response

    for response in Response.objects.filter(respondent=instance):
        services.erase_respondent(response=response)


def connect():
    from django.contrib.auth import get_user_model
    from django.db.models.signals import pre_delete

    pre_delete.connect(erase_on_account_deletion, sender=get_user_model(), dispatch_uid="c_erase")
    page_published.connect(snapshot_on_publish, sender=ConsultationPage, dispatch_uid="c_snap")
