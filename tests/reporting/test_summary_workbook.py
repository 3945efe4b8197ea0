"""The summary workbook, reopened with openpyxl: sheets, typed cells, formats, totals, safety."""

from __future__ import annotations

import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from sms_desktop import cli
from sms_desktop.persistence.db import Database
from sms_desktop.reporting.excel import ExportCancelled
from sms_desktop.reporting.labels import report_text
from sms_desktop.reporting.summary_workbook import months_between, write_summary_workbook
from sms_desktop.services.dashboard import DashboardFilter
from sms_desktop.services.registry import Services
from tests.services.dashboard_data import TODAY, DashboardWorld, build_dashboard_world

ZH, EN = report_text("zh_CN"), report_text("en")
YEAR = DashboardFilter(date(2026, 1, 1), date(2026, 12, 31))
HOSTILE = {
    "c1": '=HYPERLINK("http://evil.example","click")',
    "c2": "@SUM(1)",
    "c3": "+1",
    "b": "-2",
    "deal": "\tbell\x07 and\x01 nul\x00 end",
}


@pytest.fixture
def world(db: Database) -> DashboardWorld:
    return build_dashboard_world(db)


def write(db: Database, path: Path, language: str = "en", **kwargs: object) -> None:
    services = Services(db)
    write_summary_workbook(
        path,
        services.dashboard,
        services.dashboard_reports,
        YEAR,
        language=language,
        today=TODAY,
        **kwargs,  # type: ignore[arg-type]
    )


def column(ws: object, header: str) -> list[object]:
    rows = list(ws.iter_rows(values_only=True))  # type: ignore[attr-defined]
    index = rows[0].index(header)
    return [row[index] for row in rows[1:]]


def test_sheets_and_column_names_follow_the_language(
    db: Database, world: DashboardWorld, tmp_path: Path
) -> None:
    write(db, tmp_path / "en.xlsx")
    write(db, tmp_path / "zh.xlsx", "zh_CN")
    assert load_workbook(tmp_path / "en.xlsx").sheetnames == [
        "Summary",
        "Monthly sales",
        "By customer",
        "By product",
        "Pipeline",
        "Targets",
        "Activities",
    ]
    zh = load_workbook(tmp_path / "zh.xlsx")
    assert zh.sheetnames == ["汇总", "月度销售", "按客户", "按产品", "销售机会", "目标", "活动"]
    assert next(zh["按客户"].iter_rows(values_only=True))[:4] == (
        "客户",
        "等级",
        "订单数",
        "销售额（不含税）",
    )


def test_numbers_are_numbers_with_formats_and_the_totals_add_up(
    db: Database, world: DashboardWorld, tmp_path: Path
) -> None:
    path = tmp_path / "summary.xlsx"
    write(db, path)
    wb = load_workbook(path)
    customers = wb[EN.customers_sheet]
    assert column(customers, EN.customer) == ["甲公司", "乙公司", "丙公司"]
    assert sum(Decimal(str(v)) for v in column(customers, EN.revenue)) == Decimal("3600.50")
    revenue_cell = customers["D2"]
    assert (revenue_cell.data_type, revenue_cell.number_format) == ("n", "#,##0.00")
    assert customers["E2"].number_format.endswith("%")
    assert customers["E2"].value == pytest.approx(0.833)
    assert customers["F2"].is_date
    assert customers.freeze_panes == "A2"
    assert customers.auto_filter.ref == "A1:F4"
    assert customers.column_dimensions["A"].width >= 8

    monthly = wb[EN.monthly_sheet]
    assert monthly.max_row == 13  # header + 12 months
    assert monthly["A2"].is_date and monthly["A2"].number_format == "yyyy-mm"
    assert sum(Decimal(str(v)) for v in column(monthly, EN.revenue)) == Decimal("3600.50")
    assert sum(Decimal(str(v)) for v in column(monthly, EN.previous)) == Decimal("1100")

    products = wb[EN.products_sheet]
    assert column(products, EN.sku) == ["P1", "P3", "P2"]
    assert column(products, EN.category) == ["Phones", EN.uncategorised, "Services"]
    assert sum(Decimal(str(v)) for v in column(products, EN.revenue)) == Decimal("3600.50")

    pipeline = wb[EN.pipeline_sheet]
    assert column(pipeline, EN.deal) == ["D1", "D2"]
    assert column(pipeline, EN.weighted) == [100, 33]
    assert column(pipeline, EN.probability) == [pytest.approx(0.1), pytest.approx(0.33)]

    targets = wb[EN.targets_sheet]
    assert column(targets, EN.target) == [1000, 3000]
    assert column(targets, EN.actual) == [600.5, 1000]

    activities = wb[EN.activities_sheet]
    assert column(activities, EN.overdue_status) == [1, 1]


