from django.core.management.base import BaseCommand

from portal.alerts import queueing


class Command(BaseCommand):
    help = (
        "Queue alerts that come due with time rather than publishing (a consultation opening on "
        "its date or closing soon). Safe to run as often as you like; run it at least daily."
    )

    def handle(self, *args, **options):
        items = queueing.queue_due()
        self.stdout.write(f"queued {len(items)} new alerts")
