"""Anonymise personal details of responses to consultations closed longer than the setting."""

from django.core.management.base import BaseCommand

from consultations import services


class Command(BaseCommand):
    help = (
        "Remove names, email addresses and addresses from responses to consultations that closed "
        "longer ago than the retention setting, and delete expired drafts. Answers are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Override the retention setting (days)."
        )

    def handle(self, *args, **options):
        counts = services.apply_retention(retention_days=options["days"])
        self.stdout.write(
            f"Anonymised {counts['anonymised']} respondents' details; "
            f"deleted {counts['drafts_deleted']} expired drafts."
        )
