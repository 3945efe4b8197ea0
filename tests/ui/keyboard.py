"""Typing as a user types, in tests: Chinese arrives as an input-method commit."""

from __future__ import annotations

from PySide6.QtCore import QDeadlineTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit


def type_text(widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Commit ``text`` into ``widget`` as the user's input (``keyClicks`` aborts on non-ASCII).

    A shown widget's window is made the active one first, as the user's click into the field
    would: focus, and what a line edit does on getting it (connecting its completer's picks
    to its text), only comes to a widget in the active window. The platform may answer an
    activation late or drop it while another window's is on its way, so it is asked again.
    """
    window = widget.window()
    deadline = QDeadlineTimer(5000)
    while (
        window.isVisible()
        and QApplication.activeWindow() is not window
        and not deadline.hasExpired()
    ):
        window.activateWindow()
        QTest.qWait(20)
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
