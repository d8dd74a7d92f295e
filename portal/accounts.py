"""Resident accounts: django-allauth adapted to the portal's wording and GOV.UK forms.

allauth's own messages are written for developers ("Invalid login.", "Password (again)") and
ship no Bengali, Urdu or Yiddish. The adapter and form subclasses here replace every message
and label a resident sees with plain-language ones from our own catalogue, so all eight
languages are covered by ``locale/``. Settings point at them through ``ACCOUNT_ADAPTER``,
``ACCOUNT_FORMS`` and ``ACCOUNT_USER_DISPLAY``.
"""

from allauth.account import forms as allauth_forms
from allauth.account.adapter import DefaultAccountAdapter
from django import forms
from django.utils.translation import gettext_lazy as _

from portal.text import guard_text_fields


def user_display(user) -> str:
    """Residents sign in with their email address; the generated username means nothing."""
    return user.email or _("your account")


class PortalAccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "account_inactive": _("This account has been closed."),
        "cannot_remove_primary_email": _(
            "You cannot remove your main email address. Make another address your main one first."
        ),
        "duplicate_email": _("This email address is already on your account."),
        "email_password_mismatch": _("Enter the email address and password for your account."),
        "email_taken": _("An account already uses this email address."),
        "enter_current_password": _("Enter your current password."),
        "incorrect_code": _("The code is not right. Check the code in your email."),
        "incorrect_password": _("The password is not right."),
        "invalid_or_expired_key": _("This link has expired or was already used."),
        "invalid_login": _("Enter the email address and password for your account."),
        "invalid_password_reset": _("This link has expired or was already used."),
        "max_email_addresses": _("You cannot add more than %d email addresses."),
        "too_many_login_attempts": _("Too many attempts to sign in. Try again in 5 minutes."),
        "unknown_email": _("There is no account with this email address."),
        "unverified_primary_email": _("Confirm your main email address first."),
        "select_only_one": _("Enter only one."),
        "same_as_current": _("Enter a value different from the current one."),
        "rate_limited": _("You have sent too many requests. Wait a minute and try again."),
    }


class PlainLabelsMixin:
    """Gives a form's fields sentence-case labels and drops placeholders (GOV.UK advice:
    placeholders vanish while typing and fail contrast).

    Subclasses list ``labels`` (field name to label), ``required`` (field name to the message
    shown when it is left empty) and optional ``hints``. ``portal.settings.base.ACCOUNT_FORMS``
    points allauth at the subclasses below.
    """

    labels: dict = {}
    required: dict = {}
    hints: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name in self.labels:
                field.label = self.labels[name]
            field.help_text = self.hints.get(name, "")
            field.widget.attrs.pop("placeholder", None)
            if name in self.required:
                field.error_messages["required"] = self.required[name]
            if isinstance(field, forms.EmailField):
                field.error_messages["invalid"] = INVALID_EMAIL
        guard_text_fields(self)


EMAIL = _("Email address")
ENTER_EMAIL = _("Enter your email address")
ENTER_PASSWORD = _("Enter a password")
CONFIRM_PASSWORD = _("Confirm your password")
INVALID_EMAIL = _("Enter an email address in the correct format, like name@example.com")
EMAIL_HINT = _("For example, name@example.com")
PASSWORD_HINT = _("Use at least 8 characters. Avoid common words and numbers only.")


class LoginForm(PlainLabelsMixin, allauth_forms.LoginForm):
    labels = {"login": EMAIL, "password": _("Password")}
    required = {"login": ENTER_EMAIL, "password": _("Enter your password")}


class SignupForm(PlainLabelsMixin, allauth_forms.SignupForm):
    labels = {"email": EMAIL, "password1": _("Password"), "password2": _("Confirm password")}
    required = {"email": ENTER_EMAIL, "password1": ENTER_PASSWORD, "password2": CONFIRM_PASSWORD}
    hints = {"email": EMAIL_HINT, "password1": PASSWORD_HINT}


class AddEmailForm(PlainLabelsMixin, allauth_forms.AddEmailForm):
    labels = {"email": EMAIL}
    required = {"email": ENTER_EMAIL}
    hints = {"email": EMAIL_HINT}


class ChangePasswordForm(PlainLabelsMixin, allauth_forms.ChangePasswordForm):
    labels = {
        "oldpassword": _("Current password"),
        "password1": _("New password"),
        "password2": _("Confirm new password"),
    }
    required = {
        "oldpassword": _("Enter your current password"),
        "password1": ENTER_PASSWORD,
        "password2": CONFIRM_PASSWORD,
    }
    hints = {"password1": PASSWORD_HINT}


class SetPasswordForm(PlainLabelsMixin, allauth_forms.SetPasswordForm):
    labels = {"password1": _("New password"), "password2": _("Confirm new password")}
    required = {"password1": ENTER_PASSWORD, "password2": CONFIRM_PASSWORD}
    hints = {"password1": PASSWORD_HINT}


class ResetPasswordForm(PlainLabelsMixin, allauth_forms.ResetPasswordForm):
    labels = {"email": EMAIL}
    required = {"email": ENTER_EMAIL}


class ResetPasswordKeyForm(PlainLabelsMixin, allauth_forms.ResetPasswordKeyForm):
    labels = {"password1": _("New password"), "password2": _("Confirm new password")}
    required = {"password1": ENTER_PASSWORD, "password2": CONFIRM_PASSWORD}
    hints = {"password1": PASSWORD_HINT}


class RequestLoginCodeForm(PlainLabelsMixin, allauth_forms.RequestLoginCodeForm):
    labels = {"email": EMAIL}
    required = {"email": ENTER_EMAIL}


class ConfirmLoginCodeForm(PlainLabelsMixin, allauth_forms.ConfirmLoginCodeForm):
    labels = {"code": _("Sign-in code")}
    required = {"code": _("Enter the sign-in code from your email")}
    hints = {"code": _("We sent it to your email. It works for 3 minutes.")}


class ReauthenticateForm(PlainLabelsMixin, allauth_forms.ReauthenticateForm):
    labels = {"password": _("Password")}
    required = {"password": _("Enter your password")}
