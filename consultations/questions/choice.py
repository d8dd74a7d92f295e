"""Choosing one answer from a list: radios, a dropdown, yes/no, agreement, rating, estate."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from consultations.questions.base import (
    FIXED_LABELS,
    MISSING,
    Column,
    QuestionType,
    label_of,
    required,
)
from consultations.questions.blocks import (
    ESTATE_NOT_LISTED,
    PREFER_NOT_TO_SAY,
    BaseQuestionBlock,
    OptionsMixin,
    allow_other_block,
    options_block,
)

YES_NO_VALUES = ["yes", "no", "dont_know"]
AGREEMENT_VALUES = ["strongly_agree", "agree", "neither", "disagree", "strongly_disagree"]


class SingleChoiceQuestionBlock(OptionsMixin, BaseQuestionBlock):
    question_type = "single_choice"
    options = options_block()
    allow_other = allow_other_block()

    class Meta:
        label = _("Single choice")
        icon = "radio-full"


class DropdownQuestionBlock(OptionsMixin, BaseQuestionBlock):
    question_type = "dropdown"
    options = options_block()

    class Meta:
        label = _("Dropdown")
        icon = "arrow-down"


class YesNoQuestionBlock(BaseQuestionBlock):
    question_type = "yes_no"
    choice_based = True
    include_dont_know = blocks.BooleanBlock(
        label=_("Offer “Don’t know”"), required=False, default=True
    )

    class Meta:
        label = _("Yes / no / don’t know")
        icon = "tick"

    def option_values(self, value):
        return YES_NO_VALUES if value.get("include_dont_know") else YES_NO_VALUES[:2]

    def definition(self, value):
        return {
            **super().definition(value),
            "include_dont_know": bool(value.get("include_dont_know")),
        }


class AgreementQuestionBlock(BaseQuestionBlock):
    """A five-point agreement scale (strongly agree … strongly disagree)."""

    question_type = "agreement"
    choice_based = True

    class Meta:
        label = _("Agreement scale")
        icon = "list-ol"

    def option_values(self, value):
        return list(AGREEMENT_VALUES)


class RatingQuestionBlock(BaseQuestionBlock):
    question_type = "rating"
    choice_based = True
    scale = blocks.ChoiceBlock(
        label=_("Scale"),
        choices=[("1-5", _("1 to 5")), ("0-10", _("0 to 10"))],
        default="1-5",
    )
    low_label = blocks.CharBlock(
        label=_("Label for the lowest score"), required=False, max_length=80, default=""
    )
    high_label = blocks.CharBlock(
        label=_("Label for the highest score"), required=False, max_length=80, default=""
    )

    class Meta:
        label = _("Rating")
        icon = "pick"

    def option_values(self, value):
        low, high = (0, 10) if value.get("scale") == "0-10" else (1, 5)
        return [str(n) for n in range(low, high + 1)]

    def definition(self, value):
        low, high = (0, 10) if value.get("scale") == "0-10" else (1, 5)
        return {
            **super().definition(value),
            "min": low,
            "max": high,
            "low_label": value.get("low_label") or "",
            "high_label": value.get("high_label") or "",
        }


class EstateQuestionBlock(BaseQuestionBlock):
    """Which estate the respondent lives on (the shared ``news.Estate`` snippet)."""

    question_type = "estate"

    class Meta:
        label = _("Estate")
        icon = "home"


EQUALITY_CATEGORIES = [
    ("age", _("Age")),
    ("sex", _("Sex")),
    ("gender_identity", _("Gender identity")),
    ("ethnicity", _("Ethnic group")),
    ("disability", _("Disability")),
    ("religion", _("Religion or belief")),
    ("sexual_orientation", _("Sexual orientation")),
    ("language", _("Main language")),
    ("other", _("Other")),
]


class EqualityQuestionBlock(OptionsMixin, BaseQuestionBlock):
    """Equality monitoring: always optional, always offers "Prefer not to say"."""

    question_type = "equality"
    category = blocks.ChoiceBlock(label=_("Category"), choices=EQUALITY_CATEGORIES)
    options = options_block()
    allow_other = allow_other_block()

    class Meta:
        label = _("Equality monitoring")
        icon = "group"

    def clean(self, value):
        value = super().clean(value)
        value["required"] = False
        return value

    def clean_settings(self, value):
        errors = super().clean_settings(value)
        if PREFER_NOT_TO_SAY in {option["value"] for option in value.get("options") or []}:
            errors["options"] = _("“Prefer not to say” is added for you; remove that option.")
        return errors

    def option_values(self, value):
        return [*super().option_values(value), PREFER_NOT_TO_SAY]

    def definition(self, value):
        return {**super().definition(value), "required": False, "category": value.get("category")}


class SingleChoice(QuestionType):
    """One value from ``options``, stored as its text value."""

    name = "single_choice"
    block = SingleChoiceQuestionBlock
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
    block = DropdownQuestionBlock
    anchor_on_name = True


class YesNo(SingleChoice):
    name = "yes_no"
    block = YesNoQuestionBlock
    inline = True

    def options(self, question, estates=()):
        values = YES_NO_VALUES if question.get("include_dont_know") else YES_NO_VALUES[:2]
        return [(v, FIXED_LABELS[v]) for v in values]


class Agreement(SingleChoice):
    name = "agreement"
    block = AgreementQuestionBlock

    def options(self, question, estates=()):
        return [(v, FIXED_LABELS[v]) for v in AGREEMENT_VALUES]


class Equality(SingleChoice):
    """Equality monitoring: always optional, always with "Prefer not to say"."""

    name = "equality"
    block = EqualityQuestionBlock
    special_category = True

    def options(self, question, estates=()):
        pairs = super().options(question, estates)
        return [*pairs, (PREFER_NOT_TO_SAY, FIXED_LABELS[PREFER_NOT_TO_SAY])]


class Rating(SingleChoice):
    """A number on a short scale, stored as an integer; exported as the number."""

    name = "rating"
    block = RatingQuestionBlock
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
    block = EstateQuestionBlock
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
