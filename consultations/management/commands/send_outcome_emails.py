"""Email respondents who asked to hear back once a consultation's outcome is published."""

from django.conf import settings
from django.core.management.base import BaseCommand

from consultations import services
from consultations.models import ConsultationPage


class Command(BaseCommand):
    help = "Send the outcome email to respondents who asked for it (each person once; run daily)."

    def handle(self, *args, **options):
        total = 0
        for page in (
            ConsultationPage.objects.live()
            .with_outcome()
            .filter(locale__language_code=settings.LANGUAGE_CODE)
        ):
            total += services.notify_outcome(
                consultation=page, base_url=settings.WAGTAILADMIN_BASE_URL
            )
        self.stdout.write(f"Sent {total} outcome emails.")
