"""Where the progress chart's axis labels go (news.charts): the layout the browser test
(tests/browser/test_reflow.py) then checks on screen."""

from datetime import date

from news.charts import WIDTH, _date_ticks


def x_for(day: date) -> float:
    # One pixel a day from 1 January 2026, across the chart's width for the first 600 days.
    return (day - date(2026, 1, 1)).days * WIDTH / 600


def test_first_date_starts_and_last_date_ends_at_its_position_so_neither_is_clipped():
    ticks = _date_ticks([date(2026, 1, 1), date(2027, 8, 24)], x_for)
    assert [tick.align for tick in ticks] == ["start", "end"]
    assert [round(tick.percent) for tick in ticks] == [0, 100]


def test_a_date_label_in_the_middle_is_kept_when_there_is_room():
    days = [date(2026, 1, 1), date(2026, 10, 28), date(2027, 8, 24)]
    ticks = _date_ticks(days, x_for)
    assert [tick.value for tick in ticks] == days
    assert ticks[1].align == "middle"


def test_a_date_label_too_close_to_the_last_is_left_out():
    # A target date a month before the last measurement: the labels would overlap on a phone.
    days = [date(2026, 1, 1), date(2027, 7, 24), date(2027, 8, 24)]
    ticks = _date_ticks(days, x_for)
    assert [tick.value for tick in ticks] == [days[0], days[-1]]
