"""A salesperson's trend over the last periods: actual bars against the target line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from sms_desktop.domain.palette import Colour
from sms_desktop.reporting.charts import NOTE_COLOR, STAGE_COLOR, WON_COLOR
from sms_desktop.reporting.fonts import chart_rc

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TREND_SIZE = (6.4, 3.2)  # inches
TARGET_COLOR = Colour.NEGATIVE


@dataclass(frozen=True, slots=True)
class TrendLabels:
    """The translated texts of the trend chart, passed in by the UI."""

    title: str
    actual: str
    target: str
    periods: Sequence[str]  # one short name per point, oldest first


def trend_figure(
    actuals: Sequence[Decimal],
    targets: Sequence[Decimal | None],
    labels: TrendLabels,
    *,
    reached: Sequence[bool] | None = None,
) -> Figure:
    """Bars of the actuals (green where the target was reached) and the targets as a line
    (gaps where there was none)."""
    from matplotlib.figure import Figure

    with chart_rc():
        fig = Figure(figsize=TREND_SIZE, layout="constrained")
        ax = fig.add_subplot()
        xs = list(range(len(actuals)))
        hit = reached or [False] * len(actuals)
        colors = [WON_COLOR if ok else STAGE_COLOR for ok in hit]
        # floats only for drawing; every figure shown as text comes from the Decimals
        ax.bar(xs, [float(v) for v in actuals], color=colors, label=labels.actual)
        ax.plot(
            xs,
            [float(t) if t is not None else float("nan") for t in targets],
            color=TARGET_COLOR,
            marker="o",
            markersize=3,
            linewidth=1.5,
            zorder=3,  # over the bars
            label=labels.target,
        )
        ax.set_xticks(xs, list(labels.periods), fontsize=8)
        ax.tick_params(axis="y", labelsize=8)
        ax.yaxis.set_major_formatter(_compact)
        ax.set_title(labels.title, fontsize=10, parse_math=False)
        ax.spines[["top", "right"]].set_visible(False)
        legend = ax.legend(fontsize=8, frameon=False, loc="upper left")
        for text in legend.get_texts():
            text.set_color(NOTE_COLOR)
    return fig


def _compact(value: float, _position: float) -> str:
    """Axis ticks: 1.2M, 350K, 40."""
    magnitude = abs(value)
    if magnitude >= 1_000_000:
        return f"{value / 1_000_000:.1f}M"
    if magnitude >= 1_000:
        return f"{value / 1_000:.0f}K"
    return f"{value:.0f}"
