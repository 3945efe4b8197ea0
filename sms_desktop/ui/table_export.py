"""Exports off the GUI thread: a list exactly as shown (to .xlsx or .csv), any report, a chart.

Every export asks through the one save dialog (``ui.widgets.save_dialog``), then runs through
``ui.background.Operation`` with progress and Cancel; the writers are atomic, so a cancelled
or failed export leaves no file behind. openpyxl, reportlab and matplotlib are imported only
when an export starts, so they stay out of start-up.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtWidgets import QHeaderView, QWidget

from sms_desktop.domain.i18n import Message
from sms_desktop.reporting.columns import Column, ExportTarget, FileKind, export_list, export_rows
from sms_desktop.reporting.csv_export import CsvEncoding
from sms_desktop.ui.background import Operation, Progress
from sms_desktop.ui.formatting import ui_locale
from sms_desktop.ui.i18n import tr_message, translate
from sms_desktop.ui.widgets.save_dialog import (
    CHART_TYPES,
    CSV_GB18030,
    CSV_UTF8,
    LIST_TYPES,
    XLSX,
    ask_save_path,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from sms_desktop.reporting.charts import ChartFormat
    from sms_desktop.ui.models.paged import PagedTableModel

T = TypeVar("T")
RowT = TypeVar("RowT")
# The list file types of the save dialog: what is written, in which encoding.
_LIST_FILES: dict[str, tuple[FileKind, CsvEncoding]] = {
    XLSX.key: ("xlsx", "utf-8-sig"),
    CSV_UTF8.key: ("csv", "utf-8-sig"),
    CSV_GB18030.key: ("csv", "gb18030"),
}
_CHART_FORMATS: dict[str, ChartFormat] = {"png": "png", "svg": "svg", "pdf": "pdf"}


def visible_columns(header: QHeaderView) -> list[int]:
    """The model columns the user sees, in the order they see them."""
    return [
        header.logicalIndex(v)
        for v in range(header.count())
        if not header.isSectionHidden(header.logicalIndex(v))
    ]


def run_export(
    parent: QWidget,
    work: Callable[[Progress], T],
    *,
    label: str,
    on_done: Callable[[T], None],
) -> Operation[T]:
    """Run one export in the background with a progress dialog and Cancel."""
    return Operation(parent, work, label=label, on_success=on_done, cancellable=True).start()


def export_view(
    parent: QWidget,
    model: PagedTableModel[Any, Any, Any],
    header: QHeaderView,
    *,
    title: str,
    label: str,
    done: Callable[[int, Path], str],
    on_done: Callable[[str], None],
    flt: object | None = None,
    total: int | None = None,
) -> Operation[int] | None:
    """The Export action of a list: ask for a file (.xlsx, or .csv in UTF-8 or GB18030), then
    write every row of ``model``'s query under its filter (or ``flt``) in its order, with the
    columns shown in ``header`` in their order. ``done(count, path)`` says what was written
    and is handed to ``on_done``."""
    definition = model.definition
    choice = ask_save_path(parent, title, tr_message(definition.file_name), LIST_TYPES)
    if choice is None:
        return None
    target = ExportTarget(choice.path, *_LIST_FILES[choice.type.key])
    query, order = model.query, model.order
    chosen = model.filter if flt is None else flt
    keys = [model.columns[c].key for c in visible_columns(header)]
    # A capped count is only a lower bound: the worker then counts the export exactly.
    count = total if total is not None else None if model.total_capped else model.total
    locale = ui_locale()

    def work(progress: Progress) -> int:
        return export_list(
            target,
            definition,
            query,
            chosen,
            order=order,
            keys=keys,
            locale=locale,
            total=count,
            progress=progress,
        )

    return run_export(parent, work, label=label, on_done=lambda n: on_done(done(n, target.path)))


def export_rows_view(
    parent: QWidget,
    columns: Sequence[Column[RowT, Any]],
    rows: Sequence[RowT],
    *,
    title: str,
    file_name: str,
    sheet: Message,
    label: str,
    done: Callable[[int, Path], str],
    on_done: Callable[[str], None],
) -> Operation[int] | None:
    """The Export action of a short list already on screen (a report's rows): the same save
    dialog and writers as :func:`export_view`, every column, the rows as shown."""
    choice = ask_save_path(parent, title, file_name, LIST_TYPES)
    if choice is None:
        return None
    target = ExportTarget(choice.path, *_LIST_FILES[choice.type.key])
    locale = ui_locale()
    frozen = tuple(rows)

    def work(progress: Progress) -> int:
        return export_rows(
            target,
            columns,
            frozen,
            locale=locale,
            sheet=locale.text(sheet),
            total=len(frozen),
            progress=progress,
        )

    return run_export(parent, work, label=label, on_done=lambda n: on_done(done(n, target.path)))


def save_chart(
    parent: QWidget, figure: Figure, file_name: str, on_done: Callable[[str], None]
) -> Operation[None] | None:
    """Save a chart as PNG, SVG or PDF in the background.

    The worker draws a copy of the figure (pickled here, in the GUI thread): the canvas on
    screen may redraw the original meanwhile, and matplotlib figures are not thread-safe.
    """
    from sms_desktop.reporting.charts import save_figure

    choice = ask_save_path(parent, translate("ChartSave", "Save Chart"), file_name, CHART_TYPES)
    if choice is None:
        return None
    path, fmt = choice.path, _CHART_FORMATS[choice.type.key]
    frozen = pickle.dumps(figure)

    def work(progress: Progress) -> None:
        copy = pickle.loads(frozen)  # our own figure, pickled a moment ago
        save_figure(copy, path, fmt, progress=progress)

    return run_export(
        parent,
        work,
        label=translate("ChartSave", "Saving the chart…"),
        on_done=lambda _r: on_done(
            translate("ChartSave", "Chart saved to {path}.").format(path=str(path))
        ),
    )
