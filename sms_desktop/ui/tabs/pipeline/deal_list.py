"""The list view of deals (open, won, lost): lazy, sorted in SQL, exportable to Excel."""

from __future__ import annotations

from dataclasses import replace

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
from sms_desktop.reporting.lists.deals import DEALS
from sms_desktop.services.pipeline import OpportunityRow, OpportunitySortKey, PipelineFilter
from sms_desktop.services.registry import Services
from sms_desktop.ui.models.paged import PagedTableModel, Role
from sms_desktop.ui.table_export import export_view

DealModel = PagedTableModel[PipelineFilter, OpportunitySortKey, OpportunityRow]


def deal_model(services: Services, parent: QObject | None = None) -> DealModel:
    """Deals of the list view (open, won or lost), a page at a time."""
    return PagedTableModel(services.pipeline, DEALS, PipelineFilter(), parent=parent)


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
        self.model = deal_model(services, self)
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
        export = QPushButton(self.tr("Export…"), self)
        export.setObjectName("exportDealsButton")
        export.clicked.connect(self._on_export_clicked)
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

    def _on_export_clicked(self) -> None:
        export_view(
            self,
            self.model,
            self.table.horizontalHeader(),
            title=self.tr("Export Deals"),
            label=self.tr("Exporting deals…"),
            done=lambda n, path: self.tr("Exported %Ln deal(s) to {path}.", "", n).format(
                path=str(path)
            ),
            on_done=self.status_message.emit,
        )
