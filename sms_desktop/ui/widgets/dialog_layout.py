"""The layout every OK/Cancel dialog shares: its parts top to bottom, then the buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLayout, QVBoxLayout, QWidget


def ok_cancel_layout(dialog: QDialog, *parts: QWidget | QLayout) -> QDialogButtonBox:
    """Lay ``parts`` out in ``dialog`` above OK and Cancel (wired to accept and reject)."""
    layout = QVBoxLayout(dialog)
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return buttons
