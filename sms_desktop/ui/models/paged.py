"""The one table model for lists: pages rows in from a ``ListQuery`` (``fetchMore``), sorted in
SQL, each cell from its ``reporting.columns.Column``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import IntEnum
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush
from typing_extensions import override

from sms_desktop.reporting.columns import Column, Formats, ListDefinition
from sms_desktop.services.lists import ListQuery, Order
from sms_desktop.ui.formatting import ui_formats
from sms_desktop.ui.i18n import tr_message
from sms_desktop.ui.palette import qcolor

_Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class HasId(Protocol):
    @property
    def id(self) -> int: ...


FilterT = TypeVar("FilterT")
SortT = TypeVar("SortT")
RowT = TypeVar("RowT", bound=HasId)


class Role(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    ROW = Qt.ItemDataRole.UserRole + 2


class PagedTableModel(QAbstractTableModel, Generic[FilterT, SortT, RowT]):
    """Rows of ``query`` under ``filter`` come in pages; sorting is pushed down to the query.

    Signals:
        total_changed(int): how many rows match the current filter.
    """

    total_changed = Signal(int)

    def __init__(
        self,
        query: ListQuery[FilterT, SortT, RowT],
        definition: ListDefinition[RowT, SortT],
        flt: FilterT,
        *,
        count_cap: Callable[[FilterT], int | None] | None = None,
        formats: Callable[[], Formats] = ui_formats,
        page_size: int = 256,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.definition = definition
        self.columns: tuple[Column[RowT, SortT], ...] = definition.columns
        self.filter = flt
        self.order: Order[SortT] = definition.order
        self.query = query
        self._count_cap = count_cap
        self.formats = formats  # how cells are written, as of now: asked at each (re)load
        self._page_size = page_size
        self._rows: list[RowT] = []
        # Display texts per row, made once: Qt asks for every visible cell on each paint.
        self._texts: dict[int, list[str]] = {}
        self._formats: Formats = self.formats()
        self._total = 0
        self._cap: int | None = None  # what the last count was capped at
        self._changing = False
        self._active = False  # no query before the first reload(): views sort on setup
        self.total_capped = False  # the count stopped at its cap: "N+" rows match

    # ------------------------------------------------------------------ queries

    def set_filter(self, flt: FilterT) -> None:
        if flt != self.filter:
            self.filter = flt
            self.reload()

    def reload(self) -> None:
        """Recount and load the first page (after a filter, sort or data change)."""
        self._active = True
        with self._change():
            self.beginResetModel()
            self._reset_formats()
            self._set_total(self._count())
            self._rows = self._page(0, self._page_size)
            if len(self._rows) < self._page_size:
                self._set_total(len(self._rows), exact=True)
            self.endResetModel()
        self.total_changed.emit(self._total)

    def refresh_rows(self) -> None:
        """Re-read the rows already loaded, keeping the scroll depth (after an edit)."""
        loaded = max(len(self._rows), self._page_size)
        with self._change():
            self.beginResetModel()
            self._reset_formats()
            self._set_total(self._count())
            self._rows = self._page(0, loaded)
            self.endResetModel()
        self.total_changed.emit(self._total)

    def _reset_formats(self) -> None:
        self._texts.clear()
        self._formats = self.formats()

    def _count(self) -> int:
        cap = None if self._count_cap is None else self._count_cap(self.filter)
        self._cap = cap
        return self.query.count_rows(self.filter, cap=cap)

    def _page(self, offset: int, limit: int) -> list[RowT]:
        return list(self.query.page_rows(self.filter, self.order, offset=offset, limit=limit))

    def _set_total(self, total: int, *, exact: bool = False) -> None:
        self.total_capped = not exact and self._cap is not None and total >= self._cap
        self._total = total

    @property
    def total(self) -> int:
        return self._total

    def row_at(self, row: int) -> RowT:
        """The loaded row at position ``row``."""
        return self._rows[row]

    def row_of_id(self, row_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == row_id:
                return number
        return None

    def column_index(self, key: str) -> int:
        return self.definition.index(key)

    # ------------------------------------------------------------- Qt interface

    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            texts = self._texts.get(index.row())
            if texts is None:
                row = self._rows[index.row()]
                texts = [c.text(row, self._formats) for c in self.columns]
                self._texts[index.row()] = texts
            return texts[index.column()]
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column.align == "right" else None
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row, self._formats)
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            colour = column.colour(row, self._formats)
            return None if colour is None else QBrush(qcolor(colour))
        if role == Role.ID:
            return row.id
        if role == Role.ROW:
            return row
        return None

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            # The tooltip: in full, where it is elided; translated when asked, so a language
            # switch is picked up.
            return tr_message(self.columns[section].header)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if self.columns[section].align == "right" else None
        return None

    @override
    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    @override
    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:
        if parent.isValid():
            return False
        # A capped count is a lower bound: keep paging while pages come back full.
        return len(self._rows) < self._total or (
            self.total_capped and len(self._rows) % self._page_size == 0
        )

    @override
    def fetchMore(self, parent: _Index = QModelIndex()) -> None:
        # Slots on our own signals (Qt's model tester, proxies) may call back in here:
        # never start a change inside another one.
        if parent.isValid() or self._changing:
            return
        start = len(self._rows)
        page = self._page(start, self._page_size)
        if not page:  # rows were deleted since we counted, or a capped count ran out
            self._set_total(start, exact=True)
            self.total_changed.emit(self._total)
            return
        with self._change():
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        if len(page) < self._page_size:
            self._set_total(len(self._rows), exact=True)
            self.total_changed.emit(self._total)
        elif self.total_capped and len(self._rows) > self._total:
            self._total = len(self._rows)
            self.total_changed.emit(self._total)

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        key = self.columns[column].sort
        if key is None:
            return
        self.order = Order(key, order == Qt.SortOrder.DescendingOrder)
        if self._active:  # before the first reload, only remember the order
            self.reload()

    def load_sorted(self, column: int, order: Qt.SortOrder) -> None:
        """Set the order and (re)load once: the first load of a view."""
        self._active = False
        self.sort(column, order)
        self.reload()

    @contextmanager
    def _change(self) -> Iterator[None]:
        self._changing = True
        try:
            yield
        finally:
            self._changing = False
