"""Share out a budget: whole amounts per option that add up exactly to a fixed total.

Stored as ``{option value: amount}`` with every option present (a blank box counts as 0), so
results read each option's amounts through the ``"object"`` count shape on PostgreSQL and in
Python alike. The unit is money (whole pounds, shown with £) or points.
"""

from __future__ import annotations

import re
from collections import Counter

from django.core.exceptions import ValidationError
from django.utils.formats import get_format, number_format
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import blocks

from consultations.questions.base import Column, QuestionType, required
from consultations.questions.blocks import BaseQuestionBlock, OptionBlock, OptionsMixin
from portal.text import ascii_digits

#: At most this many digits are read as a number; longer is "too much" without parsing it.
MAX_DIGITS = 12
#: The distribution on the results page: this many equal bands from 0 to the total.
BANDS = 5


def grouped(number: int) -> str:
    """``number`` grouped as the active language writes it: 100,000 in English, 100.000 in
    Turkish, 1,00,000 in Bengali (Django's locale formats and ``portal.formats``)."""
    return number_format(number, use_l10n=True, force_grouping=True)


def amount(question: dict, number: int) -> str:
    """``number`` in the question's unit, for messages and display: £90,000 or 90."""
    if question.get("unit") == "points":
        return grouped(number)
    return f"£{grouped(number)}"


def with_unit(question: dict, number: int) -> str:
    """``number`` with its unit written out: £90,000 or "90 points"."""
    if question.get("unit") == "points":
        return ngettext("%(count)s point", "%(count)s points", number) % {"count": grouped(number)}
    return amount(question, number)


def limits(question: dict, option: dict) -> tuple[int, int]:
    """The least and most one option may be given (0 and the total when not set)."""
    total = question["total"]
    low = option.get("min") or 0
    high = total if option.get("max") is None else min(option["max"], total)
    return low, high


def read_amount(text: str) -> int | None:
    """A typed amount as a number, or ``None``.

    Takes digits in any script, a leading £, spaces of any kind, commas and the Arabic
    thousands mark anywhere, and the active language's own thousands separator where it
    groups digits (Turkish 10.000; in English 10.000 is not a whole number).
    """
    text = re.sub(r"[\s,\u066c]", "", ascii_digits(text))
    text = text.removeprefix("£")
    separator = get_format("THOUSAND_SEPARATOR")
    groups = rf"-?[0-9]{{1,3}}(?:{re.escape(separator)}[0-9]{{3}})+"
    if separator and not separator.isspace() and re.fullmatch(groups, text):
        text = text.replace(separator, "")
    if not re.fullmatch(r"-?[0-9]+", text):
        return None
    digits = text.lstrip("-")
    if len(digits) > MAX_DIGITS:
        # Far more than any total: keep the sign, never turn 10,000 digits into an int.
        return -(10**MAX_DIGITS) if text.startswith("-") else 10**MAX_DIGITS
    return int(text)


def off_by_message(question: dict, given: int) -> str:
    """How far the amounts are from the total, and which way to move them."""
    total = question["total"]
    difference = abs(total - given)
    points = question.get("unit") == "points"
    values = {"sum": amount(question, given), "difference": amount(question, difference)}
    if given > total:
        if points:
            return (
                ngettext(
                    "Your points add up to %(sum)s. Take off %(difference)s point.",
                    "Your points add up to %(sum)s. Take off %(difference)s points.",
                    difference,
                )
                % values
            )
        return gettext_now("Your amounts add up to %(sum)s. Take off %(difference)s.") % values
    if points:
        return (
            ngettext(
                "Your points add up to %(sum)s. Add %(difference)s more point.",
                "Your points add up to %(sum)s. Add %(difference)s more points.",
                difference,
            )
            % values
        )
    return gettext_now("Your amounts add up to %(sum)s. Add %(difference)s more.") % values


def median(counts: Counter) -> float | None:
    """The median of values given as ``{value: how many}``, without expanding them."""
    size = sum(counts.values())
    if not size:
        return None
    ordered = sorted(counts.items())

    def at(position: int) -> int:
        seen = 0
        for value, n in ordered:
            seen += n
            if position < seen:
                return value
        return ordered[-1][0]

    middle = size // 2
    return float(at(middle)) if size % 2 else (at(middle - 1) + at(middle)) / 2


class BudgetOptionBlock(OptionBlock):
    minimum = blocks.IntegerBlock(label=_("Least amount"), required=False, min_value=0)
    maximum = blocks.IntegerBlock(label=_("Most amount"), required=False, min_value=0)

    class Meta:
        icon = "radio-full"
        label = _("Option")


BUDGET_UNITS = [("money", _("Money (whole pounds)")), ("points", _("Points"))]


