"""Survey builder blocks: sections holding typed question blocks with stable ids.

Contract (read by ``consultations.survey`` and by the staff tools):

* Every question and section has an id (``question_id`` / ``section_id``): a slug generated once
  in ``clean()`` if the editor leaves it blank, kept across edits, and never translated
  (``IdentifierBlock`` tells wagtail-localize it has no translatable segments). Answers are
  stored against these ids, so results combine across languages and survey versions.
* Options have a translatable ``label`` and a machine ``value`` (an ``IdentifierBlock``): only
  labels are translated; answers store values.
* A condition ("only show when …") names an earlier question's id (or ``responding-as``, the
  "responding as" step) and one or more of its option values; the question or section is shown
  when the earlier answer matches any of them.
* ``definition(value)`` on each question block returns the plain-JSON description stored in
  ``SurveySnapshot.definition`` (see ``consultations.models.responses`` for the answer format).
* ``SurveyStreamBlock.clean()`` gives duplicated blocks ids of their own and refuses surveys
  residents could not answer: conditions pointing at later or unknown questions or unknown
  options, min above max, too few options.
"""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

BLOCK_TEMPLATES = "components/consultations/blocks"

IDENTIFIER_RE = r"^[a-z0-9][a-z0-9_-]{0,49}$"
identifier_validator = RegexValidator(
    IDENTIFIER_RE,
    _("Use lower-case letters, numbers, hyphens and underscores only (at most 50)."),
)
identifier_list_validator = RegexValidator(
    r"^\s*[a-z0-9][a-z0-9_-]*(\s*,\s*[a-z0-9][a-z0-9_-]*)*\s*$",
    _("Enter option values separated by commas, for example: yes, dont_know"),
)

# Answer values shared by several question types (never translated; labels come from
# ``consultations.survey``).
YES_NO_VALUES = ["yes", "no", "dont_know"]
AGREEMENT_VALUES = ["strongly_agree", "agree", "neither", "disagree", "strongly_disagree"]
PREFER_NOT_TO_SAY = "prefer_not_to_say"
OTHER_VALUE = "other"
ESTATE_NOT_LISTED = "not_listed"
# A condition may name the "responding as" step (asked before every section) as if it were a
# question whose option values are ``RespondentType`` values, so a survey need not ask a tenant
# whether they live in a council home. On a consultation that does not ask it, such a condition
# is never met. Generated question ids (``q-<hex>``) cannot take this id.
RESPONDING_AS = "responding-as"


