"""Create the staff groups, their Comms permissions and the moderation workflow (idempotent)."""

from django.core.management.base import BaseCommand

from portal.roles import setup_roles


class Command(BaseCommand):
    help = "Create or update the staff groups and the 'Comms approval' workflow. Safe to re-run."

    def handle(self, *args, **options):
        groups = setup_roles()
        self.stdout.write(self.style.SUCCESS("Roles ready: " + ", ".join(sorted(groups))))
