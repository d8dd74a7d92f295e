"""Markers for messages that django-allauth and Django produce in Python and we cannot reword.

``makemessages`` only scans our own code, and allauth ships no Bengali, Urdu or Yiddish (Django
none for Yiddish). Listing the exact source strings here puts them into ``locale/``, where our
translations win over the libraries' catalogues (``LOCALE_PATHS`` comes first). Everything else
a resident sees in the account pages is already our own wording (``portal.accounts`` and
``templates/account/``). Nothing imports this module; it exists for ``makemessages``.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

ALLAUTH_MESSAGES = [
    # allauth.account.forms: set directly with add_error, not through the adapter.
    gettext_noop("You must type the same password each time."),
]

DJANGO_MESSAGES = [
    # django.contrib.auth.password_validation, shown under the password field.
    gettext_noop("This password is too common."),
    gettext_noop("This password is entirely numeric."),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    # The user model's field names that the similarity check names.
    gettext_noop("username"),
    gettext_noop("email address"),
]

PASSWORD_TOO_SHORT = ngettext_lazy(
    "This password is too short. It must contain at least %d character.",
    "This password is too short. It must contain at least %d characters.",
    "min_length",
)
