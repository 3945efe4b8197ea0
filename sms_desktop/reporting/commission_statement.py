"""A commission statement as an .xlsx workbook and as a PDF (CJK font embedded).

The UI passes the translated texts (``StatementLabels``) and the already formatted summary
figures' captions; amounts stay exact ``Decimal``: numbers in Excel with a money format, text
formatted from the Decimal in the PDF. Every user string is escaped before it reaches a
reportlab ``Paragraph``; table cells are plain strings (no markup is parsed there).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from sms_desktop.domain.palette import Colour
from sms_desktop.reporting.excel import (
    DATE_FORMAT,
    clean_text,
    sanitize_sheet_title,
)
from sms_desktop.reporting.files import Progress, atomic_output
from sms_desktop.reporting.fonts import cjk_font_path

if TYPE_CHECKING:
    from sms_desktop.services.commissions import Statement

MONEY_FORMAT = "#,##0.00"
PDF_FONT = "WenQuanYiMicroHei"


@dataclass(frozen=True, slots=True)
class StatementLabels:
    """Translated texts of the statement (from the UI)."""

    title: str  # e.g. "Commission statement"
    sheet: str
    salesperson: str
    period: str
    period_name: str  # the period written out, e.g. "2026年第2季度"
    plan: str
    no_plan: str
    basis: str  # caption: "Commission base"
    basis_name: str  # the plan's base, e.g. "Revenue (excl. tax)" (domain/revenue.py)
    target: str
    actual: str
    attainment: str
    tier: str
    tier_text: str  # e.g. "from 80 %: 3 %" or "below the lowest tier"
    rate_amount: str
    bonus: str
    total: str
    lines: str  # heading of the table of what counted
    date: str
    reference: str
    customer: str
    revenue: str
    margin: str
    assumed: str  # marks a deal assumed won in a what-if
    page: str  # "Page {page} of {pages}"


def money_text(value: Decimal | None) -> str:
    """``12,345.60`` from the exact Decimal (reports are locale-neutral)."""
    if value is None:
        return "–"
    return f"{value.quantize(Decimal('0.01')):,}"


def _summary(st: Statement, labels: StatementLabels) -> list[tuple[str, Any, str]]:
    """(caption, value, kind) rows of the summary block."""
    attainment = None if st.attainment is None else st.attainment / 100
    return [
        (labels.salesperson, st.salesperson, "text"),
        (labels.period, labels.period_name, "text"),
        (labels.plan, st.plan_name or labels.no_plan, "text"),
        (labels.basis, labels.basis_name, "text"),
        (labels.target, st.target, "money"),
        (labels.actual, st.actual, "money"),
        (labels.attainment, attainment, "percent"),
        (labels.tier, labels.tier_text, "text"),
        (labels.rate_amount, st.rate_amount, "money"),
        (labels.bonus, st.bonus, "money"),
        (labels.total, st.total, "money"),
    ]


def write_statement_workbook(
    path: Path, st: Statement, labels: StatementLabels, *, progress: Progress | None = None
) -> None:
    """The summary on top, then one row per order that counted (replaced whole or not at all)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = sanitize_sheet_title(labels.sheet)
    bold = Font(bold=True)
    ws.append([clean_text(labels.title)])
    ws["A1"].font = Font(bold=True, size=14)
    for caption, value, kind in _summary(st, labels):
        ws.append([clean_text(caption), None])
        row = ws.max_row
        cell = ws.cell(row=row, column=2)
        if kind == "text":
            cell.value = clean_text(str(value))
            cell.data_type = "s"
        elif value is not None:
            cell.value = value
            cell.number_format = "0.00%" if kind == "percent" else MONEY_FORMAT
        ws.cell(row=row, column=1).font = bold
    ws.append([])
    ws.append([clean_text(labels.lines)])
    ws.cell(row=ws.max_row, column=1).font = bold
    header = [labels.date, labels.reference, labels.customer, labels.revenue, labels.margin]
    ws.append([clean_text(h) for h in header])
    header_row = ws.max_row
    for column in range(1, 6):
        ws.cell(row=header_row, column=column).font = bold
        ws.cell(row=header_row, column=column).fill = PatternFill(
            "solid", fgColor=Colour.TABLE_HEADER.rgb
        )
    for line in st.lines:
        reference = line.reference if line.order_id else f"{line.reference} ({labels.assumed})"
        ws.append([line.day, None, None, line.revenue, line.margin])
        row = ws.max_row
        ws.cell(row=row, column=1).number_format = DATE_FORMAT
        for column, text in ((2, reference), (3, line.customer)):
            cell = ws.cell(row=row, column=column)
            cell.value = clean_text(text)
            cell.data_type = "s"  # never a formula, whatever the text starts with
        for column in (4, 5):
            ws.cell(row=row, column=column).number_format = MONEY_FORMAT
    for letter, width in zip("ABCDE", (22, 34, 34, 16, 16), strict=True):
        ws.column_dimensions[letter].width = width
    with atomic_output(path, progress=progress) as temporary:
        wb.save(temporary)


