"""Reading and checking answers against a survey definition (``blocks.survey_definition``).

One set of rules for every channel: the online journey (``QuestionForm`` per question from the
posted form), the final check before storing (``validate_answers``) and staff entering paper,
phone or event responses. Answer values follow the contract in ``consultations.models.responses``.

HTML field names: ``q-<id>`` for the answer (repeated for multiple choice), ``q-<id>.other`` for
"Other (please specify)", ``q-<id>-day|month|year`` for dates, ``q-<id>-<row value>`` for matrix
rows and ``q-<id>-<option value>`` for the rank given to an option in a ranking.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from consultations import questions as question_types
from consultations.blocks import RESPONDING_AS
from consultations.questions.base import FIXED_LABELS, MISSING, Missing, other_chosen
from portal.text import UNSTORABLE_MESSAGE, clean_typed_text

OTHER_MAX_LENGTH = 200
__all__ = ["FIXED_LABELS", "MISSING", "Missing"]


# --- conditions ------------------------------------------------------------------------------
def condition_met(condition: dict | None, answers: Mapping[str, Any]) -> bool:
    if not condition:
        return True
    answer = answers.get(condition["question"])
    if answer is None:
        return False
    given = answer if isinstance(answer, list) else [answer]
    return any(str(value) in condition["values"] for value in given)


def visible_sections(
    definition: dict, answers: Mapping[str, Any], *, respondent_type: str = ""
) -> list[dict]:
    """Sections (with only their visible questions) for these answers, in order.

    Conditions only point at earlier sections, so answers are applied section by section: a
    question hidden earlier cannot make a later one visible. ``respondent_type`` is the answer
    to the "responding as" step, which comes before every section.
    """
    visible: list[dict] = []
    effective: dict[str, Any] = {RESPONDING_AS: respondent_type} if respondent_type else {}
    for section in definition["sections"]:
        if not condition_met(section.get("condition"), effective):
            continue
        questions = [
            q for q in section["questions"] if condition_met(q.get("condition"), effective)
        ]
        if not questions:
            continue
        visible.append({**section, "questions": questions})
        for question in questions:
            if question["id"] in answers:
                effective[question["id"]] = answers[question["id"]]
    return visible


def visible_questions(
    definition: dict, answers: Mapping[str, Any], *, respondent_type: str = ""
) -> list[dict]:
    sections = visible_sections(definition, answers, respondent_type=respondent_type)
    return [q for section in sections for q in section["questions"]]


def prune_answers(definition: dict, answers: Mapping[str, Any], *, respondent_type="") -> dict:
    """Keep only answers to questions that are visible given the other answers.

    Changing an earlier answer can hide questions; their stale answers are dropped here.
    """
    kept = {}
    for question in visible_questions(definition, answers, respondent_type=respondent_type):
        qid = question["id"]
        if qid in answers:
            kept[qid] = answers[qid]
            if f"{qid}.other" in answers and other_chosen(answers[qid]):
                kept[f"{qid}.other"] = answers[f"{qid}.other"]
    return kept


# --- options and labels ----------------------------------------------------------------------
def options(question: dict, estates=()) -> list[tuple[str, str]]:
    """``(value, label)`` pairs a resident chooses from, in display order."""
    return question_types.for_question(question).options(question, estates)


def display_answer(question: dict, answers: Mapping[str, Any], estates=()) -> list[str]:
    """An answer as lines of text for "check your answers" and receipts."""
    if question["id"] not in answers:
        return []
    return question_types.for_question(question).display(question, answers, estates)


# --- reading one question from a form --------------------------------------------------------
@dataclass
class QuestionForm:
    """One question bound to posted data: ``is_valid()`` then ``value`` / ``other`` / ``error``.

    ``raw`` keeps what the resident typed so a page with an error shows it again.
    """

    question: dict
    data: Any = None  # a QueryDict (``getlist``) or None for an unbound question
    initial: Mapping[str, Any] = field(default_factory=dict)  # stored answers
    estates: Any = ()
    value: Any = MISSING
    other: str = ""
    error: str = ""
    raw: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"q-{self.question['id']}"

    # Set when anything posted for this question had unstorable characters taken out.
    unstorable: bool = False

    def _typed(self, value: Any) -> str:
        if not isinstance(value, str):
            return ""
        value, removed = clean_typed_text(value)
        self.unstorable = self.unstorable or removed
        return value

    def _get(self, suffix="") -> str:
        return self._typed(self.data.get(self.name + suffix, "") if self.data is not None else "")

    def _getlist(self) -> list[str]:
        if self.data is None:
            return []
        return [self._typed(v) for v in self.data.getlist(self.name) if isinstance(v, str)]

    def is_valid(self) -> bool:
        try:
            self.value, self.other = parse(self)
        except ValidationError as error:
            self.error = str(error.messages[0])
        if self.unstorable:
            # What was typed is shown again without those characters, so say what happened.
            self.error = str(UNSTORABLE_MESSAGE)
        return not self.error

    # What to show in the inputs: posted text if bound, else the stored answer.
    def shown(self) -> dict:
        if self.data is not None:
            return self.raw
        return stored_as_raw(self.question, self.initial)


def stored_as_raw(question: dict, answers: Mapping[str, Any]) -> dict:
    qid = question["id"]
    value = answers.get(qid, MISSING)
    raw: dict[str, Any] = {"other": answers.get(f"{qid}.other", "")}
    if value is MISSING:
        return raw
    raw.update(question_types.for_question(question).as_raw(value))
    return raw


def parse(form: QuestionForm) -> tuple[Any, str]:
    """The stored value (or ``MISSING``) and any "other" text; raises ``ValidationError``."""
    question = form.question
    # Keep what was typed in "Other (please specify)" even when the choice itself is invalid, so
    # a page shown again with an error does not lose it.
    if question.get("allow_other"):
        form.raw["other"] = form._get(".other").strip()
    value = question_types.for_question(question).parse(form)
    other = ""
    if other_chosen(value):
        other = form._get(".other").strip()
        if not other:
            raise ValidationError(_("Tell us what you mean by “Other”."))
        if len(other) > OTHER_MAX_LENGTH:
            raise ValidationError(
                _("Your answer must be %(count)s characters or fewer.")
                % {"count": OTHER_MAX_LENGTH}
            )
    return value, other


# --- whole responses ------------------------------------------------------------------------
class AnswersData:
    """Stored answers presented as posted form data, to re-check them with the same parsers."""

    def __init__(self, question: dict, answers: Mapping[str, Any]):
        self.raw = stored_as_raw(question, answers)
        self.name = f"q-{question['id']}"

    def get(self, key, default=""):
        raw = self.raw
        if key == self.name:
            return raw.get("value", default)
        if key == f"{self.name}.other":
            return raw.get("other", default)
        suffix = key[len(self.name) + 1 :]
        # One input per row, rank or amount: ``as_raw`` keeps them in a dict by option value.
        for group in raw.values():
            if isinstance(group, dict) and suffix in group:
                return str(group[suffix])
        return raw.get(suffix, default)

    def getlist(self, key):
        return list(self.raw.get("values", []))


def validate_answers(
    definition: dict, answers: Mapping[str, Any], estates=(), *, respondent_type: str = ""
) -> tuple[dict, dict]:
    """Check a whole response: ``(clean answers, {question id: message})``.

    Answers to hidden or unknown questions are dropped (a question its conditions skip was not
    asked: results and exports count it as such); every visible question is re-read with the
    same rules as the online form, so a tampered or stale answer cannot be stored.
    """
    answers = prune_answers(definition, answers, respondent_type=respondent_type)
    clean: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for question in visible_questions(definition, answers, respondent_type=respondent_type):
        form = QuestionForm(question, data=AnswersData(question, answers), estates=estates)
        if not form.is_valid():
            errors[question["id"]] = form.error
        elif form.value is not MISSING:
            clean[question["id"]] = form.value
            if form.other:
                clean[f"{question['id']}.other"] = form.other
    return clean, errors
