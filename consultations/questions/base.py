"""What every question type provides, and the helpers several types share.

A question type is one object (``QuestionType`` subclass, registered in
``consultations.questions``) that owns everything its kind of question means: its StreamField
block, how posted values are read and checked, how a stored answer is shown again in the form,
on "check your answers" and to analysts, how results count it, its export columns, its
templates and a random valid answer for the demo and the tests. Callers ask the registry;
only a type's own class names the type.

Override points (each documented on the method): ``options``, ``parse``, ``as_raw``,
``display``, ``field_anchor``, ``widget_context``, ``export_columns``, ``aggregate``,
``summarise``, ``random_answer``; attributes ``name``, ``block``, ``count_shape``,
``results_kind``, ``free_text``, ``special_category``, ``chooses_estate``, ``template_name``,
``admin_template_name`` and ``results_template_name``.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from consultations.questions.blocks import ESTATE_NOT_LISTED, OTHER_VALUE, PREFER_NOT_TO_SAY
from consultations.questions.counting import Bar, Counts, Split, percent

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


@dataclass(frozen=True)
class Column:
    """One export column: its header and how to read its cell from a response's answers."""

    header: str
    value: Callable[[dict], Any]  # answers → cell value (None for blank)

    def cell(self, answers: dict, codes: set | frozenset) -> Any:
        return self.value(answers)


def other_chosen(value) -> bool:
    return value == OTHER_VALUE or (isinstance(value, list) and OTHER_VALUE in value)


def named(form, message) -> str:
    """A message naming its question, so an error summary with several is still clear."""
    return message % {"question": form.question["label"]}


def required(form, message) -> Any:
    """``MISSING`` for an optional question; else raise ``message`` (with ``%(question)s``)."""
    if form.question.get("required"):
        raise ValidationError(named(form, message))
    return MISSING


def label_of(labels: dict, value) -> str | None:
    if value is None:
        return None
    return labels.get(str(value), str(value))


