"""Sending: at most once per (subscriber, item) through kills and restarts, retries, batches."""

import _thread
import collections
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from portal.alerts import queueing, sending
from portal.alerts.models import AlertItem, Delivery, DeliveryStatus
from tests.smtp import Mailbox, free_port

from .conftest import add_update, subscriber

ROOT = Path(__file__).resolve().parents[2]


def owe_update(updates_index, count: int, **subscriber_fields) -> AlertItem:
    """``count`` confirmed followers and an update owed to each of them, not yet sent."""
    for n in range(count):
        subscriber(email=f"r{n:03d}@example.org", topics=["updates:repairs"], **subscriber_fields)
    page = add_update(updates_index, title="Repairs", slug="repairs", topics=["repairs"])
    [(source, item)] = queueing.items_for_page(page)
    alert = queueing.store_item(source=source, item=item, title=page.title)
    assert queueing.fan_out(item_id=alert.pk) == count
    return alert


def recipients(mailbox) -> collections.Counter:
    return collections.Counter(m["To"] for m in mailbox.messages)


@pytest.mark.django_db
def test_fan_out_twice_owes_nothing_more(updates_index):
    alert = owe_update(updates_index, 3)
    queueing.fan_out(item_id=alert.pk)
    assert Delivery.objects.filter(item=alert).count() == 3


@pytest.mark.django_db
def test_batches_share_one_connection(settings, smtp, updates_index):
    settings.ALERTS_BATCH_SIZE, settings.ALERTS_SEND_RATE = 5, 0
    owe_update(updates_index, 12)
    report = sending.send_due()
    assert report["sent"] == 12 and len(smtp.messages) == 12
    # Three batches of at most five: three SMTP sessions, not twelve.
    assert smtp.sessions == 3


@pytest.mark.django_db
def test_rate_limit_spaces_the_emails(settings, smtp, updates_index):
    settings.ALERTS_SEND_RATE = 20  # one every 50 ms
    owe_update(updates_index, 6)
    started = time.monotonic()
    sending.send_due()
    assert time.monotonic() - started >= 5 * 0.05
    assert len(smtp.messages) == 6


@pytest.mark.django_db
def test_refused_address_is_retried_with_back_off_then_recorded(settings, smtp, updates_index):
    settings.ALERTS_MAX_ATTEMPTS, settings.ALERTS_RETRY_SECONDS, settings.ALERTS_SEND_RATE = (
        3,
        60,
        0,
    )
    owe_update(updates_index, 2)
    smtp.refuse_temporarily.add("r001@example.org")
    waits = []
    for attempt in range(3):
        started = timezone.now()
        sending.send_due()
        failing = Delivery.objects.get(subscriber__email="r001@example.org")
        assert failing.attempts == attempt + 1 and "451" in failing.last_error
        waits.append(round((failing.next_attempt_at - started).total_seconds() / 60))
        sending.send_due()  # not due yet: not tried again
        assert Delivery.objects.get(pk=failing.pk).attempts == attempt + 1
        Delivery.objects.filter(pk=failing.pk).update(next_attempt_at=timezone.now())
    assert waits[:2] == [1, 2]  # one minute, then two: the wait doubles
    assert failing.status == DeliveryStatus.FAILED  # after the third attempt, recorded
    assert recipients(smtp) == {"r000@example.org": 1}


@pytest.mark.django_db
def test_permanent_refusal_is_recorded_at_once(settings, smtp, updates_index):
    owe_update(updates_index, 1)
    smtp.refuse.add("r000@example.org")
    sending.send_due()
    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED and delivery.attempts == 1


@pytest.mark.django_db
def test_mail_server_down_keeps_everything_for_later(settings, smtp_down, updates_index):
    owe_update(updates_index, 2)
    sending.send_due()
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.QUEUED}
    assert set(Delivery.objects.values_list("attempts", flat=True)) == {1}


class InterruptingMailbox(Mailbox):
    """Interrupts the sending (main) thread, as a kill would, after ``after`` messages."""

    def __init__(self, after: int):
        super().__init__()
        self.after = after

    async def handle_DATA(self, server, session, envelope):
        reply = await super().handle_DATA(server, session, envelope)
        if len(self.messages) == self.after:
            _thread.interrupt_main()
        return reply


@pytest.mark.django_db
def test_interrupted_worker_restarted_sends_nothing_twice(settings, updates_index):
    from aiosmtpd.controller import Controller

    from tests.smtp import point_at_nothing

    mailbox = InterruptingMailbox(after=7)
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    # A process started in the background by a non-interactive shell (as CI's `make -j` suites
    # can be) inherits SIGINT ignored, and then interrupt_main() does nothing: Python's own
    # handler makes the interruption a KeyboardInterrupt wherever the test runs.
    previous_handler = signal.signal(signal.SIGINT, signal.default_int_handler)
    point_at_nothing(settings)
    settings.EMAIL_PORT = controller.port
    settings.ALERTS_BATCH_SIZE, settings.ALERTS_SEND_RATE = 30, 50
    try:
        owe_update(updates_index, 25)
        with pytest.raises(KeyboardInterrupt):
            sending.send_due()
        assert 7 <= len(mailbox.messages) < 25  # the worker really stopped part-way
        left = collections.Counter(Delivery.objects.values_list("status", flat=True))
        assert left[DeliveryStatus.SENDING] and left[DeliveryStatus.CLAIMED]
        settings.ALERTS_CLAIM_LEASE_SECONDS = 0  # the dead worker's claims have lapsed
        mailbox.after = -1
        sending.send_due()
    finally:
        controller.stop()
        signal.signal(signal.SIGINT, previous_handler)
    counts = recipients(mailbox)
    assert max(counts.values()) == 1
    statuses = collections.Counter(Delivery.objects.values_list("status", flat=True))
    assert statuses[DeliveryStatus.SENT] + statuses[DeliveryStatus.INTERRUPTED] == 25
    # Everything the dead worker never reached was sent by the next one.
    assert statuses[DeliveryStatus.INTERRUPTED] <= sending.SENDING_CHUNK


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="a second process must open the test database; pytest-django keeps SQLite's in memory",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_killed_worker_process_restarted_sends_nothing_twice(settings, updates_index):
    from aiosmtpd.controller import Controller

    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.alerts.worker_settings",
        "ALERTS_TEST_DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "ALERTS_TEST_SMTP_PORT": str(controller.port),
        "ALERTS_SEND_RATE": "10",
        "ALERTS_BATCH_SIZE": "10",
    }
    # Publishing commits here: keep its task in the queue, so the worker process does the sending.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    try:
        owe_update(updates_index, 30)
        worker = subprocess.Popen([sys.executable, "manage.py", "send_alerts"], cwd=ROOT, env=env)
        deadline = time.monotonic() + 60
        while len(mailbox.messages) < 5 and time.monotonic() < deadline:
            time.sleep(0.05)
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        killed_after = len(mailbox.messages)
        assert 5 <= killed_after < 30  # killed part-way through
        restart = subprocess.run(
            [sys.executable, "manage.py", "send_alerts"],
            cwd=ROOT,
            env={**env, "ALERTS_CLAIM_LEASE_SECONDS": "0", "ALERTS_SEND_RATE": "0"},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert restart.returncode == 0, restart.stderr
    finally:
        controller.stop()
    assert max(recipients(mailbox).values()) == 1
    statuses = collections.Counter(Delivery.objects.values_list("status", flat=True))
    assert statuses[DeliveryStatus.SENT] + statuses[DeliveryStatus.INTERRUPTED] == 30
    assert len(mailbox.messages) >= statuses[DeliveryStatus.SENT]
