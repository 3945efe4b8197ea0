"""The funnel workbook: sheets, typed values, number formats, text safety, atomic writing."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from sms_desktop.reporting import funnel_export
from sms_desktop.reporting.funnel_export import FunnelExportLabels, write_funnel_workbook
from sms_desktop.services.funnel import LostReasonCount, StageFunnel
from tests.reporting.test_charts import EMPTY, make_report

EN = FunnelExportLabels(
    summary_sheet="Summary",
    stages_sheet="Stages",
    lost_reasons_sheet="Lost reasons",
    figure="Figure",
    value="Value",
    period_from="From",
    period_to="To",
    owner="Owner",
    created="Deals created",
    won="Won",
    lost="Lost",
    win_rate="Win rate",
    won_amount="Won amount",
    average_deal_size="Average deal size",
    average_cycle_days="Average sales cycle (days)",
    stage="Stage",
    reached="Reached",
    conversion_to_next="Conversion to next stage",
    average_days_in_stage="Average days in stage",
    reason="Reason",
    deals="Deals",
    amount="Amount",
    no_reason="No reason given",
)
ZH = FunnelExportLabels(
    summary_sheet="汇总",
    stages_sheet="阶段",
    lost_reasons_sheet="输单原因",
    figure="指标",
    value="数值",
    period_from="开始日期",
    period_to="结束日期",
    owner="负责人",
    created="新建商机",
    won="赢单",
    lost="输单",
    win_rate="赢率",
    won_amount="赢单金额",
    average_deal_size="平均成交金额",
    average_cycle_days="平均销售周期（天）",
    stage="阶段",
    reached="到达数",
    conversion_to_next="转化率",
    average_days_in_stage="平均停留天数",
    reason="原因",
    deals="商机数",
    amount="金额",
    no_reason="未填写原因",
)


def rows(ws: Any) -> list[tuple[Any, ...]]:
    return [tuple(c.value for c in row) for row in ws.iter_rows()]


def formats(ws: Any, column: str) -> list[str]:
    return [c.number_format for c in ws[column][1:]]


def test_the_workbook_holds_every_figure_typed_and_formatted(tmp_path: Path) -> None:
    path = tmp_path / "funnel.xlsx"
    write_funnel_workbook(path, make_report(), language="en", labels=EN, owner_name="王伟")
    wb = load_workbook(path)
    assert wb.sheetnames == ["Summary", "Stages", "Lost reasons"]

    summary, stages, reasons = wb.worksheets
    assert rows(summary) == [
        ("Figure", "Value"),
        ("From", datetime(2026, 1, 1)),
        ("To", datetime(2026, 3, 31)),
        ("Owner", "王伟"),
        ("Deals created", 120),
        ("Won", 7),
        ("Lost", 40),
        ("Win rate", 0.149),
        ("Won amount", 123456.78),
        ("Average deal size", 17636.68),
        ("Average sales cycle (days)", 41.2),
    ]
    assert formats(summary, "B") == [
        "yyyy-mm-dd",
        "yyyy-mm-dd",
        "General",
        "#,##0",
        "#,##0",
        "#,##0",
        "0.0%",
        "#,##0.00",
        "#,##0.00",
        "0.0",
    ]
    assert rows(stages) == [
        ("Stage", "Reached", "Conversion to next stage", "Average days in stage"),
        ("Lead", 120, 0.75, 3.5),
        ("Qualified", 90, 0.667, 3.5),
        ("Needs $analysis$", 60, 0.5, 3.5),
        ("Proposal", 30, 0.333, 3.5),
        ("Negotiation", 10, None, 3.5),  # the last open stage has no conversion
    ]
    assert formats(stages, "B") == ["#,##0"] * 5
    assert formats(stages, "C")[:4] == ["0.0%"] * 4
    assert formats(stages, "D") == ["0.0"] * 5
    assert rows(reasons) == [
        ("Reason", "Deals", "Amount"),
        ("Price too high", 25, 90000),
        ("Chose a competitor", 10, 5000),
        ("No reason given", 5, 100),
    ]
    assert formats(reasons, "C") == ["#,##0.00"] * 3

    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert all(cell.font.b for cell in ws[1])
        assert all(ws.column_dimensions[c].width >= 6 for c in "AB")
    assert stages.auto_filter.ref == "A1:D6"
    assert reasons.auto_filter.ref == "A1:C4"


def test_chinese_names_and_labels(tmp_path: Path) -> None:
    path = tmp_path / "漏斗.xlsx"
    write_funnel_workbook(path, make_report(), language="zh_CN", labels=ZH)
    wb = load_workbook(path)
    assert wb.sheetnames == ["汇总", "阶段", "输单原因"]
    summary, stages, reasons = wb.worksheets
    assert [r[0] for r in rows(summary)][:4] == ["指标", "开始日期", "结束日期", "新建商机"]
    assert [r[0] for r in rows(stages)][1:] == [
        "线索",
        "初步接洽",
        "需求分析 $x$",
        "方案报价",
        "商务谈判（关键客户专用长名称阶段）",
    ]
    assert [r[0] for r in rows(reasons)][1:] == ["价格太高", "选择了竞争对手", "未填写原因"]
    # Wide characters count double when the width is fitted.
    assert stages.column_dimensions["A"].width >= 34


def test_an_empty_report_leaves_missing_figures_blank(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    write_funnel_workbook(path, EMPTY, language="en", labels=EN)
    summary, stages, reasons = load_workbook(path).worksheets
    values = dict(rows(summary)[1:])
    assert values["Win rate"] is None
    assert values["Average deal size"] is None
    assert values["Average sales cycle (days)"] is None
    assert values["Won amount"] == 0
    assert "Owner" not in values
    assert rows(stages)[1] == ("Lead", 0, None, None)
    assert rows(reasons) == [("Reason", "Deals", "Amount")]


def test_names_are_never_formulas(tmp_path: Path) -> None:
    hostile = '=HYPERLINK("http://x","y")'
    report = make_report(
        stages=(StageFunnel(1, "s", "@SUM(1)", "+1\x07", 3, None, None),),
        lost_reasons=(LostReasonCount(1, hostile, hostile, 1, Decimal("1.00")),),
    )
    path = tmp_path / "hostile.xlsx"
    write_funnel_workbook(path, report, language="en", labels=EN, owner_name="-owner")
    summary, stages, reasons = load_workbook(path).worksheets
    assert stages["A2"].value == "+1"  # the control character is dropped
    assert stages["A2"].data_type == "s"
    assert reasons["A2"].value == hostile
    assert reasons["A2"].data_type == "s"
    assert summary["B4"].value == "-owner"
    assert summary["B4"].data_type == "s"


def test_a_failed_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "funnel.xlsx"
    path.write_bytes(b"previous")

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(funnel_export.os, "fsync", broken)
    with pytest.raises(OSError, match="disk full"):
        write_funnel_workbook(path, make_report(), language="en", labels=EN)
    assert path.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["funnel.xlsx"]


def test_sheet_names_are_made_valid(tmp_path: Path) -> None:
    labels = replace(EN, summary_sheet="Q1/2026: [summary]")
    path = tmp_path / "funnel.xlsx"
    write_funnel_workbook(path, make_report(), language="en", labels=labels)
    assert load_workbook(path).sheetnames[0] == "Q1_2026_ _summary_"
