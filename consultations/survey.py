"""Reading and checking answers against a survey definition (``blocks.survey_definition``).

One set of rules for every channel: the online journey (``QuestionForm`` per question from the
posted form), the final check before storing (``validate_answers``) and staff entering paper,
phone or event responses. Answer values follow the contract in ``consultations.models.responses``.

HTML field names: ``q-<id>`` for the answer (repeated for multiple choice), ``q-<id>.other`` for
"Other (please specify)", ``q-<id>-day|month|year`` for dates, ``q-<id>-<row value>`` for matrix
rows and ``q-<id>-<option value>`` for the rank given to an option in a ranking.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consultations.blocks import (
    AGREEMENT_VALUES,
    ESTATE_NOT_LISTED,
    OTHER_VALUE,
    PREFER_NOT_TO_SAY,
    RESPONDING_AS,
    YES_NO_VALUES,
)
from portal.text import UNSTORABLE_MESSAGE, ascii_digits, clean_typed_text, is_ascii_number

OTHER_MAX_LENGTH = 200
POSTCODE_RE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})$")

FIXED_LABELS = {
    "yes": _("Yes"),
    "no": _("No"),
    "dont_know": _("Don’t know"),
    "strongly_agree": _("Strongly agree"),
    "agree": _("Agree"),
    "neither": _("Neither agree nor disagree"),
    "disagree": _("Disagree"),
    "strongly_disagree": _("Strongly disagree"),
    OTHER_VALUE: _("Other"),
    PREFER_NOT_TO_SAY: _("Prefer not to say"),
    ESTATE_NOT_LISTED: _("My estate is not listed"),
}


class Missing:
    """No answer given (distinct from an answer that is falsy)."""

    def __bool__(self):
        return False


MISSING = Missing()


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
            if f"{qid}.other" in answers and _other_chosen(answers[qid]):
                kept[f"{qid}.other"] = answers[f"{qid}.other"]
    return kept


def _other_chosen(value) -> bool:
    return value == OTHER_VALUE or (isinstance(value, list) and OTHER_VALUE in value)


# --- options and labels ----------------------------------------------------------------------
def options(question: dict, estates=()) -> list[tuple[str, str]]:
    """``(value, label)`` pairs a resident chooses from, in display order."""
    qtype = question["type"]
    if qtype == "yes_no":
        values = YES_NO_VALUES if question.get("include_dont_know") else YES_NO_VALUES[:2]
        return [(v, FIXED_LABELS[v]) for v in values]
    if qtype == "agreement":
        return [(v, FIXED_LABELS[v]) for v in AGREEMENT_VALUES]
    if qtype == "rating":
        return [(str(n), str(n)) for n in range(question["min"], question["max"] + 1)]
    if qtype == "estate":
        return [(str(e.pk), e.name) for e in estates] + [
            (ESTATE_NOT_LISTED, FIXED_LABELS[ESTATE_NOT_LISTED])
        ]
    if qtype == "matrix":
        return [(o["value"], o["label"]) for o in question["columns"]]
    pairs = [(o["value"], o["label"]) for o in question.get("options", [])]
    if question.get("allow_other"):
        pairs.append((OTHER_VALUE, FIXED_LABELS[OTHER_VALUE]))
    if qtype == "equality":
        pairs.append((PREFER_NOT_TO_SAY, FIXED_LABELS[PREFER_NOT_TO_SAY]))
    return pairs


def display_answer(question: dict, answers: Mapping[str, Any], estates=()) -> list[str]:
    """An answer as lines of text for "check your answers" and receipts."""
    qid = question["id"]
    if qid not in answers:
        return []
    value = answers[qid]
    labels = dict(options(question, estates))
    qtype = question["type"]
    if qtype == "matrix":
        rows = {o["value"]: o["label"] for o in question["rows"]}
        return [f"{rows.get(r, r)}: {labels.get(c, c)}" for r, c in value.items()]
    if qtype == "ranking":
        labels = {o["value"]: o["label"] for o in question["options"]}
        return [f"{n}. {labels.get(v, v)}" for n, v in enumerate(value, start=1)]
    if qtype == "consent":
        return [question.get("statement") or str(_("Yes"))]
    if qtype == "date":
        return [datetime.date.fromisoformat(value).strftime("%d/%m/%Y")]
    values = value if isinstance(value, list) else [value]
    lines = [str(labels.get(str(v), v)) for v in values]
    if _other_chosen(value) and answers.get(f"{qid}.other"):
        lines = [
            f"{line}: {answers[f'{qid}.other']}" if v == OTHER_VALUE else line
            for line, v in zip(lines, values, strict=True)
        ]
    return lines


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
    qtype = question["type"]
    if qtype == "date":
        year, month, day = value.split("-")
        raw.update(day=str(int(day)), month=str(int(month)), year=year)
    elif qtype == "matrix":
        raw["rows"] = dict(value)
    elif qtype == "ranking":
        raw["ranks"] = {v: str(n) for n, v in enumerate(value, start=1)}
    elif qtype == "multiple_choice":
        raw["values"] = list(value)
    elif qtype == "consent":
        raw["value"] = "yes"
    else:
        raw["value"] = str(value)
    return raw


def named(form: QuestionForm, message) -> str:
    """A message naming its question, so an error summary with several is still clear."""
    return message % {"question": form.question["label"]}


def _required(form: QuestionForm, message) -> Any:
    """``MISSING`` for an optional question; else raise ``message`` (with ``%(question)s``)."""
    if form.question.get("required"):
        raise ValidationError(named(form, message))
    return MISSING


def parse(form: QuestionForm) -> tuple[Any, str]:
    """The stored value (or ``MISSING``) and any "other" text; raises ``ValidationError``."""
    question = form.question
    parser = PARSERS[question["type"]]
    # Keep what was typed in "Other (please specify)" even when the choice itself is invalid, so
    # a page shown again with an error does not lose it.
    if question.get("allow_other"):
        form.raw["other"] = form._get(".other").strip()
    value = parser(form)
    other = ""
    if _other_chosen(value):
        other = form._get(".other").strip()
        if not other:
            raise ValidationError(_("Tell us what you mean by “Other”."))
        if len(other) > OTHER_MAX_LENGTH:
            raise ValidationError(
                _("Your answer must be %(count)s characters or fewer.")
                % {"count": OTHER_MAX_LENGTH}
            )
    return value, other


def _text(form: QuestionForm):
    text = form._get().replace("\r\n", "\n").strip()
    form.raw["value"] = text
    if not text:
        return _required(form, _("Enter your answer to “%(question)s”."))
    limit = form.question.get("max_length") or 200
    if len(text) > limit:
        raise ValidationError(
            _("Your answer must be %(count)s characters or fewer (you have %(used)s).")
            % {"count": limit, "used": len(text)}
        )
    if form.question["type"] == "short_text" and "\n" in text:
        text = " ".join(text.split())
    return text


def _single(form: QuestionForm):
    value = form._get()
    form.raw["value"] = value
    if not value:
        return _required(form, _("Select an answer to “%(question)s”."))
    if value not in dict(options(form.question, form.estates)):
        raise ValidationError(_("Select one of the answers shown."))
    return value


def _rating(form: QuestionForm):
    value = _single(form)
    return value if value is MISSING else int(value)


def _estate(form: QuestionForm):
    value = _single(form)
    if value is MISSING or value == ESTATE_NOT_LISTED:
        return value
    return int(value)


def _equality(form: QuestionForm):
    return _single(form)  # always optional: the definition says required=False


def _multiple(form: QuestionForm):
    chosen = form._getlist()
    form.raw["values"] = chosen
    allowed = [v for v, _label in options(form.question)]
    if not chosen:
        return _required(form, _("Select at least one answer to “%(question)s”."))
    if any(v not in allowed for v in chosen):
        raise ValidationError(_("Select only the answers shown."))
    chosen = [v for v in allowed if v in set(chosen)]  # survey order, no repeats
    low, high = form.question.get("min_choices"), form.question.get("max_choices")
    if low and len(chosen) < low:
        raise ValidationError(_("Select %(count)s or more answers.") % {"count": low})
    if high and len(chosen) > high:
        raise ValidationError(_("Select no more than %(count)s answers.") % {"count": high})
    return chosen


def _ranking(form: QuestionForm):
    count = form.question["rank_count"]
    values = [o["value"] for o in form.question["options"]]
    ranks = {v: form._get(f"-{v}").strip() for v in values}
    form.raw["ranks"] = ranks
    given = {v: r for v, r in ranks.items() if r}
    if not given:
        return _required(form, _("Rank the options for “%(question)s”."))
    numbers = {}
    for value, rank in given.items():
        rank = ascii_digits(rank)
        if not is_ascii_number(rank) or not 1 <= int(rank) <= count:
            raise ValidationError(
                _("Use the numbers 1 to %(count)s for your ranking.") % {"count": count}
            )
        numbers[value] = int(rank)
    if len(set(numbers.values())) != len(numbers):
        raise ValidationError(_("Give each number to one option only."))
    if sorted(numbers.values()) != list(range(1, count + 1)):
        raise ValidationError(_("Rank %(count)s options, from 1 to %(count)s.") % {"count": count})
    return [v for v, _n in sorted(numbers.items(), key=lambda item: item[1])]


def _matrix(form: QuestionForm):
    columns = {o["value"] for o in form.question["columns"]}
    rows = [o["value"] for o in form.question["rows"]]
    given = {row: form._get(f"-{row}") for row in rows}
    form.raw["rows"] = given
    answered = {row: col for row, col in given.items() if col}
    if any(col not in columns for col in answered.values()):
        raise ValidationError(_("Select one of the answers shown."))
    if not answered:
        return _required(form, _("Answer every row of “%(question)s”."))
    if form.question.get("required") and len(answered) < len(rows):
        raise ValidationError(named(form, _("Answer every row of “%(question)s”.")))
    return answered


def _number(form: QuestionForm):
    text = ascii_digits(form._get().strip().replace(",", ""))
    form.raw["value"] = form._get().strip()
    if not text:
        return _required(form, _("Enter a number for “%(question)s”."))
    if not re.fullmatch(r"-?[0-9]{1,12}", text):
        raise ValidationError(_("Enter a whole number, like 12."))
    number = int(text)
    low, high = form.question.get("min"), form.question.get("max")
    if low is not None and high is not None and not low <= number <= high:
        raise ValidationError(
            _("Enter a number between %(min)s and %(max)s.") % {"min": low, "max": high}
        )
    if low is not None and number < low:
        raise ValidationError(_("Enter a number of %(min)s or more.") % {"min": low})
    if high is not None and number > high:
        raise ValidationError(_("Enter a number of %(max)s or less.") % {"max": high})
    return number


def _date(form: QuestionForm):
    parts = {part: form._get(f"-{part}").strip() for part in ("day", "month", "year")}
    form.raw.update(parts)
    if not any(parts.values()):
        return _required(form, _("Enter a date for “%(question)s”."))
    parts = {part: ascii_digits(text) for part, text in parts.items()}
    try:
        if not all(is_ascii_number(p) for p in parts.values()) or len(parts["year"]) != 4:
            raise ValueError
        date = datetime.date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
    except ValueError:
        raise ValidationError(_("Enter a real date, like 27 3 2024.")) from None
    today = timezone.localdate()
    when = form.question.get("when")
    if when == "past" and date > today:
        raise ValidationError(_("The date must be today or in the past."))
    if when == "future" and date < today:
        raise ValidationError(_("The date must be today or in the future."))
    return date.isoformat()


def _email(form: QuestionForm):
    text = form._get().strip()
    form.raw["value"] = text
    if not text:
        return _required(form, _("Enter an email address for “%(question)s”."))
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


def normalise_postcode(text: str) -> str | None:
    match = POSTCODE_RE.match(" ".join(text.upper().split()))
    return f"{match.group(1)} {match.group(2)}" if match else None


def _postcode(form: QuestionForm):
    text = form._get().strip()
    form.raw["value"] = text
    if not text:
        return _required(form, _("Enter a postcode for “%(question)s”."))
    postcode = normalise_postcode(text[:20])
    if not postcode:
        raise ValidationError(_("Enter a full UK postcode, like E8 1DY."))
    return postcode


def _consent(form: QuestionForm):
    value = form._get()
    form.raw["value"] = value
    if value != "yes":
        if value:
            raise ValidationError(_("Tick the box to agree."))
        return _required(
            form, _("Tick the box under “%(question)s” to agree to the privacy notice.")
        )
    return True


PARSERS = {
    "short_text": _text,
    "long_text": _text,
    "single_choice": _single,
    "multiple_choice": _multiple,
    "dropdown": _single,
    "yes_no": _single,
    "agreement": _single,
    "rating": _rating,
    "ranking": _ranking,
    "matrix": _matrix,
    "number": _number,
    "date": _date,
    "email": _email,
    "postcode": _postcode,
    "estate": _estate,
    "equality": _equality,
    "consent": _consent,
}


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
        for group in ("rows", "ranks"):
            if suffix in raw.get(group, {}):
                return str(raw[group][suffix])
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
