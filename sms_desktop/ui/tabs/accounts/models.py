"""The Key Accounts tab's small models: the RFM grid, the segment table and the actions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from typing_extensions import override

from sms_desktop.domain.money import ZERO
from sms_desktop.domain.palette import Colour
from sms_desktop.domain.segmentation import RFM_RULES, RfmSegment
from sms_desktop.domain.surveys import SurveyPeriod
from sms_desktop.services.accounts import GridCell, SurveyComment
from sms_desktop.services.next_actions import NextAction
from sms_desktop.ui.formatting import format_date, format_money
from sms_desktop.ui.i18n import tr_message, translate
from sms_desktop.ui.palette import qcolor

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter
RowT = TypeVar("RowT")


class AccountsRole(IntEnum):
    ROW = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class _Column(Generic[RowT]):
    header: Callable[[], str]
    text: Callable[[RowT], str]
    alignment: Qt.AlignmentFlag | None = None


class _RowsModel(QAbstractTableModel, Generic[RowT]):
    """A read-only table of a few rows given whole (they are small: 8 segments, the actions)."""

    columns: Sequence[_Column[RowT]] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []

    def set_rows(self, rows: Sequence[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> RowT:
        return self._rows[row]

    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.alignment
        if role == AccountsRole.ROW:
            return row
        return None

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.columns):
            return self.columns[section].header()
        return None


def _rule(segment: RfmSegment) -> str:
    pattern = next(key for key, value in RFM_RULES.items() if value is segment)
    return " ".join(
        f"{name}{'↑' if high else '↓'}" for name, high in zip("RFM", pattern, strict=True)
    )


@dataclass(frozen=True, slots=True)
class SegmentLine:
    segment: RfmSegment
    customers: int
    revenue: Any


class SegmentModel(_RowsModel[SegmentLine]):
    """The RFM rule table with each segment's customers and revenue."""

    columns = (
        _Column(lambda: translate("AccountsTab", "Segment"), lambda r: tr_message(r.segment.label)),
        _Column(lambda: translate("AccountsTab", "Rule"), lambda r: _rule(r.segment)),
        _Column(lambda: translate("AccountsTab", "Customers"), lambda r: str(r.customers), _RIGHT),
        _Column(
            lambda: translate("AccountsTab", "Revenue"),
            lambda r: format_money(r.revenue, zero="–"),
            _RIGHT,
        ),
        _Column(
            lambda: translate("AccountsTab", "What to do"), lambda r: tr_message(r.segment.advice)
        ),
    )

    def set_cells(self, cells: Sequence[GridCell]) -> None:
        self.set_rows([SegmentLine(RfmSegment(c.key), c.customers, c.revenue) for c in cells])


class ActionsModel(_RowsModel[NextAction]):
    """The next-best actions, most urgent first."""

    columns = (
        _Column(lambda: translate("AccountsTab", "Priority"), lambda a: str(a.priority), _RIGHT),
        _Column(lambda: translate("AccountsTab", "Action"), lambda a: tr_message(a.kind.label)),
        _Column(lambda: translate("AccountsTab", "Customer"), lambda a: a.customer),
        _Column(lambda: translate("AccountsTab", "Owner"), lambda a: a.owner or ""),
        _Column(lambda: translate("AccountsTab", "Why"), lambda a: tr_message(a.reason)),
    )


def _or_dash(value: object) -> str:
    return "–" if value is None else str(value)


class SurveyPeriodModel(_RowsModel[SurveyPeriod]):
    """CSAT and NPS per quarter."""

    columns = (
        _Column(lambda: translate("AccountsTab", "Quarter"), lambda p: p.label),
        _Column(lambda: translate("AccountsTab", "Surveys"), lambda p: str(p.surveys), _RIGHT),
        _Column(lambda: translate("AccountsTab", "CSAT %"), lambda p: _or_dash(p.csat), _RIGHT),
        _Column(
            lambda: translate("AccountsTab", "Average score"),
            lambda p: _or_dash(p.average),
            _RIGHT,
        ),
        _Column(lambda: translate("AccountsTab", "NPS"), lambda p: _or_dash(p.nps), _RIGHT),
        _Column(
            lambda: translate("AccountsTab", "NPS answers"), lambda p: str(p.nps_answers), _RIGHT
        ),
    )


class SurveyCommentModel(_RowsModel[SurveyComment]):
    """What customers wrote in their latest surveys."""

    columns = (
        _Column(lambda: translate("AccountsTab", "Date"), lambda c: format_date(c.day)),
        _Column(lambda: translate("AccountsTab", "Customer"), lambda c: c.customer),
        _Column(lambda: translate("AccountsTab", "Score"), lambda c: str(c.score), _RIGHT),
        _Column(lambda: translate("AccountsTab", "NPS"), lambda c: _or_dash(c.nps), _RIGHT),
        _Column(lambda: translate("AccountsTab", "Comment"), lambda c: c.text),
    )


class RfmGridModel(QAbstractTableModel):
    """Customers and revenue per R (rows, 5 at the top) × F (columns, 1 to 5) cell."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cells: dict[tuple[int, int], GridCell] = {}
        self._most = 0

    def set_cells(self, cells: Sequence[GridCell]) -> None:
        self.beginResetModel()
        self._cells = {}
        for cell in cells:
            r, f = (int(v) for v in cell.key.split(","))
            self._cells[(r, f)] = cell
        self._most = max((c.customers for c in cells), default=0)
        self.endResetModel()

    def cell(self, row: int, column: int) -> GridCell:
        r, f = 5 - row, column + 1
        return self._cells.get((r, f), GridCell(f"{r},{f}", 0, ZERO))

    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    @override
    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self.cell(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if not cell.customers:
                return "–"
            return f"{cell.customers}\n{format_money(cell.revenue)}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTER
        if role == Qt.ItemDataRole.BackgroundRole and cell.customers and self._most:
            colour = qcolor(Colour.ACCENT)
            colour.setAlpha(30 + int(150 * cell.customers / self._most))
            return colour
        if role == Qt.ItemDataRole.ToolTipRole:
            r, f = cell.key.split(",")
            return translate("AccountsTab", "R{r} F{f}: {n} customers, revenue {revenue}").format(
                r=r, f=f, n=cell.customers, revenue=format_money(cell.revenue)
            )
        return None

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not 0 <= section < 5:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return f"F{section + 1}"
        return f"R{5 - section}"
