"""History (历史记录): the audit log of one record, or of everything, newest first."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.clock import clock
from sms_desktop.reporting.lists.history import ENTITY_LABELS, HISTORY
from sms_desktop.services.history import ENTITIES, HistoryFilter, HistoryRow, HistorySortKey
from sms_desktop.services.registry import Services
from sms_desktop.ui.edit import edit_ok
from sms_desktop.ui.i18n import tr_message
from sms_desktop.ui.models.paged import PagedTableModel
from sms_desktop.ui.table_export import export_view
from sms_desktop.ui.widgets.dialogs import run_modal
from sms_desktop.ui.widgets.search_field import SearchField

_PERIODS = (None, 7, 30, 365)  # days back; None: all time


class HistoryDialog(QDialog):
    """Edit ▸ History… lists everything; a record's History… only that record (``entity``
    and ``entity_id`` fixed, ``record`` its name for the title)."""

    def __init__(
        self,
        services: Services,
        *,
        entity: str | None = None,
        entity_id: int | None = None,
        record: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self._entity, self._entity_id = entity, entity_id
        self.setWindowTitle(
            self.tr("History of “{record}”").format(record=record) if record else self.tr("History")
        )
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("historyKind")
        self.kind_combo.addItem(self.tr("Everything"), None)
        for key in ENTITIES:
            self.kind_combo.addItem(tr_message(ENTITY_LABELS[key]), key)
        self.kind_combo.setVisible(entity is None)
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("historyPeriod")
        for days, text in zip(
            _PERIODS,
            (
                self.tr("All time"),
                self.tr("Last 7 days"),
                self.tr("Last 30 days"),
                self.tr("Last 12 months"),
            ),
            strict=True,
        ):
            self.period_combo.addItem(text, days)
        self.search_edit = SearchField(
            "historySearch", self.tr("Search names and values…"), 250, self
        )
        self.count_label = QLabel(self)
        export = QPushButton(self.tr("Export…"), self)
        export.setObjectName("exportHistoryButton")
        export.clicked.connect(lambda _c=False: self.export_view())
        top = QHBoxLayout()
        top.addWidget(self.kind_combo)
        top.addWidget(self.period_combo)
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.count_label)
        top.addWidget(export)

        self.model: PagedTableModel[HistoryFilter, HistorySortKey, HistoryRow] = PagedTableModel(
            services.history, HISTORY, self.current_filter(), parent=self
        )
        self.table = QTableView(self)
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setStretchLastSection(True)
        header.setSortIndicator(HISTORY.index("at"), Qt.SortOrder.DescendingOrder)
        for key, width in (
            ("at", 140),
            ("actor", 80),
            ("kind", 80),
            ("record", 180),
            ("action", 110),
            ("field", 90),
            ("old", 150),
            ("new", 150),
        ):
            self.table.setColumnWidth(HISTORY.index(key), width)
        if entity is not None:
            for key in ("kind", "record"):
                self.table.hideColumn(HISTORY.index(key))
        self.table.horizontalHeader().setSectionResizeMode(
            HISTORY.index("at"), QHeaderView.ResizeMode.Interactive
        )
        self.model.total_changed.connect(
            lambda n: self.count_label.setText(self.tr("%Ln change(s)", "", n))
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(1100, 600)

        for combo in (self.kind_combo, self.period_combo):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.search_edit.search_changed.connect(lambda _t: self.reload())
        self.reload()

    def current_filter(self) -> HistoryFilter:
        days = self.period_combo.currentData()
        since = clock().now() - timedelta(days=days) if isinstance(days, int) else None
        entity = self._entity if self._entity is not None else self.kind_combo.currentData()
        return HistoryFilter(
            entity=entity,
            entity_id=self._entity_id,
            search=self.search_edit.text(),
            since=since,
        )

    def reload(self) -> None:
        self.model.filter = self.current_filter()
        header = self.table.horizontalHeader()
        edit_ok(
            self,
            lambda: self.model.load_sorted(
                header.sortIndicatorSection(), header.sortIndicatorOrder()
            ),
        )

    def export_view(self) -> None:
        export_view(
            self,
            self.model,
            self.table.horizontalHeader(),
            title=self.tr("Export History"),
            label=self.tr("Exporting the history…"),
            done=lambda n, path: self.tr("Exported %Ln change(s) to {path}.", "", n).format(
                path=str(path)
            ),
            on_done=self.count_label.setText,
        )


def show_history(
    parent: QWidget, services: Services, entity: str, entity_id: int, record: str
) -> None:
    """A record's History… command."""
    run_modal(
        HistoryDialog(services, entity=entity, entity_id=entity_id, record=record, parent=parent)
    )
