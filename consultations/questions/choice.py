"""Choosing one answer from a list: radios, a dropdown, yes/no, agreement, rating, estate."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from consultations import blocks
from consultations.blocks import (
    AGREEMENT_VALUES,
    ESTATE_NOT_LISTED,
    PREFER_NOT_TO_SAY,
    YES_NO_VALUES,
)
from consultations.questions.base import (
    FIXED_LABELS,
    MISSING,
    Column,
    QuestionType,
    label_of,
    required,
)


class SingleChoice(QuestionType):
    """One value from ``options``, stored as its text value."""

    name = "single_choice"
    block = blocks.SingleChoiceQuestionBlock
    inline = False  # radios side by side (short scales)

    def parse(self, form):
        value = form._get()
        form.raw["value"] = value
        if not value:
            return required(form, _("Select an answer to “%(question)s”."))
        if value not in dict(self.options(form.question, form.estates)):
            raise ValidationError(_("Select one of the answers shown."))
        return value

    def export_columns(self, question, estates=()):
        qid = question["id"]
        labels = {value: str(text) for value, text in self.options(question, estates)}
        return [Column(question["label"], lambda answers: label_of(labels, answers.get(qid)))]

    def random_answer(self, question, estates, rng):
        return rng.choice([value for value, _label in self.options(question, estates)])


class Dropdown(SingleChoice):
    name = "dropdown"
    block = blocks.DropdownQuestionBlock
    anchor_on_name = True


class YesNo(SingleChoice):
    name = "yes_no"
    block = blocks.YesNoQuestionBlock
    inline = True

    def options(self, question, estates=()):
        values = YES_NO_VALUES if question.get("include_dont_know") else YES_NO_VALUES[:2]
        return [(v, FIXED_LABELS[v]) for v in values]


class Agreement(SingleChoice):
    name = "agreement"
    block = blocks.AgreementQuestionBlock

    def options(self, question, estates=()):
        return [(v, FIXED_LABELS[v]) for v in AGREEMENT_VALUES]


class Equality(SingleChoice):
    """Equality monitoring: always optional, always with "Prefer not to say"."""

    name = "equality"
    block = blocks.EqualityQuestionBlock
    special_category = True

    def options(self, question, estates=()):
        pairs = super().options(question, estates)
        return [*pairs, (PREFER_NOT_TO_SAY, FIXED_LABELS[PREFER_NOT_TO_SAY])]


class Rating(SingleChoice):
    """A number on a short scale, stored as an integer; exported as the number."""

    name = "rating"
    block = blocks.RatingQuestionBlock
    inline = True

    def options(self, question, estates=()):
        return [(str(n), str(n)) for n in range(question["min"], question["max"] + 1)]

    def parse(self, form):
        value = super().parse(form)
        return value if value is MISSING else int(value)

    def export_columns(self, question, estates=()):
        return QuestionType.export_columns(self, question, estates)

    def random_answer(self, question, estates, rng):
        return int(super().random_answer(question, estates, rng))


class Estate(SingleChoice):
    """One of the council's estates (stored as its id) or "not listed"."""

    name = "estate"
    block = blocks.EstateQuestionBlock
    chooses_estate = True

    def options(self, question, estates=()):
        return [(str(e.pk), e.name) for e in estates] + [
            (ESTATE_NOT_LISTED, FIXED_LABELS[ESTATE_NOT_LISTED])
        ]

    def parse(self, form):
        value = super().parse(form)
        if value is MISSING or value == ESTATE_NOT_LISTED:
            return value
        return int(value)

    def random_answer(self, question, estates, rng):
        choice = super().random_answer(question, estates, rng)
        return choice if choice == ESTATE_NOT_LISTED else int(choice)
