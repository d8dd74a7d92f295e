"""Survey builder blocks: sections holding typed question blocks with stable ids.

Each question type's block is defined in its own module (``consultations.questions.<type>``,
named by the type's ``block``) from the parts in ``consultations.questions.blocks``; the
question stream here offers every registered type, under its name, in the registry's order.

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

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

from consultations import questions as question_types

# The parts every block is built from, and each type's block, keep their old import paths
# (callers and migrations name them here).
from consultations.questions.blocks import (  # noqa: F401
    BLOCK_TEMPLATES,
    ESTATE_NOT_LISTED,
    IDENTIFIER_RE,
    OTHER_VALUE,
    PREFER_NOT_TO_SAY,
    RESPONDING_AS,
    BaseQuestionBlock,
    ConditionBlock,
    IdentifierBlock,
    IdentifierListBlock,
    OptionBlock,
    OptionsMixin,
    allow_other_block,
    condition_definition,
    identifier_list_validator,
    identifier_validator,
    new_identifier,
    options_block,
    split_values,
)
from consultations.questions.budget import (  # noqa: F401
    BUDGET_UNITS,
    BudgetOptionBlock,
    BudgetQuestionBlock,
)
from consultations.questions.choice import (  # noqa: F401
    AGREEMENT_VALUES,
    EQUALITY_CATEGORIES,
    YES_NO_VALUES,
    AgreementQuestionBlock,
    DropdownQuestionBlock,
    EqualityQuestionBlock,
    EstateQuestionBlock,
    RatingQuestionBlock,
    SingleChoiceQuestionBlock,
    YesNoQuestionBlock,
)
from consultations.questions.consent import ConsentQuestionBlock  # noqa: F401
from consultations.questions.date import DateQuestionBlock  # noqa: F401
from consultations.questions.matrix import MatrixQuestionBlock  # noqa: F401
from consultations.questions.multiple import MultipleChoiceQuestionBlock  # noqa: F401
from consultations.questions.number import NumberQuestionBlock  # noqa: F401
from consultations.questions.ranking import RankingQuestionBlock  # noqa: F401
from consultations.questions.text import (  # noqa: F401
    EmailQuestionBlock,
    LongTextQuestionBlock,
    PostcodeQuestionBlock,
    ShortTextQuestionBlock,
)


class QuestionStreamBlock(blocks.StreamBlock):
    """Every registered question type's block, under the type's name, in registry order."""

    def __init__(self, local_blocks=None, **kwargs):
        registered = [(qtype.name, qtype.block()) for qtype in question_types.all_types()]
        super().__init__([*registered, *(local_blocks or [])], **kwargs)

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
