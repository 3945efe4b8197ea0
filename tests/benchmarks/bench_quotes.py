"""Quotes: the PDF for 20, 200 and 2,000 lines against a bare reportlab table document, and
the quote editor's recalculation of 200 lines (target: under 16 ms, one frame)."""

from __future__ import annotations

import io
import os
import statistics
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from tests.benchmarks.harness import Row, benchmark

PDF_SIZES = (20, 200, 2000)
EDITOR_LINES = 200


def _median_ms(func: Any, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _bare_table_pdf(rows: list[list[str]]) -> bytes:
    """The floor: one platypus Table of the same plain strings, repeated header, same font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from sms_desktop.reporting.quote_pdf import FONT, register_font

    register_font()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, initialFontName=FONT)
    widths = [11 * mm, 69 * mm, 16 * mm, 12 * mm, 22 * mm, 13 * mm, 12 * mm, 25 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 8.5)]))
    doc.build([table])
    return buffer.getvalue()


@benchmark
def quote_pdf(db: Path) -> list[Row]:
    from sms_desktop.domain.enums import DocumentLanguage
    from sms_desktop.reporting.quote_pdf import quote_pdf_bytes
    from tests.reporting.quote_samples import COMPANY, make_quote, sample_lines

    del db
    rows: list[Row] = []
    for size in PDF_SIZES:
        quote = make_quote(sample_lines(size))
        table = [["No.", "Item", "Qty", "Unit", "Unit price", "Disc.", "Tax", "Amount"]]
        table += [
            [
                str(i + 1),
                f"{ln.sku}  {ln.description}",
                f"{ln.quantity}",
                ln.unit,
                f"{ln.unit_price:,.2f}",
                f"{ln.discount_percent}%",
                f"{ln.tax_rate}%",
                f"{ln.net_amount:,.2f}",
            ]
            for i, ln in enumerate(quote.lines)
        ]
        runs = 7 if size < 2000 else 3
        quote_pdf_bytes(quote, company=COMPANY, language=DocumentLanguage.ZH_CN)  # warm up
        ours = _median_ms(
            lambda q=quote: quote_pdf_bytes(q, company=COMPANY, language=DocumentLanguage.ZH_CN),
            runs,
        )
        floor = _median_ms(lambda t=table: _bare_table_pdf(t), runs)
        rows.append(
            Row(f"quote PDF, {size:,} lines", ours, floor, "vs bare reportlab Table document")
        )
    return rows


@benchmark
def quote_editor(db: Path) -> list[Row]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from sms_desktop.domain.quotes import compute
    from sms_desktop.persistence.db import Database, make_engine
    from sms_desktop.services.quotes import LineData
    from sms_desktop.services.registry import Services
    from sms_desktop.ui.documents.lines_model import QUANTITY
    from sms_desktop.ui.tabs.quotes.editor import QuoteEditor

    app: Any = QApplication.instance() or QApplication([])
    database = Database(db, make_engine(db))  # read only: the editor is never saved
    try:
        services = Services(database)
        customer = services.quotes.customer_choices("", limit=1)[0].id
        products = services.products.active_products()
        blank = services.quotes.new_quote(customer, today=date.today())
        editor = QuoteEditor(services, blank, customer_name="bench")
        editor.show()
        lines = [
            LineData(
                product_id=p.id,
                description=p.name_zh,
                quantity=Decimal(i % 50 + 1),
                unit=p.unit,
                unit_price=p.list_price,
                tax_rate=p.tax_rate,
                unit_cost=p.cost,
                sku=p.sku,
            )
            for i, p in ((i, products[i % len(products)]) for i in range(EDITOR_LINES))
        ]
        editor.lines.model.set_lines(lines)
        editor.lines.recalculate()
        app.processEvents()
        recalc = _median_ms(editor.lines.recalculate, 41)
        counter = iter(range(10**6))

        def edit_quantity() -> None:
            # A typed quantity: re-price by the rules, recompute, repaint the visible rows.
            value = str(next(counter) % 90 + 1)
            editor.lines.model.setData(editor.lines.model.index(17, QUANTITY), value)
            app.processEvents()

        edit = _median_ms(edit_quantity, 41)
        inputs = [ln.as_input() for ln in lines]
        floor = _median_ms(lambda: compute(inputs), 41)
        editor.close()
    finally:
        database.close()
    return [
        Row(
            f"editor recalculation, {EDITOR_LINES} lines",
            recalc,
            floor,
            "floor: domain compute() alone; target < 16 ms",
        ),
        Row(
            f"editor quantity edit + repaint, {EDITOR_LINES} lines",
            edit,
            floor,
            "setData → reprice → recalc → paint",
        ),
    ]
