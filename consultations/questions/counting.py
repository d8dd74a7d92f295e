"""What the results page counts answers into, shared by every type's ``summarise``.

``consultations.analysis.results`` counts every answer once (on PostgreSQL or in Python) and
hands each question's type a ``Counts``; the type fills in its ``QuestionResult`` from them with
these pieces (bars, split tables, percentages) and its results template shows them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any


@dataclass
class Bar:
    value: str
    label: str
    count: int
    percent: float


@dataclass
class Split:
    """Counts of each option per group (language, channel or estate)."""

    groups: list[tuple[str, str]]
    rows: list[dict]  # {"label", "cells": [(count, percent), ...]} one cell per group


def percent(count: int, of: int) -> float:
    return round(100 * count / of, 1) if of else 0.0


class Counts(Counter):
    """Answer values counted by their ``count_shape``, and what they were counted within.

    Keyed ``(answer key, value as text, object key or None, array position or None, group)``,
    like a plain ``Counter``. Also carries what some summaries need beyond the counts:

    * ``answered``: how many answered each key, keyed ``(answer key, group)``;
    * ``groups``: the breakdown's ``(group value, label)`` pairs (empty when not split);
    * ``estates``: the council's estates, for types whose options are estates;
    * ``aggregates``: what each type's ``aggregate`` returned, by question id.
    """

    def __init__(
        self,
        counts=(),
        *,
        answered: Counter | None = None,
        groups: list[tuple[str, str]] = (),
        estates=(),
        aggregates: dict[str, Any] | None = None,
    ):
        super().__init__(counts)
        self.answered = answered if answered is not None else Counter()
        self.groups = list(groups)
        self.estates = list(estates)
        self.aggregates = aggregates or {}

    def of(self, question_id: str):
        """``(value, object key, array position, group, count)`` for one answer key."""
        for (key, value, sub, position, group), n in self.items():
            if key == question_id:
                yield value, sub, position, group, n
