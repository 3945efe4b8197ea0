"""Dialogs of the Customers tab: likely duplicates before saving, and merging two customers."""

from __future__ import annotations

from enum import Enum, auto

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.services.duplicates import DuplicateCandidate
from sms_desktop.ui.formatting import join_list
from sms_desktop.ui.i18n import translate


def reason_label(reason: str) -> str:
    return {
        "name": translate("Duplicates", "similar name"),
        "tax_id": translate("Duplicates", "same tax id"),
        "phone": translate("Duplicates", "same phone"),
        "email": translate("Duplicates", "same email"),
    }.get(reason, reason)


class DuplicateAction(Enum):
    CREATE_ANYWAY = auto()
    OPEN_EXISTING = auto()


class DuplicatesDialog(QDialog):
    """Shown before a new customer is saved when similar customers already exist."""

    def __init__(
        self, name: str, candidates: list[DuplicateCandidate], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle(self.tr("Possible Duplicates"))
        self.action: DuplicateAction | None = None
        self.chosen_id: int | None = None
        intro = QLabel(
            self.tr("“{name}” looks like customers you already have:").format(name=name), self
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("duplicateList")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Customer"), self.tr("City"), self.tr("Why")])
        for candidate in candidates:
            item = QTreeWidgetItem(
                [
                    candidate.name,
                    candidate.city or "",
                    join_list(reason_label(r) for r in candidate.reasons),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, candidate.id)
            self.tree.addTopLevelItem(item)
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        self.tree.itemDoubleClicked.connect(lambda *_: self._finish(DuplicateAction.OPEN_EXISTING))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.open_button = buttons.addButton(
            self.tr("Open Existing"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button.setObjectName("openExistingButton")
        self.open_button.clicked.connect(lambda: self._finish(DuplicateAction.OPEN_EXISTING))
        self.create_button = buttons.addButton(
            self.tr("Create Anyway"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.create_button.setObjectName("createAnywayButton")
        self.create_button.clicked.connect(lambda: self._finish(DuplicateAction.CREATE_ANYWAY))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(520, 320)

    def _finish(self, action: DuplicateAction) -> None:
        item = self.tree.currentItem()
        self.action = action
        self.chosen_id = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if action is DuplicateAction.OPEN_EXISTING and self.chosen_id is None:
            return
        self.accept()


class MergeDialog(QDialog):
    """Pick which of two customers to keep; the other's contacts, history, deals,
    quotes, orders and tasks move to it."""

    def __init__(
        self, first: tuple[int, str], second: tuple[int, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge Customers"))
        self._ids = (first[0], second[0])
        text = QLabel(
            self.tr(
                "Keep which customer? Contacts, history, deals, quotes, orders and tasks of the "
                "other one move to it, and the other one goes to the trash. You can undo this."
            ),
            self,
        )
        text.setWordWrap(True)
        self.keep_first = QRadioButton(first[1], self)
        self.keep_first.setChecked(True)
        self.keep_second = QRadioButton(second[1], self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        merge = buttons.addButton(self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        merge.setObjectName("mergeButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.keep_first)
        layout.addWidget(self.keep_second)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def keep_and_drop(self) -> tuple[int, int]:
        first, second = self._ids
        return (first, second) if self.keep_first.isChecked() else (second, first)
