"""Writes for the site-wide layer. Keyword-only, typed, one transaction each."""

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction


@transaction.atomic
def delete_account(*, user: AbstractBaseUser) -> None:
    """Erase a resident's account and the personal data stored with it.

    Deleting the user row removes its email addresses (allauth's ``EmailAddress``) by cascade.
    Feature apps that keep data about a resident decide on their own foreign keys what happens
    to it (answers are kept but separated from the person with ``on_delete=SET_NULL``), or
    listen to ``pre_delete`` on the user model. Staff accounts are not deleted this way.
    """
    if user.is_staff or user.is_superuser:
        raise PermissionError("Staff accounts are closed by an administrator, not by the user.")
    get_user_model().objects.filter(pk=user.pk).delete()
