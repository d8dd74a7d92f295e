"""Remove residents' personal details from replies to events that ended a while ago."""

from django.core.management.base import BaseCommand

from news import services


class Command(BaseCommand):
    help = (
        "Clear names, email addresses and access needs from replies to events that ended more "
        "than 30 days ago (run daily)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=services.RSVP_RETENTION_DAYS)

    def handle(self, *args, days, **options):
        count = services.anonymise_past_rsvps(days=days)
        self.stdout.write(f"Anonymised {count} event replies.")
