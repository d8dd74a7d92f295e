"""A whole number, with an optional range; results give its statistics."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db.models import Avg, FloatField, Max, Min
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from consultations.questions.base import required
from consultations.questions.blocks import BaseQuestionBlock
from consultations.questions.text import TypedQuestion
from portal.text import ascii_digits


class NumberQuestionBlock(BaseQuestionBlock):
    question_type = "number"
    min_value = blocks.IntegerBlock(label=_("Smallest allowed"), required=False)
    max_value = blocks.IntegerBlock(label=_("Largest allowed"), required=False)
    suffix = blocks.CharBlock(
        label=_("Unit after the box"),
        required=False,
        max_length=20,
        default="",
        help_text=_("e.g. years"),
    )

    class Meta:
        label = _("Number")
        icon = "plus-inverse"

    def clean_settings(self, value):
        low, high = value.get("min_value"), value.get("max_value")
        if low is not None and high is not None and low > high:
            return {"min_value": _("The smallest allowed cannot be more than the largest.")}
        return {}

    def definition(self, value):
        return {
            **super().definition(value),
            "min": value.get("min_value"),
            "max": value.get("max_value"),
            "suffix": value.get("suffix") or "",
        }


class Number(TypedQuestion):
    name = "number"
    block = NumberQuestionBlock
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

    def aggregate(self, responses, questions):
        """The mean, lowest and highest answer of every number question, in one query."""
        aggregates = {}
        for index, question in enumerate(questions):
            value = Cast(KeyTextTransform(question["id"], "answers"), FloatField())
            aggregates |= {
                f"mean{index}": Avg(value),
                f"min{index}": Min(value),
                f"max{index}": Max(value),
            }
        row = responses.aggregate(**aggregates)
        return {
            q["id"]: {
                "mean": round(row[f"mean{i}"], 1) if row[f"mean{i}"] is not None else None,
                "min": _whole(row[f"min{i}"]),
                "max": _whole(row[f"max{i}"]),
            }
            for i, q in enumerate(questions)
        }

    def summarise(self, result, counts):
        result.stats = counts.aggregates.get(result.question["id"], {})

    def random_answer(self, question, estates, rng):
        return rng.randint(question.get("min") or 0, min(question.get("max") or 60, 60))


def _whole(value):
    return int(value) if value is not None else None
