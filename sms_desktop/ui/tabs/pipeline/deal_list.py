"""The list view of deals (open, won, lost): lazy, sorted in SQL, exportable to Excel."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.enums import OpportunityStatus
from sms_desktop.services.pipeline import OpportunityRow, PipelineFilter
from sms_desktop.services.registry import Services
from sms_desktop.ui.formatting import format_date, format_money
from sms_desktop.ui.i18n import current_language, translate
from sms_desktop.ui.models.paged import RIGHT, Column, PagedTableModel, Role
from sms_desktop.ui.table_export import ask_xlsx_path, export_table, visible_columns

if TYPE_CHECKING:
    from sms_desktop.reporting.excel import ColumnKind


def status_label(status: OpportunityStatus) -> str:
    return {
        OpportunityStatus.OPEN: translate("DealList", "Open"),
        OpportunityStatus.WON: translate("DealList", "Won"),
        OpportunityStatus.LOST: translate("DealList", "Lost"),
    }[status]


COLUMNS: tuple[Column[OpportunityRow], ...] = (
    Column("title", lambda: translate("DealList", "Deal"), lambda r: r.title),
    Column("customer", lambda: translate("DealList", "Customer"), lambda r: r.customer),
    Column(
        "stage", lambda: translate("DealList", "Stage"), lambda r: r.stage_name(current_language())
    ),
    Column("status", lambda: translate("DealList", "Status"), lambda r: status_label(r.status)),
    Column(
        "amount",
        lambda: translate("DealList", "Amount"),
        lambda r: format_money(r.amount, r.currency),
        RIGHT,
    ),
    Column(
        "probability",
        lambda: translate("DealList", "Probability"),
        lambda r: f"{r.probability}%",
        RIGHT,
    ),
    Column(
        "weighted",
        lambda: translate("DealList", "Weighted"),
        lambda r: format_money(r.weighted, r.currency),
        RIGHT,
    ),
    Column(
        "expected_close",
        lambda: translate("DealList", "Expected close"),
        lambda r: format_date(r.expected_close),
    ),
    Column("owner", lambda: translate("DealList", "Owner"), lambda r: r.owner or ""),
    Column(
        "closed_on", lambda: translate("DealList", "Closed"), lambda r: format_date(r.closed_on)
    ),
    Column(
        "lost_reason",
        lambda: translate("DealList", "Lost reason"),
        lambda r: r.lost_reason(current_language()),
        sortable=False,
    ),
)

EXPORT_VALUES: dict[str, tuple[ColumnKind, Callable[[OpportunityRow], Any]]] = {
    "title": ("text", lambda r: r.title),
    "customer": ("text", lambda r: r.customer),
    "stage": ("text", lambda r: r.stage_name(current_language())),
    "status": ("text", lambda r: status_label(r.status)),
    "amount": ("money", lambda r: r.amount),
    "probability": ("percent", lambda r: r.probability),
    "weighted": ("money", lambda r: r.weighted),
    "expected_close": ("date", lambda r: r.expected_close),
    "owner": ("text", lambda r: r.owner),
    "closed_on": ("date", lambda r: r.closed_on),
    "lost_reason": ("text", lambda r: r.lost_reason(current_language()) or None),
}


class DealTableModel(PagedTableModel[OpportunityRow]):
    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        self.filter = PipelineFilter()
        pipeline = services.pipeline
        super().__init__(
            COLUMNS,
            count=lambda: pipeline.count_opportunities(self.filter),
            fetch=lambda offset, limit, key, desc: pipeline.list_opportunities(
                self.filter,
                offset=offset,
                limit=limit,
                order_by=key,  # type: ignore[arg-type]
                descending=desc,
            ),
            row_id=lambda r: r.id,
            parent=parent,
        )
        self.order_by = "expected_close"


class DealListView(QWidget):
    """Signals:
    deal_activated(int): a deal double-clicked.
    status_message(str)
    """

    deal_activated = Signal(int)
    status_message = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dealList")
        self._services = services
        self.model = DealTableModel(services, self)
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("dealStatusFilter")
        for text, value in (
            (self.tr("Open deals"), OpportunityStatus.OPEN),
            (self.tr("Won deals"), OpportunityStatus.WON),
            (self.tr("Lost deals"), OpportunityStatus.LOST),
            (self.tr("All deals"), None),
        ):
            self.status_combo.addItem(text, value)
        self.status_combo.activated.connect(lambda _i: self._reload())
        self.count_label = QLabel(self)
        export = QPushButton(self.tr("Export to Excel…"), self)
        export.setObjectName("exportDealsButton")
        export.clicked.connect(self.export_view)
        top = QHBoxLayout()
        top.addWidget(self.status_combo)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(export)
        self.table = QTableView(self)
        self.table.setObjectName("dealTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # headers clip mid-word otherwise
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(7, Qt.SortOrder.AscendingOrder)
        for column, width in enumerate((0, 200, 90, 60, 120, 70, 120, 100, 70, 100, 110)):
            if width:
                self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.model.total_changed.connect(
            lambda n: self.count_label.setText(self.tr("%Ln deal(s)", "", n))
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self._base = PipelineFilter()

    def load_with(self, flt: PipelineFilter) -> None:
        self._base = flt
        self._reload()

    def current_filter(self) -> PipelineFilter:
        return replace(self._base, status=self.status_combo.currentData())

    def _reload(self) -> None:
        self.model.filter = self.current_filter()
        header = self.table.horizontalHeader()
        self.model.load_sorted(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        deal_id = index.data(Role.ID)
        if isinstance(deal_id, int):
            self.deal_activated.emit(deal_id)

    def export_view(self) -> None:
        path = ask_xlsx_path(self, self.tr("Export Deals"), self.tr("deals.xlsx"))
        if path is None:
            return
        pipeline, flt = self._services.pipeline, self.model.filter
        order, descending = self.model.order_by, self.model.descending
        export_table(
            self,
            path,
            COLUMNS,
            visible_columns(self.table.horizontalHeader()),
            EXPORT_VALUES,
            lambda: pipeline.iter_opportunities(flt, order_by=order, descending=descending),  # type: ignore[arg-type]
            total=self.model.total,
            sheet=self.tr("Deals"),
            label=self.tr("Exporting deals…"),
            on_done=lambda n: self.status_message.emit(
                self.tr("Exported %Ln deal(s) to {path}.", "", n).format(path=str(path))
            ),
        )
