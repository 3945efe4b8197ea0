"""The one way a modal dialog is run: parented, fitted to the screen, exec()'d, then handed
to Qt to delete."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDialog

# The title bar and borders the window manager adds around a dialog.
FRAME = QSize(16, 48)
# Room beside the title for the window manager's buttons and icon.
TITLE_ROOM = 160


def fit_dialog(dialog: QDialog, available: QSize | None = None) -> None:
    """Size ``dialog`` to fit the screen's available area with its frame (a 1280×720 laptop
    shows its buttons), and wide enough that its title is not cut."""
    if available is None:
        parent = dialog.parentWidget()
        available = (parent or dialog).screen().availableGeometry().size()
    room = available - FRAME
    wanted = (
        dialog.size() if dialog.testAttribute(Qt.WidgetAttribute.WA_Resized) else dialog.sizeHint()
    )
    title = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle()) + TITLE_ROOM
    width = min(max(wanted.width(), title), room.width())
    dialog.resize(width, min(wanted.height(), room.height()))


def run_modal(dialog: QDialog) -> int:
    """Fit ``dialog`` to the screen, ``exec()`` it, then ``deleteLater()``: Qt deletes it once
    control is back in the event loop, so the caller may still read its values now, but no
    finished dialog stays behind as a hidden child with its slots connected
    (docs/architecture.md, "Qt object ownership")."""
    try:
        fit_dialog(dialog)
        return dialog.exec()
    finally:
        dialog.deleteLater()
