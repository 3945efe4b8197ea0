"""Reminders while the app runs: a clock that asks for due reminders, and the Today summary."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.clock import clock, local_zone
from sms_desktop.domain.errors import DomainError
from sms_desktop.services.tasks import TaskRow, TasksService
from sms_desktop.ui.palette import Colour, text_style
from sms_desktop.ui.tabs.tasks.presentation import due_text, kind_icon, kind_label

CHECK_EVERY_MS = 30_000


class ReminderClock(QObject):
    """Every half minute (and on ``check()``), reports tasks whose reminder time has come.

    ``now`` is the clock (tests pass their own). Each task is reported once: it is marked
    reminded in the database as it is reported.

    Signals:
        due(list): the TaskRows to remind of.
    """

    due = Signal(list)

    def __init__(
        self,
        service: TasksService,
        now: Callable[[], datetime] = lambda: clock().now(),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service, self._now = service, now
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()

    def check(self) -> list[TaskRow]:
        now = self._now()
        try:
            rows = self._service.due_reminders(now)
            self._service.mark_reminded([r.id for r in rows], now)
        except DomainError:
            return []
        if rows:
            self.due.emit(rows)
        return rows


def reminder_text(rows: list[TaskRow]) -> str:
    return "\n".join(
        f"{due_text(r)}  {kind_label(r.kind)} · {r.subject}"
        + (f" ({r.customer})" if r.customer else "")
        for r in rows[:5]
    )


class TodayDialog(QDialog):
    """What is overdue and due today, shown once at start (can be switched off)."""

    def __init__(
        self, overdue: int, rows: list[TaskRow], show_at_start: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("todayDialog")
        self.setWindowTitle(self.tr("Today"))
        layout = QVBoxLayout(self)
        if overdue:
            warning = QLabel(self.tr("%Ln task(s) overdue.", "", overdue), self)
            warning.setObjectName("todayOverdue")
            warning.setStyleSheet(text_style(Colour.OVERDUE, bold=True))
            layout.addWidget(warning)
        intro = QLabel(
            self.tr("Due today:") if rows else self.tr("Nothing else is due today."), self
        )
        layout.addWidget(intro)
        if rows:
            self.list = QListWidget(self)
            self.list.setObjectName("todayList")
            self.list.setIconSize(QSize(16, 16))
            for row in rows:
                when = (
                    self.tr("All day")
                    if row.all_day
                    else f"{row.due_at.astimezone(local_zone()):%H:%M}"
                )
                text = f"{when}  {row.subject}" + (f" · {row.customer}" if row.customer else "")
                self.list.addItem(QListWidgetItem(kind_icon(row.kind), text))
            layout.addWidget(self.list, 1)
        self.show_check = QCheckBox(self.tr("Show this at start"), self)
        self.show_check.setObjectName("todayShowAtStart")
        self.show_check.setChecked(show_at_start)
        layout.addWidget(self.show_check)
        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton(
            self.tr("Open Tasks"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, 320)
