"""A grid: one choice from the same columns for each row, stored as ``{row: column}``."""

from __future__ import annotations

from collections import Counter

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from consultations.questions.base import Column, QuestionType, label_of, named, required
from consultations.questions.blocks import BaseQuestionBlock, OptionBlock, OptionsMixin
from consultations.questions.counting import Bar, percent


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


class Matrix(QuestionType):
    name = "matrix"
    block = MatrixQuestionBlock
    count_shape = "object"
    results_kind = "matrix"

    def options(self, question, estates=()):
        return [(o["value"], o["label"]) for o in question["columns"]]

    def parse(self, form):
        columns = {o["value"] for o in form.question["columns"]}
        rows = [o["value"] for o in form.question["rows"]]
        given = {row: form._get(f"-{row}") for row in rows}
        form.raw["rows"] = given
        answered = {row: col for row, col in given.items() if col}
        if any(col not in columns for col in answered.values()):
            raise ValidationError(_("Select one of the answers shown."))
        if not answered:
            return required(form, _("Answer every row of “%(question)s”."))
        if form.question.get("required") and len(answered) < len(rows):
            raise ValidationError(named(form, _("Answer every row of “%(question)s”.")))
        return answered

    def as_raw(self, value):
        return {"rows": dict(value)}

    def field_anchor(self, form, estates=()):
        question = form.question
        return f"{form.name}-{question['rows'][0]['value']}-{question['columns'][0]['value']}"

    def widget_context(self, form, shown, estates=()):
        given = shown.get("rows", {})
        columns = self.options(form.question)
        return {
            "options": [{"value": v, "label": label} for v, label in columns],
            "rows": [
                {
                    "value": row["value"],
                    "label": row["label"],
                    "name": f"{form.name}-{row['value']}",
                    "selected": given.get(row["value"], ""),
                    "options": [
                        {"value": v, "label": label, "checked": given.get(row["value"]) == v}
                        for v, label in columns
                    ],
                }
                for row in form.question["rows"]
            ],
        }

    def display(self, question, answers, estates=()):
        labels = dict(self.options(question))
        rows = {o["value"]: o["label"] for o in question["rows"]}
        return [f"{rows.get(r, r)}: {labels.get(c, c)}" for r, c in answers[question["id"]].items()]

    def export_columns(self, question, estates=()):
        """One column per row, holding the chosen column's label."""
        qid, label = question["id"], question["label"]
        column_labels = dict(self.options(question))
        return [
            Column(
                f"{label}: {row['label']}",
                lambda answers, row=row["value"]: label_of(
                    column_labels, (answers.get(qid) or {}).get(row)
                ),
            )
            for row in question["rows"]
        ]

    def summarise(self, result, counts):
        """Per row: how many chose each column, as a share of those who answered that row."""
        question = result.question
        columns = question.get("columns", [])
        result.columns = [c["label"] for c in columns]
        per_cell: Counter = Counter()
        per_row: Counter = Counter()
        for value, row, _position, _group, n in counts.of(question["id"]):
            per_cell[(row, value)] += n
            per_row[row] += n
        result.rows = [
            {
                "label": row["label"],
                "answered": per_row[row["value"]],
                "cells": [
                    Bar(
                        c["value"],
                        c["label"],
                        per_cell[(row["value"], c["value"])],
                        percent(per_cell[(row["value"], c["value"])], per_row[row["value"]]),
                    )
                    for c in columns
                ],
            }
            for row in question.get("rows", [])
        ]

    def random_answer(self, question, estates, rng):
        values = [value for value, _label in self.options(question, estates)]
        return {row["value"]: rng.choice(values) for row in question["rows"]}
