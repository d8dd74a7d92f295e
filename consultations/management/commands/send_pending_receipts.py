"""Retry email receipts the mail server did not take when the resident responded."""

from django.core.management.base import BaseCommand

from consultations import services


class Command(BaseCommand):
    help = (
        "Send email receipts that residents asked for in the last week but that could not be "
        "sent at the time (each once; run hourly or daily)."
    )

    def handle(self, *args, **options):
        sent = services.send_pending_receipts()
        self.stdout.write(f"Sent {sent} receipts.")
