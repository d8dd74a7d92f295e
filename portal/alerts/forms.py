"""The alerts form: what to hear about, in which language, how often (and, signed out, where)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portal import registry
from portal.alerts.models import Frequency
from portal.text import guard_text_fields

# Shown above the button and stored, in the language shown, with each subscription.
CONSENT_TEXT = _(
    "We use your email address only to send you the alerts you choose. Every email has a link "
    "to change or stop them. When you stop, we delete your address within %(days)s days."
)


def consent_text() -> str:
    return str(CONSENT_TEXT) % {"days": settings.ALERTS_UNSUBSCRIBED_RETENTION_DAYS}


def topic_groups() -> list[tuple[str, list[registry.AlertTopic]]]:
    """Every followable topic, grouped by the app that offers it, in the active language."""
    return [
        (source.label, topics) for source in registry.alert_sources() if (topics := source.topics())
    ]


class AlertChoicesForm(forms.Form):
    topics = forms.MultipleChoiceField(
        label=_("What do you want to hear about?"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one thing to hear about"),
            "invalid_choice": _("Choose from the list"),
        },
    )
    language = forms.ChoiceField(
        label=_("Language of the emails"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the language of the emails"),
            "invalid_choice": _("Choose a language from the list"),
        },
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how often we email you"),
            "invalid_choice": _("Choose how often we email you"),
        },
    )

    def __init__(self, *args, extra_topics: list[str] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = topic_groups()
        choices = [(t.key, t.label) for _, topics in self.groups for t in topics]
        known = {key for key, _ in choices}
        # A topic followed earlier that is no longer listed (a consultation closed) stays valid.
        choices += [(key, key) for key in extra_topics if key not in known]
        self.fields["topics"].choices = choices
        guard_text_fields(self)

    def topic_rows(self):
        """The grouped checkboxes for the template: (group label, [(id, key, label, checked)]).

        The first box's id is the field's own, so the error summary's link lands on it."""
        selected = set(self["topics"].value() or [])
        rows, number = [], 0
        for label, topics in self.groups:
            boxes = []
            for topic in topics:
                box_id = self["topics"].auto_id + (f"-{number}" if number else "")
                boxes.append((box_id, topic.key, topic.label, topic.key in selected))
                number += 1
            rows.append((label, boxes))
        return rows


class SubscribeForm(AlertChoicesForm):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
            "max_length": _("Enter an email address in the correct format, like name@example.com"),
        },
    )

    field_order = ["email", "topics", "language", "frequency"]
