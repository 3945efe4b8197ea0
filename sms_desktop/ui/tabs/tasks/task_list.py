"""The task table of one group: lazy, sorted in SQL, with type icons and overdue in red."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush
from typing_extensions import override

from sms_desktop.domain.clock import clock, local_zone
from sms_desktop.domain.tasks import GroupBounds, TaskGroup
from sms_desktop.services.registry import Services
from sms_desktop.services.tasks import TaskFilter, TaskRow
from sms_desktop.ui.formatting import format_datetime
from sms_desktop.ui.i18n import translate
from sms_desktop.ui.models.paged import Column, PagedTableModel
from sms_desktop.ui.palette import Colour, qcolor
from sms_desktop.ui.tabs.tasks.presentation import (
    due_text,
    kind_icon,
    kind_label,
    recurrence_text,
)

if TYPE_CHECKING:
    from sms_desktop.reporting.excel import ColumnKind

_Index = QModelIndex | QPersistentModelIndex
OVERDUE_RED = qcolor(Colour.OVERDUE)
PASSED_AMBER = qcolor(Colour.WARNING)


def _reminder_time(r: TaskRow) -> str:
    assert r.remind_at is not None
    local, due = r.remind_at.astimezone(local_zone()), r.due_at.astimezone(local_zone())
    if local.date() == due.date():
        return f"{local:%H:%M}"
    return format_datetime(r.remind_at)


def _flags(r: TaskRow) -> str:
    """The reminder time, the repeat rule and the survey mark, in a few words."""
    parts = []
    if r.remind_at is not None and r.done_at is None:
        parts.append(translate("Tasks", "Remind {time}").format(time=_reminder_time(r)))
    if r.recurrence_unit is not None:
        parts.append("↻ " + recurrence_text(r))
    if r.with_survey:
        parts.append(translate("Tasks", "with survey"))
    return " · ".join(parts)


def _flags_tooltip(r: TaskRow) -> str:
    lines = []
    if r.remind_at is not None and r.done_at is None:
        lines.append(
            translate("Tasks", "Reminder at {time}").format(time=format_datetime(r.remind_at))
        )
    if r.recurrence_unit is not None:
        lines.append(translate("Tasks", "Repeats {rule}").format(rule=recurrence_text(r)))
    if r.with_survey:
        lines.append(translate("Tasks", "With a satisfaction survey"))
    return "\n".join(lines)


COLUMNS: tuple[Column[TaskRow], ...] = (
    Column("kind", lambda: translate("Tasks", "Type"), lambda r: kind_label(r.kind)),
    Column("subject", lambda: translate("Tasks", "Subject"), lambda r: r.subject),
    Column("due", lambda: translate("Tasks", "Due"), due_text),
    Column("customer", lambda: translate("Tasks", "Customer"), lambda r: r.customer or ""),
    Column(
        "opportunity",
        lambda: translate("Tasks", "Opportunity"),
        lambda r: r.opportunity or "",
        sortable=False,
    ),
    Column("assignee", lambda: translate("Tasks", "Assigned to"), lambda r: r.assignee or ""),
    Column(
        "flags",
        lambda: translate("Tasks", "Reminder / repeat"),
        _flags,
        tooltip=_flags_tooltip,
        sortable=False,
    ),
    Column(
        "done",
        lambda: translate("Tasks", "Done"),
        lambda r: format_datetime(r.done_at),
    ),
    Column(
        "outcome",
        lambda: translate("Tasks", "Outcome"),
        lambda r: r.outcome or "",
        tooltip=lambda r: r.outcome or "",
        sortable=False,
    ),
)

EXPORT_VALUES: dict[str, tuple[ColumnKind, Callable[[TaskRow], Any]]] = {
    "kind": ("text", lambda r: kind_label(r.kind)),
    "subject": ("text", lambda r: r.subject),
    "due": ("datetime", lambda r: r.due_at),
    "customer": ("text", lambda r: r.customer),
    "opportunity": ("text", lambda r: r.opportunity),
    "assignee": ("text", lambda r: r.assignee),
    "flags": ("text", lambda r: _flags_tooltip(r).replace("\n", "; ") or None),
    "done": ("datetime", lambda r: r.done_at),
    "outcome": ("text", lambda r: r.outcome),
}


class TaskTableModel(PagedTableModel[TaskRow]):
    """The tasks of one group (or all) under a filter, as of ``bounds``."""

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        self.filter = TaskFilter()
        self.group: TaskGroup | None = TaskGroup.TODAY
        self.now = clock().now()
        self.bounds = GroupBounds.at(self.now, local_zone())
        tasks = services.tasks
        super().__init__(
            COLUMNS,
            count=lambda: tasks.count_tasks(self.filter, self.group, self.bounds),
            fetch=lambda offset, limit, key, desc: tasks.list_tasks(
                self.filter,
                self.group,
                self.bounds,
                offset=offset,
                limit=limit,
                order_by=key,  # type: ignore[arg-type]
                descending=desc,
            ),
            row_id=lambda r: r.id,
            parent=parent,
        )
        self.order_by = "due"

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        key = self.columns[index.column()].key
        if role == Qt.ItemDataRole.DecorationRole and key == "kind":
            row = self.row_at(index.row())
            return kind_icon(row.kind)
        if role == Qt.ItemDataRole.ForegroundRole and key == "due":
            row = self.row_at(index.row())
            if row.done_at is None and row.due_at < self.bounds.today:
                return QBrush(OVERDUE_RED)
            if row.done_at is None and not row.all_day and row.due_at < self.now:
                return QBrush(PASSED_AMBER)  # today, but its time has passed
        return super().data(index, role)