class BudgetQuestionBlock(OptionsMixin, BaseQuestionBlock):
    """A fixed total (money or points) that residents share out between the options."""

    question_type = "budget"
    choice_based = False  # amounts, not a choice: conditions cannot point at it
    total = blocks.IntegerBlock(label=_("Total to share out"), min_value=1, max_value=10**9)
    unit = blocks.ChoiceBlock(label=_("Unit"), choices=BUDGET_UNITS, default="money")
    options = blocks.ListBlock(BudgetOptionBlock(), label=_("Options"), min_num=1)

    class Meta:
        label = _("Share out a budget")
        icon = "table"

    def clean_settings(self, value):
        errors = self.clean_options(value)
        if errors:
            return errors
        total = value.get("total") or 0
        options = value.get("options") or []
        least = sum(o.get("minimum") or 0 for o in options)
        most = sum(total if o.get("maximum") is None else o["maximum"] for o in options)
        for option in options:
            low, high = option.get("minimum"), option.get("maximum")
            if low is not None and high is not None and low > high:
                return {"options": _("An option’s least amount cannot be more than its most.")}
        if least > total:
            return {"options": _("The least amounts add up to more than the total.")}
        if most < total:
            return {"options": _("The most amounts add up to less than the total.")}
        return {}

    def option_values(self, value):
        return []

    def definition(self, value):
        return {
            **BaseQuestionBlock.definition(self, value),
            "total": value.get("total") or 0,
            "unit": value.get("unit") or "money",
            "options": [
                {
                    "value": option["value"],
                    "label": option["label"],
                    "min": option.get("minimum"),
                    "max": option.get("maximum"),
                }
                for option in value.get("options") or []
            ],
        }


