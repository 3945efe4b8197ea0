"""Plain, formula-guarded CSV export of one table, with the same column model as Excel."""

from __future__ import annotations

import csv
import math
import os
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from sms_desktop.reporting.excel import (
    FORMULA_PREFIXES,
    PROGRESS_EVERY,
    ExportColumn,
    to_local,
)
from sms_desktop.reporting.files import Progress, atomic_output

if TYPE_CHECKING:
    from pathlib import Path

CsvEncoding = Literal["utf-8-sig", "gb18030"]


def write_csv(
    path: Path,
    columns: Sequence[ExportColumn],
    rows: Iterable[Sequence[object]],
    *,
    encoding: CsvEncoding = "utf-8-sig",
    total: int | None = None,
    progress: Progress | None = None,
) -> int:
    """Write rows to a new CSV file atomically; returns the number of data rows."""
    if not columns:
        raise ValueError("an export needs at least one column")
    formatters = [_formatter(column) for column in columns]
    count = 0
    with (
        atomic_output(path) as temporary,
        temporary.open("x", encoding=encoding, newline="") as out,
    ):
        writer = csv.writer(out)
        writer.writerow([guard(column.header) for column in columns])
        for row in rows:
            writer.writerow([fmt(value) for fmt, value in zip(formatters, row, strict=True)])
            count += 1
            if progress is not None and count % PROGRESS_EVERY == 0:
                progress(count, total or 0)
        if progress is not None:
            progress(count, total or 0)
        out.flush()
        os.fsync(out.fileno())
    return count


def guard(text: str) -> str:
    """Prefix text a spreadsheet would run as a formula with a single quote."""
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def _formatter(column: ExportColumn) -> Callable[[object], str]:
    """One column's value → CSV field; a datetime in a date column becomes its local date."""
    # Fields follow the value's type, so a percent column keeps the percentage ("12.50"), as the
    # header says, rather than Excel's fraction.
    local_date = column.kind == "date"

    def fmt(value: object) -> str:
        if isinstance(value, str):
            return guard(value)
        if value is None:
            return ""
        if isinstance(value, bool):
            return "1" if value else "0"
        if isinstance(value, Decimal) and value.is_finite():
            # Plain digits as stored ("1234.50"): no exponent, no thousands separators.
            return format(value, "f")
        if isinstance(value, int) or (isinstance(value, float) and math.isfinite(value)):
            return str(value)
        if isinstance(value, datetime):
            local = to_local(value)
            return local.date().isoformat() if local_date else local.strftime("%Y-%m-%d %H:%M")
        if isinstance(value, date):
            return value.isoformat()
        return guard(str(value))

    return fmt
