"""Small in-memory table models of the Targets tab (a period has tens of rows, not thousands)."""

from __future__ import annotations

from decimal import Decimal
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont
from typing_extensions import override

from sms_desktop.domain.i18n import Message, translate
from sms_desktop.domain.targets import MIN_PACE_WORKING_DAYS
from sms_desktop.reporting.columns import Column, Formats
from sms_desktop.services.targets import ActualItem, AttainmentRow, LeaderRow
from sms_desktop.ui.models.paged import Role
from sms_desktop.ui.models.rows import RowsModel
from sms_desktop.ui.palette import Colour, qcolor
from sms_desktop.ui.tabs.targets.labels import (
    company_name,
    metric_name,
    metric_value,
    percent_text,
)

_Index = QModelIndex | QPersistentModelIndex
_BEHIND = qcolor(Colour.NEGATIVE)
_AHEAD = qcolor(Colour.SUCCESS)


class TargetsRole(IntEnum):
    ATTAINMENT = Qt.ItemDataRole.UserRole + 10  # Decimal percent or None, for the bar


def _who(row: AttainmentRow) -> str:
    return row.name if row.salesperson_id is not None else company_name()


def _target(row: AttainmentRow) -> str:
    return metric_value(row.metric, row.target)


def _target_tip(row: AttainmentRow, f: Formats) -> str:
    if row.target_derived:
        return f.locale.text(
            translate("Targets", "The sum of the targets of the months or quarters")
        )
    return ""


def _gap(row: AttainmentRow) -> str:
    return metric_value(row.metric, row.gap)


def _pace(row: AttainmentRow) -> Message | None:
    if row.on_track is None:
        return None
    return translate("Targets", "On track") if row.on_track else translate("Targets", "Behind")


ATTAINMENT_COLUMNS: tuple[Column[AttainmentRow, None], ...] = (
    Column("who", translate("Targets", "Salesperson"), lambda r, _l: _who(r)),
    Column("metric", translate("Targets", "Metric"), lambda r, _l: metric_name(r.metric)),
    Column(
        "target",
        translate("Targets", "Target"),
        lambda r, _l: r.target,
        "decimal",
        show=lambda r, _f: _target(r),
        tooltip=_target_tip,
    ),
    Column(
        "actual",
        translate("Targets", "Actual"),
        lambda r, _l: r.actual,
        "decimal",
        show=lambda r, _f: metric_value(r.metric, r.actual),
        tooltip=lambda _r, f: f.locale.text(
            translate("Targets", "Double-click to see what makes up this figure")
        ),
    ),
    Column(
        "gap",
        translate("Targets", "Gap"),
        lambda r, _l: r.gap,
        "decimal",
        show=lambda r, _f: _gap(r),
    ),
    Column(
        "attainment",
        translate("Targets", "Attainment"),
        lambda r, _l: r.attainment,
        "percent",
        show=lambda r, _f: percent_text(r.attainment),
    ),
    Column(
        "projected",
        translate("Targets", "Projected"),
        lambda r, _l: r.projected,
        "decimal",
        show=lambda r, _f: "–" if r.projected is None else metric_value(r.metric, r.projected),
        tooltip=lambda r, f: f.locale.text(
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
    Column("pace", translate("Targets", "Pace"), lambda r, _l: _pace(r)),
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


ITEM_COLUMNS: tuple[Column[ActualItem, None], ...] = (
    Column("day", translate("Targets", "Date"), lambda i, _l: i.day, "date"),
    Column("reference", translate("Targets", "Reference"), lambda i, _l: i.reference),
    Column("customer", translate("Targets", "Customer"), lambda i, _l: i.customer),
    Column("owner", translate("Targets", "Salesperson"), lambda i, _l: i.owner),
    Column(
        "value",
        translate("Targets", "Amount"),
        lambda i, _l: None if i.kind == "activity" else i.value,
        "money",
    ),
)


class ItemsModel(RowsModel[ActualItem]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(ITEM_COLUMNS, parent)


LEADER_COLUMNS: tuple[Column[LeaderRow, None], ...] = (
    Column("rank", translate("Targets", "Rank"), lambda r, _l: r.rank, "int"),
    Column("name", translate("Targets", "Salesperson"), lambda r, _l: r.name),
    Column(
        "target",
        translate("Targets", "Target"),
        lambda r, _l: r.target,
        "decimal",
        show=lambda r, _f: metric_value(r.metric, r.target),
    ),
    Column(
        "actual",
        translate("Targets", "Actual"),
        lambda r, _l: r.actual,
        "decimal",
        show=lambda r, _f: metric_value(r.metric, r.actual),
    ),
    Column(
        "attainment",
        translate("Targets", "Attainment"),
        lambda r, _l: r.attainment,
        "percent",
        show=lambda r, _f: percent_text(r.attainment),
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
