"""How a commitment's status is derived. Status is never typed in: it follows from the facts.

The rules, applied on ``today`` (a date in Europe/London):

Commitments with a measure (baseline value and date, target value, lower or higher is better):

1. **Achieved**: on or before the target date, the latest measurement meets the target (at or
   below it when lower is better, at or above it otherwise). After the target date, achieved
   only if the latest measurement dated on or before the target date met it: meeting the target
   late does not turn a missed commitment into an achieved one.
2. **Missed**: the target date has passed (``today`` is after it) and rule 1 did not hold,
   including when there is no measurement at all. The target date itself still counts as in time.
3. **Not started**: the target date has not passed and there is no measurement yet.
4. **On track**: the target date has not passed and the latest measurement is at least as good
   as the straight line from the baseline to the target says it should be on that
   measurement's date.
5. **At risk**: the target date has not passed and the latest measurement is worse than that
   line.

Commitments without a measure (a milestone, such as setting up a panel) use two dates staff
record as facts: the day work started and the day it was delivered.

1. **Achieved**: delivered on or before the target date (and not in the future).
2. **Missed**: the target date has passed and it was not delivered by then.
3. **On track**: work has started (on or before ``today``) and the target date has not passed.
4. **Not started**: otherwise. A milestone is never "at risk": there is no figure to judge it by.

Override point: ``derive_status`` is a pure function of its arguments; callers (the commitment
page, selectors, the home page) pass the measurements they have already loaded.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class CommitmentStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    ACHIEVED = "achieved", _("Achieved")
    MISSED = "missed", _("Missed")


# GOV.UK tag colours per status; the words, not the colour, carry the meaning.
STATUS_TAG_CLASSES = {
    CommitmentStatus.NOT_STARTED: "govuk-tag--grey",
    CommitmentStatus.ON_TRACK: "govuk-tag--blue",
    CommitmentStatus.AT_RISK: "govuk-tag--orange",
    CommitmentStatus.ACHIEVED: "govuk-tag--green",
    CommitmentStatus.MISSED: "govuk-tag--red",
}


@dataclass(frozen=True)
class Measure:
    baseline_value: Decimal
    baseline_date: date
    target_value: Decimal
    lower_is_better: bool

    def meets_target(self, value: Decimal) -> bool:
        if self.lower_is_better:
            return value <= self.target_value
        return value >= self.target_value

    def expected_on(self, day: date, target_date: date) -> Decimal:
        """The value the straight line from baseline to target gives for ``day``."""
        span = (target_date - self.baseline_date).days
        if span <= 0:
            return self.target_value
        elapsed = min(max((day - self.baseline_date).days, 0), span)
        change = self.target_value - self.baseline_value
        return self.baseline_value + change * Decimal(elapsed) / Decimal(span)

    def as_good_as(self, value: Decimal, expected: Decimal) -> bool:
        return value <= expected if self.lower_is_better else value >= expected


@dataclass(frozen=True)
class Point:
    date: date
    value: Decimal


def derive_status(
    *,
    today: date,
    target_date: date,
    measure: Measure | None,
    measurements: Iterable[Point] = (),
    started_on: date | None = None,
    delivered_on: date | None = None,
) -> CommitmentStatus:
    """The commitment's status on ``today`` under the rules in this module's docstring."""
    if measure is None:
        return _milestone_status(
            today=today, target_date=target_date, started_on=started_on, delivered_on=delivered_on
        )
    # Measurements recorded with a future date are not yet evidence of anything.
    points = sorted((p for p in measurements if p.date <= today), key=lambda p: p.date)
    if today > target_date:
        in_time = [p for p in points if p.date <= target_date]
        if in_time and measure.meets_target(in_time[-1].value):
            return CommitmentStatus.ACHIEVED
        return CommitmentStatus.MISSED
    if not points:
        return CommitmentStatus.NOT_STARTED
    latest = points[-1]
    if measure.meets_target(latest.value):
        return CommitmentStatus.ACHIEVED
    expected = measure.expected_on(latest.date, target_date)
    if measure.as_good_as(latest.value, expected):
        return CommitmentStatus.ON_TRACK
    return CommitmentStatus.AT_RISK


def _milestone_status(
    *, today: date, target_date: date, started_on: date | None, delivered_on: date | None
) -> CommitmentStatus:
    if delivered_on is not None and delivered_on <= today and delivered_on <= target_date:
        return CommitmentStatus.ACHIEVED
    if today > target_date:
        return CommitmentStatus.MISSED
    if started_on is not None and started_on <= today:
        return CommitmentStatus.ON_TRACK
    return CommitmentStatus.NOT_STARTED