def _register_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(PDF_FONT, str(cjk_font_path()), subfontIndex=0))
    return PDF_FONT


def write_statement_pdf(
    path: Path, st: Statement, labels: StatementLabels, *, progress: Progress | None = None
) -> None:
    """An A4 statement: title, summary table, the orders that counted (header repeated on
    every page), page x of y."""
    from reportlab import rl_config
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    rl_config.trustedSchemes = ["file"]
    font = _register_font()
    title_style = ParagraphStyle("title", fontName=font, fontSize=16, leading=22, wordWrap="CJK")
    heading = ParagraphStyle("heading", fontName=font, fontSize=11, leading=16, wordWrap="CJK")

    summary_rows = []
    for caption, value, kind in _summary(st, labels):
        if kind == "text":
            text = str(value)
        elif kind == "percent":
            text = "–" if value is None else f"{(value * 100).quantize(Decimal('0.01'))} %"
        else:
            text = money_text(value)
        summary_rows.append([caption, text])

    def summary_table() -> Any:
        table = Table(summary_rows, colWidths=(45 * mm, 110 * mm))
        table.setStyle(summary_style)
        return table

    summary_style = TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), font),
            ("FONTSIZE", (0, 0), (-1, -1), 9),
            ("TEXTCOLOR", (0, 0), (0, -1), colors.HexColor(Colour.MUTED)),
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, colors.black),
            ("FONTSIZE", (0, -1), (-1, -1), 11),
        ]
    )
    line_rows: list[list[str]] = [
        [labels.date, labels.reference, labels.customer, labels.revenue, labels.margin]
    ]
    for line in st.lines:
        reference = line.reference if line.order_id else f"{line.reference} ({labels.assumed})"
        line_rows.append(
            [
                line.day.isoformat() if line.day else "",
                _cut(reference, 28),
                _cut(line.customer, 22),
                money_text(line.revenue),
                money_text(line.margin),
            ]
        )
    widths = (22 * mm, 45 * mm, 55 * mm, 28 * mm, 28 * mm)

    def lines_table() -> Any:
        table = Table(line_rows, colWidths=widths, repeatRows=1)
        table.setStyle(lines_style)
        return table

    lines_style = TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), font),
            ("FONTSIZE", (0, 0), (-1, -1), 8),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(Colour.TABLE_HEADER)),
            ("ALIGN", (3, 0), (-1, -1), "RIGHT"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.grey),
            (
                "ROWBACKGROUNDS",
                (0, 1),
                (-1, -1),
                [colors.white, colors.HexColor(Colour.TABLE_STRIPE)],
            ),
        ]
    )

    class _Numbered:
        """Page x of y: a first pass counts the pages."""

        pages = 0

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        text = labels.page.format(page=doc.page, pages=_Numbered.pages or doc.page)
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, text)
        canvas.restoreState()

    def story() -> list[Any]:
        """Fresh flowables for each build (a built table keeps its split state)."""
        return [
            Paragraph(escape(labels.title), title_style),
            Spacer(1, 4 * mm),
            summary_table(),
            Spacer(1, 6 * mm),
            Paragraph(escape(labels.lines), heading),
            Spacer(1, 2 * mm),
            lines_table(),
        ]

    margins = {
        "leftMargin": 18 * mm,
        "rightMargin": 18 * mm,
        "topMargin": 18 * mm,
        "bottomMargin": 18 * mm,
    }
    with atomic_output(path, progress=progress) as temporary:
        counter = SimpleDocTemplate(str(temporary), pagesize=A4, **margins)
        counter.build(story(), onFirstPage=footer, onLaterPages=footer)
        _Numbered.pages = counter.page
        doc = SimpleDocTemplate(
            str(temporary), pagesize=A4, title=labels.title, author=st.salesperson, **margins
        )
        doc.build(story(), onFirstPage=footer, onLaterPages=footer)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
