"""The modal watchdog turns a box nobody answers into a named failure instead of a hang."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tests.ui.watchdog import ModalWatchdog


def test_an_unanswered_box_is_closed_and_named(qapp: object) -> None:
    watchdog = ModalWatchdog(patience_s=0.2, interval_ms=50)
    QMessageBox.information(None, "Reminder", "nobody answers this")
    watchdog.stop()
    assert watchdog.stuck == ["QMessageBox 'Reminder': nobody answers this"]
