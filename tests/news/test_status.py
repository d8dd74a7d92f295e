"""The commitment status rules at their edges (see news.status)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from news.status import CommitmentStatus, Measure, Point, derive_status

TARGET_DATE = date(2025, 9, 30)
BASELINE_DATE = date(2025, 3, 31)

# The backlog of repairs older than three months: 1,000 down to 0 (lower is better).
BACKLOG = Measure(
    baseline_value=Decimal(1000),
    baseline_date=BASELINE_DATE,
    target_value=Decimal(0),
    lower_is_better=True,
)
# Complaints answered on time: 60% up to 90% (higher is better).
ON_TIME = Measure(
    baseline_value=Decimal(60),
    baseline_date=BASELINE_DATE,
    target_value=Decimal(90),
    lower_is_better=False,
)


def status(measure, points, today, **kwargs):
    return derive_status(
        today=today,
        target_date=TARGET_DATE,
        measure=measure,
        measurements=[Point(d, Decimal(v)) for d, v in points],
        **kwargs,
    )


def test_no_measurement_yet_is_not_started_until_the_target_date_passes():
    assert status(BACKLOG, [], BASELINE_DATE) == CommitmentStatus.NOT_STARTED
    assert status(BACKLOG, [], TARGET_DATE) == CommitmentStatus.NOT_STARTED
    assert status(BACKLOG, [], TARGET_DATE + timedelta(days=1)) == CommitmentStatus.MISSED


def test_target_met_exactly_on_the_target_date_is_achieved_then_and_afterwards():
    points = [(date(2025, 6, 30), 500), (TARGET_DATE, 0)]
    assert status(BACKLOG, points, TARGET_DATE) == CommitmentStatus.ACHIEVED
    assert status(BACKLOG, points, date(2026, 1, 1)) == CommitmentStatus.ACHIEVED


def test_target_not_met_on_the_target_date_is_at_risk_that_day_and_missed_the_day_after():
    points = [(TARGET_DATE, 1)]
    assert status(BACKLOG, points, TARGET_DATE) == CommitmentStatus.AT_RISK
    assert status(BACKLOG, points, TARGET_DATE + timedelta(days=1)) == CommitmentStatus.MISSED


def test_meeting_the_target_late_does_not_turn_missed_into_achieved():
    points = [(TARGET_DATE, 10), (TARGET_DATE + timedelta(days=1), 0)]
    assert status(BACKLOG, points, date(2025, 12, 1)) == CommitmentStatus.MISSED


def test_lower_is_better_compares_against_the_straight_line_from_baseline_to_target():
    # Halfway through (29 June is 90 of 183 days) the line expects about 508.
    halfway = date(2025, 6, 29)
    assert status(BACKLOG, [(halfway, 500)], halfway) == CommitmentStatus.ON_TRACK
    assert status(BACKLOG, [(halfway, 600)], halfway) == CommitmentStatus.AT_RISK
    # Exactly on the line counts as on track.
    assert status(BACKLOG, [(BASELINE_DATE, 1000)], BASELINE_DATE) == CommitmentStatus.ON_TRACK


def test_higher_is_better_is_the_mirror_image():
    halfway = date(2025, 6, 29)
    assert status(ON_TIME, [(halfway, 80)], halfway) == CommitmentStatus.ON_TRACK
    assert status(ON_TIME, [(halfway, 70)], halfway) == CommitmentStatus.AT_RISK
    assert status(ON_TIME, [(halfway, 90)], halfway) == CommitmentStatus.ACHIEVED
    assert status(ON_TIME, [(halfway, 89.99)], halfway) == CommitmentStatus.ON_TRACK
    # The same figures with the direction flipped would be read the other way round.
    assert status(BACKLOG, [(halfway, 0)], halfway) == CommitmentStatus.ACHIEVED


def test_status_follows_the_latest_measurement_even_if_an_earlier_one_met_the_target():
    points = [(date(2025, 5, 1), 90), (date(2025, 6, 1), 65)]
    assert status(ON_TIME, points, date(2025, 6, 2)) == CommitmentStatus.AT_RISK


def test_after_the_deadline_the_last_measurement_in_time_decides():
    points = [(date(2025, 8, 1), 95), (date(2025, 9, 15), 85)]
    assert status(ON_TIME, points, date(2025, 10, 1)) == CommitmentStatus.MISSED


def test_measurements_dated_in_the_future_are_ignored():
    points = [(date(2025, 7, 1), 0)]
    assert status(BACKLOG, points, date(2025, 6, 1)) == CommitmentStatus.NOT_STARTED


def test_baseline_on_or_after_the_target_date_expects_the_target_at_once():
    measure = Measure(
        baseline_value=Decimal(10),
        baseline_date=TARGET_DATE,
        target_value=Decimal(0),
        lower_is_better=True,
    )
    assert status(measure, [(TARGET_DATE, 5)], TARGET_DATE) == CommitmentStatus.AT_RISK


@pytest.mark.parametrize(
    ("today", "started", "delivered", "expected"),
    [
        (date(2025, 4, 1), None, None, CommitmentStatus.NOT_STARTED),
        (date(2025, 4, 1), date(2025, 5, 1), None, CommitmentStatus.NOT_STARTED),
        (date(2025, 5, 1), date(2025, 5, 1), None, CommitmentStatus.ON_TRACK),
        (TARGET_DATE, date(2025, 5, 1), TARGET_DATE, CommitmentStatus.ACHIEVED),
        (TARGET_DATE, date(2025, 5, 1), None, CommitmentStatus.ON_TRACK),
        (TARGET_DATE + timedelta(days=1), date(2025, 5, 1), None, CommitmentStatus.MISSED),
        (date(2026, 1, 1), None, TARGET_DATE + timedelta(days=1), CommitmentStatus.MISSED),
        (date(2025, 6, 1), None, date(2025, 7, 1), CommitmentStatus.NOT_STARTED),
    ],
)
def test_milestones_without_a_measure_use_their_start_and_delivery_dates(
    today, started, delivered, expected
):
    assert status(None, [], today, started_on=started, delivered_on=delivered) == expected
