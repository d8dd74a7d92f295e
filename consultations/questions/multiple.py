"""Choosing several answers: stored as the chosen values in the survey's order."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from consultations import blocks
from consultations.questions.base import Column, QuestionType, required


class MultipleChoice(QuestionType):
    name = "multiple_choice"
    block = blocks.MultipleChoiceQuestionBlock
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
