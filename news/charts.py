"""Geometry for a commitment's progress chart, drawn as inline SVG by the template.

The chart is a picture of the data table shown beside it, not a replacement: the table is the
accessible version, and the SVG carries a text alternative summarising the same figures.

The SVG holds only the plot and scales with the page; the axis labels are HTML text placed beside
it at percentages of its size (``AxisTick.percent``), so they keep the page's text size on a
320-pixel phone instead of shrinking with the drawing, and none is cut off at an edge.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

WIDTH = 600
HEIGHT = 280
# Room inside the plot for the points and the target diamond at its edges.
LEFT = 10
RIGHT = 10
TOP = 10
BOTTOM = 10
# Date labels closer than this (a share of the width) to the one before would overlap on a
# phone; such a label is left out (its date is in the table). The first and last always show.
MIN_X_LABEL_GAP = 0.3


@dataclass
class ChartPoint:
    x: float
    y: float
    date: date
    value: Decimal


@dataclass
class AxisTick:
    """A labelled value on an axis: ``position`` in SVG units, ``percent`` of the plot's size
    (from the left for dates, from the top for values), and how the label aligns to it."""

    position: float
    percent: float
    value: object
    align: str = "middle"  # "start", "middle" or "end" of the label at the position


@dataclass
class Chart:
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int
    points: list[ChartPoint]
    baseline: ChartPoint
    target: ChartPoint
    y_ticks: list[AxisTick] = field(default_factory=list)
    x_ticks: list[AxisTick] = field(default_factory=list)

    @property
    def target_diamond(self) -> str:
        x, y, r = self.target.x, self.target.y, 7
        return f"{x:.1f},{y - r:.1f} {x + r:.1f},{y:.1f} {x:.1f},{y + r:.1f} {x - r:.1f},{y:.1f}"

    @property
    def widest_value(self):
        """The value label with the most characters, which sets the width of the value axis."""
        return max((tick.value for tick in self.y_ticks), key=lambda value: len(str(value)))

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in [self.baseline, *self.points])


def _nice_step(span: Decimal, ticks: int = 5) -> Decimal:
    raw = span / ticks if span > 0 else Decimal(1)
    magnitude = Decimal(10) ** (len(str(int(raw))) - 1) if raw >= 1 else Decimal("0.1")
    for multiple in (1, 2, 5, 10):
        step = magnitude * multiple
        if step >= raw:
            return step
    return magnitude * 10


def measurement_chart(*, commitment, measurements) -> Chart | None:
    """Coordinates for ``commitment``'s chart, or ``None`` when it has no measure."""
    measure = commitment.measure
    if measure is None:
        return None
    values = [measure.baseline_value, measure.target_value, *(m.value for m in measurements)]
    low = min(min(values), Decimal(0))
    step = _nice_step(max(values) - low)
    high = (max(values) / step).to_integral_value(rounding="ROUND_CEILING") * step
    if high <= low:
        high = low + step
    first_day = min([measure.baseline_date, *(m.date for m in measurements)])
    last_day = max([commitment.target_date, *(m.date for m in measurements)])
    days = max((last_day - first_day).days, 1)
    plot_right = WIDTH - RIGHT
    plot_bottom = HEIGHT - BOTTOM

    def x_for(day: date) -> float:
        return LEFT + (plot_right - LEFT) * (day - first_day).days / days

    def y_for(value: Decimal) -> float:
        return plot_bottom - float((value - low) / (high - low)) * (plot_bottom - TOP)

    def point(day: date, value: Decimal) -> ChartPoint:
        return ChartPoint(x=x_for(day), y=y_for(value), date=day, value=value)

    y_ticks = []
    tick = low
    while tick <= high:
        y = y_for(tick)
        value = int(tick) if tick == tick.to_integral_value() else tick
        y_ticks.append(AxisTick(position=y, percent=100 * y / HEIGHT, value=value))
        tick += step
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        plot_left=LEFT,
        plot_right=plot_right,
        plot_top=TOP,
        plot_bottom=plot_bottom,
        points=[point(m.date, m.value) for m in measurements],
        baseline=point(measure.baseline_date, measure.baseline_value),
        target=point(commitment.target_date, measure.target_value),
        y_ticks=y_ticks,
        x_ticks=_date_ticks(sorted({first_day, commitment.target_date, last_day}), x_for),
    )


def _date_ticks(days: list[date], x_for) -> list[AxisTick]:
    """Ticks for ``days`` (in order): the first label starts at its date, the last ends at its
    date, the others are centred; a middle label too close to a neighbour is left out."""
    ticks = [
        AxisTick(position=x_for(day), percent=100 * x_for(day) / WIDTH, value=day) for day in days
    ]
    ticks[0].align = "start"
    if len(ticks) > 1:
        ticks[-1].align = "end"
    gap = 100 * MIN_X_LABEL_GAP
    kept = [ticks[0]]
    for tick in ticks[1:-1]:
        if tick.percent - kept[-1].percent >= gap and ticks[-1].percent - tick.percent >= gap:
            kept.append(tick)
    if len(ticks) > 1:
        kept.append(ticks[-1])
    return kept
