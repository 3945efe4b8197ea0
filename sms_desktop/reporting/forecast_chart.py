"""The forecast charts (#16): history, forecast with its 80 % band, what earlier forecasts
said of periods now past, the target line; and a past forecast set against what happened.

Texts come in translated (:class:`ForecastChartLabels`); amounts are drawn from the stored
``Decimal`` figures (floats only for drawing). Formatters are partials of module functions,
so a saved copy of the figure pickles (ui/table_export.py ``save_chart``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from typing import TYPE_CHECKING

from sms_desktop.domain.palette import Colour
from sms_desktop.reporting.charts import is_chinese
from sms_desktop.reporting.dashboard_charts import compact_money
from sms_desktop.reporting.fonts import chart_rc

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

FORECAST_SIZE = (8.0, 3.6)  # inches
HISTORY_SHOWN = 36  # periods of history before the forecast
HISTORY_COLOR = Colour.ACCENT
FORECAST_COLOR = Colour.COMPARE
BAND_COLOR = Colour.ACCENT_LIGHT
PAST_COLOR = Colour.MUTED
TARGET_COLOR = Colour.NEGATIVE
NOTE_COLOR = Colour.MUTED


@dataclass(frozen=True, slots=True)
class ForecastChartLabels:
    """The translated texts of the forecast charts, passed in by the UI."""

    title: str
    history: str  # the actual line
    forecast: str
    band: str  # "80 % interval"
    past: str  # the marks of earlier forecasts
    target: str
    no_data: str


@dataclass(frozen=True, slots=True)
class ChartPoint:
    label: str  # 2026-03 or 2026-Q1
    value: Decimal


@dataclass(frozen=True, slots=True)
class ChartForecast:
    label: str
    forecast: Decimal
    low: Decimal
    high: Decimal


def new_forecast_figure() -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=FORECAST_SIZE, layout="constrained")


def _tick(money: bool, chinese: bool, value: float, _position: int) -> str:
    return compact_money(value, chinese) if money else f"{value:,.0f}"


def _axes(fig: Figure, title: str, money: bool, language: str) -> Axes:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    fig.clear()
    ax = fig.add_subplot()
    ax.set_title(title, fontsize=10, parse_math=False)
    ax.yaxis.set_major_formatter(FuncFormatter(partial(_tick, money, is_chinese(language))))
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5))
    ax.tick_params(labelsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ax


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


def _ticks(ax: Axes, labels: Sequence[str]) -> None:
    step = max(1, len(labels) // 12)
    last = len(labels) - 1
    shown = [i for i in range(len(labels)) if (last - i) % step == 0]
    ax.set_xticks(shown, labels=[labels[i] for i in shown])
    ax.tick_params(axis="x", rotation=30)


def draw_forecast(
    fig: Figure,
    history: Sequence[ChartPoint],
    periods: Sequence[ChartForecast],
    labels: ForecastChartLabels,
    *,
    language: str,
    money: bool = True,
    past: Sequence[ChartPoint] = (),
    targets: Sequence[ChartPoint] = (),
) -> None:
    """History as a line, the forecast dashed after it with its band, earlier forecasts of
    past periods as marks (``past``: one per period, by label), targets as a step line."""
    with chart_rc():
        ax = _axes(fig, labels.title, money, language)
        if not history and not periods:
            _no_data(ax, labels.no_data)
            return
        shown = list(history[-HISTORY_SHOWN:])
        names = [p.label for p in shown] + [p.label for p in periods]
        place = {name: i for i, name in enumerate(names)}
        ax.plot(
            range(len(shown)),
            [float(p.value) for p in shown],
            color=HISTORY_COLOR,
            linewidth=1.6,
            marker="o",
            markersize=2.5,
            label=labels.history,
        )
        if periods:
            xs = list(range(len(shown), len(names)))
            joined = ([len(shown) - 1] if shown else []) + xs
            start = [float(shown[-1].value)] if shown else []
            ax.fill_between(
                xs,
                [float(p.low) for p in periods],
                [float(p.high) for p in periods],
                color=BAND_COLOR,
                alpha=0.45,
                linewidth=0,
                label=labels.band,
            )
            ax.plot(
                joined,
                start + [float(p.forecast) for p in periods],
                color=FORECAST_COLOR,
                linewidth=1.8,
                linestyle="--",
                label=labels.forecast,
            )
        marks = [(place[p.label], float(p.value)) for p in past if p.label in place]
        if marks:
            ax.scatter(
                [x for x, _v in marks],
                [v for _x, v in marks],
                marker="x",
                s=22,
                color=PAST_COLOR,
                zorder=4,
                label=labels.past,
            )
        lines = [(place[t.label], float(t.value)) for t in targets if t.label in place]
        if lines:
            ax.plot(
                [x for x, _v in lines],
                [v for _x, v in lines],
                drawstyle="steps-mid",
                marker="_",
                markersize=14,
                markeredgewidth=2,
                color=TARGET_COLOR,
                linewidth=1.2,
                label=labels.target,
            )
        _ticks(ax, names)
        ax.set_ylim(bottom=0)
        _legend(fig, ax)


def _legend(fig: Figure, ax: Axes) -> None:
    """Below the axes, outside the data: the history fills the plot's left side."""
    handles, names = ax.get_legend_handles_labels()
    legend = fig.legend(
        handles, names, loc="outside lower center", ncols=len(names), fontsize=8, frameon=False
    )
    for text in legend.get_texts():
        text.set_color(NOTE_COLOR)