def new_identifier(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


class IdentifierBlock(blocks.CharBlock):
    """A machine identifier: validated as a slug and never offered for translation.

    ``read_only`` ids are shown but cannot be typed in: ``clean()`` of the block holding them
    fills them in on the first save, and ``SurveyStreamBlock.clean()`` gives a copied block
    (Wagtail's "Duplicate") an id of its own.
    """

    def __init__(
        self, required=False, validators=(identifier_validator,), read_only=False, **kwargs
    ):
        super().__init__(required=required, max_length=50, validators=validators, **kwargs)
        if read_only:
            widget = forms.TextInput(attrs={"readonly": True, "class": "survey-identifier"})
            widget.attrs.update(self.field.widget_attrs(widget))
            self.field.widget = widget

    # wagtail-localize: nothing to translate, and keep the source value in translations.
    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value

    class Meta:
        icon = "code"


class IdentifierListBlock(IdentifierBlock):
    def __init__(self, **kwargs):
        super().__init__(validators=(identifier_list_validator,), **kwargs)


def split_values(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


class ConditionBlock(blocks.StructBlock):
    question_id = IdentifierBlock(
        label=_("Only show when the answer to question (id)"),
        help_text=_("The id of an earlier question. Leave blank to always show."),
    )
    values = IdentifierListBlock(
        label=_("is one of (option values)"),
        help_text=_("Option values separated by commas, for example: yes, dont_know"),
    )

    class Meta:
        icon = "help"
        label = _("Condition")
        collapsed = True

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("question_id")) != bool(split_values(value.get("values"))):
            raise StructBlockValidationError(
                block_errors={
                    "values": ValidationError(
                        _("Enter both the question id and the values, or neither.")
                    )
                }
            )
        return value


def condition_definition(value) -> dict | None:
    if not value or not value.get("question_id"):
        return None
    return {"question": value["question_id"], "values": split_values(value.get("values"))}


class OptionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"), max_length=200)
    value = IdentifierBlock(
        label=_("Value"),
        help_text=_("Stored with answers. Filled in from the label if blank; do not change it."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Option")


class BaseQuestionBlock(blocks.StructBlock):
    """Fields every question has. Subclasses set ``question_type`` and extend ``definition``."""

    question_type = ""
    choice_based = False  # answers are option values, so conditions may point at it

    question = blocks.CharBlock(label=_("Question"), max_length=250)
    hint = blocks.TextBlock(label=_("Hint"), required=False, max_length=500, default="")
    required = blocks.BooleanBlock(label=_("Required"), required=False, default=True)
    question_id = IdentifierBlock(
        label=_("Question id"),
        read_only=True,
        help_text=_(
            "Set when you save and never changed: answers are stored against it. Copy it into "
            "a later question’s condition to show that question only after certain answers."
        ),
    )
    condition = ConditionBlock(required=False)

    class Meta:
        icon = "help"
        template = f"{BLOCK_TEMPLATES}/question_block.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("question_id"):
            value["question_id"] = new_identifier("q")
        errors = self.clean_settings(value)
        if errors:
            raise StructBlockValidationError(
                block_errors={name: ValidationError(message) for name, message in errors.items()}
            )
        return value

    def clean_settings(self, value) -> dict:
        """Cross-field rules of one question type: ``{field name: message}``."""
        return {}

    def option_values(self, value) -> list[str]:
        return []

    def definition(self, value) -> dict:
        return {
            "id": value["question_id"],
            "type": self.question_type,
            "label": value["question"],
            "hint": value.get("hint") or "",
            "required": bool(value.get("required")),
            "condition": condition_definition(value.get("condition")),
        }


class OptionsMixin:
    """Questions with editor-defined options: values filled in from labels and kept unique."""

    choice_based = True
    min_options = 2

    def clean_options(self, value, field="options") -> dict:
        options = value.get(field) or []
        seen = set()
        for index, option in enumerate(options, start=1):
            if not option.get("value"):
                option["value"] = slugify(option.get("label") or "")[:40] or f"option-{index}"
            base, suffix = option["value"], 2
            while option["value"] in seen:
                option["value"] = f"{base[:45]}-{suffix}"
                suffix += 1
            seen.add(option["value"])
        if len(options) < self.min_options:
            return {field: _("Add at least %(count)s options.") % {"count": self.min_options}}
        if OTHER_VALUE in seen and value.get("allow_other"):
            return {field: _("The value “other” is kept for “Other (please specify)”.")}
        return {}

    def clean_settings(self, value):
        return self.clean_options(value)

    def option_values(self, value):
        values = [option["value"] for option in value.get("options") or []]
        if value.get("allow_other"):
            values.append(OTHER_VALUE)
        return values

    def option_definitions(self, value, field="options"):
        return [
            {"value": option["value"], "label": option["label"]}
            for option in value.get(field) or []
        ]

    def definition(self, value):
        return {
            **super().definition(value),
            "options": self.option_definitions(value),
            "allow_other": bool(value.get("allow_other")),
        }


def options_block():
    return blocks.ListBlock(OptionBlock(), label=_("Options"), min_num=1)


def allow_other_block():
    return blocks.BooleanBlock(
        label=_("Offer “Other (please specify)”"), required=False, default=False
    )


class ShortTextQuestionBlock(BaseQuestionBlock):
    question_type = "short_text"
    max_length = blocks.IntegerBlock(
        label=_("Character limit"), default=200, min_value=1, max_value=500
    )

    class Meta:
        label = _("Short text")
        icon = "pilcrow"

    def definition(self, value):
        return {**super().definition(value), "max_length": value.get("max_length") or 200}


class LongTextQuestionBlock(BaseQuestionBlock):
    question_type = "long_text"
    max_length = blocks.IntegerBlock(
        label=_("Character limit"), default=1500, min_value=10, max_value=10000
    )

    class Meta:
        label = _("Long text")
        icon = "doc-full"

    def definition(self, value):
        return {**super().definition(value), "max_length": value.get("max_length") or 1500}


class SingleChoiceQuestionBlock(OptionsMixin, BaseQuestionBlock):
    question_type = "single_choice"
    options = options_block()
    allow_other = allow_other_block()

    class Meta:
        label = _("Single choice")
        icon = "radio-full"


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


class RankingQuestionBlock(OptionsMixin, BaseQuestionBlock):
    question_type = "ranking"
    choice_based = False  # an order, not a choice: conditions cannot point at it
    options = options_block()
    rank_count = blocks.IntegerBlock(
        label=_("How many to rank"),
        required=False,
        min_value=1,
        help_text=_("Leave blank to rank every option."),
    )

    class Meta:
        label = _("Ranking of priorities")
        icon = "order"

    def clean_settings(self, value):
        errors = super().clean_settings(value)
        count = len(value.get("options") or [])
        if value.get("rank_count") and value["rank_count"] > count:
            errors["rank_count"] = _("There are only %(count)s options.") % {"count": count}
        return errors

    def definition(self, value):
        count = len(value.get("options") or [])
        return {**super().definition(value), "rank_count": value.get("rank_count") or count}


class MatrixQuestionBlock(OptionsMixin, BaseQuestionBlock):
    question_type = "matrix"
    choice_based = False
    min_options = 1
    rows = blocks.ListBlock(OptionBlock(), label=_("Rows (statements)"), min_num=1)
    columns = blocks.ListBlock(OptionBlock(), label=_("Columns (scale)"), min_num=2)

    class Meta:
        label = _("Matrix (rows × scale)")
        icon = "table"

    def clean_settings(self, value):
        errors = self.clean_options(value, field="rows")
        self.min_options = 2
        errors.update(self.clean_options(value, field="columns"))
        self.min_options = 1
        return errors

    def option_values(self, value):
        return [option["value"] for option in value.get("columns") or []]

    def definition(self, value):
        return {
            **BaseQuestionBlock.definition(self, value),
            "rows": self.option_definitions(value, "rows"),
            "columns": self.option_definitions(value, "columns"),
        }


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


class EmailQuestionBlock(BaseQuestionBlock):
    question_type = "email"

    class Meta:
        label = _("Email address")
        icon = "mail"


class PostcodeQuestionBlock(BaseQuestionBlock):
    question_type = "postcode"

    class Meta:
        label = _("UK postcode")
        icon = "site"


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


class ConsentQuestionBlock(BaseQuestionBlock):
    """Agreement to the privacy notice; when required, the box must be ticked."""

    question_type = "consent"
    statement = blocks.CharBlock(
        label=_("Statement next to the box"),
        max_length=250,
        default="I have read the privacy notice and agree to my answers being used as described.",
    )
    privacy_page = blocks.PageChooserBlock(label=_("Privacy notice page"), required=False)

    class Meta:
        label = _("Consent to the privacy notice")
        icon = "lock"

    def definition(self, value):
        page = value.get("privacy_page")
        return {
            **super().definition(value),
            "statement": value.get("statement") or "",
            "privacy_page": page.pk if page else None,
        }


class BudgetOptionBlock(OptionBlock):
    minimum = blocks.IntegerBlock(label=_("Least amount"), required=False, min_value=0)
    maximum = blocks.IntegerBlock(label=_("Most amount"), required=False, min_value=0)

    class Meta:
        icon = "radio-full"
        label = _("Option")


BUDGET_UNITS = [("money", _("Money (whole pounds)")), ("points", _("Points"))]


class BudgetQuestionBlock(OptionsMixin, BaseQuestionBlock):
    """A fixed total (money or points) that residents share out between the options."""

    question_type = "budget"
    choice_based = False  # amounts, not a choice: conditions cannot point at it
    total = blocks.IntegerBlock(label=_("Total to share out"), min_value=1, max_value=10**9)
    unit = blocks.ChoiceBlock(label=_("Unit"), choices=BUDGET_UNITS, default="money")
    options = blocks.ListBlock(BudgetOptionBlock(), label=_("Options"), min_num=1)

    class Meta:
        label = _("Share out a budget")
        icon = "table"

    def clean_settings(self, value):
        errors = self.clean_options(value)
        if errors:
            return errors
        total = value.get("total") or 0
        options = value.get("options") or []
        least = sum(o.get("minimum") or 0 for o in options)
        most = sum(total if o.get("maximum") is None else o["maximum"] for o in options)
        for option in options:
            low, high = option.get("minimum"), option.get("maximum")
            if low is not None and high is not None and low > high:
                return {"options": _("An option’s least amount cannot be more than its most.")}
        if least > total:
            return {"options": _("The least amounts add up to more than the total.")}
        if most < total:
            return {"options": _("The most amounts add up to less than the total.")}
        return {}

    def option_values(self, value):
        return []

    def definition(self, value):
        return {
            **BaseQuestionBlock.definition(self, value),
            "total": value.get("total") or 0,
            "unit": value.get("unit") or "money",
            "options": [
                {
                    "value": option["value"],
                    "label": option["label"],
                    "min": option.get("minimum"),
                    "max": option.get("maximum"),
                }
                for option in value.get("options") or []
            ],
        }


class QuestionStreamBlock(blocks.StreamBlock):
    short_text = ShortTextQuestionBlock()
    long_text = LongTextQuestionBlock()
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    dropdown = DropdownQuestionBlock()
    yes_no = YesNoQuestionBlock()
    agreement = AgreementQuestionBlock()
    rating = RatingQuestionBlock()
    ranking = RankingQuestionBlock()
    matrix = MatrixQuestionBlock()
    number = NumberQuestionBlock()
    date = DateQuestionBlock()
    email = EmailQuestionBlock()
    postcode = PostcodeQuestionBlock()
    estate = EstateQuestionBlock()
    equality = EqualityQuestionBlock()
    consent = ConsentQuestionBlock()
    budget = BudgetQuestionBlock()

    class Meta:
        icon = "help"
        label = _("Questions")


class SectionBlock(blocks.StructBlock):
    """One page of the survey (GOV.UK "one thing per page" when it holds one question)."""

    title = blocks.CharBlock(label=_("Section title"), max_length=150)
    description = blocks.TextBlock(
        label=_("Introduction"), required=False, max_length=1000, default=""
    )
    section_id = IdentifierBlock(
        label=_("Section id"),
        read_only=True,
        help_text=_("Set when you save and never changed."),
    )
    condition = ConditionBlock(required=False)
    questions = QuestionStreamBlock(min_num=1)

    class Meta:
        icon = "folder-open-inverse"
        label = _("Section")
        template = f"{BLOCK_TEMPLATES}/section_block.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("section_id"):
            value["section_id"] = new_identifier("s")
        return value


class SurveyStreamBlock(blocks.StreamBlock):
    section = SectionBlock()

    class Meta:
        icon = "form"
        label = _("Survey")

    def clean(self, value):
        value = super().clean(value)
        give_copies_their_own_ids(value)
        errors = survey_errors(value)
        if errors:
            raise StreamBlockValidationError(
                block_errors={
                    section_index: StructBlockValidationError(block_errors=section_errors)
                    for section_index, section_errors in errors.items()
                }
            )
        return value


def give_copies_their_own_ids(stream_value) -> None:
    """A section or question whose id is already used earlier gets a new one.

    Ids cannot be typed in the admin, so a repeated id means a block was duplicated: the copy
    (the later one) is the new block, and the earlier one keeps the id its answers are stored
    against.
    """
    section_ids: set[str] = set()
    question_ids: set[str] = set()
    for section in stream_value:
        if section.value["section_id"] in section_ids:
            section.value["section_id"] = new_identifier("s")
        section_ids.add(section.value["section_id"])
        for child in section.value["questions"]:
            if child.value["question_id"] in question_ids:
                child.value["question_id"] = new_identifier("q")
            question_ids.add(child.value["question_id"])


def survey_errors(stream_value) -> dict:
    """Whole-survey rules as ``{section index: {field: error}}`` (empty when valid)."""
    from consultations.models import RespondentType  # the models import these blocks

    errors: dict[int, dict] = {}
    # id -> option values if choice-based; "responding as" comes before every section.
    seen_questions: dict[str, list[str] | None] = {
        RESPONDING_AS: [value for value in RespondentType.values if value]
    }
    later_ids = {
        child.value["question_id"]
        for section in stream_value
        for child in section.value["questions"]
    }

    def check_condition(condition, known) -> str | None:
        target = (condition or {}).get("question_id")
        if not target:
            return None
        if target not in known:
            if target in later_ids:
                return _(
                    "A condition can only use a question from an earlier section "
                    "(%(id)s is not before this one)."
                ) % {"id": target}
            return _("There is no question with the id %(id)s.") % {"id": target}
        values = known[target]
        if values is None:
            return _("Question %(id)s has no options to match.") % {"id": target}
        unknown = [v for v in split_values(condition.get("values")) if v not in values]
        if unknown:
            return _("Question %(id)s has no option %(values)s.") % {
                "id": target,
                "values": ", ".join(unknown),
            }
        return None

    for section_index, section in enumerate(stream_value):
        section_value = section.value
        section_errors: dict = {}
        message = check_condition(section_value.get("condition"), seen_questions)
        if message:
            section_errors["condition"] = ValidationError(message)
        this_section: dict[str, list[str] | None] = {}
        question_errors = {}
        for question_index, child in enumerate(section_value["questions"]):
            block, question = child.block, child.value
            field_errors = {}
            message = check_condition(question.get("condition"), seen_questions)
            if message:
                field_errors["condition"] = ValidationError(message)
            this_section[question["question_id"]] = (
                block.option_values(question) if block.choice_based else None
            )
            if field_errors:
                question_errors[question_index] = StructBlockValidationError(
                    block_errors=field_errors
                )
        seen_questions.update(this_section)
        if question_errors:
            section_errors["questions"] = StreamBlockValidationError(block_errors=question_errors)
        if section_errors:
            errors[section_index] = section_errors
    return errors


def survey_definition(stream_value) -> dict:
    """The survey as plain JSON: what ``SurveySnapshot.definition`` stores."""
    return {
        "format": 1,
        "sections": [
            {
                "id": section.value["section_id"],
                "title": section.value["title"],
                "description": section.value.get("description") or "",
                "condition": condition_definition(section.value.get("condition")),
                "questions": [
                    child.block.definition(child.value) for child in section.value["questions"]
                ],
            }
            for section in stream_value
        ],
    }