def test_the_summary_sheet_has_the_kpis_and_native_charts(
    db: Database, world: DashboardWorld, tmp_path: Path
) -> None:
    path = tmp_path / "summary.xlsx"
    write(db, path)
    summary = load_workbook(path)[EN.summary_sheet]
    values = {row[0]: row[1:] for row in summary.iter_rows(values_only=True) if row}
    assert values[EN.revenue_period][:3] == (3600.5, 1100, pytest.approx(2.273))
    assert values[EN.win_rate][0] == pytest.approx(0.667)
    assert values[EN.overdue_tasks][0] == 2
    assert values[EN.period_from][0].date() == date(2026, 1, 1)  # type: ignore[union-attr]
    assert summary.freeze_panes == "A6"
    with zipfile.ZipFile(path) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 3
        monthly_chart = archive.read(charts[0]).decode()
    assert "<f>'Monthly sales'!$B$2:$B$13</f>" in monthly_chart
    assert "<lineChart>" in monthly_chart


def test_hostile_names_stay_plain_text(db: Database, world: DashboardWorld, tmp_path: Path) -> None:
    with db.write() as session:
        for key, customer in (("c1", world.c1), ("c2", world.c2), ("c3", world.c3)):
            session.execute(
                text("UPDATE customers SET name = :n WHERE id = :i"),
                {"n": HOSTILE[key], "i": customer},
            )
        session.execute(
            text("UPDATE salespeople SET name = :n WHERE id = :i"),
            {"n": HOSTILE["b"], "i": world.b},
        )
        session.execute(
            text("UPDATE opportunities SET title = :n WHERE title = 'D1'"), {"n": HOSTILE["deal"]}
        )
    path = tmp_path / "hostile.xlsx"
    write(db, path)
    wb = load_workbook(path)
    found = {
        cell.value: cell.data_type
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    }
    for name in (HOSTILE["c1"], HOSTILE["c2"], HOSTILE["c3"], HOSTILE["b"]):
        assert found[name] == "s"
    assert found["\tbell and nul end"] == "s"  # control characters stripped, the tab kept
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert "<f>" not in archive.read(name).decode()


def test_a_cancelled_export_leaves_nothing(
    db: Database, world: DashboardWorld, tmp_path: Path
) -> None:
    def cancel(_done: int, _total: int) -> None:
        raise ExportCancelled

    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(ExportCancelled):
        write(db, folder / "cancelled.xlsx", progress=cancel)
    assert list(folder.iterdir()) == []


def test_progress_reaches_the_total(db: Database, world: DashboardWorld, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    write(db, tmp_path / "p.xlsx", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] > 0


def test_cli_report_excel(
    db: Database, world: DashboardWorld, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cli.xlsx"
    args = ["--db", str(db.path), "--lang", "zh_CN", "report", "excel", "--out", str(out)]
    db.close()
    code = cli.main([*args, "--from", "2026-01-01", "--to", "2026-12-31"])
    assert code == 0
    assert "written to" in capsys.readouterr().out
    wb = load_workbook(out)
    assert wb.sheetnames[0] == ZH.summary_sheet
    assert sum(Decimal(str(v)) for v in column(wb[ZH.customers_sheet], ZH.revenue)) == Decimal(
        "3600.50"
    )
    assert cli.main([*args, "--from", "2026-12-31", "--to", "2026-01-01"]) == 1
    assert "晚于" in capsys.readouterr().err  # --lang zh_CN: the error too


def test_months_between() -> None:
    assert months_between(date(2025, 11, 3), date(2026, 2, 1)) == 4
