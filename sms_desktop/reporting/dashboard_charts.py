"""The dashboard's charts, drawn into a given matplotlib ``Figure`` (object API, CJK-capable).

Each ``draw_*`` function clears the figure and draws one chart, so the dashboard keeps one
figure per chart and redraws it when the filter changes, and the PDF report draws the same
charts into its own figures. Bars that stand for something the user can open carry a ``gid``
(``"customer:12"``, ``"stage:3"``, ``"salesperson:2"``) and are pickable.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from functools import partial
from typing import TYPE_CHECKING

from sms_desktop.domain.palette import Colour
from sms_desktop.reporting.charts import _short, is_chinese
from sms_desktop.reporting.excel import display_width
from sms_desktop.reporting.fonts import chart_rc
from sms_desktop.reporting.labels import ReportText

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from sms_desktop.services.dashboard import (
        CategoryRevenue,
        CustomerRevenue,
        MonthRevenue,
        StageRow,
        TargetRow,
    )

CHART_SIZE = (6.4, 3.6)  # inches
BAR_COLOR = Colour.ACCENT
LIGHT_COLOR = Colour.ACCENT_LIGHT
LINE_COLOR = Colour.COMPARE
GOOD_COLOR = Colour.SUCCESS
BAD_COLOR = Colour.NEGATIVE
NOTE_COLOR = Colour.MUTED

CHART_NAMES = ("monthly", "pipeline", "customers", "categories", "targets")


def new_figure(size: tuple[float, float] = CHART_SIZE) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=size, layout="constrained")


def compact_money(value: Decimal | float, chinese: bool) -> str:
    """An amount for an axis or a bar label: ``12.3万`` / ``1.2亿`` or ``12.3K`` / ``1.2M``."""
    amount = float(value)
    size = abs(amount)
    if chinese:
        steps: tuple[tuple[float, str], ...] = ((1e8, "亿"), (1e4, "万"))
    else:
        steps = ((1e9, "B"), (1e6, "M"), (1e3, "K"))
    for step, suffix in steps:
        if size >= step:
            return f"{amount / step:,.1f}{suffix}"
    return f"{amount:,.0f}"


def _money_tick(chinese: bool, value: float, _position: int) -> str:
    return compact_money(value, chinese)


def _money_axis(ax: Axes, axis: str, chinese: bool) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    target = ax.yaxis if axis == "y" else ax.xaxis
    # A partial of a module function, not a lambda: a saved chart is a pickled copy of the
    # figure drawn on a worker thread (ui/table_export.py).
    target.set_major_formatter(FuncFormatter(partial(_money_tick, chinese)))
    # Few ticks: a compact amount such as "125.0万" is wide.
    target.set_major_locator(MaxNLocator(nbins=5 if axis == "y" else 3))


def _fit(name: str, cells: int) -> str:
    """``name`` cut to ``cells`` character cells (Chinese counts double), with …."""
    if display_width(name) <= cells:
        return name
    kept = ""
    for char in name:
        if display_width(kept + char) > cells - 1:
            break
        kept += char
    return kept + "…"


def _tidy(ax: Axes) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


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
        parse_math=False,
    )


def _start(fig: Figure, title: str) -> Axes:
    fig.clear()
    fig.suptitle(title, parse_math=False, fontsize=11)
    return fig.add_subplot()


def draw_monthly(
    fig: Figure, months: Sequence[MonthRevenue], text: ReportText, language: str
) -> None:
    """Revenue per month as bars, the same month of the year before as a line."""
    chinese = is_chinese(language)
    with chart_rc():
        ax = _start(fig, text.monthly_title)
        if not months or not any(m.revenue or m.previous_year for m in months):
            _no_data(ax, text.no_data)
            return
        xs = range(len(months))
        values = [float(m.revenue) for m in months]
        ax.bar(xs, values, color=BAR_COLOR, label=text.this_year)
        ax.plot(
            xs,
            [float(m.previous_year) for m in months],
            color=LINE_COLOR,
            marker="o",
            markersize=3,
            linewidth=1.5,
            label=text.last_year,
        )
        ticks = [i for i in xs if (len(months) - 1 - i) % 3 == 0]
        ax.set_xticks(ticks, labels=[months[i].month.strftime("%Y-%m") for i in ticks])
        ax.tick_params(axis="x", labelsize=8, rotation=30)
        highest = max([*values, *(float(m.previous_year) for m in months)])
        ax.set_ylim(0, highest * 1.25 or 1)  # room for the legend above the bars
        _money_axis(ax, "y", chinese)
        ax.legend(loc="upper left", fontsize=8, frameon=False, ncols=2)
        _tidy(ax)


def draw_pipeline(fig: Figure, stages: Sequence[StageRow], text: ReportText, language: str) -> None:
    """Per open stage: the amount and the weighted amount as bars, the deal count beside."""
    chinese = is_chinese(language)
    with chart_rc():
        ax = _start(fig, text.pipeline_title)
        if not stages or not any(s.count for s in stages):
            _no_data(ax, text.no_data)
            return
        rows = range(len(stages))
        amounts = [float(s.amount) for s in stages]
        bars = ax.barh(
            [r - 0.2 for r in rows], amounts, height=0.4, color=BAR_COLOR, label=text.amount
        )
        ax.barh(
            [r + 0.2 for r in rows],
            [float(s.weighted) for s in stages],
            height=0.4,
            color=LIGHT_COLOR,
            label=text.weighted,
        )
        for bar, stage in zip(bars, stages, strict=True):
            bar.set_gid(f"stage:{stage.stage_id}")
            bar.set_picker(True)
        widest = max(amounts) or 1.0
        for row, stage in zip(rows, stages, strict=True):
            ax.text(
                float(stage.amount) + widest * 0.02,
                row - 0.2,
                f"{compact_money(stage.amount, chinese)} · "
                + text.deal_count.format(count=f"{stage.count:,}"),
                va="center",
                fontsize=8,
                color=NOTE_COLOR,
                parse_math=False,
            )
        ax.set_yticks(
            list(rows),
            labels=[_short(s.name_zh if chinese else s.name_en) for s in stages],
            parse_math=False,
        )
        ax.set_ylim(len(stages) - 0.5, -0.6)
        ax.set_xlim(0, widest * 1.45)
        _money_axis(ax, "x", chinese)
        ax.legend(loc="lower right", fontsize=8, frameon=False)
        _tidy(ax)


def draw_top_customers(
    fig: Figure, customers: Sequence[CustomerRevenue], text: ReportText, language: str
) -> None:
    """The customers with the most revenue as bars, their running share as a Pareto line."""
    from matplotlib.ticker import PercentFormatter

    chinese = is_chinese(language)
    with chart_rc():
        ax = _start(fig, text.top_customers_title)
        if not customers:
            _no_data(ax, text.no_data)
            return
        xs = range(len(customers))
        bars = ax.bar(xs, [float(c.revenue) for c in customers], color=BAR_COLOR)
        for bar, customer in zip(bars, customers, strict=True):
            bar.set_gid(f"customer:{customer.customer_id}")
            bar.set_picker(True)
        ax.set_xticks(
            list(xs),
            labels=[_fit(c.name, 14) for c in customers],
            parse_math=False,
            rotation=40,
            ha="right",
            fontsize=8,
        )
        _money_axis(ax, "y", chinese)
        share = ax.twinx()
        share.plot(
            xs,
            [float(c.cumulative_share or 0) for c in customers],
            color=LINE_COLOR,
            marker="o",
            markersize=3,
            label=text.cumulative_share,
        )
        share.set_ylim(0, 110)
        share.yaxis.set_major_formatter(PercentFormatter(decimals=0))
        share.legend(loc="center right", fontsize=8, frameon=False)
        ax.set_ylim(0, float(customers[0].revenue) * 1.25 or 1)
        ax.spines["top"].set_visible(False)
        share.spines["top"].set_visible(False)


def draw_categories(
    fig: Figure, categories: Sequence[CategoryRevenue], text: ReportText, language: str
) -> None:
    """Revenue per top-level product category, largest on top."""
    chinese = is_chinese(language)
    with chart_rc():
        ax = _start(fig, text.categories_title)
        if not categories:
            _no_data(ax, text.no_data)
            return
        rows = range(len(categories))
        values = [float(c.revenue) for c in categories]
        bars = ax.barh(list(rows), values, height=0.6, color=BAR_COLOR)
        total = sum(values) or 1.0
        ax.bar_label(
            bars,
            labels=[f"{compact_money(v, chinese)} ({v / total:.0%})" for v in values],
            padding=3,
            fontsize=8,
        )
        names = [
            text.uncategorised
            if c.category_id is None
            else _short(c.name_zh if chinese else c.name_en)
            for c in categories
        ]
        ax.set_yticks(list(rows), labels=names, parse_math=False)
        ax.set_ylim(len(categories) - 0.5, -0.5)
        ax.set_xlim(0, max(values) * 1.35 if max(values) > 0 else 1)
        _money_axis(ax, "x", chinese)
        _tidy(ax)


def draw_targets(
    fig: Figure, targets: Sequence[TargetRow], text: ReportText, language: str
) -> None:
    """Attainment per salesperson as bars (green from 100 %), with actual / target beside."""
    from matplotlib.ticker import PercentFormatter

    chinese = is_chinese(language)
    with chart_rc():
        ax = _start(fig, text.targets_title)
        rows_with_target = [t for t in targets if t.target > 0]
        if not rows_with_target:
            _no_data(ax, text.no_data)
            return
        rows = range(len(rows_with_target))
        values = [float(t.attainment or 0) for t in rows_with_target]
        colors = [GOOD_COLOR if v >= 100 else BAR_COLOR for v in values]
        bars = ax.barh(list(rows), values, height=0.6, color=colors)
        for bar, row in zip(bars, rows_with_target, strict=True):
            bar.set_gid(f"salesperson:{row.salesperson_id}")
            bar.set_picker(True)
        ax.bar_label(
            bars,
            labels=[
                f"{v:.1f}%  {compact_money(t.actual, chinese)} / {compact_money(t.target, chinese)}"
                for v, t in zip(values, rows_with_target, strict=True)
            ],
            padding=3,
            fontsize=8,
        )
        ax.axvline(100, color=NOTE_COLOR, linewidth=1, linestyle="--")
        ax.set_yticks(
            list(rows), labels=[_short(t.name) for t in rows_with_target], parse_math=False
        )
        ax.set_ylim(len(rows_with_target) - 0.5, -0.5)
        ax.set_xlim(0, max([*values, 100.0]) * 1.45)
        ax.xaxis.set_major_formatter(PercentFormatter(decimals=0))
        _tidy(ax)
