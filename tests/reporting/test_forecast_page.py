"""The forecast page of the management report (#16): the Forecast tab's figures, in the
report's language, on a page of its own after the dashboard's four."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from sms_desktop.domain.enums import PeriodKind, TargetMetric
from sms_desktop.domain.targets import Period
from sms_desktop.reporting.forecast_page import ForecastPageSource
from sms_desktop.reporting.management_pdf import write_management_report
from sms_desktop.services.dashboard import DashboardFilter
from sms_desktop.services.registry import Services
from tests.services.conftest import _templates, empty_services
from tests.services.test_forecast import AS_OF, shop

__all__ = ["_templates", "empty_services", "shop"]  # the fixtures, imported for these tests


def last_page(path: Path) -> str:
    count = len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))
    args = ["pdftotext", "-layout", "-f", str(count), "-l", str(count), str(path), "-"]
    return subprocess.run(args, capture_output=True, check=True, text=True).stdout


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("zh_CN", ("销售预测", "去年同期（季节性朴素）", "承诺", "本季度目标可完成 75%")),
        ("en", ("Sales forecast", "Same period last year (seasonal naive)", "Commit",
                "this quarter's target will be 75% met")),
    ],
)  # fmt: skip
def test_the_forecast_page_shows_the_tabs_figures(
    shop: Services, tmp_path: Path, language: str, words: tuple[str, ...]
) -> None:
    """An exact season: seasonal naive is chosen; January 2024 is forecast at 1,000.00 (the
    season's 100 × 10); the deal of 1,000.00 at 40 % closing then is 400.00 of pipeline;
    against a quarter target of 4,000 the gap sentence says 75 %."""
    shop.targets.set_target(
        None, Period(PeriodKind.QUARTER, date(2024, 1, 1)), TargetMetric.REVENUE, Decimal(4000)
    )
    path = tmp_path / f"report-{language}.pdf"
    source = ForecastPageSource(shop.forecast, shop.pipeline_forecast)
    seen: list[tuple[int, int]] = []
    count = write_management_report(
        path,
        shop.dashboard,
        DashboardFilter(date(2023, 1, 1), date(2023, 12, 31)),
        language=language,
        today=AS_OF,
        forecast=source,
        progress=lambda d, t: seen.append((d, t)),
    )
    assert count == 5
    assert seen[-1][0] == seen[-1][1] and all(d <= t for d, t in seen)
    text = last_page(path)
    for expected in words:
        assert expected in text, expected
    january = next(line for line in text.splitlines() if line.strip().startswith("2024-01"))
    assert "1,000.00" in january and "400.00" in january and "4,000.00" not in january
    assert "2024-06" in text  # six months on the page


def test_without_a_history_the_page_says_so(empty_services: Services, tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    source = ForecastPageSource(empty_services.forecast, empty_services.pipeline_forecast)
    count = write_management_report(
        path,
        empty_services.dashboard,
        DashboardFilter(date(2023, 1, 1), date(2023, 12, 31)),
        language="en",
        today=AS_OF,
        forecast=source,
    )
    assert count == 5
    assert "There is no history to forecast from." in last_page(path)
