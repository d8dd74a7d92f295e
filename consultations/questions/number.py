"""A whole number, with an optional range; results give its statistics."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from consultations import blocks
from consultations.questions.base import required
from consultations.questions.text import TypedQuestion
from portal.text import ascii_digits


class Number(TypedQuestion):
    name = "number"
    block = blocks.NumberQuestionBlock
    results_kind = "number"

    def parse(self, form):
        text = ascii_digits(form._get().strip().replace(",", ""))
        form.raw["value"] = form._get().strip()
        if not text:
            return required(form, _("Enter a number for “%(question)s”."))
        if not re.fullmatch(r"-?[0-9]{1,12}", text):
            raise ValidationError(_("Enter a whole number, like 12."))
        number = int(text)
        low, high = form.question.get("min"), form.question.get("max")
        if low is not None and high is not None and not low <= number <= high:
            raise ValidationError(
                _("Enter a number between %(min)s and %(max)s.") % {"min": low, "max": high}
            )
        if low is not None and number < low:
            raise ValidationError(_("Enter a number of %(min)s or more.") % {"min": low})
        if high is not None and number > high:
            raise ValidationError(_("Enter a number of %(max)s or less.") % {"max": high})
        return number

    def random_answer(self, question, estates, rng):
        return rng.randint(question.get("min") or 0, min(question.get("max") or 60, 60))
