"""The summary workbook: KPIs with native Excel charts, then one sheet per breakdown.

Built on the streaming primitives of :mod:`sms_desktop.reporting.excel`: the whole workbook
is written in openpyxl's write-only mode (memory stays flat however many customers or deals
there are), numbers are numeric cells with number formats, text is forced to text (a customer
called ``=HYPERLINK(…)`` stays a name, never a formula) with XML-illegal characters removed.
Every sheet has a frozen, filtered header row and widths fitted to its first rows. Sheet and
column names follow the report language. The file is written atomically.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import chain, islice
from pathlib import Path
from typing import Any

from sms_desktop.domain.palette import Colour
from sms_desktop.reporting.charts import is_chinese
from sms_desktop.reporting.excel import (
    DATE_FORMAT,
    LOOKAHEAD_ROWS,
    PROGRESS_EVERY,
    ExportColumn,
    _discard_sheet_stream,
    _putter,
    _set,
    clean_text,
    display_width,
    fit_width,
    sanitize_sheet_title,
)
from sms_desktop.reporting.files import Progress, atomic_output
from sms_desktop.reporting.labels import ReportText, report_text
from sms_desktop.services.dashboard import (
    DashboardFilter,
    DashboardReports,
    DashboardService,
    change_percent,
    percent_of,
)

MONEY_FORMAT = "#,##0.00"
COUNT_FORMAT = "#,##0"
PERCENT_FORMAT = "0.0%"
MONTH_FORMAT = "yyyy-mm"
HEADER_FILL = Colour.TABLE_HEADER.rgb
SHEET_NAMES = ("summary", "monthly", "customers", "products", "pipeline", "targets", "activities")


@dataclass(frozen=True, slots=True)
class SummaryCounts:
    """How many data rows each sheet got."""

    customers: int
    products: int
    deals: int
    months: int


def months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def write_summary_workbook(
    path: Path,
    dashboard: DashboardService,
    reports: DashboardReports,
    flt: DashboardFilter,
    *,
    language: str,
    owner_name: str | None = None,
    progress: Progress | None = None,
    today: date | None = None,
) -> SummaryCounts:
    """Write the workbook of ``flt`` to ``path`` (replaced whole, or left untouched on error)."""
    from openpyxl import Workbook

    text = report_text(language)
    chinese = is_chinese(language)
    months = months_between(flt.period_from, flt.period_to)
    snapshot = dashboard.dashboard(flt, months=months, today=today)
    customers_total = reports.count_customers(flt)
    deals_total = reports.count_open_deals(flt.owner_id)
    total = customers_total + deals_total + 50
    done = [0]

    def tick(step: int = 1) -> None:
        done[0] += step
        if progress is not None and (done[0] % PROGRESS_EVERY == 0 or step > 1):
            progress(min(done[0], total), total)

    wb = Workbook(write_only=True)
    sheets = {name: wb.create_sheet() for name in SHEET_NAMES}
    try:
        monthly_rows = [
            (m.month, m.revenue, m.previous_year, _change(m.revenue, m.previous_year))
            for m in snapshot.monthly
        ]
        products = reports.products(flt)
        product_total = sum((p.revenue for p in products), Decimal(0))
        period_revenue = snapshot.kpis.revenue_period.current
        _table(
            sheets["monthly"],
            text.monthly_sheet,
            [
                ExportColumn(text.month, "text"),
                ExportColumn(text.revenue, "money"),
                ExportColumn(text.previous, "money"),
                ExportColumn(text.change, "percent"),
            ],
            monthly_rows,
            tick,
            date_columns={0: MONTH_FORMAT},
        )
        customers = _table(
            sheets["customers"],
            text.customers_sheet,
            [
                ExportColumn(text.customer),
                ExportColumn(text.tier),
                ExportColumn(text.orders, "int"),
                ExportColumn(text.revenue, "money"),
                ExportColumn(text.share, "percent"),
                ExportColumn(text.last_order, "date"),
            ],
            (
                (
                    c.name,
                    c.tier,
                    c.orders,
                    c.revenue,
                    _share(c.revenue, period_revenue),
                    c.last_order,
                )
                for c in reports.customers(flt)
            ),
            tick,
        )
        _table(
            sheets["products"],
            text.products_sheet,
            [
                ExportColumn(text.sku),
                ExportColumn(text.product),
                ExportColumn(text.category),
                ExportColumn(text.quantity, "decimal"),
                ExportColumn(text.revenue, "money"),
                ExportColumn(text.share, "percent"),
            ],
            [
                (
                    p.sku,
                    (p.name_zh if chinese else p.name_en) or None,
                    (p.category_zh if chinese else p.category_en) or text.uncategorised,
                    p.quantity,
                    p.revenue,
                    _share(p.revenue, product_total),
                )
                for p in products
            ],
            tick,
        )
        deals = _table(
            sheets["pipeline"],
            text.pipeline_sheet,
            [
                ExportColumn(text.deal),
                ExportColumn(text.customer),
                ExportColumn(text.stage),
                ExportColumn(text.amount, "money"),
                ExportColumn(text.probability, "percent"),
                ExportColumn(text.weighted, "money"),
                ExportColumn(text.expected_close, "date"),
                ExportColumn(text.owner),
            ],
            (
                (
                    d.title,
                    d.customer,
                    d.stage_zh if chinese else d.stage_en,
                    d.amount,
                    Decimal(d.probability),
                    d.weighted,
                    d.expected_close,
                    d.owner,
                )
                for d in reports.open_deals(flt.owner_id)
            ),
            tick,
        )
        _table(
            sheets["targets"],
            text.targets_sheet,
            [
                ExportColumn(text.salesperson),
                ExportColumn(text.target, "money"),
                ExportColumn(text.actual, "money"),
                ExportColumn(text.attainment, "percent"),
            ],
            [(t.name, t.target, t.actual, t.attainment) for t in snapshot.targets],
            tick,
        )
        _table(
            sheets["activities"],
            text.activities_sheet,
            [
                ExportColumn(text.salesperson),
                ExportColumn(text.tasks_due, "int"),
                ExportColumn(text.done_status, "int"),
                ExportColumn(text.open_status, "int"),
                ExportColumn(text.overdue_status, "int"),
            ],
            [
                (a.name or "–", a.due, a.done, a.open, a.overdue)
                for a in reports.activities(flt, today)
            ],
            tick,
        )
        _summary(
            sheets["summary"],
            sheets["monthly"],
            snapshot,
            text,
            chinese=chinese,
            owner_name=owner_name or text.everyone,
        )
        tick(2)
        with atomic_output(path) as temporary, temporary.open("xb") as out:
            wb.save(out)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        for ws in sheets.values():
            _discard_sheet_stream(ws)
        raise
    if progress is not None:
        progress(total, total)
    return SummaryCounts(customers, len(products), deals, len(monthly_rows))


def _change(current: Decimal, previous: Decimal) -> Decimal | None:
    return change_percent(current, previous)


def _share(part: Decimal, whole: Decimal) -> Decimal | None:
    return percent_of(part, whole)


def _header_cells(ws: Any, headers: Sequence[str]) -> list[Any]:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill

    bold, fill = Font(bold=True), PatternFill("solid", fgColor=HEADER_FILL)
    cells = []
    for header in headers:
        cell = WriteOnlyCell(ws)
        cell.font, cell.fill = bold, fill
        _set(cell, clean_text(header), "s")
        cells.append(cell)
    return cells


def _table(
    ws: Any,
    title: str,
    columns: Sequence[ExportColumn],
    rows: Iterable[Sequence[object]],
    tick: Callable[[], None],
    *,
    date_columns: dict[int, str] | None = None,
) -> int:
    """Stream one table into the write-only sheet ``ws``: typed cells under a frozen header."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    ws.title = sanitize_sheet_title(title)
    source: Iterator[Sequence[object]] = iter(rows)
    head = list(islice(source, LOOKAHEAD_ROWS))
    for index, column in enumerate(columns):
        ws.column_dimensions[get_column_letter(index + 1)].width = fit_width(column, index, head)
    ws.freeze_panes = "A2"
    putters = [_putter(ws, WriteOnlyCell, column.kind, MONEY_FORMAT) for column in columns]
    for index, number_format in (date_columns or {}).items():
        putters[index] = _date_cell(ws, number_format)
    ws.append(_header_cells(ws, [column.header for column in columns]))
    count = 0
    for row in chain(head, source):
        ws.append([put(value) for put, value in zip(putters, row, strict=True)])
        count += 1
        tick()
    last = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A1:{last}{count + 1}"
    return count


