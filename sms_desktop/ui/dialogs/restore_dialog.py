"""File ▸ Restore: pick one of this database's backups (or any file) to restore."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.persistence.backup import BackupInfo, list_backups
from sms_desktop.ui.formatting import format_datetime
from sms_desktop.ui.widgets.file_dialogs import ask_open_path


class RestoreDialog(QDialog):
    """Lists backups newest first; ``chosen`` is the file to restore."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from Backup"))
        self.chosen: Path | None = None
        self._db_path = db_path
        intro = QLabel(
            self.tr(
                "Choose a backup to restore. The current database is kept as a backup first, "
                "so nothing is lost."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("backupList")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Created"), self.tr("Kind"), self.tr("Size")])
        locale = QLocale()
        for info in list_backups(db_path):
            item = QTreeWidgetItem(
                [
                    format_datetime(info.created, seconds=True),
                    self._kind(info),
                    locale.formattedDataSize(
                        info.size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
                    ),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, str(info.path))
            item.setToolTip(0, str(info.path))
            self.tree.addTopLevelItem(item)
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        self.tree.itemDoubleClicked.connect(lambda *_: self.accept())

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        browse = buttons.addButton(self.tr("Other File…"), QDialogButtonBox.ButtonRole.ActionRole)
        browse.clicked.connect(self._on_browse)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.restore_button.setEnabled(self.tree.topLevelItemCount() > 0)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(560, 380)

    def _kind(self, info: BackupInfo) -> str:
        reason = info.reason or ""
        if reason.startswith("before-migration"):
            return self.tr("Before an upgrade")
        if reason == "before-restore":
            return self.tr("Before a restore")
        if reason == "before-demo":
            return self.tr("Before demo data")
        if reason == "manual":
            return self.tr("Made by you")
        return self.tr("Automatic")

    def _on_browse(self) -> None:
        path = ask_open_path(
            self,
            self.tr("Choose a Backup"),
            self._db_path.parent,
            self.tr("SMS Desktop databases (*.sqlite3 *.db *.sqlite);;All files (*)"),
        )
        if path is not None:
            self.chosen = path
            super().accept()

    def accept(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        self.chosen = Path(item.data(0, Qt.ItemDataRole.UserRole))
        super().accept()
