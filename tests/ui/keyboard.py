"""Typing as a user types, in tests: Chinese arrives as an input-method commit."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit


def type_text(widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Commit ``text`` into the focused ``widget`` (``keyClicks`` aborts on non-ASCII)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
