"""Streamed, typed, formula-safe .xlsx export of one table (openpyxl write-only mode)."""

from __future__ import annotations

import math
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from itertools import chain, islice
from pathlib import Path
from typing import Any, Literal

from sms_desktop.domain.palette import Colour
from sms_desktop.reporting.files import Progress, atomic_output

ColumnKind = Literal["text", "int", "money", "decimal", "percent", "date", "datetime", "bool"]

PROGRESS_EVERY = 2_000
LOOKAHEAD_ROWS = 200
MAX_CELL_CHARS = 32_767
# Text starting with one of these is read as a formula by spreadsheets (ARCHITECTURE §6).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
PERCENT_FORMAT = "0.00%"
MIN_WIDTH = 6.0
MAX_WIDTH = 60.0

# openpyxl's ILLEGAL_CHARACTERS_RE plus what XML 1.0 also forbids (lone surrogates, U+FFFE,
# U+FFFF): lxml refuses those mid-export, so they are dropped up front like the control codes.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_MAX_SHEET_TITLE = 31
_HEADER_FILL = Colour.TABLE_HEADER.rgb


@dataclass(frozen=True, slots=True)
class ExportColumn:
    """One exported column: translated header, value kind and optional width in characters."""

    header: str
    kind: ColumnKind = "text"
    width: float | None = None


class ExportCancelled(Exception):  # noqa: N818 - the agreed public name; it is not an error
    """Raised by a progress callback to stop an export; the target file is left untouched."""


Put = Callable[[object], object]


def write_table(
    path: Path,
    columns: Sequence[ExportColumn],
    rows: Iterable[Sequence[object]],
    *,
    sheet_title: str,
    total: int | None = None,
    progress: Progress | None = None,
    title: str | None = None,
    subtitle: str | None = None,
    currency_format: str = "#,##0.00",
) -> int:
    """Stream rows into a new .xlsx (write-only mode); returns the number of data rows."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    if not columns:
        raise ValueError("an export needs at least one column")
    source = iter(rows)
    # Write-only sheets emit column widths and panes before the first row, so widths are
    # fitted from a small buffered lookahead instead of the whole (streamed) table.
    head = list(islice(source, LOOKAHEAD_ROWS))

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sanitize_sheet_title(sheet_title))
    for index, column in enumerate(columns):
        width = column.width if column.width is not None else fit_width(column, index, head)
        ws.column_dimensions[get_column_letter(index + 1)].width = width

    def text_cell(value: str, **style: Any) -> Any:
        cell = WriteOnlyCell(ws)
        for name, setting in style.items():
            setattr(cell, name, setting)
        _set(cell, clean_text(value), "s")
        return cell

    banner: list[list[object]] = []
    if title:
        banner.append([text_cell(title, font=Font(bold=True, size=14))])
    if subtitle:
        banner.append([text_cell(subtitle)])
    if banner:
        banner.append([])  # a blank row keeps the title out of Excel's "current region"
    header_row = len(banner) + 1
    ws.freeze_panes = f"A{header_row + 1}"

    bold, fill = Font(bold=True), PatternFill("solid", fgColor=_HEADER_FILL)
    putters = [_putter(ws, WriteOnlyCell, column.kind, currency_format) for column in columns]
    count = 0
    try:
        for line in banner:
            ws.append(line)
        ws.append([text_cell(column.header, font=bold, fill=fill) for column in columns])
        for row in chain(head, source):
            ws.append([put(value) for put, value in zip(putters, row, strict=True)])
            count += 1
            if progress is not None and count % PROGRESS_EVERY == 0:
                progress(count, total or 0)
        if progress is not None:
            progress(count, total or 0)
        # The filter is written with the sheet's tail when the workbook is saved, so it can be
        # set now that the row count is known.
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(columns))}{header_row + count}"
        with atomic_output(path) as temporary, temporary.open("xb") as out:
            wb.save(out)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        _discard_sheet_stream(ws)
        raise
    return count


def _set(cell: Any, value: object, data_type: str) -> None:
    """Store an already converted value with its type, bypassing openpyxl's type inference."""
    # The ``value`` setter infers types ("=…" → formula, "#N/A" → error) and re-checks text we
    # have cleaned; the writer serialises ``_value`` as stored, which also lets a numeric cell
    # carry a Decimal's exact digits as text.
    cell._value = value
    cell.data_type = data_type


def _putter(
    ws: Any, cell_factory: Callable[[Any], Any], kind: ColumnKind, currency_format: str
) -> Put:
    """The per-cell converter of one column: Python value → what the write-only sheet appends."""
    # openpyxl serialises each appended row before ``append`` returns, so one cell object per
    # column (its number format set once) is refilled for every row instead of built anew.
    text = cell_factory(ws)

    def as_text(value: object) -> object:
        cleaned = clean_text(value if isinstance(value, str) else str(value))
        if not cleaned:
            return None
        _set(text, cleaned, "s")
        return text

    if kind == "text":
        return lambda value: None if value is None else as_text(value)
    if kind == "bool":
        return lambda value: value if value is None or isinstance(value, bool) else as_text(value)
    if kind in ("date", "datetime"):
        return _date_putter(cell_factory(ws), kind, as_text)
    number_format = {"money": currency_format, "percent": PERCENT_FORMAT}.get(kind)
    return _number_putter(cell_factory(ws), number_format, kind == "percent", as_text)


