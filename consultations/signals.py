"""Keep survey snapshots in step with publishing, and give staff roles their permissions."""

from django.db.models.signals import post_migrate
from wagtail.signals import page_published

from consultations.models import ConsultationPage


def snapshot_on_publish(sender, instance, revision=None, **kwargs):
    from consultations import services

    if instance.locale_id == instance.canonical().locale_id and instance.survey:
        services.snapshot_survey(consultation=instance, revision=revision)


def grant_permissions(sender, **kwargs):
    if sender.name != "consultations":
        return
    from django.contrib.contenttypes.models import ContentType

    from consultations.permissions import grant_roles

    ContentType.objects.clear_cache()  # a test database flush leaves cached ids stale
    grant_roles()


def connect():
    page_published.connect(snapshot_on_publish, sender=ConsultationPage, dispatch_uid="c_snap")
    post_migrate.connect(grant_permissions, dispatch_uid="consultations_roles")
