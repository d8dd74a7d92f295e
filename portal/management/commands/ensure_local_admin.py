"""Create or reset a local-only admin account and print its sign-in (used by `make run`).

The admin needs a second factor like every staff account: there is no bypass. The first
sign-in asks for an authenticator app (any TOTP app; the page also shows the secret to type
in). A factor set up earlier is kept; `manage.py reset_second_factor admin@localhost
--reason ...` removes it.
"""

import os
import secrets

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

EMAIL = "admin@localhost"


class Command(BaseCommand):
    help = "For local development only: create the 'admin' superuser with a fresh random password."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_local_admin only runs with DEBUG on (local development).")
        password = secrets.token_urlsafe(12)
        user, _created = get_user_model().objects.get_or_create(
            username="admin", defaults={"email": EMAIL}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        # Staff sign in with their email address; a local address cannot receive mail, so it
        # is marked confirmed here (local development only, see the DEBUG check above).
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        enrolled = Authenticator.objects.filter(user=user).exclude(
            type=Authenticator.Type.RECOVERY_CODES
        )
        port = os.environ.get("PORT", "8000")
        self.stdout.write(
            self.style.SUCCESS(
                f"Local admin sign-in: http://127.0.0.1:{port}/admin/"
                f"  email: {user.email}  password: {password}"
            )
        )
        if enrolled.exists():
            self.stdout.write(
                "  Second factor: use the authenticator app you set up before. Lost it? "
                f"python manage.py reset_second_factor {user.email} --reason 'local reset'"
            )
        else:
            self.stdout.write(
                "  Second factor: the first sign-in asks you to set up an authenticator app "
                "(any TOTP app; or type the secret it shows into `oathtool --totp -b SECRET`). "
                "Keep the recovery codes it shows."
            )
