"""Reminders while the app runs: a clock that asks for due reminders, and the Today summary."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
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


SNOOZE_MINUTES = 10


def reminder_line(row: TaskRow) -> str:
    return f"{due_text(row)}  {kind_label(row.kind)} · {row.subject}" + (
        f" ({row.customer})" if row.customer else ""
    )


def reminder_text(rows: list[TaskRow]) -> str:
    return "\n".join(reminder_line(r) for r in rows[:5])


class ReminderPanel(QDialog):
    """Every reminder that came due and was not dealt with yet, in ONE window that never
    takes the focus: new reminders are added to it (none is dropped, however many come at
    once), and the user opens the tasks, snoozes them all, or marks them seen.

    Signals:
        open_requested(): the user wants to see today's tasks.
    """

    open_requested = Signal()

    def __init__(
        self,
        service: TasksService,
        now: Callable[[], datetime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBox")
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self._service = service
        self._now = now or (lambda: clock().now())
        self._rows: dict[int, TaskRow] = {}
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        layout.addWidget(self.summary)
        self.list = QListWidget(self)
        self.list.setObjectName("reminderList")
        self.list.setIconSize(QSize(16, 16))
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(self)
        open_button = buttons.addButton(
            self.tr("Open Tasks"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        open_button.clicked.connect(self._on_open_clicked)
        self.snooze_button = buttons.addButton(
            self.tr("Snooze %Ln Minute(s)", "", SNOOZE_MINUTES),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.snooze_button.setObjectName("reminderSnooze")
        self.snooze_button.clicked.connect(self.snooze)
        self.seen_button = buttons.addButton(
            self.tr("Mark All Seen"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.seen_button.setObjectName("reminderSeen")
        self.seen_button.clicked.connect(self.mark_seen)
        layout.addWidget(buttons)
        self.resize(480, 300)

    def add(self, rows: list[TaskRow]) -> None:
        """Add newly due reminders and show the window (without taking the focus)."""
        for row in rows:
            if row.id not in self._rows:
                self._rows[row.id] = row
                item = QListWidgetItem(kind_icon(row.kind), reminder_line(row))
                self.list.addItem(item)
        count = len(self._rows)
        self.setWindowTitle(self.tr("%Ln Reminder(s)", "", count))
        self.summary.setText(self.tr("%Ln task(s) to remind you of:", "", count))
        if count and not self.isVisible():
            self.show()

    def rows(self) -> list[TaskRow]:
        return list(self._rows.values())

    def snooze(self) -> None:
        """Remind of all of them again in a few minutes."""
        until = self._now() + timedelta(minutes=SNOOZE_MINUTES)
        try:
            self._service.snooze_reminders(list(self._rows), until)
        except DomainError as exc:
            from sms_desktop.ui.dialogs.messages import show_error

            show_error(self, exc)
            return
        self._clear()

    def mark_seen(self) -> None:
        self._clear()

    def _on_open_clicked(self) -> None:
        self._clear()
        self.open_requested.emit()

    def _clear(self) -> None:
        self._rows.clear()
        self.list.clear()
        self.hide()


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
