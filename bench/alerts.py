"""Time and peak memory to send one alert to many subscribers through a local SMTP sink.

    .venv/bin/python -m bench.alerts --subscribers 20000
    .venv/bin/python -m bench.alerts --subscribers 2000 20000   # memory should stay flat

For each size the bench database gets that many confirmed subscribers following "new
consultations" (made with bulk inserts, replacing the previous run's), and a fresh announcement
of the bench consultation. A separate Python process then does what the task worker does
(``fan_out`` then ``send_due``: one delivery row each, batches over one SMTP connection, no rate
limit) against an aiosmtpd server in this process that counts and discards the messages. Each
line reports that process's wall time, its peak resident memory (``VmHWM``) and emails received.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

from bench import common

BENCH_DOMAIN = "bench.invalid"


class Sink:
    def __init__(self):
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        return "250 OK"


def prepare(size: int) -> int:
    """``size`` confirmed subscribers and a new announcement owed to none yet; returns its id."""
    common.setup()
    from django.utils import timezone

    from portal.alerts.models import AlertItem, Subscriber, Subscription

    Subscriber.objects.filter(email__endswith="@" + BENCH_DOMAIN).delete()
    now = timezone.now()
    languages = common.LANGUAGES
    for start in range(0, size, 5000):
        batch = Subscriber.objects.bulk_create(
            [
                Subscriber(
                    email=f"s{n}@{BENCH_DOMAIN}",
                    language=languages[n % len(languages)],
                    confirmed_at=now,
                    consent_at=now,
                    consent_text="bench",
                )
                for n in range(start, min(size, start + 5000))
            ]
        )
        Subscription.objects.bulk_create(
            [Subscription(subscriber=s, topic="consultations:opening") for s in batch]
        )
    page = common.bench_consultation()
    item = AlertItem.objects.create(
        key=f"bench:{size}:{time.time_ns()}",
        source="consultations",
        reason="opened",
        topics=["consultations:opening"],
        page=page,
        title=page.title,
    )
    return item.pk


def child(item_id: int, port: int) -> None:
    common.setup(migrate=False)
    from django.conf import settings

    from portal.alerts import queueing, sending

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    settings.ALERTS_SEND_RATE = 0
    started = time.monotonic()
    owed = queueing.fan_out(item_id=item_id)
    report = sending.send_due()
    print(
        json.dumps(
            {
                "owed": owed,
                "sent": report["sent"],
                "seconds": round(time.monotonic() - started, 1),
                "peak_mb": round(common.peak_rss_mb(), 1),
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--subscribers", type=int, nargs="+", default=[20000])
    parser.add_argument("--child", nargs=2, type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    from aiosmtpd.controller import Controller

    from tests.smtp import free_port

    for size in args.subscribers:
        item_id = prepare(size)
        sink = Sink()
        controller = Controller(sink, hostname="127.0.0.1", port=free_port())
        controller.start()
        try:
            output = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "bench.alerts",
                    "--child",
                    str(item_id),
                    str(controller.port),
                ],
                cwd=common.ROOT,
                env={**os.environ},
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        finally:
            controller.stop()
        result = json.loads(output.strip().splitlines()[-1])
        print(
            f"{size} subscribers: {result['sent']} sent, {sink.count} received by the sink, "
            f"{result['seconds']} s, peak {result['peak_mb']} MB"
        )


if __name__ == "__main__":
    main()
