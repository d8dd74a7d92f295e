"""One box to tick (for example agreeing to the privacy notice), stored as ``True``."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from consultations import blocks
from consultations.questions.base import Column, QuestionType, required


class Consent(QuestionType):
    name = "consent"
    block = blocks.ConsentQuestionBlock

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
