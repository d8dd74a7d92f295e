"""Consultation snippets for any template: status tag with time left, opening/closing dates."""

from django import template
from django.template.defaultfilters import date as date_filter
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from consultations.models import Status

register = template.Library()


def time_left_text(delta) -> str:
    if delta is None:
        return ""
    days = delta.days
    if days >= 1:
        return ngettext("%(count)s day left", "%(count)s days left", days) % {"count": days}
    hours = max(1, delta.seconds // 3600)
    return ngettext("%(count)s hour left", "%(count)s hours left", hours) % {"count": hours}


@register.simple_tag
def consultation_status(page):
    now = timezone.now()
    status = page.status_at(now)
    delta = page.closes_at - now if status == Status.OPEN else None
    return render_to_string(
        "components/consultations/status_tag.html",
        {"status": status.value, "label": status.label, "time_left": time_left_text(delta)},
    )


@register.simple_tag
def consultation_dates(page):
    opens = timezone.localtime(page.opens_at)
    closes = timezone.localtime(page.closes_at)
    return format_html(
        '{} <time datetime="{}">{}</time>. {} <time datetime="{}">{}</time>.',
        _("Opens"),
        opens.isoformat(),
        date_filter(opens, "j F Y, H:i"),
        _("Closes"),
        closes.isoformat(),
        date_filter(closes, "j F Y, H:i"),
    )
