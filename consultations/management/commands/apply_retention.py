"""The daily retention run: anonymise old respondents' details, delete old drafts."""

from django.core.management.base import BaseCommand

from consultations import services


class Command(BaseCommand):
    help = (
        "Remove names, email addresses and addresses from responses to consultations that closed "
        "longer ago than the retention setting, delete drafts of closed consultations and "
        "anonymous drafts unchanged for ANONYMOUS_DRAFT_RETENTION_DAYS. Answers are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Override the retention setting (days)."
        )

    def handle(self, *args, **options):
        counts = services.apply_retention(retention_days=options["days"])
        self.stdout.write(
            f"Anonymised {counts['anonymised']} respondents' details; "
            f"deleted {counts['drafts_deleted']} expired drafts and "
            f"{counts['abandoned_drafts_deleted']} abandoned anonymous drafts."
        )
