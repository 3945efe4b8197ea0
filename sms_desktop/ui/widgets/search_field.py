"""The search box of the lists: reports its text once typing pauses."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget


class SearchField(QLineEdit):
    """A line edit with a clear button that waits ``delay_ms`` after the last keystroke.

    Signals:
        search_changed(str): the text, once typing has paused (or Return was pressed).
    """

    search_changed = Signal(str)

    def __init__(
        self, object_name: str, placeholder: str, delay_ms: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(placeholder)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._emit)
        self.textChanged.connect(lambda _t: self._timer.start())
        self.returnPressed.connect(self._emit)

    def cancel_pending(self) -> None:
        """Forget a pause still running: the caller is searching with the text right now."""
        self._timer.stop()

    def _emit(self) -> None:
        self._timer.stop()
        self.search_changed.emit(self.text())
