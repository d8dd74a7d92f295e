"""The search form: a query, and filters that arrive as GET parameters from links or the form."""

import datetime

from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

from portal.text import clean_typed_text
from search.models import Kind
from search.selectors import SearchFilters, Sort
from search.text import parse_query

MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    """Every field is optional; bad values get a message by their field, never an error page."""

    q = forms.CharField(required=False, strip=True)
    type = forms.MultipleChoiceField(required=False, choices=Kind.choices)
    topic = forms.CharField(required=False, max_length=100)
    estate = forms.CharField(required=False, max_length=100)
    date_from = forms.DateField(required=False, input_formats=["%Y-%m-%d"])
    date_to = forms.DateField(required=False, input_formats=["%Y-%m-%d"])
    sort = forms.ChoiceField(
        required=False,
        choices=[(Sort.RELEVANCE, _("Most relevant")), (Sort.NEWEST, _("Newest"))],
    )

    def __init__(self, data, **kwargs):
        super().__init__(data, **kwargs)
        # Control characters get this form's own message (``clean_q``), not Django's.
        for name in ("q", "topic", "estate"):
            self.fields[name].validators = [
                validator
                for validator in self.fields[name].validators
                if not isinstance(validator, ProhibitNullCharactersValidator)
            ]
        self.fields["date_from"].error_messages["invalid"] = _(
            "Enter a real date, for example 2026-03-31."
        )
        self.fields["date_to"].error_messages["invalid"] = _(
            "Enter a real date, for example 2026-03-31."
        )
        self.fields["type"].error_messages["invalid_choice"] = _("Choose types from the list.")
        self.fields["sort"].error_messages["invalid_choice"] = _(
            "Choose how to sort from the list."
        )
        for name in ("topic", "estate"):
            self.fields[name].error_messages["max_length"] = _("Choose from the list.")

    def clean_q(self):
        query, removed = clean_typed_text(self.cleaned_data["q"])
        if removed:
            raise forms.ValidationError(
                _("Enter words and numbers only, without control characters.")
            )
        if len(query) > MAX_QUERY_LENGTH:
            raise forms.ValidationError(
                _("Enter %(count)s characters or fewer.") % {"count": MAX_QUERY_LENGTH}
            )
        if "q" in self.data and not query:
            raise forms.ValidationError(_("Enter a word or phrase to search for."))
        if query and not parse_query(query):
            raise forms.ValidationError(_("Enter at least one word or number to search for."))
        return query

    def _clean_choice_text(self, name):
        value, removed = clean_typed_text(self.cleaned_data[name])
        if removed:
            raise forms.ValidationError(_("Choose from the list."))
        return value

    def clean_topic(self):
        return self._clean_choice_text("topic")

    def clean_estate(self):
        return self._clean_choice_text("estate")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error(
                "date_to", _("The end date must be the same as or after the start date.")
            )
        for name in ("date_from", "date_to"):
            value = cleaned.get(name)
            if value and not datetime.date(1900, 1, 1) <= value <= datetime.date(2200, 12, 31):
                self.add_error(name, _("Enter a date between 1900 and 2200."))
        return cleaned

    def filters(self) -> SearchFilters:
        data = self.cleaned_data
        return SearchFilters(
            kinds=data.get("type") or [],
            topic=data.get("topic") or "",
            estate=data.get("estate") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            sort=data.get("sort") or Sort.RELEVANCE,
        )
