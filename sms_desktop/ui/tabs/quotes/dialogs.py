"""Small quote dialogs: the changes between two revisions."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from sms_desktop.domain.quotes import Change


class ChangesDialog(QDialog):
    """What changed since the previous revision: header fields, then lines."""

    def __init__(
        self, label: str, changes: Sequence[Change], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        from sms_desktop.ui.tabs.quotes.tab import change_text

        self.setObjectName("quoteChangesDialog")
        self.setWindowTitle(self.tr("Changes in {label}").format(label=label))
        intro = QLabel(self.tr("Changes since the previous revision:"), self)
        self.list = QListWidget(self)
        self.list.setObjectName("quoteChangesList")
        for change in changes:
            self.list.addItem(change_text(change))
        if not changes:
            self.list.addItem(self.tr("No changes."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(560, 400)
