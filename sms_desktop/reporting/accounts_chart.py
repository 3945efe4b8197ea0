"""The ABC Pareto chart: customers by revenue, largest first, against the cumulative share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sms_desktop.domain.palette import Colour
from sms_desktop.reporting.charts import NOTE_COLOR
from sms_desktop.reporting.fonts import chart_rc

if TYPE_CHECKING:
    from matplotlib.figure import Figure

PARETO_SIZE = (6.4, 3.4)  # inches
CURVE_COLOR = Colour.ACCENT
BAND_COLORS = (Colour.SUCCESS, Colour.ATTENTION, Colour.NEUTRAL)  # A, B, C


@dataclass(frozen=True, slots=True)
class ParetoLabels:
    """The translated texts of the chart, passed in by the caller."""

    title: str
    customers: str  # x axis: share of customers
    revenue: str  # y axis: cumulative share of revenue
    classes: Sequence[str]  # "A · 13 customers" …
    empty: str


def pareto_figure(
    curve: Sequence[tuple[float, float]],
    class_shares: Sequence[float],
    thresholds: tuple[int, int],
    labels: ParetoLabels,
) -> Figure:
    """The cumulative revenue curve over the share of customers, with the A, B and C bands
    (``class_shares``: each class's share of the customers in percent) and the thresholds."""
    from matplotlib.figure import Figure

    with chart_rc():
        fig = Figure(figsize=PARETO_SIZE, layout="constrained")
        ax = fig.add_subplot()
        if not curve:
            ax.text(0.5, 0.5, labels.empty, ha="center", va="center", color=NOTE_COLOR)
            ax.set_axis_off()
            return fig
        start = 0.0
        for share, colour, text in zip(class_shares, BAND_COLORS, labels.classes, strict=False):
            if share > 0:
                ax.axvspan(start, start + share, color=colour, alpha=0.15, label=text, lw=0)
            start += share
        ax.plot([x for x, _ in curve], [y for _, y in curve], color=CURVE_COLOR, linewidth=2)
        for threshold in thresholds:
            ax.axhline(threshold, color=NOTE_COLOR, linewidth=0.8, linestyle="--")
            ax.text(101, threshold, f"{threshold} %", va="center", fontsize=7, color=NOTE_COLOR)
        ax.set_xlim(0, 100)
        ax.set_ylim(0, 102)
        ax.set_xlabel(labels.customers, fontsize=8)
        ax.set_ylabel(labels.revenue, fontsize=8)
        ax.tick_params(labelsize=8)
        ax.set_title(labels.title, fontsize=10, parse_math=False)
        ax.spines[["top", "right"]].set_visible(False)
        legend = ax.legend(fontsize=8, frameon=False, loc="lower right")
        for item in legend.get_texts():
            item.set_color(NOTE_COLOR)
    return fig
