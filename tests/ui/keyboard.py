"""Typing as a user types, in tests: Chinese arrives as an input-method commit."""

from __future__ import annotations

import warnings

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit


def type_text(widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Commit ``text`` into ``widget`` as the user's input (``keyClicks`` aborts on non-ASCII).

    A shown widget's window is made the active one first, as the user's click into the field
    would: focus, and what a line edit does on getting it (connecting its completer's picks
    to its text), only comes to a widget in the active window.
    """
    window = widget.window()
    if window.isVisible() and QApplication.activeWindow() is not window:
        # At once, not through the platform: its answer may come late or be dropped while
        # another window's activation is on its way, and waiting for it would run the event
        # loop in the middle of the test's steps. Qt 6 keeps the synchronous call, deprecated
        # for applications (which have a window system to ask), for this.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            QApplication.setActiveWindow(window)
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