@dataclass(frozen=True, slots=True)
class AccuracyLabels:
    title: str
    actual: str
    no_data: str


def draw_accuracy(
    fig: Figure,
    periods: Sequence[str],
    actual: Sequence[Decimal | None],
    forecasts: Sequence[tuple[str, Sequence[ChartForecast]]],
    labels: AccuracyLabels,
    *,
    language: str,
    money: bool = True,
) -> None:
    """What happened per period (bars) against what was forecast for it, one line per
    series of forecasts (``forecasts``: its name, e.g. "made 1 period before", and its
    periods), each with its 80 % interval as error bars."""
    with chart_rc():
        ax = _axes(fig, labels.title, money, language)
        if not periods:
            _no_data(ax, labels.no_data)
            return
        place = {name: i for i, name in enumerate(periods)}
        ax.bar(
            range(len(periods)),
            [0.0 if v is None else float(v) for v in actual],
            color=HISTORY_COLOR,
            alpha=0.75,
            label=labels.actual,
        )
        colours = (FORECAST_COLOR, Colour.SUCCESS, Colour.WARNING, Colour.KIND_MEETING)
        for index, (name, rows) in enumerate(forecasts):
            points = [(place[r.label], r) for r in rows if r.label in place]
            if not points:
                continue
            xs = [x for x, _r in points]
            colour = colours[index % len(colours)]
            ax.errorbar(
                xs,
                [float(r.forecast) for _x, r in points],
                yerr=[
                    [float(r.forecast - r.low) for _x, r in points],
                    [float(r.high - r.forecast) for _x, r in points],
                ],
                color=colour,
                marker="o",
                markersize=3,
                linewidth=1.2,
                capsize=2,
                label=name,
            )
        _ticks(ax, list(periods))
        ax.set_ylim(bottom=0)
        _legend(fig, ax)


@dataclass(frozen=True, slots=True)
class CalibrationLabels:
    title: str
    model: str
    stage: str
    ideal: str
    predicted: str  # x axis
    observed: str  # y axis
    no_data: str


def draw_calibration(
    fig: Figure,
    model: Sequence[tuple[float, float, int]],
    stage: Sequence[tuple[float, float, int]],
    labels: CalibrationLabels,
) -> None:
    """The reliability chart: per band, the mean predicted chance against the observed win
    rate (a marker's size grows with its deals), the model's beside the stage defaults'."""
    from matplotlib.ticker import PercentFormatter

    with chart_rc():
        fig.clear()
        ax = fig.add_subplot()
        ax.set_title(labels.title, fontsize=10, parse_math=False)
        if not model and not stage:
            _no_data(ax, labels.no_data)
            return
        ax.plot([0, 1], [0, 1], color=NOTE_COLOR, linewidth=0.8, linestyle=":", label=labels.ideal)
        for bands, colour, name, marker in (
            (stage, Colour.NEUTRAL, labels.stage, "s"),
            (model, HISTORY_COLOR, labels.model, "o"),
        ):
            if not bands:
                continue
            # Marks only, no line between bands: a band of one deal must not look like a
            # trend. A mark's size grows with its deals, and each says how many.
            ax.scatter(
                [p for p, _o, _n in bands],
                [o for _p, o, _n in bands],
                s=[12 + 4 * min(n, 60) for _p, _o, n in bands],
                color=colour,
                marker=marker,
                alpha=0.85,
                zorder=3,
                label=name,
            )
            if colour == HISTORY_COLOR:
                for p, o, n in bands:
                    ax.annotate(
                        f"{n}",
                        (p, o),
                        textcoords="offset points",
                        xytext=(6, -3),
                        fontsize=7,
                        color=NOTE_COLOR,
                    )
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        ax.set_xlabel(labels.predicted, fontsize=8, parse_math=False)
        ax.set_ylabel(labels.observed, fontsize=8, parse_math=False)
        ax.tick_params(labelsize=8)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        _legend(fig, ax)
