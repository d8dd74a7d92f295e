"""The two filters every template uses to show a date or a number to people.

``display_date`` and ``display_number`` follow the active language's conventions (Django's
locale formats; English from ``portal.formats.en``, in GOV.UK style). Machine-readable values
(``<time datetime>``, iCal, feeds, form values, CSV) must not go through them.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django import template
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

register = template.Library()


def govuk_time(value: datetime.time | datetime.datetime) -> str:
    """GOV.UK style: "6pm", "6:30pm", "midday", "midnight"."""
    if value.hour == 12 and value.minute == 0:
        return _("midday")
    if value.hour == 0 and value.minute == 0:
        return _("midnight")
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}:{value.minute:02d}{suffix}" if value.minute else f"{hour}{suffix}"


@register.filter
def display_date(value, with_time=None):
    """A date, or a date and time: "31 December 2026" or "31 December 2026, 6pm".

    Pass ``"time"`` to show a datetime's time, ``"time only"`` for the time alone; aware
    datetimes are shown in the site's time zone. Empty values give "".
    """
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    english = (translation.get_language() or "en").split("-")[0] == "en"
    if with_time == "time only":
        return govuk_time(value) if english else formats.time_format(value)
    day = formats.date_format(value, "DATE_FORMAT")
    if with_time == "time" and isinstance(value, datetime.datetime):
        time = govuk_time(value) if english else formats.time_format(value)
        return f"{day}, {time}"
    return day


@register.filter
def display_number(value, style=None):
    """A number grouped and with the locale's decimal mark: "3,932", "2.5"; ``"%"``: "86%".

    Up to two decimal places, trailing zeros dropped. Values that are not numbers are shown
    as they are.
    """
    if value in (None, ""):
        return ""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return value
    number = number.quantize(Decimal("0.01")).normalize()
    if number == number.to_integral():
        number = number.quantize(Decimal(1))
    shown = formats.number_format(number, use_l10n=True, force_grouping=True)
    if style == "%":
        return _("%(number)s%%") % {"number": shown}
    return shown
