"""Accounts for residents and staff: django-allauth in the portal's wording and GOV.UK forms.

allauth's own messages are written for developers ("Invalid login.", "Password (again)") and
ship no Bengali, Urdu or Yiddish. The adapter and form subclasses here replace every message
and label a resident sees with plain-language ones from our own catalogue, so all eight
languages are covered by ``locale/``. Settings point at them through ``ACCOUNT_ADAPTER``,
``ACCOUNT_FORMS``, ``ACCOUNT_USER_DISPLAY``, ``MFA_ADAPTER`` and ``MFA_FORMS``.

The adapters also feed the audit log (``portal.audit``: failed sign-ins and lockouts) and mark a
request whose sign-in was refused by a rate limit, so ``portal.staff_access`` answers it with
HTTP 429 instead of 200 (the page is the same form, with the refusal next to it).
"""

from allauth.account import forms as allauth_forms
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import filter_users_by_email
from allauth.core import context
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.base import forms as mfa_forms
from allauth.mfa.totp import forms as totp_forms
from allauth.mfa.webauthn import forms as webauthn_forms
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal import audit
from portal.text import guard_text_fields

# allauth error codes that mean "refused by a rate limit": answered with HTTP 429.
RATE_LIMIT_CODES = frozenset({"too_many_login_attempts", "rate_limited"})
RATE_LIMITED_ATTRIBUTE = "portal_rate_limited"


def mark_rate_limited(request) -> None:
    """Tell ``portal.staff_access.StaffAccessMiddleware`` to answer this request with 429."""
    if request is not None:
        setattr(request, RATE_LIMITED_ATTRIBUTE, True)


def account_for_login(email: str | None):
    """The account an attempted sign-in named, if any (for the audit log; the address itself
    is never logged, since people type passwords into the wrong field)."""
    if not email:
        return None
    users = filter_users_by_email(email, is_active=True)
    return users[0] if len(users) == 1 else None


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

    def validation_error(self, code, *args):
        if code in RATE_LIMIT_CODES:
            mark_rate_limited(context.request)
        return super().validation_error(code, *args)

    def is_reauthentication_required(self, app: str = "") -> bool:
        """Setting up a first second factor needs no second password prompt: it is what every
        staff member does straight after signing in. Changing factors later still asks."""
        from allauth.mfa.models import Authenticator

        request = context.request
        user = getattr(request, "user", None)
        if (
            app == "allauth.mfa"
            and user is not None
            and user.is_authenticated
            and not Authenticator.objects.filter(user_id=user.pk).exists()
        ):
            return False
        return super().is_reauthentication_required(app=app)

    def pre_authenticate(self, request, **credentials):
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            audit.record(
                audit.Action.LOCKED_OUT,
                user=account_for_login(credentials.get("email")),
                request=request,
                step="password",
            )
            raise

    def authentication_failed(self, request, **credentials):
        super().authentication_failed(request, **credentials)
        audit.record(
            audit.Action.SIGN_IN_FAILED,
            user=account_for_login(credentials.get("email")),
            request=request,
            step="password",
        )


class PortalMFAAdapter(DefaultMFAAdapter):
    """Our wording for the second factor, and no way for staff to remove their last one."""

    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "add_email_blocked": _(
            "You cannot add an email address while your account uses a second factor."
        ),
        "cannot_delete_authenticator": _(
            "Staff accounts must keep a second factor. Add another one before you remove this one."
        ),
        "cannot_generate_recovery_codes": _(
            "Set up an authenticator app or a passkey before you make recovery codes."
        ),
        "incorrect_code": _("The code is not right. Enter the 6-digit code your app shows now."),
        "unverified_email": _("Confirm your email address before you set up a second factor."),
    }

    def can_delete_authenticator(self, authenticator) -> bool:
        from allauth.mfa.models import Authenticator

        from portal.staff_access import can_reach_admin

        if not can_reach_admin(authenticator.user):
            return True
        others = (
            Authenticator.objects.filter(user_id=authenticator.user_id)
            .exclude(pk=authenticator.pk)
            .exclude(type=Authenticator.Type.RECOVERY_CODES)
        )
        return others.exists()

    def _get_site_name(self) -> str:
        from django.conf import settings

        return settings.MFA_TOTP_ISSUER


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


AUTHENTICATOR_CODE = _("Code from your authenticator app")
AUTHENTICATOR_CODE_HINT = _("The 6-digit code your app shows now, or one of your recovery codes.")
ENTER_AUTHENTICATOR_CODE = _("Enter the code from your authenticator app")


class RefusalAuditMixin:
    """Second-factor forms: a lockout (too many wrong codes) goes to the audit log."""

    def clean_code(self):
        try:
            return super().clean_code()
        except ValidationError as error:
            if getattr(error, "code", None) in RATE_LIMIT_CODES:
                audit.record(
                    audit.Action.LOCKED_OUT,
                    user=self.user,
                    request=context.request,
                    step="second_factor",
                )
            raise


class AuthenticateForm(PlainLabelsMixin, RefusalAuditMixin, mfa_forms.AuthenticateForm):
    labels = {"code": AUTHENTICATOR_CODE}
    required = {"code": ENTER_AUTHENTICATOR_CODE}
    hints = {"code": AUTHENTICATOR_CODE_HINT}


class ReauthenticateMFAForm(PlainLabelsMixin, RefusalAuditMixin, mfa_forms.ReauthenticateForm):
    labels = {"code": AUTHENTICATOR_CODE}
    required = {"code": ENTER_AUTHENTICATOR_CODE}
    hints = {"code": AUTHENTICATOR_CODE_HINT}


class ActivateTOTPForm(PlainLabelsMixin, RefusalAuditMixin, totp_forms.ActivateTOTPForm):
    labels = {"code": AUTHENTICATOR_CODE}
    required = {"code": ENTER_AUTHENTICATOR_CODE}
    hints = {"code": _("The 6-digit code your app shows after you add the account.")}

    def clean_code(self):
        from portal.staff_access import record_factor_passed

        code = super().clean_code()
        record_factor_passed(context.request, self.user, "totp")
        return code


class AddWebAuthnForm(PlainLabelsMixin, webauthn_forms.AddWebAuthnForm):
    labels = {"name": _("Name for this passkey")}
    required = {"name": _("Enter a name for this passkey")}
    hints = {"name": _("For example, work laptop or phone.")}

    def clean(self):
        from portal.staff_access import record_factor_passed

        cleaned_data = super().clean()
        if not self.errors:
            record_factor_passed(context.request, self.user, "webauthn")
        return cleaned_data


class EditWebAuthnForm(PlainLabelsMixin, webauthn_forms.EditWebAuthnForm):
    labels = {"name": _("Name for this passkey")}
    required = {"name": _("Enter a name for this passkey")}
