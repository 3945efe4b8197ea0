"""The forecast page of the management report (#16): the statistical forecast of the
company's monthly revenue with its 80 % band and its measured accuracy, the weighted
pipeline by category (commit / best case / pipeline) and the target of each coming month,
and the quarter's gap in words.

It reads through the same services as the Forecast tab (:class:`ForecastPageSource`), so
the page shows the tab's figures; the document has its own language (the word pairs
below), whatever the interface's is. Tables hold plain strings, the few ``Paragraph``\\ s
escaped text only.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from sms_desktop.domain.forecast import Fallback, Granularity, Method
from sms_desktop.domain.palette import Colour
from sms_desktop.reporting.charts import is_chinese
from sms_desktop.services.forecast import Forecast, ForecastMetric, ForecastService
from sms_desktop.services.pipeline_forecast import (
    PipelineForecast,
    PipelineForecastService,
    Together,
)

HORIZON = 6  # months on the page
CHART_DPI = 150

_WORDS: dict[str, tuple[str, str]] = {
    "title": ("销售预测", "Sales forecast"),
    "subtitle": (
        "按月营业收入（不含税），截至 {date} 之前的订单；80% 预测区间。",
        "Monthly revenue (net of tax) from the orders dated before {date}; 80 % interval.",
    ),
    "method": ("预测方法：{method}", "Method: {method}"),
    "accuracy": (
        "回测误差 WAPE {wape}（季节性朴素基准 {baseline}），{origins} 个回测起点；"
        "80% 区间的回测覆盖率 {coverage}。",
        "Backtest error WAPE {wape} (seasonal-naive baseline {baseline}) over {origins} "
        "origins; the 80 % interval held {coverage} of the backtest actuals.",
    ),
    "fallback": ("使用较简单的方法：{why}", "A simpler method was used: {why}"),
    "no_forecast": ("没有可供预测的历史数据。", "There is no history to forecast from."),
    "gap": (
        "按当前预测，本季度目标可完成 {percent}%。",
        "At the current forecast, this quarter's target will be {percent}% met.",
    ),
    "period": ("期间", "Period"),
    "forecast": ("预测", "Forecast"),
    "low": ("下限", "Low"),
    "high": ("上限", "High"),
    "weighted": ("加权商机", "Weighted pipeline"),
    "commit": ("承诺", "Commit"),
    "best_case": ("最佳情况", "Best case"),
    "pipeline": ("商机", "Pipeline"),
    "target": ("目标", "Target"),
    "pipeline_note": (
        "加权商机：预计在该期间成交的未结商机 × 赢单概率；承诺 ≥ {commit}%（或手动标记），"
        "最佳情况 ≥ {best}%。",
        "Weighted pipeline: open deals expected to close in the period × their probability; "
        "commit ≥ {commit} % (or flagged by hand), best case ≥ {best} %.",
    ),
    "chart_title": ("营业收入：历史与预测", "Revenue: history and forecast"),
    "actual": ("实际", "Actual"),
    "band": ("80% 区间", "80 % interval"),
    "no_data": ("没有可供预测的历史数据", "No history to forecast from"),
}

_METHODS: dict[Method, tuple[str, str]] = {
    Method.NAIVE: ("沿用上期值", "Last value carried forward"),
    Method.RECENT_MEAN: ("近一年平均", "Mean of the last year"),
    Method.SEASONAL_NAIVE: ("去年同期（季节性朴素）", "Same period last year (seasonal naive)"),
    Method.SEASONAL_GROWTH: ("去年同期 × 近期增长", "Same period last year × trailing growth"),
    Method.ETS_ADDITIVE: (
        "指数平滑（阻尼趋势，加法季节性）",
        "Exponential smoothing, damped trend, additive seasonality",
    ),
    Method.ETS_MULTIPLICATIVE: (
        "指数平滑（阻尼趋势，乘法季节性）",
        "Exponential smoothing, damped trend, multiplicative seasonality",
    ),
    Method.COMBINATION: ("两种最佳方法的平均", "Mean of the two best methods"),
}

_FALLBACKS: dict[Fallback, tuple[str, str]] = {
    Fallback.SHORT: ("历史不足两年", "less than two years of history"),
    Fallback.SPARSE: ("零值期间过多", "too many periods without sales"),
    Fallback.NOT_POSITIVE: ("存在零或负值", "zero or negative values"),
}


def word(key: str, language: str) -> str:
    zh, en = _WORDS[key]
    return zh if is_chinese(language) else en


def _pair(pair: tuple[str, str], language: str) -> str:
    return pair[0] if is_chinese(language) else pair[1]


@dataclass(frozen=True, slots=True)
class ForecastPageData:
    forecast: Forecast
    together: Together
    pipeline: PipelineForecast


@dataclass(frozen=True, slots=True)
class ForecastPageSource:
    """Where the page reads its figures: the Forecast tab's two services."""

    forecast: ForecastService
    pipeline: PipelineForecastService

    def read(self, *, today: date, horizon: int = HORIZON) -> ForecastPageData:
        """The company's revenue forecast as of ``today`` (fitted here: run it on a worker),
        with its targets and the weighted pipeline by category."""
        forecast = self.forecast.forecast(
            ForecastMetric.REVENUE, Granularity.MONTH, horizon, as_of=today
        )
        return ForecastPageData(
            forecast,
            self.pipeline.together(forecast, today=today),
            self.pipeline.pipeline(Granularity.MONTH, horizon, today=today),
        )


