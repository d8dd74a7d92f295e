"""Choosing several answers: stored as the chosen values in the survey's order."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from consultations.questions.base import Column, QuestionType, required
from consultations.questions.blocks import (
    BaseQuestionBlock,
    OptionsMixin,
    allow_other_block,
    options_block,
)


class MultipleChoiceQuestionBlock(OptionsMixin, BaseQuestionBlock):
    question_type = "multiple_choice"
    options = options_block()
    allow_other = allow_other_block()
    min_choices = blocks.IntegerBlock(label=_("Fewest choices"), required=False, min_value=0)
    max_choices = blocks.IntegerBlock(label=_("Most choices"), required=False, min_value=1)

    class Meta:
        label = _("Multiple choice")
        icon = "tick-inverse"

    def clean_settings(self, value):
        errors = super().clean_settings(value)
        low, high = value.get("min_choices"), value.get("max_choices")
        count = len(self.option_values(value))
        if low is not None and high is not None and low > high:
            errors["min_choices"] = _("The fewest choices cannot be more than the most choices.")
        elif high is not None and high > count:
            errors["max_choices"] = _("There are only %(count)s options.") % {"count": count}
        elif low is not None and low > count:
            errors["min_choices"] = _("There are only %(count)s options.") % {"count": count}
        return errors

    def definition(self, value):
        return {
            **super().definition(value),
            "min_choices": value.get("min_choices"),
            "max_choices": value.get("max_choices"),
        }


class MultipleChoice(QuestionType):
    name = "multiple_choice"
    block = MultipleChoiceQuestionBlock
    count_shape = "array"

    def parse(self, form):
        chosen = form._getlist()
        form.raw["values"] = chosen
        allowed = [v for v, _label in self.options(form.question)]
        if not chosen:
            return required(form, _("Select at least one answer to “%(question)s”."))
        if any(v not in allowed for v in chosen):
            raise ValidationError(_("Select only the answers shown."))
        chosen = [v for v in allowed if v in set(chosen)]  # survey order, no repeats
        low, high = form.question.get("min_choices"), form.question.get("max_choices")
        if low and len(chosen) < low:
            raise ValidationError(_("Select %(count)s or more answers.") % {"count": low})
        if high and len(chosen) > high:
            raise ValidationError(_("Select no more than %(count)s answers.") % {"count": high})
        return chosen

    def as_raw(self, value):
        return {"values": list(value)}

    def export_columns(self, question, estates=()):
        """One column per option: 1 if chosen, 0 if not, blank if not answered."""
        qid, label = question["id"], question["label"]
        return [
            Column(
                f"{label}: {option_label}",
                lambda answers, value=value: (
                    None if qid not in answers else int(value in answers[qid])
                ),
            )
            for value, option_label in self.options(question)
        ]

    def random_answer(self, question, estates, rng):
        values = [value for value, _label in self.options(question, estates)]
        high = question.get("max_choices") or len(values)
        picked = rng.sample(values, rng.randint(question.get("min_choices") or 1, high))
        return [v for v in values if v in picked]
