"""The funnel figures as an .xlsx workbook: a summary sheet, the stages and the lost reasons.

Numbers stay numbers with number formats (percents as fractions shown ``0.0%``, money
``#,##0.00``, days ``0.0``, counts ``#,##0``); names are forced to text so none becomes a
formula. The three tables have a few dozen rows at most, so the workbook is built in
openpyxl's normal mode (no write-only temporary files to clean up) and written atomically.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sms_desktop.domain.palette import Colour
from sms_desktop.reporting.charts import is_chinese
from sms_desktop.reporting.excel import (
    DATE_FORMAT,
    MAX_WIDTH,
    MIN_WIDTH,
    clean_text,
    display_width,
    sanitize_sheet_title,
)
from sms_desktop.reporting.files import Progress, atomic_output

if TYPE_CHECKING:
    from sms_desktop.services.funnel import FunnelReport

CellKind = Literal["text", "count", "percent", "money", "days", "date"]

FORMATS: dict[CellKind, str] = {
    "count": "#,##0",
    "percent": "0.0%",
    "money": "#,##0.00",
    "days": "0.0",
    "date": DATE_FORMAT,
}
HEADER_FILL = Colour.TABLE_HEADER.rgb


@dataclass(frozen=True, slots=True)
class FunnelExportLabels:
    """The translated sheet names, headers and row names of the workbook (from the UI)."""

    summary_sheet: str
    stages_sheet: str
    lost_reasons_sheet: str
    # summary: one figure per row
    figure: str
    value: str
    period_from: str
    period_to: str
    owner: str
    created: str
    won: str
    lost: str
    win_rate: str
    won_amount: str
    average_deal_size: str
    average_cycle_days: str
    # stages
    stage: str
    reached: str
    conversion_to_next: str
    average_days_in_stage: str
    # lost reasons
    reason: str
    deals: str
    amount: str
    no_reason: str


Row = Sequence[tuple[object, CellKind]]


def write_funnel_workbook(
    path: Path,
    report: FunnelReport,
    *,
    language: str,
    labels: FunnelExportLabels,
    owner_name: str | None = None,
    progress: Progress | None = None,
) -> None:
    """Write the report's figures to ``path`` (replaced whole, or left untouched on error or
    Cancel)."""
    from openpyxl import Workbook

    chinese = is_chinese(language)
    summary: list[Row] = [
        [(labels.period_from, "text"), (report.period_from, "date")],
        [(labels.period_to, "text"), (report.period_to, "date")],
    ]
    if owner_name is not None:
        summary.append([(labels.owner, "text"), (owner_name, "text")])
    summary += [
        [(labels.created, "text"), (report.created, "count")],
        [(labels.won, "text"), (report.won, "count")],
        [(labels.lost, "text"), (report.lost, "count")],
        [(labels.win_rate, "text"), (_fraction(report.win_rate), "percent")],
        [(labels.won_amount, "text"), (report.won_amount, "money")],
        [(labels.average_deal_size, "text"), (report.average_deal_size, "money")],
        [(labels.average_cycle_days, "text"), (report.average_cycle_days, "days")],
    ]
    stages: list[Row] = [
        [
            (stage.name_zh if chinese else stage.name_en, "text"),
            (stage.reached, "count"),
            (_fraction(stage.conversion_to_next), "percent"),
            (stage.average_days_in_stage, "days"),
        ]
        for stage in report.stages
    ]
    reasons: list[Row] = [
        [
            (
                labels.no_reason
                if reason.reason_id is None
                else (reason.name_zh if chinese else reason.name_en),
                "text",
            ),
            (reason.count, "count"),
            (reason.amount, "money"),
        ]
        for reason in report.lost_reasons
    ]

    wb = Workbook()
    _sheet(wb.active, labels.summary_sheet, [labels.figure, labels.value], summary)
    _sheet(
        wb.create_sheet(),
        labels.stages_sheet,
        [labels.stage, labels.reached, labels.conversion_to_next, labels.average_days_in_stage],
        stages,
        autofilter=True,
    )
    _sheet(
        wb.create_sheet(),
        labels.lost_reasons_sheet,
        [labels.reason, labels.deals, labels.amount],
        reasons,
        autofilter=True,
    )
    with atomic_output(path, progress=progress) as temporary, temporary.open("xb") as out:
        wb.save(out)
        out.flush()
        os.fsync(out.fileno())


def _fraction(percent: Decimal | None) -> Decimal | None:
    """45.1 (percent) → 0.451, what a ``0.0%`` cell holds."""
    return None if percent is None else percent.scaleb(-2)


def _sheet(
    ws: Any, title: str, headers: Sequence[str], rows: Sequence[Row], *, autofilter: bool = False
) -> None:
    """Fill ``ws`` with one table: bold filled header row (frozen), typed cells, fitted widths."""
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws.title = sanitize_sheet_title(title)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor=HEADER_FILL)
    widths = [display_width(header) + 1 for header in headers]
    for column, header in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=column)
        _put(cell, header, "text")
        cell.font, cell.fill = bold, fill
    for row_index, row in enumerate(rows, start=2):
        for column, (value, kind) in enumerate(row, start=1):
            _put(ws.cell(row=row_index, column=column), value, kind)
            widths[column - 1] = max(widths[column - 1], display_width(_sample(value, kind)))
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = min(
            MAX_WIDTH, max(MIN_WIDTH, width + 2.0)
        )
    ws.freeze_panes = "A2"
    if autofilter:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"


def _put(cell: Any, value: object, kind: CellKind) -> None:
    """Store ``value`` typed: text is always text (never a formula), numbers keep formats."""
    if value is None:
        return
    if kind == "text":
        cell.value = clean_text(str(value))
        # The value setter reads "=…" as a formula; user names must stay text.
        cell.data_type = "s"
        return
    cell.value = value
    cell.number_format = FORMATS[kind]


def _sample(value: object, kind: CellKind) -> str:
    """Roughly how the value looks in its cell, for the column width."""
    if value is None:
        return ""
    if kind == "date" and isinstance(value, date):
        return "0000-00-00"
    if kind in ("money", "count") and isinstance(value, (int, Decimal)):
        return f"{value:,.2f}" if kind == "money" else f"{value:,}"
    if kind == "percent" and isinstance(value, Decimal):
        return f"{value * 100:.1f}%"
    return clean_text(str(value))
