"""The accounting export: one row per voucher line (date, voucher no, summary, account code and
name, debit, credit, customer, document number) as .xlsx — with the master data (Customers,
Products) as two more sheets — or as CSV. Typed, formula-safe cells through the writers of
``reporting/excel.py`` and ``reporting/csv_export.py``; the words are ``labels.VOUCHER_LABELS``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from itertools import chain, islice
from pathlib import Path
from typing import Any

from sms_desktop.domain.enums import DocumentLanguage
from sms_desktop.reporting.csv_export import write_csv
from sms_desktop.reporting.excel import (
    LOOKAHEAD_ROWS,
    ExportColumn,
    _discard_sheet_stream,
    _putter,
    clean_text,
    fit_width,
    sanitize_sheet_title,
)
from sms_desktop.reporting.files import atomic_output
from sms_desktop.reporting.labels import VOUCHER_LABELS, in_language
from sms_desktop.services.vouchers import CustomerMaster, ProductMaster, Voucher

Sheet = tuple[str, Sequence[ExportColumn], Iterable[Sequence[object]]]


def _l(key: str, language: DocumentLanguage) -> str:
    return in_language(VOUCHER_LABELS[key], language)


def voucher_columns(language: DocumentLanguage) -> list[ExportColumn]:
    keys = (
        "date",
        "voucher",
        "summary",
        "code",
        "account",
        "debit",
        "credit",
        "customer",
        "document",
    )
    kinds = {"date": "date", "debit": "money", "credit": "money"}
    return [ExportColumn(_l(k, language), kinds.get(k, "text")) for k in keys]  # type: ignore[arg-type]


def voucher_rows(
    vouchers: Iterable[Voucher], language: DocumentLanguage
) -> Iterable[Sequence[object]]:
    for v in vouchers:
        summary = _l(f"summary_{v.kind}", language).format(document=v.document, customer=v.customer)
        for line in v.lines:
            yield (
                v.day,
                v.number,
                summary,
                line.account_code,
                line.account_name,
                line.debit,
                line.credit,
                v.customer,
                v.document,
            )


def _customer_sheet(rows: Iterable[CustomerMaster], language: DocumentLanguage) -> Sheet:
    columns = [
        ExportColumn(_l(k, language)) for k in ("c_code", "c_name", "c_tax", "c_address", "c_phone")
    ]
    return (
        _l("customers", language),
        columns,
        ((c.code, c.name, c.tax_id, c.address, c.phone) for c in rows),
    )


def _product_sheet(rows: Iterable[ProductMaster], language: DocumentLanguage) -> Sheet:
    columns = [
        ExportColumn(_l("p_sku", language)),
        ExportColumn(_l("p_name", language)),
        ExportColumn(_l("p_unit", language)),
        ExportColumn(_l("p_tax", language), "decimal"),
        ExportColumn(_l("p_price", language), "money"),
    ]
    return (
        _l("products", language),
        columns,
        ((p.sku, p.name, p.unit, p.tax_rate, p.list_price) for p in rows),
    )


def write_sheets(path: Path, sheets: Sequence[Sheet]) -> list[int]:
    """Several streamed, typed sheets in one new .xlsx (atomic); the row count of each."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    from sms_desktop.domain.palette import Colour

    wb = Workbook(write_only=True)
    counts: list[int] = []
    open_sheets: list[Any] = []
    try:
        for title, columns, rows in sheets:
            ws = wb.create_sheet(sanitize_sheet_title(title))
            open_sheets.append(ws)
            source = iter(rows)
            head = list(islice(source, LOOKAHEAD_ROWS))
            for index, column in enumerate(columns):
                ws.column_dimensions[get_column_letter(index + 1)].width = fit_width(
                    column, index, head
                )
            ws.freeze_panes = "A2"
            bold = Font(bold=True)
            fill = PatternFill("solid", fgColor=Colour.TABLE_HEADER.rgb)
            header = []
            for column in columns:
                cell = WriteOnlyCell(ws, value=clean_text(column.header))
                cell.font, cell.fill = bold, fill
                header.append(cell)
            ws.append(header)
            putters = [_putter(ws, WriteOnlyCell, c.kind, "#,##0.00") for c in columns]
            count = 0
            for row in chain(head, source):
                ws.append([put(v) for put, v in zip(putters, row, strict=True)])
                count += 1
            ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
            counts.append(count)
        with atomic_output(path) as temporary, temporary.open("xb") as out:
            wb.save(out)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        for ws in open_sheets:
            _discard_sheet_stream(ws)
        raise
    return counts


def write_vouchers(
    path: Path,
    vouchers: Sequence[Voucher],
    *,
    customers: Iterable[CustomerMaster] = (),
    products: Iterable[ProductMaster] = (),
    language: DocumentLanguage = DocumentLanguage.ZH_CN,
    encoding: str = "utf-8-sig",
) -> int:
    """The voucher lines to ``path`` (.xlsx with the master-data sheets, or .csv of the lines
    only); returns the number of voucher lines written."""
    columns = voucher_columns(language)
    rows = voucher_rows(vouchers, language)
    if path.suffix.lower() == ".csv":
        return write_csv(path, columns, rows, encoding=encoding)  # type: ignore[arg-type]
    counts = write_sheets(
        path,
        [
            (_l("vouchers", language), columns, rows),
            _customer_sheet(customers, language),
            _product_sheet(products, language),
        ],
    )
    return counts[0]
