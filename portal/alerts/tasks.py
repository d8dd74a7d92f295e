"""Background work for alerts, run by django-tasks (``manage.py db_worker`` in production)."""

from django_tasks import task

from portal.alerts import queueing, sending


@task()
def queue_page_alerts(page_id: int) -> int:
    """A page was published: store what it announces and queue it to its followers."""
    return len(queueing.queue_for_page(page_id=page_id))


@task()
def fan_out_item(item_id: int) -> int:
    """Owe one announcement to its followers, then send what is due."""
    owed = queueing.fan_out(item_id=item_id)
    sending.send_due()
    return owed


@task()
def send_alerts() -> int:
    return sending.send_due()["sent"]


@task()
def send_weekly_digests() -> int:
    return sending.send_digests()["sent"]
