"""Ranking options by number: stored as option values, first-ranked first."""

from __future__ import annotations

from collections import Counter

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from consultations.questions.base import Column, QuestionType, label_of, required
from consultations.questions.blocks import BaseQuestionBlock, OptionsMixin, options_block
from consultations.questions.counting import Bar, percent
from portal.text import ascii_digits, is_ascii_number


def nth(values, index):
    return values[index] if isinstance(values, list) and len(values) > index else None


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


class Ranking(QuestionType):
    name = "ranking"
    block = RankingQuestionBlock
    count_shape = "array"
    results_kind = "ranking"

    def options(self, question, estates=()):
        return [(o["value"], o["label"]) for o in question.get("options", [])]

    def parse(self, form):
        count = form.question["rank_count"]
        values = [o["value"] for o in form.question["options"]]
        ranks = {v: form._get(f"-{v}").strip() for v in values}
        form.raw["ranks"] = ranks
        given = {v: r for v, r in ranks.items() if r}
        if not given:
            return required(form, _("Rank the options for “%(question)s”."))
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
            raise ValidationError(
                _("Rank %(count)s options, from 1 to %(count)s.") % {"count": count}
            )
        return [v for v, _n in sorted(numbers.items(), key=lambda item: item[1])]

    def as_raw(self, value):
        return {"ranks": {v: str(n) for n, v in enumerate(value, start=1)}}

    def field_anchor(self, form, estates=()):
        return f"{form.name}-{form.question['options'][0]['value']}"

    def widget_context(self, form, shown, estates=()):
        ranks = shown.get("ranks", {})
        return {
            "ranks": [
                {
                    "value": o["value"],
                    "label": o["label"],
                    "name": f"{form.name}-{o['value']}",
                    "rank": ranks.get(o["value"], ""),
                }
                for o in form.question["options"]
            ],
            "rank_numbers": [str(n) for n in range(1, (form.question.get("rank_count") or 0) + 1)],
        }

    def display(self, question, answers, estates=()):
        labels = {o["value"]: o["label"] for o in question["options"]}
        return [f"{n}. {labels.get(v, v)}" for n, v in enumerate(answers[question["id"]], start=1)]

    def export_columns(self, question, estates=()):
        """One column per rank position, naming the option given that rank."""
        qid, label = question["id"], question["label"]
        option_labels = {o["value"]: o["label"] for o in question["options"]}
        rank_count = question.get("rank_count") or len(question["options"])
        return [
            Column(
                gettext_now("%(question)s: rank %(rank)s") % {"question": label, "rank": rank},
                lambda answers, rank=rank: label_of(option_labels, nth(answers.get(qid), rank - 1)),
            )
            for rank in range(1, rank_count + 1)
        ]

    def summarise(self, result, counts):
        """Per option: how many put it at each rank, and its mean rank among those who ranked
        it; options in order of mean rank (unranked last)."""
        question = result.question
        rank_count = question.get("rank_count") or len(question.get("options", []))
        result.columns = [str(n) for n in range(1, rank_count + 1)]
        per_rank: Counter = Counter()
        for value, _sub, position, _group, n in counts.of(question["id"]):
            if position:
                per_rank[(value, position)] += n
        rows = []
        for option in question.get("options", []):
            ranks = [per_rank[(option["value"], n)] for n in range(1, rank_count + 1)]
            ranked = sum(ranks)
            mean = sum(n * c for n, c in enumerate(ranks, start=1)) / ranked if ranked else None
            first = ranks[0] if ranks else 0
            rows.append(
                {
                    "label": option["label"],
                    "cells": [(c, percent(c, result.answered)) for c in ranks],
                    "ranked": ranked,
                    "mean_rank": round(mean, 2) if mean is not None else None,
                    "first": Bar(
                        option["value"], option["label"], first, percent(first, result.answered)
                    ),
                }
            )
        result.rows = sorted(rows, key=lambda r: (r["mean_rank"] is None, r["mean_rank"] or 0))

    def random_answer(self, question, estates, rng):
        return rng.sample([o["value"] for o in question["options"]], question["rank_count"])
