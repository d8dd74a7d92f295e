from django.core.management.base import BaseCommand

from portal.alerts import sending


class Command(BaseCommand):
    help = "Send the weekly digest to every weekly subscriber with something waiting (run weekly)."

    def handle(self, *args, **options):
        report = sending.send_digests()
        self.stdout.write(
            f"sent {report['sent']} digests listing {report['items']} items, "
            f"failed {report['failed']}"
        )
