"""Geometry for a commitment's progress chart, drawn as inline SVG by the template.

The chart is a picture of the data table shown beside it, not a replacement: the table is the
accessible version, and the SVG carries a text alternative summarising the same figures.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

WIDTH = 640
HEIGHT = 300
LEFT = 64
RIGHT = 24
TOP = 20
BOTTOM = 44


@dataclass
class ChartPoint:
    x: float
    y: float
    date: date
    value: Decimal


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
    y_ticks: list[tuple[float, Decimal]] = field(default_factory=list)
    x_ticks: list[tuple[float, date]] = field(default_factory=list)

    @property
    def target_diamond(self) -> str:
        x, y, r = self.target.x, self.target.y, 7
        return f"{x:.1f},{y - r:.1f} {x + r:.1f},{y:.1f} {x:.1f},{y + r:.1f} {x - r:.1f},{y:.1f}"

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
        y_ticks.append((y_for(tick), int(tick) if tick == tick.to_integral_value() else tick))
        tick += step
    x_ticks = [
        (x_for(first_day), first_day),
        (x_for(commitment.target_date), commitment.target_date),
    ]
    if last_day != commitment.target_date:
        x_ticks.append((x_for(last_day), last_day))
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
        x_ticks=x_ticks,
    )
