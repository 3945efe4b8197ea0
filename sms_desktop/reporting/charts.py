"""Charts as matplotlib ``Figure`` objects (object API only, no pyplot state), CJK-capable.

Builders take their visible texts already translated (the UI translates); numbers, percents
and dates are formatted neutrally (``1,234``, ``45.1%``, ISO dates). Every text is created
with ``parse_math=False``: stage and reason names are user data, and ``$…$`` in them must not
switch to mathtext (which has no CJK glyphs and would misrender).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sms_desktop.domain.palette import Colour
from sms_desktop.reporting.excel import display_width
from sms_desktop.reporting.files import Progress, atomic_output
from sms_desktop.reporting.fonts import chart_rc

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from sms_desktop.services.funnel import FunnelReport

ChartFormat = Literal["png", "svg", "pdf"]

FUNNEL_SIZE = (10.0, 5.6)  # inches
STAGE_COLOR = Colour.ACCENT
WON_COLOR = Colour.SUCCESS
LOST_COLOR = Colour.NEGATIVE
NOTE_COLOR = Colour.MUTED
# A count is drawn inside its bar when the bar is at least this share of the widest one.
INSIDE_SHARE = 0.18
MAX_NAME_WIDTH = 24  # character cells of a stage or reason name on an axis


@dataclass(frozen=True, slots=True)
class FunnelLabels:
    """The translated texts of the funnel chart, passed in by the UI."""

    title: str  # figure title; the period and win rate are added on a second line
    reached: str  # funnel axes title, e.g. "Deals reaching each stage"
    conversion: str  # explains the "↓ 45.1%" marks, e.g. "conversion to the next stage"
    won: str  # the bar after the last open stage
    win_rate: str
    lost_reasons: str  # second axes title
    deals: str  # x-axis label of the lost-reasons bars
    no_reason: str  # the bar of lost deals without a reason
    no_data: str  # shown instead of a chart when there is nothing to draw


def is_chinese(language: str) -> bool:
    """``zh``, ``zh_CN``, ``zh-Hans`` … pick the Chinese names; anything else the English."""
    return language.replace("-", "_").lower().split("_")[0] == "zh"


def _short(text: str) -> str:
    """The name cut to ``MAX_NAME_WIDTH`` character cells (Chinese counts double), with …."""
    if display_width(text) <= MAX_NAME_WIDTH:
        return text
    kept = ""
    for char in text:
        if display_width(kept + char) > MAX_NAME_WIDTH - 1:
            break
        kept += char
    return kept + "…"


def _percent(value: object) -> str:
    return f"{value}%"


def funnel_figure(report: FunnelReport, *, language: str, labels: FunnelLabels) -> Figure:
    """The funnel (deals reaching each open stage, then won) beside the lost-reason bars."""
    from matplotlib.figure import Figure

    chinese = is_chinese(language)
    with chart_rc():
        # Built inside the context: each text keeps the CJK fallback family it was created with.
        fig = Figure(figsize=FUNNEL_SIZE, layout="constrained")
        heading = f"{report.period_from.isoformat()} – {report.period_to.isoformat()}"
        if report.win_rate is not None:
            heading += f"    {labels.win_rate}: {_percent(report.win_rate)}"
        fig.suptitle(f"{labels.title}\n{heading}", parse_math=False)
        if report.created == 0:
            _no_data(fig.add_subplot(), labels.no_data)
            return fig
        grid = fig.add_gridspec(1, 2, width_ratios=(3, 2))
        _draw_funnel(fig.add_subplot(grid[0]), report, chinese, labels)
        _draw_lost_reasons(fig.add_subplot(grid[1]), report, chinese, labels)
    return fig


def _no_data(ax: Axes, text: str) -> None:
    ax.set_axis_off()
    ax.text(
        0.5,
        0.5,
        text,
        transform=ax.transAxes,
        ha="center",
        va="center",
        color=NOTE_COLOR,
        fontsize=12,
        parse_math=False,
    )


def _draw_funnel(ax: Axes, report: FunnelReport, chinese: bool, labels: FunnelLabels) -> None:
    """Centred horizontal bars, widest first, each with its count; conversions in the gaps."""
    names = [_short(s.name_zh if chinese else s.name_en) for s in report.stages] + [labels.won]
    values = [s.reached for s in report.stages] + [report.won]
    colors = [STAGE_COLOR] * len(report.stages) + [WON_COLOR]
    rows = range(len(values))
    widest = max(values) or 1
    ax.barh(rows, values, left=[-v / 2 for v in values], height=0.62, color=colors)
    ax.set_yticks(rows, labels=names, parse_math=False)
    ax.set_ylim(len(values) - 0.5, -0.5)  # the first stage on top
    ax.set_xlim(-widest * 0.55, widest * 0.55)
    ax.xaxis.set_visible(False)
    ax.tick_params(axis="y", length=0)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.set_title(labels.reached, parse_math=False)
    for row, value in zip(rows, values, strict=True):
        inside = value >= widest * INSIDE_SHARE
        ax.text(
            0 if inside else value / 2 + widest * 0.02,
            row,
            f"{value:,}",
            ha="center" if inside else "left",
            va="center",
            color="white" if inside else "black",
            parse_math=False,
        )
    for row, stage in enumerate(report.stages):
        if stage.conversion_to_next is not None:
            ax.text(
                0,
                row + 0.5,
                f"↓ {_percent(stage.conversion_to_next)}",
                ha="center",
                va="center",
                fontsize=8,
                color=NOTE_COLOR,
                parse_math=False,
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "linewidth": 0},
            )
    ax.text(
        0.5,
        0.0,
        f"↓ {labels.conversion}",
        transform=ax.transAxes,
        ha="center",
        va="top",
        fontsize=8,
        color=NOTE_COLOR,
        parse_math=False,
    )


def _draw_lost_reasons(ax: Axes, report: FunnelReport, chinese: bool, labels: FunnelLabels) -> None:
    """One bar per lost reason (most frequent on top), labelled with its count."""
    from matplotlib.ticker import MaxNLocator

    ax.set_title(labels.lost_reasons, parse_math=False)
    if not report.lost_reasons:
        _no_data(ax, labels.no_data)
        return
    names = [
        labels.no_reason if r.reason_id is None else _short(r.name_zh if chinese else r.name_en)
        for r in report.lost_reasons
    ]
    counts = [r.count for r in report.lost_reasons]
    rows = range(len(counts))
    bars = ax.barh(rows, counts, height=0.62, color=LOST_COLOR)
    ax.bar_label(bars, labels=[f"{c:,}" for c in counts], padding=3, fontsize=9)
    ax.set_yticks(rows, labels=names, parse_math=False)
    ax.set_ylim(len(counts) - 0.5, -0.5)
    ax.set_xlim(0, max(counts) * 1.18)
    ax.set_xlabel(labels.deals, parse_math=False)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def save_figure(
    fig: Figure,
    path: Path,
    fmt: ChartFormat,
    *,
    dpi: float = 150,
    progress: Progress | None = None,
) -> None:
    """Write ``fig`` as PNG, SVG or PDF (fonts embedded as TrueType); replaces ``path`` whole."""
    if fmt not in ("png", "svg", "pdf"):
        raise ValueError(f"unsupported chart format: {fmt!r}")
    with chart_rc(), atomic_output(path, progress=progress) as temporary:
        fig.savefig(temporary, format=fmt, dpi=dpi)
