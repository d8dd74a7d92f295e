"""Remove every second factor (authenticator app, passkeys, recovery codes) from one account.

For an administrator helping someone who lost their phone: after the reset the person signs in
with their password and is asked to set up a new factor before the admin opens. The reset, who
ran it and what was removed go to the audit log. Their open sessions are ended.
"""

import getpass

from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal import audit


class Command(BaseCommand):
    help = "Remove a lost second factor from an account (by email address or username)."

    def add_arguments(self, parser):
        parser.add_argument("account", help="The account's email address or username.")
        parser.add_argument(
            "--reason", required=True, help="Why, for the audit log (for example a ticket number)."
        )

    def handle(self, *args, account, reason, **options):
        user = self.find_account(account)
        with transaction.atomic():
            removed = list(Authenticator.objects.filter(user=user).values_list("type", flat=True))
            Authenticator.objects.filter(user=user).delete()
            ended = end_sessions(user)
            audit.record(
                audit.Action.FACTOR_RESET,
                user=user,
                removed=sorted(removed),
                sessions_ended=ended,
                operator=getpass.getuser(),
                reason=reason[:200],
            )
        if removed:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Removed {len(removed)} second factor(s) from {account} and ended "
                    f"{ended} session(s). They set up a new one at their next sign-in."
                )
            )
        else:
            self.stdout.write(f"{account} had no second factor; nothing removed (logged).")

    def find_account(self, account: str):
        users = get_user_model().objects.filter(
            email__iexact=account
        ) | get_user_model().objects.filter(username=account)
        users = list(users.distinct()[:2])
        if len(users) != 1:
            raise CommandError(f"No single account matches {account!r}.")
        return users[0]


def end_sessions(user) -> int:
    """Delete the database sessions signed in as ``user`` (the session engine is the database)."""
    ended = 0
    for session in Session.objects.iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()
            ended += 1
    return ended