class QuestionType:
    """One kind of question. Subclasses set ``name`` and ``block`` and override what differs.

    Contract for answers (see ``consultations.models.responses``): ``parse`` returns the value
    stored under the question's id, or ``MISSING``; ``as_raw`` turns that stored value back
    into what the form's inputs show, so ``parse(as_raw(value)) == value``.
    """

    name: ClassVar[str]
    block: ClassVar[type]  # the StreamField block editors add (defined in the type's module)
    #: How results count the stored value: ``"scalar"`` (one value), ``"array"`` (each element,
    #: with its position), ``"object"`` (each key's value) or ``None`` (not counted by value).
    count_shape: ClassVar[str | None] = "scalar"
    #: What its summary on the results page is (``QuestionResult.kind``): ``"choice"`` (bars
    #: per option, split by group), ``"text"``, ``"number"``, ``"matrix"``, ``"ranking"``...;
    #: it names the results template too (``results_template_name``).
    results_kind: ClassVar[str] = "choice"
    free_text: ClassVar[bool] = False  # analysts code these answers into themes
    special_category: ClassVar[bool] = False  # UK GDPR article 9 data
    #: Its options are the council's estates (a response's estate is its answer, by id).
    chooses_estate: ClassVar[bool] = False
    #: The first input is the question's own name (else ``field_anchor`` says where).
    anchor_on_name: ClassVar[bool] = False

    @property
    def template_name(self) -> str:
        """The resident's form template for one question of this type."""
        return f"components/consultations/questions/{self.name}.html"

    @property
    def admin_template_name(self) -> str:
        """The staff assisted-entry template for one question of this type."""
        return f"wagtailadmin/consultations/questions/{self.name}.html"

    @property
    def results_template_name(self) -> str:
        """The results page's template for the summary ``summarise`` fills in (``result``)."""
        return f"wagtailadmin/consultations/results/{self.results_kind}.html"

    def __str__(self) -> str:
        return self.name

    # --- choosing ------------------------------------------------------------------------
    def options(self, question: dict, estates=()) -> list[tuple[str, str]]:
        """``(value, label)`` pairs a resident chooses from, in display order."""
        pairs = [(o["value"], o["label"]) for o in question.get("options", [])]
        if question.get("allow_other"):
            pairs.append((OTHER_VALUE, FIXED_LABELS[OTHER_VALUE]))
        return pairs

    def result_labels(self, question: dict, estates=()) -> list[tuple[str, str]]:
        """``(stored value as text, label)`` pairs results count answers under."""
        return [(value, str(label)) for value, label in self.options(question, estates)]

    # --- reading a form -----------------------------------------------------------------
    def parse(self, form) -> Any:
        """The value to store from ``form`` (a ``survey.QuestionForm``), or ``MISSING``.

        Raises ``ValidationError`` with a message for the resident; records what was typed in
        ``form.raw`` so a page shown again with an error keeps it.
        """
        raise NotImplementedError

    def as_raw(self, value: Any) -> dict:
        """A stored value as the form's inputs show it (the inverse of ``parse``)."""
        return {"value": str(value)}

    def field_anchor(self, form, estates=()) -> str:
        """The id of the question's first input, where an error summary links to."""
        if self.anchor_on_name:
            return form.name
        first = self.options(form.question, estates)
        return f"{form.name}-{first[0][0]}" if first else form.name

    def widget_context(self, form, shown: dict, estates=()) -> dict:
        """Extra context the type's templates need, from what the inputs show (``shown``)."""
        chosen = set(shown.get("values", [])) or {shown.get("value", "")}
        return {
            "options": [
                {"value": value, "label": label, "checked": value in chosen}
                for value, label in self.options(form.question, estates)
            ]
        }

    # --- showing an answer --------------------------------------------------------------
    def display(self, question: dict, answers: Mapping[str, Any], estates=()) -> list[str]:
        """An answer as lines of text for "check your answers", receipts and analysts."""
        qid = question["id"]
        value = answers[qid]
        labels = dict(self.options(question, estates))
        values = value if isinstance(value, list) else [value]
        lines = [str(labels.get(str(v), v)) for v in values]
        if other_chosen(value) and answers.get(f"{qid}.other"):
            lines = [
                f"{line}: {answers[f'{qid}.other']}" if v == OTHER_VALUE else line
                for line, v in zip(lines, values, strict=True)
            ]
        return lines

    # --- exporting ----------------------------------------------------------------------
    def export_columns(self, question: dict, estates=()) -> list[Column]:
        """The export's columns for this question (one by default: the answer as stored)."""
        qid = question["id"]
        return [Column(question["label"], lambda answers: answers.get(qid))]

    # --- counting ------------------------------------------------------------------------
    def aggregate(self, responses, questions: list[dict]) -> dict[str, Any]:
        """What ``summarise`` needs beyond counts of values, for every question of this type
        at once (one query at most, whatever the number of questions): ``{question id: ...}``,
        read back as ``counts.aggregates``. ``responses`` is the consultation's ``Response``
        queryset. Nothing by default."""
        return {}

    def summarise(self, result, counts: Counts) -> None:
        """Fill ``result`` (a ``QuestionResult``) from ``counts`` (see ``Counts``: keyed
        ``(answer key, value, object key, array position, group)``, by the type's
        ``count_shape``) for its ``results_template_name``.

        By default (``results_kind`` "choice"): a bar per option with the share of those who
        answered, values no longer offered counted under their value, and a table per group
        when the results are split.
        """
        qid = result.question["id"]
        per_value: Counter = Counter()
        per_value_group: Counter = Counter()
        for value, _sub, _position, group, n in counts.of(qid):
            per_value[value] += n
            per_value_group[(value, group)] += n
        labels = self.result_labels(result.question, counts.estates)
        known = {value for value, _label in labels}
        # Values no longer offered (e.g. an estate since removed) still count, under their value.
        labels += [(value, value) for value in sorted(per_value) if value not in known]
        result.bars = [
            Bar(value, label, per_value[value], percent(per_value[value], result.answered))
            for value, label in labels
        ]
        if counts.groups:
            in_group = {group: counts.answered[(qid, group)] for group, _label in counts.groups}
            rows = []
            for value, label in labels:
                cells = []
                for group, _group_label in counts.groups:
                    n = per_value_group[(value, group)]
                    cells.append((n, percent(n, in_group[group])))
                rows.append({"label": label, "cells": cells})
            result.split = Split(groups=counts.groups, rows=rows)

    # --- generating ---------------------------------------------------------------------
    def random_answer(self, question: dict, estates, rng: random.Random) -> Any:
        """A valid stored value, for demo content, benchmarks and tests."""
        raise NotImplementedError
