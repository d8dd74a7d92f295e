"""One box to tick (for example agreeing to the privacy notice), stored as ``True``."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from consultations.questions.base import Column, QuestionType, required
from consultations.questions.blocks import BaseQuestionBlock


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


class Consent(QuestionType):
    name = "consent"
    block = ConsentQuestionBlock

    def options(self, question, estates=()):
        return []

    def result_labels(self, question, estates=()):
        return [("true", question.get("statement") or gettext_now("Agreed"))]

    def parse(self, form):
        value = form._get()
        form.raw["value"] = value
        if value != "yes":
            if value:
                raise ValidationError(_("Tick the box to agree."))
            return required(
                form, _("Tick the box under “%(question)s” to agree to the privacy notice.")
            )
        return True

    def as_raw(self, value):
        return {"value": "yes"}

    def field_anchor(self, form, estates=()):
        return f"{form.name}-yes"

    def widget_context(self, form, shown, estates=()):
        return {}

    def display(self, question, answers, estates=()):
        return [question.get("statement") or str(_("Yes"))]

    def export_columns(self, question, estates=()):
        qid = question["id"]
        agreed = gettext_now("Agreed")
        return [Column(question["label"], lambda answers: agreed if answers.get(qid) else None)]

    def random_answer(self, question, estates, rng):
        return True
