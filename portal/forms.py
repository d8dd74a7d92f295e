"""Forms for the site-wide layer's own (non-page) views."""

from django import forms
from django.utils.translation import gettext_lazy as _


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that my account and email address will be deleted for good"),
        error_messages={"required": _("Tick the box to confirm you want to delete your account")},
    )