class Budget(QuestionType):
    name = "budget"
    block = BudgetQuestionBlock
    count_shape = "object"
    results_kind = "budget"
    results_template_name = "wagtailadmin/consultations/results/budget.html"

    def options(self, question, estates=()):
        return [(o["value"], o["label"]) for o in question.get("options", [])]

    def parse(self, form):
        question = form.question
        typed = {o["value"]: form._get(f"-{o['value']}").strip()[:100] for o in question["options"]}
        form.raw["amounts"] = typed
        if not any(typed.values()):
            return required(form, _("Enter how you would share out the total for “%(question)s”."))
        amounts = {}
        for option in question["options"]:
            text = typed[option["value"]]
            number = read_amount(text) if text else 0
            values = {"option": option["label"]}
            if number is None:
                raise ValidationError(
                    _("Enter a whole number for “%(option)s”, like %(example)s.")
                    % {**values, "example": amount(question, 25)}
                )
            if number < 0:
                raise ValidationError(_("Enter 0 or more for “%(option)s”.") % values)
            low, high = limits(question, option)
            if number < low:
                raise ValidationError(
                    _("Give “%(option)s” at least %(minimum)s.")
                    % {**values, "minimum": amount(question, low)}
                )
            if number > high:
                raise ValidationError(
                    _("Give “%(option)s” at most %(maximum)s.")
                    % {**values, "maximum": amount(question, high)}
                )
            amounts[option["value"]] = number
        given = sum(amounts.values())
        if given != question["total"]:
            raise ValidationError(off_by_message(question, given))
        return amounts

    def as_raw(self, value):
        return {"amounts": {option: str(number) for option, number in value.items()}}

    def field_anchor(self, form, estates=()):
        return f"{form.name}-{form.question['options'][0]['value']}"

    def widget_context(self, form, shown, estates=()):
        question = form.question
        typed = shown.get("amounts", {})
        points = question.get("unit") == "points"
        total = amount(question, question["total"])
        rows = []
        for option in question["options"]:
            low, high = limits(question, option)
            hint = ""
            if option.get("min") and option.get("max") is not None:
                hint = gettext_now("Between %(minimum)s and %(maximum)s") % {
                    "minimum": amount(question, low),
                    "maximum": amount(question, high),
                }
            elif option.get("min"):
                hint = gettext_now("At least %(minimum)s") % {"minimum": amount(question, low)}
            elif option.get("max") is not None:
                hint = gettext_now("At most %(maximum)s") % {"maximum": amount(question, high)}
            rows.append(
                {
                    "value": option["value"],
                    "label": option["label"],
                    "name": f"{form.name}-{option['value']}",
                    "amount": typed.get(option["value"], ""),
                    "hint": hint,
                }
            )
        # The running total's sentences, with {sum} and {difference} filled in by budget.js.
        if points:
            total_so_far = gettext_now("Points given so far: {sum} of %(total)s.")
            under = gettext_now("{difference} left to give.")
            over = gettext_now("{difference} too many: take some off.")
            exact = gettext_now("You have given all the points.")
        else:
            total_so_far = gettext_now("Shared out so far: {sum} of %(total)s.")
            under = gettext_now("{difference} left to share out.")
            over = gettext_now("{difference} over the total: take some off.")
            exact = gettext_now("You have shared out the whole amount.")
        return {
            "amounts": rows,
            "total": total,
            "total_in_words": with_unit(question, question["total"]),
            "prefix": "" if points else "£",
            # How budget.js groups the digits of its running total, like ``grouped``.
            "separator": get_format("THOUSAND_SEPARATOR"),
            "grouping": _grouping(),
            "suffix": gettext_now("points") if points else "",
            "running_total": {
                "so_far": total_so_far % {"total": total},
                "under": under,
                "over": over,
                "exact": exact,
            },
        }

    def display(self, question, answers, estates=()):
        value = answers[question["id"]]
        return [
            f"{o['label']}: {with_unit(question, value.get(o['value'], 0))}"
            for o in question["options"]
        ]

    def export_columns(self, question, estates=()):
        """One column per option, holding its amount (a number)."""
        qid, label = question["id"], question["label"]
        return [
            Column(
                f"{label}: {option['label']}",
                lambda answers, option=option["value"]: (answers.get(qid) or {}).get(option),
            )
            for option in question["options"]
        ]

    def summarise(self, result, counts):
        """Per option: how many gave it something, the mean, median and lowest and highest
        amounts, and how many gave it amounts in each fifth of the total."""
        question = result.question
        qid, total = question["id"], question["total"] or 1
        per_option: dict[str, Counter] = {o["value"]: Counter() for o in question["options"]}
        for (key, val, sub, _pos, _grp), n in counts.items():
            if key == qid and sub in per_option and re.fullmatch(r"-?[0-9]{1,15}", val):
                per_option[sub][int(val)] += n
        width = -(-total // BANDS)  # ceiling: the last band ends at the total
        bands = [(i * width, min(total, (i + 1) * width)) for i in range(BANDS)]
        result.columns = [
            gettext_now("%(low)s to %(high)s")
            % {"low": amount(question, low), "high": amount(question, high)}
            for low, high in bands
        ]
        rows = []
        for option in question["options"]:
            amounts = per_option[option["value"]]
            size = sum(amounts.values())
            mean = sum(v * n for v, n in amounts.items()) / size if size else None
            in_band = Counter()
            for value, n in amounts.items():
                in_band[min(max(value, 0) // width, BANDS - 1)] += n
            rows.append(
                {
                    "value": option["value"],
                    "label": option["label"],
                    "answered": size,
                    "mean": amount(question, round(mean)) if mean is not None else None,
                    "median": amount(question, round(median(amounts))) if size else None,
                    "min": amount(question, min(amounts)) if size else None,
                    "max": amount(question, max(amounts)) if size else None,
                    "mean_value": mean,
                    "median_value": median(amounts),
                    "cells": [
                        (in_band[i], round(100 * in_band[i] / size, 1) if size else 0.0)
                        for i in range(BANDS)
                    ],
                }
            )
        result.rows = rows

    def random_answer(self, question, estates, rng):
        """Amounts within each option's limits that add up to the total."""
        total = question["total"]
        bounds = [limits(question, o) for o in question["options"]]
        amounts = [low for low, _high in bounds]
        left = total - sum(amounts)
        order = list(range(len(bounds)))
        rng.shuffle(order)
        for position, index in enumerate(order):
            room = bounds[index][1] - amounts[index]
            # What the options after this one can still take, so the total is always reached.
            rest = sum(bounds[i][1] - amounts[i] for i in order[position + 1 :])
            least = max(0, left - rest)
            share = room if position == len(order) - 1 else rng.randint(least, min(room, left))
            share = min(max(share, least), room, left)
            amounts[index] += share
            left -= share
        step = 1000 if total >= 10_000 and question.get("unit") != "points" else 1
        answer = {o["value"]: n for o, n in zip(question["options"], amounts, strict=True)}
        return _rounded(answer, question, step) if step > 1 else answer


def _grouping() -> str:
    """The active language's ``NUMBER_GROUPING`` for budget.js: "3", or "3,2,0" for lakhs."""
    grouping = get_format("NUMBER_GROUPING")
    return (
        ",".join(str(size) for size in grouping)
        if isinstance(grouping, (list, tuple))
        else str(grouping)
    )


def _rounded(answer: dict, question: dict, step: int) -> dict:
    """Whole thousands where the limits allow (a demo reads better), the total kept exact."""
    rounded = {}
    bounds = {o["value"]: limits(question, o) for o in question["options"]}
    for option, number in answer.items():
        low, high = bounds[option]
        candidate = round(number / step) * step
        rounded[option] = candidate if low <= candidate <= high else number
    difference = question["total"] - sum(rounded.values())
    for option in rounded:
        if not difference:
            break
        low, high = bounds[option]
        moved = max(low - rounded[option], min(high - rounded[option], difference))
        rounded[option] += moved
        difference -= moved
    return rounded if not difference else answer
