"""Exporting a paged list exactly as shown: same filter, sort and visible columns, to Excel.

openpyxl is imported only when an export starts, so it stays out of start-up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtWidgets import QFileDialog, QHeaderView, QWidget

from sms_desktop.ui.background import Operation, Progress
from sms_desktop.ui.i18n import translate
from sms_desktop.ui.models.paged import Column

if TYPE_CHECKING:
    from sms_desktop.reporting.excel import ColumnKind

RowT = TypeVar("RowT")

# Column key -> (how Excel types the cell, the row's raw value: Decimal, date, … not its text)
ExportValues = Mapping[str, tuple["ColumnKind", Callable[[RowT], Any]]]


def visible_columns(header: QHeaderView) -> list[int]:
    """The model columns the user sees, in the order they see them."""
    return [
        header.logicalIndex(v)
        for v in range(header.count())
        if not header.isSectionHidden(header.logicalIndex(v))
    ]


def ask_xlsx_path(parent: QWidget, title: str, file_name: str) -> Path | None:
    """Ask where to save a workbook (suggesting ``file_name`` in the home folder)."""
    name, _ = QFileDialog.getSaveFileName(
        parent,
        title,
        str(Path.home() / file_name),
        translate("TableExport", "Excel workbooks (*.xlsx)"),
    )
    if not name:
        return None
    return Path(name) if name.lower().endswith(".xlsx") else Path(name + ".xlsx")


def export_table(
    parent: QWidget,
    path: Path,
    columns: Sequence[Column[RowT]],
    shown: Sequence[int],
    values: ExportValues[RowT],
    rows: Callable[[], Iterable[RowT]],
    *,
    total: int,
    sheet: str,
    label: str,
    on_done: Callable[[int], None],
) -> Operation[int]:
    """Write ``rows()`` (read in the worker thread) with the ``shown`` columns, in the background."""
    from sms_desktop.reporting.excel import ExportColumn, write_table

    keys = [columns[c].key for c in shown]
    export_columns = [
        ExportColumn(columns[c].header(), values[k][0]) for c, k in zip(shown, keys, strict=True)
    ]
    getters = [values[k][1] for k in keys]

    def cells() -> Iterator[list[Any]]:
        for row in rows():
            yield [get(row) for get in getters]

    def work(progress: Progress) -> int:
        return write_table(
            path, export_columns, cells(), sheet_title=sheet, total=total, progress=progress
        )

    return Operation(parent, work, label=label, on_success=on_done, cancellable=True).start()
