"""The one way a modal dialog is run: parented, exec()'d, then handed to Qt to delete."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


def run_modal(dialog: QDialog) -> int:
    """``dialog.exec()``, then ``deleteLater()``: Qt deletes it once control is back in the
    event loop, so the caller may still read its values now, but no finished dialog stays
    behind as a hidden child with its slots connected (docs/architecture.md, "Qt object
    ownership")."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()
