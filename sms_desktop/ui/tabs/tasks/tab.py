"""任务与活动: tasks grouped by due date, quick add, done with an outcome, reschedule, the
calendar, follow-up plans, reminders and the exports."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QBrush, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QSystemTrayIcon,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.clock import clock, local_zone
from sms_desktop.domain.enums import ActivityKind
from sms_desktop.domain.errors import DomainError
from sms_desktop.domain.tasks import OPEN_GROUPS, GroupBounds, TaskGroup
from sms_desktop.reporting.lists.tasks import TASKS
from sms_desktop.services.lists import Order
from sms_desktop.services.registry import Services
from sms_desktop.services.tasks import (
    GroupCounts,
    TaskFilter,
    TaskInput,
    TaskList,
    TaskRow,
    TaskSortKey,
)
from sms_desktop.ui.background import Operation, Progress
from sms_desktop.ui.edit import edit_ok, push_edit, run_edit
from sms_desktop.ui.formatting import from_qdate, to_qdate
from sms_desktop.ui.i18n import tr_message, translator
from sms_desktop.ui.models.paged import Role
from sms_desktop.ui.navigation import Navigation, ShowArea, TaskRequest
from sms_desktop.ui.palette import Colour, qcolor
from sms_desktop.ui.table_export import export_view, run_export
from sms_desktop.ui.tabs.base import AreaTab
from sms_desktop.ui.tabs.tasks import commands
from sms_desktop.ui.tabs.tasks.calendar_view import CalendarView
from sms_desktop.ui.tabs.tasks.dialogs import (
    ApplyPlanDialog,
    CompleteDialog,
    PlansDialog,
    TaskContext,
    TaskDialog,
    fill_kinds,
)
from sms_desktop.ui.tabs.tasks.presentation import due_text, group_label, kind_label
from sms_desktop.ui.tabs.tasks.reminders import (
    ReminderClock,
    ReminderPanel,
    TodayDialog,
    reminder_text,
)
from sms_desktop.ui.tabs.tasks.task_list import TaskTableModel
from sms_desktop.ui.widgets.dialogs import run_modal
from sms_desktop.ui.widgets.save_dialog import ICS, ask_save_path
from sms_desktop.ui.widgets.search_field import SearchField

SEARCH_DELAY_MS = 200
START_DELAY_MS = 1500
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1


class DatePickDialog(QDialog):
    """Pick the day to move tasks to."""

    def __init__(self, initial: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pickDateDialog")
        self.setWindowTitle(self.tr("Move to Date"))
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.setSelectedDate(to_qdate(initial))
        self.calendar.activated.connect(lambda _d: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.calendar)
        layout.addWidget(buttons)

    @property
    def day(self) -> date:
        return from_qdate(self.calendar.selectedDate())


class TasksTab(AreaTab):
    """Signals:
    status_message(str)
    title_changed(str): the tab's title with the number overdue or due today.
    """

    watches = frozenset(
        {
            "activities",
            "customers",
            "opportunities",
            "salespeople",
            "follow_up_plans",
            "follow_up_steps",
            "satisfaction_surveys",
        }
    )

    def __init__(
        self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._undo = undo_stack
        self._loaded = False
        self._tz = local_zone()
        self._counts = GroupCounts()
        self._customer: tuple[int, str] | None = None
        self._opportunity: tuple[int, str] | None = None
        self.last_reminder: list[TaskRow] = []
        self.reminder_panel: ReminderPanel | None = None  # made at the first reminder
        self.title_tooltip = ""  # what the title's count is made of

        # ---- filters
        self.search_edit = SearchField(
            "taskSearch",
            self.tr("Search subjects, notes and customers…"),
            SEARCH_DELAY_MS,
            self,
        )
        self.search_edit.search_changed.connect(lambda _t: self.refresh())
        self.assignee_combo = QComboBox(self)
        self.assignee_combo.setObjectName("taskAssigneeFilter")
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("taskKindFilter")
        self.kind_combo.addItem(self.tr("All types"), None)
        fill_kinds(self.kind_combo)
        for combo in (self.assignee_combo, self.kind_combo):
            combo.activated.connect(lambda _i: self.refresh())
        self.context_label = QLabel(self)
        self.context_label.setObjectName("taskContext")
        self.context_label.setStyleSheet(
            f"QLabel {{ background: {Colour.INFO_BACKGROUND}; border-radius: 4px; padding: 2px 6px; }}"
        )
        self.clear_context_button = QToolButton(self)
        self.clear_context_button.setText("✕")
        self.clear_context_button.setToolTip(self.tr("Show everyone's tasks again"))
        self.clear_context_button.clicked.connect(self.clear_context)
        new_button = QPushButton(self.tr("New Task"), self)
        new_button.setObjectName("newTaskButton")
        new_button.setToolTip(self.tr("New task (Ctrl+N)"))
        new_button.clicked.connect(lambda _checked=False: self.new_task())
        plans_button = QPushButton(self.tr("Follow-up Plans…"), self)
        plans_button.setObjectName("followUpPlansButton")
        plans_button.clicked.connect(self.manage_plans)
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 2)
        for label, widget in (
            (self.tr("Assigned to"), self.assignee_combo),
            (self.tr("Type"), self.kind_combo),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addWidget(self.context_label)
        filters.addWidget(self.clear_context_button)
        filters.addStretch(1)
        filters.addWidget(plans_button)
        filters.addWidget(new_button)

        # ---- the grouped list
        self.groups = QListWidget(self)
        self.groups.setObjectName("taskGroups")
        for group in TaskGroup:
            item = QListWidgetItem(group_label(group))
            item.setData(GROUP_ROLE, group)
            self.groups.addItem(item)
        self.groups.setCurrentRow(1)
        self.groups.currentItemChanged.connect(lambda _c, _p: self._on_group_changed())
        self.groups.setStyleSheet("QListWidget::item { padding: 6px 8px; }")
        self.groups.setMaximumWidth(220)
        self.groups.setMinimumWidth(140)
        self.model = TaskTableModel(services, self)
        self.model.total_changed.connect(self._on_total_changed)
        self.table = QTableView(self)
        self.table.setObjectName("taskTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        for column, width in enumerate((118, 260, 140, 220, 160, 90, 150, 150, 220)):
            self.table.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_context_menu)
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(lambda _s, _d: self._update_actions())

        self.empty_label = QLabel(self.table.viewport())
        self.empty_label.setObjectName("taskEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: palette(placeholder-text); font-size: 14px;")
        self.empty_label.hide()
        empty_layout = QVBoxLayout(self.table.viewport())
        empty_layout.addWidget(self.empty_label)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("taskCount")
        self.done_button = QPushButton(self.tr("Mark Done…"), self)
        self.done_button.setObjectName("markDoneButton")
        self.done_button.clicked.connect(self.complete_selected)
        self.reschedule_button = QPushButton(self.tr("Reschedule"), self)
        self.reschedule_button.setObjectName("rescheduleButton")
        self.reschedule_menu = QMenu(self)
        self.reschedule_button.setMenu(self.reschedule_menu)
        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setObjectName("taskExportButton")
        export_menu = QMenu(self)
        self.export_excel_action = export_menu.addAction(self.tr("To Excel or CSV…"))
        self.export_excel_action.triggered.connect(self.export_excel)
        self.export_ics_action = export_menu.addAction(self.tr("To Calendar (.ics)…"))
        self.export_ics_action.triggered.connect(self._on_export_ics_triggered)
        export_menu.aboutToShow.connect(self._label_exports)
        self.export_button.setMenu(export_menu)
        actions_row = QHBoxLayout()
        actions_row.addWidget(self.count_label)
        actions_row.addStretch(1)
        actions_row.addWidget(self.done_button)
        actions_row.addWidget(self.reschedule_button)
        actions_row.addWidget(self.export_button)

        list_page = QWidget(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, list_page)
        splitter.addWidget(self.groups)
        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.table, 1)
        right_layout.addLayout(actions_row)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([170, 900])
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(splitter)

        self.calendar = CalendarView(services, self)
        self.calendar.task_activated.connect(self.edit_task)
        self.calendar.new_task_requested.connect(self._on_calendar_new_task)
        self.views = QTabWidget(self)
        self.views.setObjectName("taskViews")
        self.views.addTab(list_page, self.tr("List"))
        self.views.addTab(self.calendar, self.tr("Calendar"))
        self.views.currentChanged.connect(lambda _i: self._reload_view())

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.views, 1)

        self._build_actions()
        self._show_context()
        self._show_group_columns()
        self.reminders = ReminderClock(services.tasks, parent=self)
        self.reminders.due.connect(self._on_reminders_due)
        self.reminders.timer.timeout.connect(self._follow_the_day)
        self._shown_day = clock().now().astimezone(self._tz).date()
        self._tray: QSystemTrayIcon | None = None
        self._update_actions()
        # Reminders and the title's count run from start, whether or not the tab is opened;
        # after the first screen is painted, so they never delay it.
        QTimer.singleShot(START_DELAY_MS, self, self._start_in_background)

    # ----------------------------------------------------------------------- actions

    def _build_actions(self) -> None:
        def action(text: str, shortcut: str | QKeySequence.StandardKey, slot: object) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.new_action = action(
            self.tr("New Task…"), "Ctrl+N", lambda _checked=False: self.new_task()
        )
        self.edit_action = action(self.tr("Edit…"), "Ctrl+E", self.edit_selected)
        self.done_action = action(self.tr("Mark Done…"), "Ctrl+Return", self.complete_selected)
        self.tomorrow_action = action(
            self.tr("+1 Day"), "Alt+Right", lambda: self.reschedule_selected(days=1)
        )
        self.next_week_action = action(
            self.tr("+1 Week"), "Alt+Shift+Right", lambda: self.reschedule_selected(days=7)
        )
        self.pick_date_action = action(self.tr("Pick a Date…"), "Ctrl+Shift+M", self.pick_date)
        self.delete_action = action(
            self.tr("Delete"), QKeySequence.StandardKey.Delete, self.delete_selected
        )
        for act in (self.tomorrow_action, self.next_week_action, self.pick_date_action):
            self.reschedule_menu.addAction(act)

    def _update_actions(self) -> None:
        rows = self.selected_rows()
        open_rows = [r for r in rows if r.done_at is None]
        self.done_button.setEnabled(len(open_rows) == 1)
        self.done_action.setEnabled(len(open_rows) == 1)
        self.reschedule_button.setEnabled(bool(open_rows) and len(open_rows) == len(rows))
        for act in (self.tomorrow_action, self.next_week_action, self.pick_date_action):
            act.setEnabled(bool(open_rows) and len(open_rows) == len(rows))
        self.edit_action.setEnabled(len(rows) == 1)
        self.delete_action.setEnabled(bool(rows))

    # ------------------------------------------------------------------------- loading

    def search_box(self) -> SearchField:
        return self.search_edit

    def load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        self._fill_assignees()
        self.refresh()

    def _start_in_background(self) -> None:
        if not self.reminders.timer.isActive():
            self.reminders.start()
            self.reminders.check()
        if not self._loaded:
            try:
                self._counts = self._services.tasks.group_counts(TaskFilter(), tz=self._tz)
            except DomainError:
                return
            self._show_counts()

    def _fill_assignees(self) -> None:
        current = self.assignee_combo.currentData()
        self.assignee_combo.clear()
        self.assignee_combo.addItem(self.tr("Everyone"), None)
        for person in self._services.salespeople.list(active_only=True):
            self.assignee_combo.addItem(person.name, person.id)
        self.assignee_combo.setCurrentIndex(max(0, self.assignee_combo.findData(current)))

    def current_filter(self) -> TaskFilter:
        return TaskFilter(
            assignee_id=self.assignee_combo.currentData(),
            kind=self.kind_combo.currentData(),
            customer_id=self._customer[0] if self._customer else None,
            opportunity_id=self._opportunity[0] if self._opportunity else None,
            search=self.search_edit.text().strip(),
        )

    def current_group(self) -> TaskGroup:
        item = self.groups.currentItem()
        return TaskGroup(item.data(GROUP_ROLE)) if item is not None else TaskGroup.TODAY

    def refresh(self, *, now: datetime | None = None) -> None:
        """Re-read the counts and the list (as of ``now``: tests pass a fixed clock)."""
        if not self._loaded:
            return
        self.search_edit.cancel_pending()
        now = now or clock().now()
        flt = self.current_filter()
        counts = run_edit(
            self, lambda: self._services.tasks.group_counts(flt, now=now, tz=self._tz)
        )
        if counts is None:
            return
        self._counts = counts
        self._show_counts()
        self.model.now = now
        self.model.filter = TaskList(flt, self.current_group(), GroupBounds.at(now, self._tz))
        self.model.reload()
        self._update_actions()
        if self.views.currentIndex() == 1:
            self.calendar.set_assignee(flt.assignee_id)
            self.calendar.reload()

    def _follow_the_day(self) -> None:
        """After midnight "today" is another day: regroup (checked with the reminders)."""
        day = clock().now().astimezone(self._tz).date()
        if day != self._shown_day:
            self._shown_day = day
            self.refresh()

    def _reload_view(self) -> None:
        if self._loaded and self.views.currentIndex() == 1:
            self.calendar.set_assignee(self.assignee_combo.currentData())
            self.calendar.reload()

    def _show_counts(self) -> None:
        for index in range(self.groups.count()):
            item = self.groups.item(index)
            group = TaskGroup(item.data(GROUP_ROLE))
            count = self._counts[group]
            item.setText(f"{group_label(group)}  ({count:,})")
            overdue = group is TaskGroup.OVERDUE and count > 0
            item.setForeground(QBrush(qcolor(Colour.OVERDUE)) if overdue else QBrush())
            font = item.font()
            font.setBold(overdue or (group is TaskGroup.TODAY and count > 0))
            item.setFont(font)
        base = self.tr("Tasks")
        counts = self._counts
        if self.current_filter() != TaskFilter():
            # The title counts everyone's tasks, whatever the list is filtered to.
            counts = self._services.tasks.group_counts(TaskFilter(), tz=self._tz)
        attention = counts.attention
        self.title_tooltip = self.tr("{overdue} overdue, {today} due today").format(
            overdue=f"{counts[TaskGroup.OVERDUE]:,}", today=f"{counts[TaskGroup.TODAY]:,}"
        )
        self.title_changed.emit(f"{base} ({attention:,})" if attention else base)

    def _show_group_columns(self) -> None:
        """Done tasks show when they were done and the outcome, newest first; open ones
        their reminder and repeat rule, by due time."""
        done = self.current_group() is TaskGroup.DONE
        keys = [c.key for c in self.model.columns]
        for key in ("done", "outcome"):
            self.table.setColumnHidden(keys.index(key), not done)
        for key in ("flags", "due", "opportunity"):
            self.table.setColumnHidden(keys.index(key), done)
        sort_key: TaskSortKey = "done" if done else "due"
        if self.model.order.key in ("due", "done") and self.model.order.key != sort_key:
            self.model.order = Order(sort_key, done)
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(
                keys.index(sort_key),
                Qt.SortOrder.DescendingOrder if done else Qt.SortOrder.AscendingOrder,
            )
            header.blockSignals(False)

    def _on_group_changed(self) -> None:
        self._show_group_columns()
        if not self._loaded:
            return
        self.model.filter = replace(self.model.filter, group=self.current_group())
        self.model.reload()
        self._update_actions()

    def _on_total_changed(self, total: int) -> None:
        self.count_label.setText(self.tr("%Ln task(s)", "", total))
        if total:
            self.empty_label.hide()
            return
        filtered = self.current_filter() != TaskFilter()
        self.empty_label.setText(
            self.tr("No tasks match the filters.")
            if filtered
            else self.tr("Nothing here. New Task (Ctrl+N) adds one.")
        )
        self.empty_label.show()

    def select_group(self, group: TaskGroup) -> None:
        for index in range(self.groups.count()):
            if self.groups.item(index).data(GROUP_ROLE) == group:
                self.groups.setCurrentRow(index)
                return

    # ------------------------------------------------------------- customer / deal context

    def navigate(self, request: Navigation) -> None:
        """Another tab asks for tasks: show a customer's or deal's, add one, start a plan."""
        if not isinstance(request, TaskRequest):
            return
        if request.action == "add":
            self.new_task(
                TaskContext(request.customer_id, request.customer_name, request.opportunity_id)
            )
        elif request.action == "plan":
            if request.customer_id is not None:
                self.apply_plan(request.customer_id, request.customer_name)
        elif request.opportunity_id is not None:
            self.show_for(opportunity=(request.opportunity_id, request.opportunity_title))
        else:
            customer = (
                (request.customer_id, request.customer_name)
                if request.customer_id is not None
                else None
            )
            self.show_for(customer=customer)

    def show_for(
        self,
        *,
        customer: tuple[int, str] | None = None,
        opportunity: tuple[int, str] | None = None,
    ) -> None:
        """Show only one customer's (or one deal's) tasks: opened from those tabs."""
        self._customer, self._opportunity = customer, opportunity
        self._show_context()
        if not self._loaded:
            self.load()
        else:
            self.refresh()
        for group in OPEN_GROUPS:
            if self._counts[group]:
                self.select_group(group)
                break

    def clear_context(self) -> None:
        self._customer = self._opportunity = None
        self._show_context()
        self.refresh()

    def _show_context(self) -> None:
        parts = []
        if self._customer:
            parts.append(self.tr("Customer: {name}").format(name=self._customer[1]))
        if self._opportunity:
            parts.append(self.tr("Opportunity: {title}").format(title=self._opportunity[1]))
        self.context_label.setText(" · ".join(parts))
        self.context_label.setVisible(bool(parts))
        self.clear_context_button.setVisible(bool(parts))

    def context(self) -> TaskContext:
        customer = self._customer
        return TaskContext(
            customer_id=customer[0] if customer else None,
            customer_name=customer[1] if customer else "",
            opportunity_id=self._opportunity[0] if self._opportunity else None,
        )

    # ------------------------------------------------------------------------ selection

    def selected_rows(self) -> list[TaskRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows if r < self.model.rowCount()]

    def _on_double_clicked(self, index: QModelIndex) -> None:
        task_id = index.data(Role.ID)
        if isinstance(task_id, int):
            self.edit_task(task_id)

    def _on_context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.new_action)
        if self.selected_rows():
            menu.addAction(self.edit_action)
            menu.addAction(self.done_action)
            menu.addMenu(self.reschedule_menu).setText(self.tr("Reschedule"))
            menu.addSeparator()
            menu.addAction(self.delete_action)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # ---------------------------------------------------------------------------- edits

    def _after_change(self) -> None:
        self.refresh()

    def new_task(self, context: TaskContext | None = None) -> int | None:
        tasks = self._services.tasks
        dialog = TaskDialog(
            self._services, tasks.create, context=context or self.context(), parent=self
        )
        if run_modal(dialog) != QDialog.DialogCode.Accepted or dialog.saved is None:
            return None
        task_id, subject = dialog.saved, dialog.subject_edit.text().strip()
        push_edit(self._undo, commands.CreateTask(tasks, task_id, subject, self._after_change))
        self._show_group_of(task_id)
        self.status_message.emit(self.tr("Task “{subject}” added.").format(subject=subject))
        return task_id

    def _show_group_of(self, task_id: int) -> None:
        """Go to the group a new or rescheduled task is in and select it: it must not land
        out of sight behind "Nothing here"."""
        if self.views.currentIndex() != 0:
            return
        row = run_edit(self, lambda: self._services.tasks.get(task_id))
        if row is None:
            return
        group = GroupBounds.at(clock().now(), self._tz).group_of(row.due_at, row.done_at)
        if group is not None and group is not self.current_group():
            self.select_group(group)
        index = self.model.row_of_id(task_id)
        if index is not None:
            self.table.selectRow(index)

    def _on_calendar_new_task(self, day: date, assignee_id: object) -> None:
        context = self.context()
        self.new_task(
            TaskContext(
                context.customer_id,
                context.customer_name,
                context.opportunity_id,
                day,
                assignee_id=assignee_id if isinstance(assignee_id, int) else None,
            )
        )

    def edit_selected(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self.edit_task(rows[0].id)

    def edit_task(self, task_id: int) -> None:
        task = run_edit(self, lambda: self._services.tasks.get(task_id))
        if task is None:
            self.refresh()
            return
        tasks = self._services.tasks

        def save(data: TaskInput) -> tuple[TaskInput, TaskInput]:
            return tasks.update(task_id, data), data

        dialog = TaskDialog(self._services, save, task=task, parent=self)
        if run_modal(dialog) != QDialog.DialogCode.Accepted or dialog.saved is None:
            return
        before, after = dialog.saved
        push_edit(
            self._undo, commands.UpdateTask(tasks, task_id, before, after, self._after_change)
        )
        if before.due_at != after.due_at:
            self._show_group_of(task_id)

    def complete_selected(self) -> None:
        rows = [r for r in self.selected_rows() if r.done_at is None]
        if len(rows) != 1:
            return
        self.complete_task(rows[0])

    def complete_task(self, task: TaskRow) -> bool:
        dialog = CompleteDialog(task, self)
        while run_modal(dialog) == QDialog.DialogCode.Accepted:
            completion = run_edit(
                self,
                lambda: self._services.tasks.complete(
                    task.id,
                    dialog.outcome,
                    survey=dialog.survey,
                    now=dialog.done_at,
                    tz=self._tz,
                    tr=translator(),
                ),
            )
            if completion is None:
                continue
            self._undo.push(
                commands.CompleteTask(
                    self._services.tasks,
                    completion,
                    task.subject,
                    dialog.outcome,
                    dialog.survey,
                    dialog.done_at,
                    self._after_change,
                )
            )
            message = self.tr("“{subject}” is done.").format(subject=task.subject)
            if completion.next_task_id is not None:
                following = self._services.tasks.get(completion.next_task_id)
                message += " " + self.tr("Next one: {due}.").format(due=due_text(following))
            self.status_message.emit(message)
            return True
        return False

    def reschedule_selected(self, *, days: int | None = None, to_day: date | None = None) -> None:
        rows = self.selected_rows()
        if not rows or any(r.done_at is not None for r in rows):
            return
        ids = [r.id for r in rows]
        before = run_edit(
            self,
            lambda: self._services.tasks.reschedule(ids, days=days, to_day=to_day, tz=self._tz),
        )
        if before is None:
            self.refresh()
            return
        self._undo.push(
            commands.RescheduleTasks(
                self._services.tasks,
                before,
                text=self.tr("Reschedule %Ln task(s)", "", len(ids)),
                days=days,
                to_day=to_day,
                refresh=self._after_change,
            )
        )
        self.status_message.emit(self.tr("Moved %Ln task(s).", "", len(ids)))

    def pick_date(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        first = rows[0].due_at.astimezone(self._tz).date()
        dialog = DatePickDialog(max(first, clock().now().astimezone(self._tz).date()), self)
        if run_modal(dialog) == QDialog.DialogCode.Accepted:
            self.reschedule_selected(to_day=dialog.day)

    def delete_selected(self) -> None:
        ids = [r.id for r in self.selected_rows()]
        if not ids:
            return
        if not edit_ok(self, lambda: self._services.tasks.delete(ids)):
            self.refresh()
            return
        self._undo.push(
            commands.DeleteTasks(
                self._services.tasks,
                ids,
                self.tr("Delete %Ln task(s)", "", len(ids)),
                self._after_change,
            )
        )
        self.status_message.emit(
            self.tr("Moved %Ln task(s) to the trash (Edit ▸ Trash).", "", len(ids))
        )

    # -------------------------------------------------------------------- follow-up plans

    def manage_plans(self) -> None:
        run_modal(PlansDialog(self._services, self))

    def apply_plan(self, customer_id: int, customer_name: str) -> list[int]:
        plans = self._services.followups.plans(active_only=True)
        if not plans:
            QMessageBox.information(
                self,
                self.tr("Follow-up Plans"),
                self.tr("There is no follow-up plan yet. Create one under Follow-up Plans…"),
            )
            return []
        dialog = ApplyPlanDialog(plans, customer_name, self)
        if run_modal(dialog) != QDialog.DialogCode.Accepted or dialog.plan_id is None:
            return []
        plan_id = dialog.plan_id
        ids = run_edit(
            self,
            lambda: self._services.followups.apply(
                plan_id, customer_id, start=dialog.start, tz=self._tz
            ),
        )
        if ids is None:
            return []
        self._undo.push(
            commands.CreateTasks(
                self._services.tasks, ids, dialog.plan_combo.currentText(), self._after_change
            )
        )
        self.status_message.emit(self.tr("Added %Ln task(s).", "", len(ids)))
        return ids

    # --------------------------------------------------------------------------- exports

    def _export_scope(self) -> tuple[list[int] | None, int]:
        """Several rows selected: those; else the whole list as filtered."""
        rows = self.selected_rows()
        if len(rows) > 1:
            return [r.id for r in rows], len(rows)
        return None, self.model.total

    def _label_exports(self) -> None:
        ids, total = self._export_scope()
        if ids is None:
            excel = self.tr("This List to Excel or CSV (%Ln task(s))…", "", total)
            ics = self.tr("This List to Calendar .ics (%Ln task(s))…", "", total)
        else:
            excel = self.tr("Selected to Excel or CSV (%Ln task(s))…", "", total)
            ics = self.tr("Selected to Calendar .ics (%Ln task(s))…", "", total)
        self.export_excel_action.setText(excel)
        self.export_ics_action.setText(ics)

    def _export_list(self) -> tuple[TaskList, int]:
        """The list as shown, or only the selected tasks when several are selected; and how
        many tasks that is."""
        ids, total = self._export_scope()
        return replace(self.model.filter, ids=None if ids is None else tuple(ids)), total

    def export_excel(self) -> None:
        flt, total = self._export_list()
        export_view(
            self,
            self.model,
            self.table.horizontalHeader(),
            title=self.tr("Export Tasks"),
            label=self.tr("Exporting tasks…"),
            done=lambda n, path: self.tr("Exported %Ln task(s) to {path}.", "", n).format(
                path=str(path)
            ),
            on_done=self.status_message.emit,
            flt=flt,
            total=total,
        )

    def _on_export_ics_triggered(self) -> None:
        self.export_ics()

    def export_ics(self) -> Operation[int] | None:
        """The list (or the selected tasks) as calendar events, written in the background."""
        from sms_desktop.reporting.ics import build_calendar, write_ics

        choice = ask_save_path(
            self, self.tr("Export to Calendar"), tr_message(TASKS.file_name), (ICS,)
        )
        if choice is None:
            return None
        path, (flt, _total), tz = choice.path, self._export_list(), self._tz
        tasks, settings = self._services.tasks, self._services.settings
        kind_name = {kind.value: kind_label(kind) for kind in ActivityKind}
        calendar_name = self.tr("SMS Desktop tasks")
        labels = {
            "customer": self.tr("Customer"),
            "contact": self.tr("Contact"),
            "opportunity": self.tr("Opportunity"),
            "assignee": self.tr("Assigned to"),
            "outcome": self.tr("Outcome"),
        }

        def work(progress: Progress) -> int:
            rows = list(tasks.iter_rows(flt, TASKS.order))
            calendar = build_calendar(
                rows,
                tz=tz,
                database_id=settings.database_id(),
                kind_name=kind_name,
                calendar_name=calendar_name,
                labels=labels,
            )
            write_ics(path, calendar, progress=progress)
            return len(rows)

        return run_export(
            self,
            work,
            label=self.tr("Exporting tasks…"),
            on_done=lambda n: self.status_message.emit(
                self.tr("Exported %Ln task(s) to {path}.", "", n).format(path=str(path))
            ),
        )

    # ------------------------------------------------------------- reminders and Today

    def _on_reminders_due(self, rows: list[TaskRow]) -> None:
        """New reminders go to the one reminder window (and the tray, where there is one);
        nothing pops up modally, nothing takes the focus, none is dropped."""
        self.last_reminder = rows
        title = self.tr("Reminder")
        text = reminder_text(rows)
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self._tray is None:
                self._tray = QSystemTrayIcon(self.window().windowIcon(), self)
                self._tray.messageClicked.connect(self._open_from_reminder)
            self._tray.show()
            self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)
        if self.reminder_panel is None:
            self.reminder_panel = ReminderPanel(self._services.tasks, parent=self)
            self.reminder_panel.setWindowFlag(Qt.WindowType.Tool)
            self.reminder_panel.open_requested.connect(self._open_from_reminder)
        self.reminder_panel.add(rows)
        self.status_message.emit(title + ": " + text.splitlines()[0])

    def _open_from_reminder(self) -> None:
        self.navigation_requested.emit(ShowArea("tasksTab"))
        self.select_group(TaskGroup.TODAY)

    def today_summary(
        self, *, show_at_start: bool, now: datetime | None = None
    ) -> TodayDialog | None:
        """The Today dialog when anything is overdue or due today (None otherwise)."""
        now = now or clock().now()
        counts = self._services.tasks.group_counts(TaskFilter(), now=now, tz=self._tz)
        if not counts.attention:
            return None
        bounds = GroupBounds.at(now, self._tz)
        rows = self._services.tasks.list_tasks(TaskFilter(), TaskGroup.TODAY, bounds, limit=50)
        dialog = TodayDialog(counts[TaskGroup.OVERDUE], rows, show_at_start, self)
        return dialog

    def open_today(self) -> None:
        self.navigation_requested.emit(ShowArea("tasksTab"))
        self.load()
        group = TaskGroup.OVERDUE if self._counts[TaskGroup.OVERDUE] else TaskGroup.TODAY
        self.select_group(group)
