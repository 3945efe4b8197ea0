"""A read-only table model that pages rows in from a query (``fetchMore``), sorted in SQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import IntEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from typing_extensions import override

RowT = TypeVar("RowT")
_Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class Role(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    ROW = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True, slots=True)
class Column(Generic[RowT]):
    """One column: its sort key in SQL, its header, and how a row shows in it."""

    key: str
    header: Callable[[], str]  # translated when asked, so a language switch is picked up
    text: Callable[[RowT], str]
    alignment: Qt.AlignmentFlag | None = None
    tooltip: Callable[[RowT], str] | None = None
    sortable: bool = True


class PagedTableModel(QAbstractTableModel, Generic[RowT]):
    """Rows come in pages; sorting and filtering are pushed down to the query.

    Signals:
        total_changed(int): how many rows match the current filter.
    """

    total_changed = Signal(int)

    def __init__(
        self,
        columns: Sequence[Column[RowT]],
        *,
        count: Callable[[], int],
        fetch: Callable[[int, int, str, bool], list[RowT]],
        row_id: Callable[[RowT], int],
        page_size: int = 256,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._count, self._fetch, self._row_id = count, fetch, row_id
        self._page_size = page_size
        self._rows: list[RowT] = []
        # Display texts per row, made once: Qt asks for every visible cell on each paint.
        self._texts: dict[int, list[str]] = {}
        self._total = 0
        self.order_by = self.columns[0].key
        self.descending = False
        self._changing = False
        self._active = False  # no query before the first reload(): views sort on setup
        self.total_capped = False  # the count stopped at count_cap: "N+" rows match

    count_cap: int | None = None  # set by models whose count may stop early

    # ------------------------------------------------------------------ queries

    def reload(self) -> None:
        """Recount and load the first page (after a filter, sort or data change)."""
        self._active = True
        with self._change():
            self.beginResetModel()
            self._texts.clear()
            self._set_total(self._count())
            self._rows = self._fetch(0, self._page_size, self.order_by, self.descending)
            if len(self._rows) < self._page_size:
                self._set_total(len(self._rows), exact=True)
            self.endResetModel()
        self.total_changed.emit(self._total)

    def _set_total(self, total: int, *, exact: bool = False) -> None:
        self.total_capped = not exact and self.count_cap is not None and total >= self.count_cap
        self._total = total

    def refresh_rows(self) -> None:
        """Re-read the rows already loaded, keeping the scroll depth (after an edit)."""
        loaded = max(len(self._rows), self._page_size)
        with self._change():
            self.beginResetModel()
            self._texts.clear()
            self._set_total(self._count())
            self._rows = self._fetch(0, loaded, self.order_by, self.descending)
            self.endResetModel()
        self.total_changed.emit(self._total)

    @property
    def total(self) -> int:
        return self._total

    def row_at(self, row: int) -> RowT:
        """The loaded row at position ``row``."""
        return self._rows[row]

    def row_of_id(self, row_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if self._row_id(row) == row_id:
                return number
        return None

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
                texts = self._texts[index.row()] = [c.text(row) for c in self.columns]
            return texts[index.column()]
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.alignment
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == Role.ID:
            return self._row_id(row)
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
            return self.columns[section].header()  # the tooltip: in full, where it is elided
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.columns[section].alignment
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
        page = self._fetch(start, self._page_size, self.order_by, self.descending)
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
        if not 0 <= column < len(self.columns) or not self.columns[column].sortable:
            return
        self.order_by = self.columns[column].key
        self.descending = order == Qt.SortOrder.DescendingOrder
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
