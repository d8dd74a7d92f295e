"""Create or reset a local-only admin account and print its sign-in (used by `make run`)."""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "For local development only: create the 'admin' superuser with a fresh random password."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_local_admin only runs with DEBUG on (local development).")
        password = secrets.token_urlsafe(12)
        user, _created = get_user_model().objects.get_or_create(
            username="admin", defaults={"email": "admin@localhost"}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Local admin sign-in: http://127.0.0.1:{os.environ.get('PORT', '8000')}/admin/"
                f"  username: admin  password: {password}"
            )
        )