def _number_putter(cell: Any, number_format: str | None, percent: bool, as_text: Put) -> Put:
    """Numbers stay numeric: Decimals are written with their exact digits, never via float."""
    if number_format is not None:
        cell.number_format = number_format

    def put(value: object) -> object:
        if value is None:
            return None
        if isinstance(value, bool):
            return as_text(value)
        if isinstance(value, int):
            if not percent and number_format is None:
                return value
            value = Decimal(value)
        if isinstance(value, Decimal) and value.is_finite():
            # A numeric cell holding the Decimal's own digits: openpyxl would print it with
            # "%.16g" of a float, which can grow a spurious 16th digit.
            exact = value.scaleb(-2) if percent else value
            _set(cell, format(exact.normalize(), "f"), "n")
            return cell
        if isinstance(value, float) and math.isfinite(value):
            _set(cell, value / 100 if percent else value, "n")
            return cell
        return as_text(value)

    return put


def _date_putter(cell: Any, kind: ColumnKind, as_text: Put) -> Put:
    """Dates and local naive datetimes with ISO-like number formats."""
    cell.number_format = DATE_FORMAT if kind == "date" else DATETIME_FORMAT

    def put(value: object) -> object:
        if value is None:
            return None
        if isinstance(value, datetime):
            local = to_local(value)
            _set(cell, local if kind == "datetime" else local.date(), "d")
            return cell
        if isinstance(value, date) and kind == "date":
            _set(cell, value, "d")
            return cell
        return as_text(value)

    return put


def to_local(value: datetime) -> datetime:
    """An aware timestamp as naive local time (spreadsheets have no time zones)."""
    if value.tzinfo is None:
        raise ValueError(f"naive datetime {value.isoformat()} in an export: pass an aware one")
    return value.astimezone().replace(tzinfo=None)


def clean_text(text: str) -> str:
    """Text a cell can hold: XML-illegal characters removed, cut to Excel's 32,767 limit."""
    if _ILLEGAL_XML.search(text):
        text = _ILLEGAL_XML.sub("", text)
    return text[:MAX_CELL_CHARS]


def sanitize_sheet_title(text: str) -> str:
    """A valid Excel sheet name: no []:*?/\\, no edge apostrophes, at most 31 characters."""
    name = _SHEET_TITLE_FORBIDDEN.sub("_", clean_text(text)).strip().strip("'")
    name = name[:_MAX_SHEET_TITLE].strip("'")
    if not name:
        return "Sheet1"
    # Excel reserves "History" for its change-tracking sheet.
    return f"{name}_" if name.casefold() == "history" else name


def display_width(text: str) -> int:
    """Character cells the longest line needs; East Asian wide and full-width count twice."""
    widest = 0
    for line in text.splitlines() or [""]:
        width = len(line)
        if not line.isascii():
            width += sum(1 for char in line if unicodedata.east_asian_width(char) in "WF")
        widest = max(widest, width)
    return widest


def fit_width(column: ExportColumn, index: int, head: Sequence[Sequence[object]]) -> float:
    """A column width from its header (bold, so a little wider) and the buffered first rows."""
    widest = display_width(column.header) + 1
    for row in head:
        if index < len(row) and row[index] is not None:
            widest = max(widest, display_width(_sample(column.kind, row[index])))
    return min(MAX_WIDTH, max(MIN_WIDTH, widest + 2.0))


def _sample(kind: ColumnKind, value: object) -> str:
    """Roughly how a value looks in its column, for fitting the width."""
    numeric = isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)
    if kind == "money" and numeric:
        return f"{value:,.2f}"
    if kind == "percent" and numeric:
        return f"{value:.2f}%"
    if kind == "date" and isinstance(value, date):
        return "0000-00-00"
    if kind == "datetime" and isinstance(value, datetime):
        return "0000-00-00 00:00"
    if kind == "bool" and isinstance(value, bool):
        return "FALSE"
    return clean_text(str(value))


def _discard_sheet_stream(ws: Any) -> None:
    """Close and delete openpyxl's temporary sheet file after a failed or cancelled export."""
    writer = ws._writer
    if writer is None:
        return
    # openpyxl only removes that file when the workbook is saved (or at interpreter exit),
    # and a cancelled 200,000-row export leaves a large one in the temp folder.
    with suppress(Exception):
        ws.close()
    with suppress(Exception):
        writer.cleanup()
