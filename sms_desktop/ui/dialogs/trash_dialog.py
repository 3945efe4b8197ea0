"""Edit ▸ Trash: deleted records, newest first, restorable with everything attached."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.services.trash import TrashItem
from sms_desktop.ui.formatting import format_datetime
from sms_desktop.ui.i18n import translate


def entity_label(entity: str) -> str:
    return {
        "customer": translate("Trash", "Customer"),
        "opportunity": translate("Trash", "Opportunity"),
        "activity": translate("Trash", "Task"),
        "quote": translate("Trash", "Quote"),
        "product": translate("Trash", "Product"),
        "order": translate("Trash", "Order"),
    }.get(entity, entity)


class TrashDialog(QDialog):
    """Signals:
    restore_requested(str, int, str): entity, id and label of the item to restore.
    """

    restore_requested = Signal(str, int, str)

    def __init__(self, items: list[TrashItem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trashDialog")
        self.setWindowTitle(self.tr("Trash"))
        intro = QLabel(self.tr("Deleted items stay here until you restore them."), self)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("trashList")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Item"), self.tr("Kind"), self.tr("Deleted")])
        self.set_items(items)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.restore_button.setEnabled(bool(items))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(560, 400)

    def set_items(self, items: list[TrashItem]) -> None:
        self.tree.clear()
        for entry in items:
            item = QTreeWidgetItem(
                [entry.label, entity_label(entry.entity), format_datetime(entry.deleted_at)]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, (entry.entity, entry.entity_id))
            self.tree.addTopLevelItem(item)
        if not items:
            empty = QTreeWidgetItem([self.tr("The trash is empty."), "", ""])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(empty)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        first = self.tree.topLevelItem(0)
        if first is not None and items:
            self.tree.setCurrentItem(first)
        if hasattr(self, "restore_button"):
            self.restore_button.setEnabled(bool(items))

    def _on_restore_clicked(self) -> None:
        item = self.tree.currentItem()
        if item is None or item.data(0, Qt.ItemDataRole.UserRole) is None:
            return
        entity, entity_id = item.data(0, Qt.ItemDataRole.UserRole)
        self.restore_requested.emit(entity, entity_id, item.text(0))
