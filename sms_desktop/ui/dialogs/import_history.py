"""File ▸ Import History (导入记录): every import batch, and Revert of any of them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.services.imports.service import BatchRow, ImportService
from sms_desktop.ui.edit import run_edit
from sms_desktop.ui.formatting import format_datetime


class ImportHistoryDialog(QDialog):
    def __init__(self, imports: ImportService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importHistoryDialog")
        self.setWindowTitle(self.tr("Import History"))
        self._imports = imports
        self._batches: list[BatchRow] = []
        headers = [
            self.tr("Batch"),
            self.tr("When"),
            self.tr("What"),
            self.tr("File"),
            self.tr("Created"),
            self.tr("Updated"),
            self.tr("Unchanged"),
            self.tr("Skipped"),
            self.tr("Errors"),
            self.tr("Reverted"),
        ]
        self.table = QTableWidget(0, len(headers), self)
        self.table.setObjectName("importBatches")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update)
        self.revert_button = QPushButton(self.tr("Revert…"), self)
        self.revert_button.setObjectName("revertBatchButton")
        self.revert_button.setToolTip(
            self.tr("Remove what the import added and put back what it changed")
        )
        self.revert_button.clicked.connect(lambda _c=False: self.revert_selected())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.revert_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 420)
        self.reload()

    def reload(self) -> None:
        batches = run_edit(self, self._imports.batches)
        self._batches = batches or []
        self.table.setRowCount(len(self._batches))
        for row, batch in enumerate(self._batches):
            cells = [
                str(batch.id),
                format_datetime(batch.imported_at),
                batch.kind,
                batch.file_name + (f" · {batch.sheet}" if batch.sheet else ""),
                str(batch.created),
                str(batch.updated),
                str(batch.unchanged),
                str(batch.skipped),
                str(batch.errors),
                format_datetime(batch.reverted_at) if batch.reverted_at else "",
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._update()

    def selected(self) -> BatchRow | None:
        row = self.table.currentRow()
        return self._batches[row] if 0 <= row < len(self._batches) else None

    def _update(self) -> None:
        batch = self.selected()
        self.revert_button.setEnabled(batch is not None and batch.reverted_at is None)

    def revert_selected(self) -> None:
        batch = self.selected()
        if batch is None or batch.reverted_at is not None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Revert Import"),
            self.tr(
                "Revert import {batch} of {file}? What it added is removed and what it "
                "changed is put back."
            ).format(batch=batch.id, file=batch.file_name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if run_edit(self, lambda: self._imports.revert(batch.id)) is not None:
            self.reload()