def _date_cell(ws: Any, number_format: str) -> Callable[[object], object]:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws)
    cell.number_format = number_format

    def put(value: object) -> object:
        if not isinstance(value, date):
            return None
        _set(cell, value, "d")
        return cell

    return put


def _summary(
    ws: Any,
    monthly: Any,
    snapshot: Any,
    text: ReportText,
    *,
    chinese: bool,
    owner_name: str,
) -> None:
    """The KPIs (value, last year, change), the stage and top-customer tables, three charts."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.chart import BarChart, LineChart, Reference
    from openpyxl.styles import Font

    ws.title = sanitize_sheet_title(text.summary_sheet)
    k = snapshot.kpis
    flt = snapshot.filter

    def cell(value: object, kind: str = "text", *, bold: bool = False) -> Any:
        if value is None:
            return None
        c = WriteOnlyCell(ws)
        if bold:
            c.font = Font(bold=True, size=14)
        if kind == "text":
            _set(c, clean_text(str(value)), "s")
            return c
        if kind == "date":
            _set(c, value, "d")
            c.number_format = DATE_FORMAT
            return c
        assert isinstance(value, (int, Decimal))
        number = Decimal(value).scaleb(-2) if kind == "percent" else Decimal(value)
        _set(c, format(number.normalize(), "f"), "n")
        c.number_format = {"money": MONEY_FORMAT, "count": COUNT_FORMAT}.get(kind, PERCENT_FORMAT)
        return c

    kpis: list[tuple[str, object, object, object, str]] = [
        (text.revenue_period, *_comparison(k.revenue_period), "money"),
        (text.revenue_month, *_comparison(k.revenue_month), "money"),
        (text.revenue_quarter, *_comparison(k.revenue_quarter), "money"),
        (text.revenue_ytd, *_comparison(k.revenue_ytd), "money"),
        (text.open_pipeline, k.pipeline.amount, None, None, "money"),
        (text.weighted_pipeline, k.pipeline.weighted, None, None, "money"),
        (text.open_deals, k.pipeline.open_deals, None, None, "count"),
        (text.won_deals, k.win_rate.won, None, None, "count"),
        (text.lost_deals, k.win_rate.lost, None, None, "count"),
        (text.win_rate, k.win_rate.win_rate, None, None, "percent"),
        (text.average_deal_size, k.win_rate.average_deal_size, None, None, "money"),
        (text.quotes_awaiting, k.quotes_awaiting.count, None, None, "count"),
        (text.quotes_awaiting_amount, k.quotes_awaiting.amount, None, None, "money"),
        (text.overdue_tasks, k.overdue_tasks, None, None, "count"),
        (text.target, k.targets.target, None, None, "money"),
        (text.actual, k.targets.actual, None, None, "money"),
        (text.target_attainment, k.targets.attainment, None, None, "percent"),
    ]
    stages = snapshot.stages
    top = snapshot.top_customers
    names = [name for name, *_rest in kpis]
    names += [s.name_zh if chinese else s.name_en for s in stages] + [c.name for c in top]
    first_width = max([display_width(n) for n in names] + [12]) + 2
    ws.column_dimensions["A"].width = min(first_width, 40)
    for letter in "BCD":
        ws.column_dimensions[letter].width = 18
    header_row = 5
    ws.freeze_panes = f"A{header_row + 1}"

    ws.append([cell(text.report_title, bold=True)])
    ws.append([cell(text.period_from), cell(flt.period_from, "date")])
    ws.append([cell(text.period_to), cell(flt.period_to, "date")])
    ws.append([cell(text.owner), cell(owner_name)])
    ws.append(_header_cells(ws, [text.figure, text.value, text.previous, text.change]))
    for name, value, previous, change, kind in kpis:
        ws.append([cell(name), cell(value, kind), cell(previous, kind), cell(change, "percent")])
    row = header_row + len(kpis) + 1

    ws.append([])
    stage_header = row + 2
    ws.append(_header_cells(ws, [text.stage, text.deals, text.amount, text.weighted]))
    for s in stages:
        ws.append(
            [
                cell(s.name_zh if chinese else s.name_en),
                cell(s.count, "count"),
                cell(s.amount, "money"),
                cell(s.weighted, "money"),
            ]
        )
    stage_last = stage_header + len(stages)
    ws.append([])
    top_header = stage_last + 2
    ws.append(_header_cells(ws, [text.customer, text.revenue, text.share, text.cumulative_share]))
    for c in top:
        ws.append(
            [
                cell(c.name),
                cell(c.revenue, "money"),
                cell(c.share, "percent"),
                cell(c.cumulative_share, "percent"),
            ]
        )
    top_last = top_header + len(top)

    # Native charts over the cells above and the monthly sheet (Excel draws them itself).
    months = len(snapshot.monthly)
    if months:
        chart = BarChart()
        chart.title = text.monthly_title
        chart.add_data(
            Reference(monthly, min_col=2, min_row=1, max_row=months + 1), titles_from_data=True
        )
        chart.set_categories(Reference(monthly, min_col=1, min_row=2, max_row=months + 1))
        line = LineChart()
        line.add_data(
            Reference(monthly, min_col=3, min_row=1, max_row=months + 1), titles_from_data=True
        )
        chart += line
        chart.y_axis.numFmt = MONEY_FORMAT
        chart.width, chart.height = 18, 8
        ws.add_chart(chart, "F2")
    if stages:
        chart = BarChart()
        chart.type = "bar"
        chart.title = text.pipeline_title
        chart.add_data(
            Reference(ws, min_col=3, max_col=4, min_row=stage_header, max_row=stage_last),
            titles_from_data=True,
        )
        chart.set_categories(Reference(ws, min_col=1, min_row=stage_header + 1, max_row=stage_last))
        chart.x_axis.scaling.orientation = "maxMin"
        chart.width, chart.height = 18, 8
        ws.add_chart(chart, "F19")
    if top:
        chart = BarChart()
        chart.title = text.top_customers_title
        chart.add_data(
            Reference(ws, min_col=2, min_row=top_header, max_row=top_last), titles_from_data=True
        )
        chart.set_categories(Reference(ws, min_col=1, min_row=top_header + 1, max_row=top_last))
        chart.width, chart.height = 18, 8
        ws.add_chart(chart, "F36")


def _comparison(figure: Any) -> tuple[object, object, object]:
    return figure.current, figure.previous, figure.change


def default_period(today: date) -> tuple[date, date]:
    """The CLI's default: this year up to today."""
    return date(today.year, 1, 1), today
