"""Commission statement exports: Excel values and formats, a PDF with the CJK font embedded."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

from sms_desktop.domain.enums import PeriodKind
from sms_desktop.domain.revenue import CommissionBase
from sms_desktop.domain.targets import Period, Tier
from sms_desktop.reporting.commission_statement import (
    StatementLabels,
    write_statement_pdf,
    write_statement_workbook,
)
from sms_desktop.services.commissions import Statement, StatementLine

D = Decimal
LABELS = StatementLabels(
    title="提成结算单",
    sheet="提成",
    salesperson="销售员",
    period="期间",
    period_name="2026年第2季度",
    plan="提成方案",
    no_plan="无",
    basis="计提基础",
    basis_name="销售额",
    target="目标",
    actual="实际",
    attainment="达成率",
    tier="档位",
    tier_text="80 % 起：3 %",
    rate_amount="提成",
    bonus="奖金",
    total="合计",
    lines="计入的订单",
    date="日期",
    reference="单号",
    customer="客户",
    revenue="销售额",
    margin="毛利",
    assumed="假设赢单",
    page="第 {page} 页，共 {pages} 页",
)


def _statement(lines: int = 3) -> Statement:
    rows = [
        StatementLine(
            i,
            None,
            date(2026, 4, 1 + i % 28),
            f"SO-{i}",
            '=HYPERLINK("x")',
            D("1000.10"),
            D("300.05"),
        )
        for i in range(1, lines + 1)
    ]
    rows.append(
        StatementLine(None, 7, date(2026, 6, 1), "大项目 <b>&", "华夏科技", D("500"), D("0"))
    )
    return Statement(
        salesperson_id=1,
        salesperson="王明",
        period=Period(PeriodKind.QUARTER, date(2026, 4, 1)),
        plan_id=1,
        plan_name="标准",
        base=CommissionBase.REVENUE_NET,
        target=D("4000"),
        actual=D("3500.30"),
        attainment=D("87.51"),
        tier=Tier(D(80), D(3)),
        rate_amount=D("105.01"),
        bonus=D(0),
        total=D("105.01"),
        revenue=D("3500.30"),
        margin=D("900.15"),
        deals_won=1,
        lines=tuple(rows),
    )


def test_workbook_keeps_numbers_exact_and_text_as_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "s.xlsx"
    write_statement_workbook(path, _statement(), LABELS)
    ws = load_workbook(path).active
    values = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2) for r in range(2, 13)}
    assert values["合计"].value == 105.01 and values["合计"].number_format == "#,##0.00"
    assert values["达成率"].value == 0.8751 and values["达成率"].number_format == "0.00%"
    assert values["销售员"].value == "王明"
    first = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=2).value == "SO-1")
    assert ws.cell(row=first, column=3).data_type == "s"  # a formula-looking name stays text
    assert ws.cell(row=first, column=4).value == 1000.1
    assert ws.cell(row=ws.max_row, column=2).value == "大项目 <b>& (假设赢单)"


def test_pdf_embeds_the_cjk_font_and_numbers_pages(tmp_path: Path) -> None:
    path = tmp_path / "s.pdf"
    write_statement_pdf(path, _statement(lines=120), LABELS)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"WenQuanYiMicroHei" in data and b"/FontFile2" in data  # embedded TrueType subset
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "提成结算单" in text and "大项目 <b>& (假设赢单)" in text
    pages = re.findall(r"第 (\d+) 页，共 (\d+) 页", text)
    assert len(pages) >= 2 and pages[0] == ("1", str(len(pages))) and pages[-1][0] == pages[-1][1]
