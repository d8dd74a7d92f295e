"""Typed answers: short and long text (coded by analysts), email addresses, UK postcodes."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from consultations.questions.base import QuestionType, required
from consultations.questions.blocks import BaseQuestionBlock

POSTCODE_RE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})$")

COMMENTS = [
    "Please come to our estate more often and listen.",
    "Fix the lifts first, then ask us about strategy.",
    "Reports should be in plain English and in other languages.",
    "Evening meetings are better for working people.",
    "The panel must include leaseholders and young people.",
    "Más información en español, por favor.",
    "Lütfen toplantılar Türkçe de olsun.",
    "براہ کرم اردو میں معلومات دیں۔",
]


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


class TypedQuestion(QuestionType):
    """One text input; results list the answers rather than counting values."""

    count_shape = None
    results_kind = "text"
    anchor_on_name = True

    def options(self, question, estates=()):
        return []

    def summarise(self, result, counts):
        """Nothing counted: the results template links free text to where analysts read it."""


class ShortText(TypedQuestion):
    name = "short_text"
    block = ShortTextQuestionBlock
    free_text = True
    one_line = True

    def parse(self, form):
        text = form._get().replace("\r\n", "\n").strip()
        form.raw["value"] = text
        if not text:
            return required(form, _("Enter your answer to “%(question)s”."))
        limit = form.question.get("max_length") or 200
        if len(text) > limit:
            raise ValidationError(
                _("Your answer must be %(count)s characters or fewer (you have %(used)s).")
                % {"count": limit, "used": len(text)}
            )
        if self.one_line and "\n" in text:
            text = " ".join(text.split())
        return text

    def random_answer(self, question, estates, rng):
        return rng.choice(COMMENTS)[: question["max_length"]]


class LongText(ShortText):
    name = "long_text"
    block = LongTextQuestionBlock
    one_line = False


class Email(TypedQuestion):
    name = "email"
    block = EmailQuestionBlock

    def parse(self, form):
        text = form._get().strip()
        form.raw["value"] = text
        if not text:
            return required(form, _("Enter an email address for “%(question)s”."))
        try:
            if len(text) > 254:
                raise ValidationError("")
            validate_email(text)
        except ValidationError:
            raise ValidationError(
                _("Enter an email address in the correct format, like name@example.com.")
            ) from None
        local, _at, domain = text.rpartition("@")
        return f"{local}@{domain.lower()}"

    def random_answer(self, question, estates, rng):
        return f"resident{rng.randint(1, 9999)}@example.org"


def normalise_postcode(text: str) -> str | None:
    match = POSTCODE_RE.match(" ".join(text.upper().split()))
    return f"{match.group(1)} {match.group(2)}" if match else None


class Postcode(TypedQuestion):
    name = "postcode"
    block = PostcodeQuestionBlock

    def parse(self, form):
        text = form._get().strip()
        form.raw["value"] = text
        if not text:
            return required(form, _("Enter a postcode for “%(question)s”."))
        postcode = normalise_postcode(text[:20])
        if not postcode:
            raise ValidationError(_("Enter a full UK postcode, like E8 1DY."))
        return postcode

    def random_answer(self, question, estates, rng):
        return rng.choice(["E8 1DY", "N16 7AB", "E5 0LL", "N4 2HA", "E9 7PJ"])
