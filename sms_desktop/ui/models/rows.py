"""A read-only table of a short list of frozen rows (tens, not thousands), shown through the
same ``Column`` definitions as the lists and their exports."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from typing_extensions import override

from sms_desktop.reporting.columns import Column, Formats
from sms_desktop.ui.formatting import ui_formats
from sms_desktop.ui.i18n import tr_message
from sms_desktop.ui.models.paged import RIGHT, Role
from sms_desktop.ui.palette import qcolor

RowT = TypeVar("RowT")
_Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel, Generic[RowT]):
    """A read-only table of a list of frozen rows, shown through ``Column`` definitions."""

    def __init__(
        self, columns: Sequence[Column[RowT, None]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[RowT] = []
        self._texts: list[list[str]] = []
        self._formats: Formats = ui_formats()

    def set_rows(self, rows: Sequence[RowT]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._formats = ui_formats()
        # Display texts made once: Qt asks for every visible cell on each paint.
        self._texts = [[c.text(row, self._formats) for c in self.columns] for row in self.rows]
        self.endResetModel()

    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    @override
    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column.align == "right" else None
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row, self._formats)
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            colour = column.colour(row, self._formats)
            return qcolor(colour) if colour is not None else None
        if role == Role.ROW:
            return row
        return self.extra_data(row, column.key, role)

    def extra_data(self, row: RowT, key: str, role: int) -> Any:
        del row, key, role
        return None

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return tr_message(self.columns[section].header)
        return None
