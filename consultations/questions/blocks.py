"""What every question block is built from: ids, options, conditions and ``BaseQuestionBlock``.

Each question type's own block lives in its module (``consultations.questions.<type>``) and is
named by its type's ``block``; ``consultations.blocks`` assembles them into the survey's
StreamField blocks and describes the contract they keep.

This module imports no question type, so every type's module can import it.
"""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

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
# ``consultations.questions.base.FIXED_LABELS``).
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


# Migrations name these blocks by their old home (``consultations.blocks``), which still
# exports them: keeping that path means moving them here writes no migration.
DECONSTRUCT_ALIASES = {
    IdentifierBlock: "consultations.blocks.IdentifierBlock",
    IdentifierListBlock: "consultations.blocks.IdentifierListBlock",
}
