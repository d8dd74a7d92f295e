"""A date as day, month and year inputs, stored as an ISO date."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from consultations.questions.base import required
from consultations.questions.blocks import BaseQuestionBlock
from consultations.questions.text import TypedQuestion
from portal.text import ascii_digits, is_ascii_number

PARTS = (("day", _("Day")), ("month", _("Month")), ("year", _("Year")))


class DateQuestionBlock(BaseQuestionBlock):
    question_type = "date"
    when = blocks.ChoiceBlock(
        label=_("Allowed dates"),
        choices=[
            ("any", _("Any date")),
            ("past", _("Today or earlier")),
            ("future", _("Today or later")),
        ],
        default="any",
    )

    class Meta:
        label = _("Date")
        icon = "date"

    def definition(self, value):
        return {**super().definition(value), "when": value.get("when") or "any"}


class Date(TypedQuestion):
    name = "date"
    block = DateQuestionBlock
    anchor_on_name = False

    def parse(self, form):
        parts = {part: form._get(f"-{part}").strip() for part, _label in PARTS}
        form.raw.update(parts)
        if not any(parts.values()):
            return required(form, _("Enter a date for “%(question)s”."))
        parts = {part: ascii_digits(text) for part, text in parts.items()}
        try:
            if not all(is_ascii_number(p) for p in parts.values()) or len(parts["year"]) != 4:
                raise ValueError
            date = datetime.date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
        except ValueError:
            raise ValidationError(_("Enter a real date, like 27 3 2024.")) from None
        today = timezone.localdate()
        when = form.question.get("when")
        if when == "past" and date > today:
            raise ValidationError(_("The date must be today or in the past."))
        if when == "future" and date < today:
            raise ValidationError(_("The date must be today or in the future."))
        return date.isoformat()

    def as_raw(self, value):
        year, month, day = value.split("-")
        return {"day": str(int(day)), "month": str(int(month)), "year": year}

    def field_anchor(self, form, estates=()):
        return f"{form.name}-day"

    def widget_context(self, form, shown, estates=()):
        return {"date": [(part, label, shown.get(part, "")) for part, label in PARTS]}

    def display(self, question, answers, estates=()):
        return [datetime.date.fromisoformat(answers[question["id"]]).strftime("%d/%m/%Y")]

    def random_answer(self, question, estates, rng):
        days = rng.randint(30, 365 * 30)
        return (timezone.localdate() - datetime.timedelta(days=days)).isoformat()
