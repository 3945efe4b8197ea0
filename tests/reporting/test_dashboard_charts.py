"""The dashboard charts: drawn from the service's series, Chinese with no missing glyph."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from sms_desktop.reporting import dashboard_charts as dc
from sms_desktop.reporting.charts import ChartFormat, save_figure
from sms_desktop.reporting.labels import report_text
from sms_desktop.services.dashboard import (
    CategoryRevenue,
    CustomerRevenue,
    MonthRevenue,
    StageRow,
    TargetRow,
)
from tests.reporting.test_charts import render_strictly, texts

ZH, EN = report_text("zh_CN"), report_text("en")

D = Decimal
MONTHS = tuple(
    MonthRevenue(date(2025 + (i // 12), i % 12 + 1, 1), D(1000 * i), D(500 * i)) for i in range(24)
)
STAGES = (
    StageRow(1, "lead", "线索", "Lead", 3, D("30000"), D("3000")),
    StageRow(4, "proposal", "方案报价 $x$", "Proposal", 1, D("100.01"), D("33.00")),
)
CUSTOMERS = (
    CustomerRevenue(7, "华夏科技有限公司", D("3000"), 2, D("83.3"), D("83.3")),
    CustomerRevenue(9, "=HYPERLINK(1)", D("600.50"), 1, D("16.7"), D("100.0")),
)
CATEGORIES = (
    CategoryRevenue(1, "电子", "Electronics", D("2600")),
    CategoryRevenue(None, "", "", D("500.50")),
)
TARGETS = (
    TargetRow(2, "李娜", D("1000"), D("1200"), D("120.0")),
    TargetRow(1, "王伟", D("3000"), D("1000"), D("33.3")),
)


def _draw_all(language: str) -> dict[str, Figure]:
    text = report_text(language)
    figures = {name: dc.new_figure() for name in dc.CHART_NAMES}
    dc.draw_monthly(figures["monthly"], MONTHS, text, language)
    dc.draw_pipeline(figures["pipeline"], STAGES, text, language)
    dc.draw_top_customers(figures["customers"], CUSTOMERS, text, language)
    dc.draw_categories(figures["categories"], CATEGORIES, text, language)
    dc.draw_targets(figures["targets"], TARGETS, text, language)
    return figures


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_chart_renders_without_missing_glyphs(
    language: str, caplog: pytest.LogCaptureFixture
) -> None:
    for fig in _draw_all(language).values():
        assert render_strictly(fig, "png", caplog)


def test_chinese_charts_carry_the_chinese_labels() -> None:
    figures = _draw_all("zh_CN")
    assert ZH.monthly_title in texts(figures["monthly"])
    assert "方案报价 $x$" in texts(figures["pipeline"])  # user text, no mathtext
    assert ZH.uncategorised in texts(figures["categories"])
    assert "华夏科技有限…" in texts(figures["customers"])  # cut to 14 character cells


def test_clickable_bars_name_what_they_stand_for() -> None:
    figures = _draw_all("en")
    gids = {
        name: sorted(str(a.get_gid()) for a in fig.findobj() if a.get_gid())
        for name, fig in figures.items()
    }
    assert gids["customers"] == ["customer:7", "customer:9"]
    assert gids["pipeline"] == ["stage:1", "stage:4"]
    assert gids["targets"] == ["salesperson:1", "salesperson:2"]


def _ydata(line: Line2D) -> list[float]:
    return [float(y) for y in np.asarray(line.get_ydata())]


def test_the_pareto_line_and_last_year_series_hold_the_values() -> None:
    figures = _draw_all("en")
    customers_lines = [line for ax in figures["customers"].axes for line in ax.get_lines()]
    assert _ydata(customers_lines[0]) == [83.3, 100.0]
    monthly = figures["monthly"].axes[0]
    assert _ydata(monthly.get_lines()[0])[:3] == [0.0, 500.0, 1000.0]
    heights = [p.get_height() for p in monthly.patches if isinstance(p, Rectangle)]
    assert heights[:3] == [0.0, 1000.0, 2000.0]


def test_empty_series_say_there_is_no_data() -> None:
    fig = dc.new_figure()
    for draw in (
        dc.draw_monthly,
        dc.draw_pipeline,
        dc.draw_top_customers,
        dc.draw_categories,
        dc.draw_targets,
    ):
        draw(fig, (), EN, "en")
        assert EN.no_data in texts(fig)


def test_compact_money() -> None:
    assert dc.compact_money(D("123456"), chinese=True) == "12.3万"
    assert dc.compact_money(D("250000000"), chinese=True) == "2.5亿"
    assert dc.compact_money(D("1234567"), chinese=False) == "1.2M"
    assert dc.compact_money(D("999"), chinese=False) == "999"


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_a_dashboard_chart_exports(tmp_path: Path, fmt: ChartFormat) -> None:
    fig = _draw_all("zh_CN")["customers"]
    path = tmp_path / f"chart.{fmt}"
    save_figure(fig, path, fmt)
    assert path.stat().st_size > 1000
