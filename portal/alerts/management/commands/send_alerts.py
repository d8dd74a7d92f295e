from django.core.management.base import BaseCommand

from portal.alerts import sending


class Command(BaseCommand):
    help = (
        "Send every alert email that is due, including retries. The task worker does this after "
        "each publish; run it from cron too if the immediate task backend is in use."
    )

    def handle(self, *args, **options):
        report = sending.send_due()
        self.stdout.write(
            f"sent {report['sent']}, failed {report['failed']}, cancelled {report['cancelled']}"
        )
