"""The week at a glance (one row per salesperson, one column per day) and the month grid."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta, tzinfo
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QCursor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from sms_desktop.domain.clock import clock, local_zone
from sms_desktop.domain.tasks import local_midnight
from sms_desktop.services.registry import Services
from sms_desktop.services.tasks import TaskRow
from sms_desktop.ui.formatting import format_date
from sms_desktop.ui.i18n import current_language, translate
from sms_desktop.ui.palette import Colour, qcolor
from sms_desktop.ui.tabs.tasks.presentation import kind_color, kind_label

_Index = QModelIndex | QPersistentModelIndex
TASKS_ROLE = Qt.ItemDataRole.UserRole + 10  # list[TaskRow] of a cell
DAY_ROLE = Qt.ItemDataRole.UserRole + 11  # the cell's date
PERSON_ROLE = Qt.ItemDataRole.UserRole + 12  # the row's salesperson id (week view)
OVERDUE_RED = qcolor(Colour.OVERDUE)


def weekday_name(day: date) -> str:
    names = (
        translate("Calendar", "Mon"),
        translate("Calendar", "Tue"),
        translate("Calendar", "Wed"),
        translate("Calendar", "Thu"),
        translate("Calendar", "Fri"),
        translate("Calendar", "Sat"),
        translate("Calendar", "Sun"),
    )
    return names[day.weekday()]


def entry_text(task: TaskRow, tz: tzinfo | None) -> str:
    local = task.due_at.astimezone(tz)
    clock = "" if task.all_day else f"{local:%H:%M} "
    who = f" · {task.customer}" if task.customer else ""
    return f"{clock}{task.subject}{who}"


@dataclass(frozen=True, slots=True)
class _Person:
    """A week row: a salesperson, or id 0 for the tasks of nobody."""

    id: int
    name: str


@dataclass
class _Grid:
    days: list[date] = field(default_factory=list)  # week: 7; month: 35 or 42
    people: list[_Person] = field(default_factory=list)  # week rows
    cells: dict[tuple[int, int], list[TaskRow]] = field(default_factory=dict)


class CalendarModel(QAbstractTableModel):
    """Week mode: rows are salespeople, columns the 7 days. Month mode: rows are weeks."""

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.tz: tzinfo = local_zone()
        self.mode = "week"
        self.anchor = clock().now().astimezone(self.tz).date()
        self.assignee_id: int | None = None
        self.today = self.anchor
        self._grid = _Grid()

    # ------------------------------------------------------------------------- loading

    def first_day(self) -> date:
        if self.mode == "week":
            return self.anchor - timedelta(days=self.anchor.weekday())
        first = self.anchor.replace(day=1)
        return first - timedelta(days=first.weekday())

    def span_days(self) -> int:
        if self.mode == "week":
            return 7
        first = self.first_day()
        next_month = (self.anchor.replace(day=28) + timedelta(days=4)).replace(day=1)
        weeks = -(-(next_month - first).days // 7)
        return 7 * weeks

    def reload(self, today: date | None = None) -> None:
        self.today = today or clock().now().astimezone(self.tz).date()
        first = self.first_day()
        days = [first + timedelta(days=i) for i in range(self.span_days())]
        tasks = self._services.tasks.calendar(
            local_midnight(days[0], self.tz),
            local_midnight(days[-1] + timedelta(days=1), self.tz),
            assignee_id=self.assignee_id,
        )
        grid = _Grid(days=days)
        if self.mode == "week":
            people = [
                _Person(p.id, p.name)
                for p in self._services.salespeople.list(active_only=True)
                if self.assignee_id is None or p.id == self.assignee_id
            ]
            known = {p.id for p in people}
            if any(t.assignee_id is None or t.assignee_id not in known for t in tasks):
                people.append(_Person(0, translate("Calendar", "(nobody)")))
            grid.people = people
            rows = {p.id: i for i, p in enumerate(people)}
        for task in tasks:
            day = task.due_at.astimezone(self.tz).date()
            offset = (day - first).days
            if not 0 <= offset < len(days):
                continue
            if self.mode == "week":
                row = rows.get(task.assignee_id or 0, rows.get(0, 0))
                key = (row, offset)
            else:
                key = divmod(offset, 7)
            grid.cells.setdefault(key, []).append(task)
        for cell in grid.cells.values():  # what is still to do first, the done ones after
            cell.sort(key=lambda t: t.done_at is not None)
        self.beginResetModel()
        self._grid = grid
        self.endResetModel()

    def title(self) -> str:
        days = self._grid.days
        if not days:
            return ""
        if self.mode == "month":
            if current_language().startswith("zh"):
                return f"{self.anchor.year}年{self.anchor.month}月"
            return f"{self.anchor:%B %Y}"
        return f"{format_date(days[0])} – {format_date(days[-1])}"

    def move(self, step: int) -> None:
        if self.mode == "week":
            self.anchor += timedelta(weeks=step)
        else:
            index = self.anchor.year * 12 + self.anchor.month - 1 + step
            self.anchor = date(index // 12, index % 12 + 1, 1)
        self.reload()

    # ---------------------------------------------------------------------- the model

    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        if parent.isValid():
            return 0
        if self.mode == "week":
            return len(self._grid.people)
        return len(self._grid.days) // 7

    @override
    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 7

    def _day(self, index: _Index) -> date:
        if self.mode == "week":
            return self._grid.days[index.column()]
        return self._grid.days[index.row() * 7 + index.column()]

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self.rowCount() or index.column() >= 7:
            return None
        tasks = self._grid.cells.get((index.row(), index.column()), [])
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(entry_text(t, self.tz) for t in tasks)
        if role == Qt.ItemDataRole.ToolTipRole:
            if not tasks:
                return None
            return "\n".join(
                f"{kind_label(t.kind)}: {entry_text(t, self.tz)}"
                + (f" ({t.assignee})" if t.assignee and self.mode == "month" else "")
                for t in tasks
            )
        if role == TASKS_ROLE:
            return tasks
        if role == DAY_ROLE:
            return self._day(index)
        if role == PERSON_ROLE and self.mode == "week":
            person = self._grid.people[index.row()].id
            return person or None
        return None

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < 7:
                return None
            if self.mode == "week" and self._grid.days:
                day = self._grid.days[section]
                return f"{weekday_name(day)} {day.month}/{day.day}"
            return weekday_name(date(2024, 1, 1) + timedelta(days=section))
        if not 0 <= section < self.rowCount():
            return None
        if self.mode == "week":
            return self._grid.people[section].name
        return translate("Calendar", "Week {n}").format(
            n=self._grid.days[section * 7].isocalendar().week
        )

    @override
    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class CalendarDelegate(QStyledItemDelegate):
    """Paints a cell's tasks as coloured chips, with "+N more" when they do not fit."""

    LINE = 18

    def __init__(self, model: CalendarModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model

    @override
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        painter.save()
        rect: QRect = option.rect
        palette: QPalette = option.palette
        day: date = index.data(DAY_ROLE)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        background = palette.base().color()
        if day == self._model.today:
            background = qcolor(Colour.TODAY_BACKGROUND)
        elif day.weekday() >= 5:
            background = palette.alternateBase().color()
        if self._model.mode == "month" and day.month != self._model.anchor.month:
            background = background.darker(104)
        painter.fillRect(rect, palette.highlight().color().lighter(170) if selected else background)
        painter.setPen(palette.mid().color())
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        top = rect.top() + 2
        font = QFont(option.font)
        if self._model.mode == "month":
            bold = QFont(font)
            bold.setBold(day == self._model.today)
            painter.setFont(bold)
            painter.setPen(palette.text().color())
            painter.drawText(
                QRect(rect.left() + 4, top, rect.width() - 8, self.LINE),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(day.day),
            )
            top += self.LINE
        painter.setFont(font)
        tasks: list[TaskRow] = index.data(TASKS_ROLE) or []
        room = max(0, (rect.bottom() - top) // self.LINE)
        shown = tasks if len(tasks) <= room else tasks[: max(0, room - 1)]
        today_start = local_midnight(self._model.today, self._model.tz)
        for task in shown:
            line = QRect(rect.left() + 3, top, rect.width() - 6, self.LINE - 2)
            chip = kind_color(task.kind)
            painter.fillRect(QRect(line.left(), line.top() + 2, 4, line.height() - 4), chip)
            color = palette.text().color()
            if task.done_at is not None:
                color = palette.placeholderText().color()
            elif task.due_at < today_start:
                color = OVERDUE_RED
            painter.setPen(color)
            strike = QFont(font)
            strike.setStrikeOut(task.done_at is not None)
            painter.setFont(strike)
            text = painter.fontMetrics().elidedText(
                entry_text(task, self._model.tz), Qt.TextElideMode.ElideRight, line.width() - 8
            )
            painter.drawText(line.adjusted(8, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, text)
            top += self.LINE
        if len(shown) < len(tasks):
            painter.setFont(font)
            painter.setPen(palette.placeholderText().color())
            painter.drawText(
                QRect(rect.left() + 11, top, rect.width() - 14, self.LINE - 2),
                Qt.AlignmentFlag.AlignVCenter,
                translate("Calendar", "+{n} more").format(n=len(tasks) - len(shown)),
            )
        painter.restore()

    @override
    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return QSize(120, self.LINE * 4)


class CalendarView(QWidget):
    """Signals:
    task_activated(int): a task chosen from a cell's menu (to edit it).
    new_task_requested(date, object): a day (and salesperson id or None) double-clicked.
    """

    task_activated = Signal(int)
    new_task_requested = Signal(date, object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskCalendar")
        self.model = CalendarModel(services, self)
        self.table = QTableView(self)
        self.table.setObjectName("taskCalendarTable")
        self.table.setModel(self.model)
        self.table.setItemDelegate(CalendarDelegate(self.model, self.table))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setMinimumSectionSize(CalendarDelegate.LINE * 3)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_context_menu)

        self.title_label = QLabel(self)
        self.title_label.setObjectName("calendarTitle")
        title_font = self.title_label.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        previous = QPushButton("◀", self)
        previous.setToolTip(self.tr("Previous"))
        previous.clicked.connect(lambda: self._move(-1))
        following = QPushButton("▶", self)
        following.setToolTip(self.tr("Next"))
        following.clicked.connect(lambda: self._move(1))
        today = QPushButton(self.tr("Today"), self)
        today.clicked.connect(self.go_today)
        self.week_button = QPushButton(self.tr("Week"), self)
        self.week_button.setObjectName("calendarWeek")
        self.month_button = QPushButton(self.tr("Month"), self)
        self.month_button.setObjectName("calendarMonth")
        group = QButtonGroup(self)
        for button in (self.week_button, self.month_button):
            button.setCheckable(True)
            group.addButton(button)
        self.week_button.setChecked(True)
        self.week_button.clicked.connect(lambda: self.set_mode("week"))
        self.month_button.clicked.connect(lambda: self.set_mode("month"))
        bar = QHBoxLayout()
        for widget in (previous, today, following):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.title_label)
        bar.addStretch(1)
        bar.addWidget(self.week_button)
        bar.addWidget(self.month_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        self.model.reload()
        self.title_label.setText(self.model.title())

    def set_assignee(self, assignee_id: int | None) -> None:
        self.model.assignee_id = assignee_id

    def set_mode(self, mode: str) -> None:
        self.model.mode = mode
        self.week_button.setChecked(mode == "week")
        self.month_button.setChecked(mode == "month")
        self.reload()

    def go_today(self) -> None:
        self.model.anchor = clock().now().astimezone(self.model.tz).date()
        self.reload()

    def _move(self, step: int) -> None:
        self.model.move(step)
        self.title_label.setText(self.model.title())

    def task_at(self, pos: QPoint) -> TaskRow | None:
        """The task drawn at ``pos`` (viewport coordinates), if any; None on "+N more"."""
        index = self.table.indexAt(pos)
        if not index.isValid():
            return None
        tasks: list[TaskRow] = index.data(TASKS_ROLE) or []
        rect = self.table.visualRect(index)
        top = rect.top() + 2 + (CalendarDelegate.LINE if self.model.mode == "month" else 0)
        room = max(0, (rect.bottom() - top) // CalendarDelegate.LINE)
        shown = len(tasks) if len(tasks) <= room else max(0, room - 1)
        line = (pos.y() - top) // CalendarDelegate.LINE
        return tasks[line] if 0 <= line < shown else None

    def _on_double_clicked(self, index: QModelIndex) -> None:
        pos = self.table.viewport().mapFromGlobal(QCursor.pos())
        task = self.task_at(pos)
        tasks: list[TaskRow] = index.data(TASKS_ROLE) or []
        if task is not None:
            self.task_activated.emit(task.id)
        elif tasks and self.table.indexAt(pos) == index:
            self._on_context_menu(pos)  # "+N more": the day's tasks to choose from
        else:
            self.new_task_requested.emit(index.data(DAY_ROLE), index.data(PERSON_ROLE))

    def _on_context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        menu = QMenu(self)
        add = QAction(self.tr("New Task on This Day…"), menu)
        add.triggered.connect(
            lambda: self.new_task_requested.emit(index.data(DAY_ROLE), index.data(PERSON_ROLE))
        )
        menu.addAction(add)
        tasks: list[TaskRow] = index.data(TASKS_ROLE) or []
        if tasks:
            menu.addSeparator()
        for task in tasks[:30]:
            action = QAction(entry_text(task, self.model.tz), menu)
            action.triggered.connect(lambda _c=False, t=task.id: self.task_activated.emit(t))
            menu.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(pos))
