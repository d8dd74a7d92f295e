from django.core.management.base import BaseCommand

from portal.alerts import retention


class Command(BaseCommand):
    help = (
        "Delete alert subscribers who never confirmed (after ALERTS_CONFIRM_DAYS) or who "
        "unsubscribed (after ALERTS_UNSUBSCRIBED_RETENTION_DAYS), with their deliveries. Run daily."
    )

    def handle(self, *args, **options):
        removed = retention.apply_retention()
        self.stdout.write(
            f"deleted {removed['unconfirmed']} unconfirmed and "
            f"{removed['unsubscribed']} unsubscribed addresses"
        )
