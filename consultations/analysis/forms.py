"""Forms for the staff tools: themes, coding an answer, assisted entry and erasure lookup."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consultations.models import Channel, RespondentType, Theme


class ThemeForm(forms.Form):
    name = forms.CharField(label=_("Theme name"), max_length=100)
    description = forms.CharField(label=_("Description (optional)"), max_length=255, required=False)


class AnswerThemesForm(forms.Form):
    response = forms.IntegerField(widget=forms.HiddenInput)
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.filter(consultation=consultation)


ASSISTED_CHANNELS = [c for c in Channel.choices if c[0] != Channel.ONLINE]


class AssistedEntryForm(forms.Form):
    """Who, how and when, for a response staff type in; the answers are the survey's fields."""

    token = forms.UUIDField(widget=forms.HiddenInput)
    channel = forms.ChoiceField(
        label=_("How did the response reach us?"), choices=ASSISTED_CHANNELS
    )
    received_on = forms.DateField(
        label=_("Date received"),
        help_text=_("For example, 27/3/2025."),
        input_formats=["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"],
    )
    language = forms.ChoiceField(label=_("Language of the response"), choices=settings.LANGUAGES)
    respondent_type = forms.ChoiceField(
        label=_("Responding as"), choices=RespondentType.choices, required=False
    )
    name = forms.CharField(label=_("Name (optional)"), max_length=120, required=False)
    email = forms.EmailField(label=_("Email (optional)"), required=False)
    address = forms.CharField(
        label=_("Address (optional)"), max_length=500, required=False, widget=forms.Textarea
    )
    wants_updates = forms.BooleanField(
        label=_("Wants to hear about the outcome (needs an email address)"), required=False
    )

    def clean_received_on(self):
        received = self.cleaned_data["received_on"]
        if received > timezone.localdate():
            raise forms.ValidationError(_("The date received cannot be in the future."))
        return received


class EraseLookupForm(forms.Form):
    q = forms.CharField(
        label=_("Response reference or email address"),
        max_length=254,
        help_text=_("For example, K7QM-4XT2 or name@example.com."),
    )


class EraseConfirmForm(forms.Form):
    response = forms.IntegerField(widget=forms.HiddenInput)
    erase_answers = forms.BooleanField(
        label=_("Also erase their answers (free text may identify them)"), required=False
    )


class BulkCodingForm(forms.Form):
    """Add or remove themes on many answers: the ticked ones, a group, or all matching a search."""

    SCOPES = [("selected", _("Selected answers")), ("matching", _("Every matching answer"))]

    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one theme.")},
    )
    operation = forms.ChoiceField(
        choices=[("add", _("Add")), ("remove", _("Remove"))], initial="add"
    )
    scope = forms.ChoiceField(
        choices=[*SCOPES, ("group", _("A group of answers"))], initial="selected"
    )
    selected = forms.TypedMultipleChoiceField(coerce=int, required=False)
    group = forms.CharField(max_length=4000, required=False)

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.filter(consultation=consultation)
        # Any whole number is accepted here; the service keeps only this consultation's responses.
        self.fields["selected"].valid_value = lambda value: str(value).isdigit()

    def clean(self):
        data = super().clean()
        if data.get("scope") == "selected" and not data.get("selected"):
            self.add_error("selected", _("Tick at least one answer, or code every matching one."))
        return data


class ExportForm(forms.Form):
    format = forms.ChoiceField(
        label=_("File format"),
        choices=[("csv", _("CSV")), ("xlsx", _("Excel (XLSX)"))],
        initial="csv",
        widget=forms.RadioSelect,
    )
    include_special_category = forms.BooleanField(
        label=_("Include equality-monitoring answers (special category data)"), required=False
    )
    reason = forms.CharField(
        label=_("Why does this file need them?"),
        help_text=_("Recorded in the audit log with the export."),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        data = super().clean()
        data["reason"] = " ".join(data.get("reason", "").split())
        if data.get("include_special_category") and not data["reason"]:
            self.add_error(
                "reason", _("Give the reason this file needs equality-monitoring answers.")
            )
        return data
