"""A modal box nobody answers would hang an offscreen run for ever: the watchdog closes it
after a patience and remembers it, so the test fails naming the box instead."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget


class ModalWatchdog:
    def __init__(self, patience_s: float, interval_ms: int = 250) -> None:
        self.patience_s = patience_s
        self.stuck: list[str] = []
        self._first_seen: dict[int, float] = {}
        self._timer = QTimer()
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._check)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _check(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            self._first_seen.clear()
            return
        first = self._first_seen.setdefault(id(widget), time.monotonic())
        if time.monotonic() - first < self.patience_s:
            return
        self.stuck.append(f"{type(widget).__name__} {widget.windowTitle()!r}: {_texts(widget)}")
        if isinstance(widget, QDialog):
            widget.reject()
        else:
            widget.close()


def _texts(widget: QWidget) -> str:
    labels = widget.findChildren(QLabel)
    return " | ".join(label.text() for label in labels if label.text())[:300]
