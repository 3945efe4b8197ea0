"""The task table of one group: lazy, sorted in SQL, with type icons and overdue in red."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from typing_extensions import override

from sms_desktop.domain.clock import clock, local_zone
from sms_desktop.domain.tasks import GroupBounds, TaskGroup
from sms_desktop.reporting.lists.tasks import TASKS
from sms_desktop.services.registry import Services
from sms_desktop.services.tasks import TaskFilter, TaskList, TaskRow, TaskSortKey
from sms_desktop.ui.formatting import ui_formats
from sms_desktop.ui.models.paged import PagedTableModel
from sms_desktop.ui.tabs.tasks.presentation import kind_icon

_Index = QModelIndex | QPersistentModelIndex
KIND_COLUMN = TASKS.index("kind")


class TaskTableModel(PagedTableModel[TaskList, TaskSortKey, TaskRow]):
    """The tasks of one group (or all) under a filter, as of ``now``."""

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        self.now = clock().now()
        bounds = GroupBounds.at(self.now, local_zone())
        super().__init__(
            services.tasks,
            TASKS,
            TaskList(TaskFilter(), TaskGroup.TODAY, bounds),
            formats=lambda: ui_formats(now=self.now),
            parent=parent,
        )

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.DecorationRole
            and index.isValid()
            and index.column() == KIND_COLUMN
            and index.row() < self.rowCount()
        ):
            return kind_icon(self.row_at(index.row()).kind)
        return super().data(index, role)
