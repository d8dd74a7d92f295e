"""Forms residents fill in: the events filter and the RSVP form."""

import uuid
from datetime import date, timedelta

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from news.models import Estate
from news.models.events import MAX_PLACES_PER_RSVP
from news.models.mixins import london_today
from portal.text import guard_text_fields

UPCOMING = "upcoming"
PAST = "past"


def _month_choices(today: date, months_each_way: int = 12) -> list[tuple[str, str]]:
    first = today.replace(day=1)
    months = []
    cursor = first
    for _i in range(months_each_way):
        cursor = (cursor - timedelta(days=1)).replace(day=1)
    for _i in range(2 * months_each_way + 1):
        months.append(cursor)
        cursor = (cursor + timedelta(days=32)).replace(day=1)
    return [("", _("Any month"))] + [
        (m.strftime("%Y-%m"), formats.date_format(m, "YEAR_MONTH_FORMAT")) for m in months
    ]


class EventFilterForm(forms.Form):
    """Filters on the events index. Invalid values are reported and that filter is ignored."""

    when = forms.ChoiceField(
        label=_("Show"),
        choices=[(UPCOMING, _("Upcoming events")), (PAST, _("Past events"))],
        required=False,
    )
    estate = forms.ModelChoiceField(
        label=_("Estate"),
        queryset=Estate.objects.order_by("name"),
        required=False,
        empty_label=_("All estates"),
        error_messages={"invalid_choice": _("Choose an estate from the list.")},
    )
    month = forms.ChoiceField(
        label=_("Month"),
        required=False,
        error_messages={"invalid_choice": _("Choose a month from the list.")},
    )

    def __init__(self, *args, today: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["month"].choices = _month_choices(today or london_today())
        self.fields["when"].error_messages["invalid_choice"] = _("Choose upcoming or past events.")

    def cleaned_filters(self) -> dict:
        """The valid filters as keyword arguments for ``news.selectors.filtered_events``."""
        if not self.is_bound:
            return {"past": False, "estate": None, "month": None}
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        month = data.get("month") or ""
        return {
            "past": data.get("when") == PAST,
            "estate": data.get("estate"),
            "month": date.fromisoformat(f"{month}-01") if month else None,
        }


class RSVPForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        error_messages={
            "required": _("Enter your name."),
            "max_length": _("Your name must be 100 characters or fewer."),
        },
    )
    email = forms.EmailField(
        label=_("Email address (optional)"),
        help_text=_("Only if you want an email to confirm your place and to hear of any changes."),
        required=False,
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com.")
        },
    )
    places = forms.IntegerField(
        label=_("How many people are coming, including you?"),
        initial=1,
        error_messages={
            "required": _("Enter how many people are coming."),
            "invalid": _("Enter a whole number, like 2."),
        },
    )
    access_needs = forms.CharField(
        label=_("Access needs (optional)"),
        help_text=_("For example an interpreter, step-free access or a hearing loop."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
        required=False,
        error_messages={"max_length": _("Access needs must be 500 characters or fewer.")},
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        guard_text_fields(self)
        if not self.is_bound:
            self.initial["submission_key"] = uuid.uuid4()

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Enter your name."))
        return name

    def clean_places(self):
        places = self.cleaned_data["places"]
        if places < 1:
            raise forms.ValidationError(_("Enter at least 1."))
        if places > MAX_PLACES_PER_RSVP:
            raise forms.ValidationError(
                ngettext_lazy(
                    "You can reply for up to %(count)s person. For a bigger group, contact us.",
                    "You can reply for up to %(count)s people. For a bigger group, contact us.",
                    "count",
                )
                % {"count": MAX_PLACES_PER_RSVP}
            )
        return places

    def clean_submission_key(self):
        return self.cleaned_data.get("submission_key") or uuid.uuid4()