def _money(value: Decimal | None) -> str:
    return "–" if value is None else f"{value:,.2f}"


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}%"


def _first_period(data: ForecastPageData) -> date:
    """The history ends before the period containing the as-of day."""
    return data.forecast.granularity.start_of(data.forecast.as_of)


def forecast_chart_png(data: ForecastPageData, language: str) -> bytes:
    """The Forecast tab's chart (history, forecast, band, target) as a PNG."""
    from matplotlib.figure import Figure

    from sms_desktop.reporting.fonts import chart_rc
    from sms_desktop.reporting.forecast_chart import (
        ChartForecast,
        ChartPoint,
        ForecastChartLabels,
        draw_forecast,
    )

    forecast = data.forecast
    figure = Figure(figsize=(7.2, 3.4), layout="constrained")
    draw_forecast(
        figure,
        [ChartPoint(h.label, h.value) for h in forecast.history[-24:]],
        [ChartForecast(p.label, p.forecast, p.low, p.high) for p in forecast.result.periods],
        ForecastChartLabels(
            title=word("chart_title", language),
            history=word("actual", language),
            forecast=word("forecast", language),
            band=word("band", language),
            past="",
            target=word("target", language),
            no_data=word("no_data", language),
        ),
        language=language,
        targets=[ChartPoint(r.label, r.target) for r in data.together.rows if r.target is not None],
    )
    buffer = io.BytesIO()
    with chart_rc():
        figure.savefig(buffer, format="png", dpi=CHART_DPI)
    return buffer.getvalue()


def forecast_flowables(
    data: ForecastPageData,
    language: str,
    *,
    font: str,
    width: float,
) -> list[Any]:
    """The page's platypus flowables, ``width`` wide, in the report's ``font``."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, Paragraph, Spacer, Table, TableStyle

    wrap = "CJK" if is_chinese(language) else None
    heading = ParagraphStyle("forecastHeading", fontName=font, fontSize=14, leading=18)
    small = ParagraphStyle("forecastSmall", fontName=font, fontSize=9, leading=12, wordWrap=wrap)
    result = data.forecast.result

    def line(text: str) -> Any:
        return Paragraph(escape(text), small)

    story: list[Any] = [
        Paragraph(escape(word("title", language)), heading),
        line(word("subtitle", language).format(date=_first_period(data).isoformat())),
        Spacer(1, 2 * mm),
    ]
    if result.method is None:
        story.append(line(word("no_forecast", language)))
        return story
    story.append(
        line(word("method", language).format(method=_pair(_METHODS[result.method], language)))
    )
    story.append(
        line(
            word("accuracy", language).format(
                wape=_percent(result.backtest_wape),
                baseline=_percent(result.baseline_wape),
                origins=result.origins,
                coverage=_percent(None if result.coverage is None else 100 * result.coverage),
            )
        )
    )
    if result.fallbacks:
        why = "、" if is_chinese(language) else ", "
        story.append(
            line(
                word("fallback", language).format(
                    why=why.join(_pair(_FALLBACKS[f], language) for f in result.fallbacks)
                )
            )
        )
    story += [
        Spacer(1, 2 * mm),
        Image(
            io.BytesIO(forecast_chart_png(data, language)), width=width, height=width * 3.4 / 7.2
        ),
        Spacer(1, 2 * mm),
    ]
    by_period: dict[date, list[Decimal]] = {}
    for cell in data.pipeline.cells:
        sums = by_period.setdefault(cell.period, [Decimal(0)] * 3)
        sums[0] += cell.commit
        sums[1] += cell.best_case
        sums[2] += cell.pipeline
    keys = ("period", "forecast", "low", "high", "weighted", "commit", "best_case", "pipeline",
            "target")  # fmt: skip
    header = ParagraphStyle("forecastHeader", fontName=font, fontSize=7, leading=9, wordWrap=wrap)
    rows: list[list[Any]] = [[Paragraph(escape(word(k, language)), header) for k in keys]]
    for row in data.together.rows:
        commit, best, rest = by_period.get(row.period, [None, None, None])
        rows.append(
            [
                row.label,
                _money(row.forecast),
                _money(row.low),
                _money(row.high),
                _money(row.pipeline_weighted),
                _money(commit),
                _money(best),
                _money(rest),
                _money(row.target),
            ]
        )
    first = width * 0.1
    grid = Table(rows, colWidths=[first] + [(width - first) / 8] * 8, repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 7),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(Colour.TABLE_HEADER)),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(Colour.TABLE_GRID)),
                ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    story.append(grid)
    settings = data.pipeline.settings
    story.append(Spacer(1, 2 * mm))
    story.append(
        line(
            word("pipeline_note", language).format(
                commit=settings.commit_threshold, best=settings.best_case_threshold
            )
        )
    )
    if data.together.attainment is not None:
        story.append(line(word("gap", language).format(percent=f"{data.together.attainment:.0f}")))
    return story
