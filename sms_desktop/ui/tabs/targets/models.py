"""Small in-memory table models of the Targets tab (a period has tens of rows, not thousands)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from enum import IntEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont
from typing_extensions import override

from sms_desktop.domain.targets import MIN_PACE_WORKING_DAYS
from sms_desktop.services.targets import ActualItem, AttainmentRow, LeaderRow
from sms_desktop.ui.formatting import format_date, format_money
from sms_desktop.ui.i18n import translate
from sms_desktop.ui.models.paged import RIGHT, Column, Role
from sms_desktop.ui.palette import Colour, qcolor
from sms_desktop.ui.tabs.targets.labels import (
    company_name,
    metric_name,
    metric_value,
    percent_text,
)

RowT = TypeVar("RowT")
_Index = QModelIndex | QPersistentModelIndex
_BEHIND = qcolor(Colour.NEGATIVE)
_AHEAD = qcolor(Colour.SUCCESS)


class TargetsRole(IntEnum):
    ATTAINMENT = Qt.ItemDataRole.UserRole + 10  # Decimal percent or None, for the bar


class RowsModel(QAbstractTableModel, Generic[RowT]):
    """A read-only table of a list of frozen rows, shown through ``Column`` definitions."""

    def __init__(self, columns: Sequence[Column[RowT]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[RowT] = []
        self._texts: list[list[str]] = []

    def set_rows(self, rows: Sequence[RowT]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        # Display texts made once: Qt asks for every visible cell on each paint.
        self._texts = [[c.text(row) for c in self.columns] for row in self.rows]
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
            return column.alignment
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
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
            return self.columns[section].header()
        return None


def _who(row: AttainmentRow) -> str:
    return row.name if row.salesperson_id is not None else company_name()


def _target(row: AttainmentRow) -> str:
    return metric_value(row.metric, row.target)


def _target_tip(row: AttainmentRow) -> str:
    if row.target_derived:
        return translate("Targets", "The sum of the targets of the months or quarters")
    return ""


def _gap(row: AttainmentRow) -> str:
    return metric_value(row.metric, row.gap)


def _pace(row: AttainmentRow) -> str:
    if row.on_track is None:
        return ""
    return translate("Targets", "On track") if row.on_track else translate("Targets", "Behind")


ATTAINMENT_COLUMNS: tuple[Column[AttainmentRow], ...] = (
    Column("who", lambda: translate("Targets", "Salesperson"), _who),
    Column("metric", lambda: translate("Targets", "Metric"), lambda r: metric_name(r.metric)),
    Column("target", lambda: translate("Targets", "Target"), _target, RIGHT, _target_tip),
    Column(
        "actual",
        lambda: translate("Targets", "Actual"),
        lambda r: metric_value(r.metric, r.actual),
        RIGHT,
        lambda _r: translate("Targets", "Double-click to see what makes up this figure"),
    ),
    Column("gap", lambda: translate("Targets", "Gap"), _gap, RIGHT),
    Column(
        "attainment",
        lambda: translate("Targets", "Attainment"),
        lambda r: percent_text(r.attainment),
        RIGHT,
    ),
    Column(
        "projected",
        lambda: translate("Targets", "Projected"),
        lambda r: "–" if r.projected is None else metric_value(r.metric, r.projected),
        RIGHT,
        lambda r: (
            translate(
                "Targets",
                "Too early in the period for a pace: it is projected after {days} working days.",
            ).format(days=MIN_PACE_WORKING_DAYS)
            if r.projected is None
            else translate(
                "Targets",
                "Actual so far, plus repeat business at its rate per working day, plus open deals "
                "expected to close in the period weighted by probability",
            )
        ),
    ),
    Column("pace", lambda: translate("Targets", "Pace"), _pace),
)


class AttainmentModel(RowsModel[AttainmentRow]):
    """Target · actual · gap · attainment · pace per salesperson and metric."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(ATTAINMENT_COLUMNS, parent)

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The name once per salesperson: the rows of one person's metrics follow each other.
        if (
            role == Qt.ItemDataRole.DisplayRole
            and index.isValid()
            and index.column() == 0
            and 0 < index.row() < len(self.rows)
            and self.rows[index.row() - 1].salesperson_id == self.rows[index.row()].salesperson_id
        ):
            return ""
        return super().data(index, role)

    @override
    def extra_data(self, row: AttainmentRow, key: str, role: int) -> Any:
        if role == TargetsRole.ATTAINMENT and key == "attainment":
            return row.attainment
        if role == Role.ID:
            return row.salesperson_id
        if role == Qt.ItemDataRole.FontRole and row.salesperson_id is None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and key == "pace" and row.on_track is not None:
            return QBrush(_AHEAD if row.on_track else _BEHIND)
        return None


def _item_value(item: ActualItem) -> str:
    if item.kind == "activity":
        return ""
    return format_money(item.value)


ITEM_COLUMNS: tuple[Column[ActualItem], ...] = (
    Column("day", lambda: translate("Targets", "Date"), lambda i: format_date(i.day)),
    Column("reference", lambda: translate("Targets", "Reference"), lambda i: i.reference),
    Column("customer", lambda: translate("Targets", "Customer"), lambda i: i.customer),
    Column("owner", lambda: translate("Targets", "Salesperson"), lambda i: i.owner),
    Column("value", lambda: translate("Targets", "Amount"), _item_value, RIGHT),
)


class ItemsModel(RowsModel[ActualItem]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(ITEM_COLUMNS, parent)


LEADER_COLUMNS: tuple[Column[LeaderRow], ...] = (
    Column("rank", lambda: translate("Targets", "Rank"), lambda r: str(r.rank), RIGHT),
    Column("name", lambda: translate("Targets", "Salesperson"), lambda r: r.name),
    Column(
        "target",
        lambda: translate("Targets", "Target"),
        lambda r: metric_value(r.metric, r.target),
        RIGHT,
    ),
    Column(
        "actual",
        lambda: translate("Targets", "Actual"),
        lambda r: metric_value(r.metric, r.actual),
        RIGHT,
    ),
    Column(
        "attainment",
        lambda: translate("Targets", "Attainment"),
        lambda r: percent_text(r.attainment),
        RIGHT,
    ),
)


class LeaderModel(RowsModel[LeaderRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(LEADER_COLUMNS, parent)

    @override
    def extra_data(self, row: LeaderRow, key: str, role: int) -> Any:
        if role == TargetsRole.ATTAINMENT and key == "attainment":
            return row.attainment
        if role == Role.ID:
            return row.salesperson_id
        return None


def decimal_or_none(value: object) -> Decimal | None:
    return value if isinstance(value, Decimal) else None
