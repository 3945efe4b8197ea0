"""The Tasks tab driven through its real widgets: add, complete (→ timeline, survey),
reschedule and undo, validation, filters and context, reminders on a test clock, the
calendar, the model tester and the .ics export."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from PySide6.QtCore import QDate, QDateTime, QModelIndex, Qt, QTimer
from PySide6.QtTest import QSignalSpy, QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from sms_desktop.domain.enums import ActivityKind, SalespersonRole
from sms_desktop.domain.palette import Colour
from sms_desktop.domain.tasks import GroupBounds, TaskGroup
from sms_desktop.persistence import models as m
from sms_desktop.reporting.ics import task_uid
from sms_desktop.services.customers import CustomerInput
from sms_desktop.services.registry import Services
from sms_desktop.services.tasks import TaskFilter, TaskInput, TaskList, local_zone
from sms_desktop.services.workspace import open_workspace
from sms_desktop.ui.application import Controller
from sms_desktop.ui.formatting import format_date
from sms_desktop.ui.navigation import TaskRequest
from sms_desktop.ui.palette import qcolor
from sms_desktop.ui.tabs.tasks.calendar_view import DAY_ROLE, TASKS_ROLE, CalendarModel
from sms_desktop.ui.tabs.tasks.dialogs import CompleteDialog, TaskDialog
from sms_desktop.ui.tabs.tasks.reminders import ReminderClock, ReminderPanel
from sms_desktop.ui.tabs.tasks.tab import GROUP_ROLE, TasksTab
from sms_desktop.ui.tabs.tasks.task_list import TaskTableModel
from tests.ui.keyboard import type_text

HUAXIA = "北京华夏科技有限公司"
MINGDA = "上海明达贸易有限公司"
LINA = "李娜"
CALL_TODAY = "致电华夏确认订单"
SURVEY_TODAY = "回访华夏满意度调查"
OVERDUE_VISIT = "拜访明达催款"
LATER_MEETING = "季度销售会议"
DONE_EMAIL = "发送报价邮件"
SHANGHAI = ZoneInfo("Asia/Shanghai")

D = TypeVar("D", bound=QDialog)


def local_today() -> date:
    return datetime.now(local_zone()).date()


def at_local(day: date, hour: int, tz: tzinfo | None = None) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=tz or local_zone())


@pytest.fixture
def company_db(company_db: Path) -> Path:
    """Two customers, a second salesperson and a task in every group (as of the real today,
    in the machine's zone, which is what the tab shows)."""
    workspace = open_workspace(company_db)
    services = workspace.services
    with workspace.db.write() as session:
        session.add(m.Salesperson(name=LINA, role=SalespersonRole.SALES))
    lina = person_id(services, LINA)
    owner = services.salespeople.me()
    huaxia = services.customers.create(CustomerInput(name=HUAXIA))
    mingda = services.customers.create(CustomerInput(name=MINGDA))
    today = local_today()
    tasks = services.tasks
    tasks.create(
        TaskInput(
            ActivityKind.CALL,
            CALL_TODAY,
            at_local(today, 10),
            all_day=False,
            duration_minutes=30,
            assignee_id=owner,
            customer_id=huaxia,
        )
    )
    tasks.create(
        TaskInput(
            ActivityKind.FOLLOW_UP,
            SURVEY_TODAY,
            at_local(today, 9),
            assignee_id=lina,
            customer_id=huaxia,
            with_survey=True,
        )
    )
    tasks.create(
        TaskInput(
            ActivityKind.VISIT,
            OVERDUE_VISIT,
            at_local(today - timedelta(days=3), 9),
            assignee_id=lina,
            customer_id=mingda,
        )
    )
    tasks.create(
        TaskInput(
            ActivityKind.MEETING, LATER_MEETING, at_local(today + timedelta(days=10), 9), notes="Q4"
        )
    )
    done = tasks.create(
        TaskInput(
            ActivityKind.EMAIL,
            DONE_EMAIL,
            at_local(today - timedelta(days=1), 9),
            assignee_id=owner,
            customer_id=huaxia,
        )
    )
    tasks.complete(done, "已发送第二版报价")
    workspace.close(backup=False)
    return company_db


# ---------------------------------------------------------------------------- helpers


def person_id(services: Services, name: str) -> int:
    with services.db.read() as session:
        return session.scalars(select(m.Salesperson.id).where(m.Salesperson.name == name)).one()


def customer_id(services: Services, name: str) -> int:
    with services.db.read() as session:
        return session.scalars(select(m.Customer.id).where(m.Customer.name == name)).one()


def task_id(services: Services, subject: str) -> int:
    with services.db.read() as session:
        return session.scalars(select(m.Activity.id).where(m.Activity.subject == subject)).one()


def services_of(controller: Controller) -> Services:
    assert controller.workspace is not None
    return controller.workspace.services


def tasks_tab(controller: Controller) -> TasksTab:
    assert controller.window.show_tab("tasks")
    tab = controller.window.tabs.currentWidget()
    assert isinstance(tab, TasksTab)
    assert tab.objectName() == "tasksTab"
    return tab


def subjects(tab: TasksTab) -> list[str]:
    return [tab.model.row_at(i).subject for i in range(tab.model.rowCount())]


def column(model: TaskTableModel, key: str) -> int:
    """A column's position by its key (the order of the columns may change)."""
    return [c.key for c in model.columns].index(key)


def row_of(tab: TasksTab, subject: str) -> int:
    return subjects(tab).index(subject)


def group_text(tab: TasksTab, group: TaskGroup) -> str:
    for index in range(tab.groups.count()):
        item = tab.groups.item(index)
        if item.data(GROUP_ROLE) == group:
            return item.text()
    raise AssertionError(group)


def shown_count(tab: TasksTab, group: TaskGroup) -> int:
    """The number in the group list's "Today  (2)"."""
    text = group_text(tab, group)
    return int(text.rsplit("(", 1)[1].rstrip(")").replace(",", ""))


def tab_title(controller: Controller, tab: TasksTab) -> str:
    tabs = controller.window.tabs
    return tabs.tabText(tabs.indexOf(tab))


def click(widget: QWidget | None) -> None:
    """A left click in the middle of ``widget``, as a user makes it."""
    assert widget is not None
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def press_ok(dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    click(ok)


class ModalDriver:
    """Runs ``action`` on the next modal dialog of a type once its ``exec`` shows it.

    Failures inside the dialog's event loop are kept (and the dialog rejected, so nothing
    hangs); ``check`` re-raises them in the test."""

    def __init__(self) -> None:
        self.errors: list[BaseException] = []
        self.handled: list[QDialog] = []

    def expect(self, cls: type[D], action: Callable[[D], None]) -> None:
        tries = [0]

        def attempt() -> None:
            widget = QApplication.activeModalWidget()
            if not isinstance(widget, cls) or not widget.isVisible():
                tries[0] += 1
                if tries[0] < 1000:
                    QTimer.singleShot(5, attempt)
                return
            self.handled.append(widget)
            try:
                action(widget)
            except BaseException as exc:  # re-raised by check()
                self.errors.append(exc)
                widget.reject()

        QTimer.singleShot(0, attempt)

    def check(self, count: int = 1) -> None:
        if self.errors:
            raise self.errors[0]
        assert len(self.handled) == count


@pytest.fixture
def modal() -> ModalDriver:
    return ModalDriver()


# ------------------------------------------------------------------------- the models


def test_task_model_passes_the_model_tester(controller: Controller, qtmodeltester: Any) -> None:
    services = services_of(controller)
    model = TaskTableModel(services)
    bounds = GroupBounds.at(datetime.now(UTC), local_zone())
    expected = {
        TaskGroup.OVERDUE: [OVERDUE_VISIT],
        TaskGroup.TODAY: [SURVEY_TODAY, CALL_TODAY],
        TaskGroup.THIS_WEEK: [],
        TaskGroup.LATER: [LATER_MEETING],
        TaskGroup.DONE: [DONE_EMAIL],
    }
    for group, wanted in expected.items():
        model.set_filter(TaskList(TaskFilter(), group, bounds))
        qtmodeltester.check(model)
        assert [model.row_at(i).subject for i in range(model.rowCount())] == wanted
        assert model.total == len(wanted)
    model.set_filter(TaskList(TaskFilter(), None, bounds))  # everything
    qtmodeltester.check(model)
    assert model.rowCount() == 5

    model.set_filter(TaskList(TaskFilter(), TaskGroup.OVERDUE, bounds))
    due = model.index(0, column(model, "due"))
    assert model.data(due, Qt.ItemDataRole.ForegroundRole).color() == qcolor(Colour.OVERDUE)
    assert model.index(0, column(model, "customer")).data() == MINGDA
    assert model.index(0, column(model, "assignee")).data() == LINA
    model.set_filter(TaskList(TaskFilter(), TaskGroup.DONE, bounds))
    assert model.index(0, column(model, "done")).data()  # when it was done
    assert model.index(0, column(model, "outcome")).data() == "已发送第二版报价"
    assert not model.canFetchMore(QModelIndex())


def calendar_world(services: Services) -> dict[str, int]:
    """Tasks in the week of Monday 8 April 2030, placed by Shanghai's calendar."""
    lina = person_id(services, LINA)
    owner = services.salespeople.me()
    tasks = services.tasks
    utc = UTC
    ids = {
        # 20:30 UTC Thursday is 04:30 on Friday in Shanghai.
        "lina_friday": tasks.create(
            TaskInput(
                ActivityKind.VISIT,
                "拜访客户周五",
                datetime(2030, 4, 11, 20, 30, tzinfo=utc),
                all_day=False,
                duration_minutes=60,
                assignee_id=lina,
            )
        ),
        # 17:00 UTC Sunday 7 April is 01:00 on Monday 8 April in Shanghai: in the week.
        "owner_monday": tasks.create(
            TaskInput(
                ActivityKind.CALL,
                "周一早会",
                datetime(2030, 4, 7, 17, 0, tzinfo=utc),
                all_day=False,
                duration_minutes=30,
                assignee_id=owner,
            )
        ),
        "nobody_sunday": tasks.create(
            TaskInput(ActivityKind.TODO, "整理名片", datetime(2030, 4, 14, 9, tzinfo=SHANGHAI))
        ),
        # 16:30 UTC Sunday 14 April is already Monday 15 April in Shanghai: next week.
        "next_week": tasks.create(
            TaskInput(
                ActivityKind.CALL,
                "下周的电话",
                datetime(2030, 4, 14, 16, 30, tzinfo=utc),
                all_day=False,
                duration_minutes=30,
                assignee_id=owner,
            )
        ),
    }
    return ids


def cell_ids(model: CalendarModel, row: int, column: int) -> list[int]:
    return [t.id for t in model.index(row, column).data(TASKS_ROLE)]


def test_calendar_model_week_and_month(controller: Controller, qtmodeltester: Any) -> None:
    services = services_of(controller)
    ids = calendar_world(services)
    model = CalendarModel(services)
    model.tz = SHANGHAI
    model.anchor = date(2030, 4, 10)
    model.reload(today=date(2030, 4, 10))
    qtmodeltester.check(model)
    people = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert people == ["王明", LINA, "(nobody)"]  # the owner first, then by name, then nobody
    assert model.columnCount() == 7
    assert model.headerData(4, Qt.Orientation.Horizontal) == "Fri 4/12"
    assert model.title() == f"{format_date(date(2030, 4, 8))} – {format_date(date(2030, 4, 14))}"
    assert cell_ids(model, 1, 4) == [ids["lina_friday"]]  # Li Na's row, Friday (local)
    assert cell_ids(model, 1, 3) == []
    assert cell_ids(model, 0, 0) == [ids["owner_monday"]]
    assert cell_ids(model, 2, 6) == [ids["nobody_sunday"]]
    everything = [i for r in range(3) for c in range(7) for i in cell_ids(model, r, c)]
    assert ids["next_week"] not in everything
    assert model.index(1, 4).data() == "04:30 拜访客户周五"
    assert model.index(0, 0).data(DAY_ROLE) == date(2030, 4, 8)

    # One salesperson only: one row.
    model.assignee_id = person_id(services, LINA)
    model.reload(today=date(2030, 4, 10))
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    assert cell_ids(model, 0, 4) == [ids["lina_friday"]]

    model.assignee_id = None
    model.mode = "month"
    model.reload(today=date(2030, 4, 12))
    qtmodeltester.check(model)
    assert model.title() == "April 2030"
    assert model.rowCount() == 5  # 1 April 2030 is a Monday; 30 days fill five weeks
    assert model.index(0, 0).data(DAY_ROLE) == date(2030, 4, 1)
    assert model.index(4, 6).data(DAY_ROLE) == date(2030, 5, 5)
    assert model.index(1, 4).data(DAY_ROLE) == date(2030, 4, 12)
    assert cell_ids(model, 1, 4) == [ids["lina_friday"]]
    assert cell_ids(model, 2, 0) == [ids["next_week"]]  # Monday 15 April in Shanghai
    assert LINA in model.index(1, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Mon"
    assert model.headerData(1, Qt.Orientation.Vertical) == "Week 15"
    model.move(1)
    assert model.title() == "May 2030"
    qtmodeltester.check(model)


def test_calendar_view_in_the_tab(controller: Controller, qtbot: QtBot) -> None:
    tab = tasks_tab(controller)
    tab.views.setCurrentIndex(1)
    calendar = tab.calendar
    today = datetime.now(calendar.model.tz).date()
    monday = today - timedelta(days=today.weekday())
    assert calendar.title_label.text().startswith(format_date(monday))
    owner_row = 0
    column = today.weekday()
    ids = [t.id for t in calendar.model.index(owner_row, column).data(TASKS_ROLE)]
    assert task_id(services_of(controller), CALL_TODAY) in ids
    click(calendar.month_button)
    assert calendar.model.mode == "month"
    assert calendar.title_label.text() == f"{today:%B %Y}"
    assert calendar.month_button.isChecked() and not calendar.week_button.isChecked()


# ------------------------------------------------------------- add, complete, reschedule


def test_add_complete_and_reschedule_through_the_widgets(
    controller: Controller, qtbot: QtBot, modal: ModalDriver
) -> None:
    services = services_of(controller)
    tab = tasks_tab(controller)
    assert tab.current_group() is TaskGroup.TODAY
    assert subjects(tab) == [SURVEY_TODAY, CALL_TODAY]
    assert shown_count(tab, TaskGroup.TODAY) == 2
    assert shown_count(tab, TaskGroup.OVERDUE) == 1
    assert tab_title(controller, tab) == "Tasks (3)"
    tabs = controller.window.tabs
    assert tabs.tabToolTip(tabs.indexOf(tab)) == "1 overdue, 2 due today"
    huaxia = customer_id(services, HUAXIA)
    today = local_today()
    subject = "拜访华夏，讨论续约"

    def fill(dialog: TaskDialog) -> None:
        assert dialog.windowTitle() == "New Task"
        assert dialog.assignee_combo.currentData() == services.salespeople.me()  # "me"
        type_text(dialog.subject_edit, subject)
        assert dialog.subject_edit.text() == subject
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(ActivityKind.VISIT))
        dialog.date_edit.setDate(QDate(today.year, today.month, today.day))
        type_text(dialog.customer_edit, HUAXIA)
        qtbot.waitUntil(lambda: dialog.customer_edit.customer_id == huaxia)
        press_ok(dialog)

    modal.expect(TaskDialog, fill)
    new_button = tab.findChild(QWidget, "newTaskButton")
    assert new_button is not None
    with qtbot.waitSignal(tab.title_changed, timeout=5000) as title:
        click(new_button)
    modal.check()
    assert title.args == ["Tasks (4)"]
    assert tab_title(controller, tab) == "Tasks (4)"
    assert subject in subjects(tab)
    assert shown_count(tab, TaskGroup.TODAY) == 3
    assert tab.count_label.text() == "3 tasks"
    new_id = task_id(services, subject)
    created = services.tasks.get(new_id)
    assert created.kind is ActivityKind.VISIT
    assert created.customer_id == huaxia
    assert created.all_day
    assert created.due_at.astimezone(local_zone()).date() == today

    # ---- complete it with an outcome
    outcome = "客户同意续约，下周签合同"

    def complete(dialog: CompleteDialog) -> None:
        assert dialog.score_combo is None  # no survey on this one
        type_text(dialog.outcome_edit, outcome)
        press_ok(dialog)

    tab.table.selectRow(row_of(tab, subject))
    assert tab.done_button.isEnabled()
    modal.expect(CompleteDialog, complete)
    with qtbot.waitSignal(tab.title_changed, timeout=5000) as title:
        click(tab.done_button)
    modal.check(2)
    assert title.args == ["Tasks (3)"]
    assert subject not in subjects(tab)
    assert shown_count(tab, TaskGroup.TODAY) == 2
    assert shown_count(tab, TaskGroup.DONE) == 2
    tab.select_group(TaskGroup.DONE)
    assert subject in subjects(tab)
    assert tab.model.row_at(row_of(tab, subject)).outcome == outcome
    # The outcome column shows for done tasks.
    assert not tab.table.isColumnHidden(column(tab.model, "outcome"))
    entries = [
        e
        for e in services.interactions.timeline(huaxia)
        if e.source == "task" and e.ref_id == new_id
    ]
    assert len(entries) == 1
    assert entries[0].title == subject
    assert entries[0].detail == outcome

    # ---- reschedule another one by a day, then undo
    tab.select_group(TaskGroup.TODAY)
    moved = task_id(services, CALL_TODAY)
    before = services.tasks.get(moved).due_at
    tab.table.selectRow(row_of(tab, CALL_TODAY))
    assert tab.reschedule_button.isEnabled() and tab.tomorrow_action.isEnabled()
    assert tab.tomorrow_action in tab.reschedule_menu.actions()
    tab.tomorrow_action.trigger()
    after = services.tasks.get(moved).due_at
    assert after.astimezone(local_zone()) == at_local(today + timedelta(days=1), 10)
    bounds = GroupBounds.at(datetime.now(UTC), local_zone())
    expected = TaskGroup.THIS_WEEK if today.weekday() < 6 else TaskGroup.LATER
    assert bounds.group_of(after, None) is expected
    assert CALL_TODAY not in subjects(tab)
    assert shown_count(tab, TaskGroup.TODAY) == 1
    assert tab_title(controller, tab) == "Tasks (2)"
    tab.select_group(expected)
    assert CALL_TODAY in subjects(tab)

    stack = controller.window.undo_stack
    assert stack.undoText() == "Reschedule 1 task"
    stack.undo()
    assert services.tasks.get(moved).due_at == before
    assert CALL_TODAY not in subjects(tab)
    tab.select_group(TaskGroup.TODAY)
    assert CALL_TODAY in subjects(tab)
    assert tab_title(controller, tab) == "Tasks (3)"

    # Undo the completion too: the task is open again and leaves the history.
    stack.undo()
    assert services.tasks.get(new_id).done_at is None
    assert subject in subjects(tab)
    assert not [e for e in services.interactions.timeline(huaxia) if e.ref_id == new_id]


def test_survey_task_records_a_satisfaction_score(
    controller: Controller, qtbot: QtBot, modal: ModalDriver
) -> None:
    services = services_of(controller)
    tab = tasks_tab(controller)
    survey_task = task_id(services, SURVEY_TODAY)
    huaxia = customer_id(services, HUAXIA)

    def answer(dialog: CompleteDialog) -> None:
        assert dialog.score_combo is not None and dialog.comments_edit is not None
        assert dialog.nps_spin is not None
        dialog.score_combo.setCurrentIndex(dialog.score_combo.findData(4))
        dialog.nps_spin.setValue(9)
        type_text(dialog.comments_edit, "交货及时，服务很好")
        type_text(dialog.outcome_edit, "回访完成")
        press_ok(dialog)

    tab.table.selectRow(row_of(tab, SURVEY_TODAY))
    modal.expect(CompleteDialog, answer)
    click(tab.done_button)
    modal.check()
    assert SURVEY_TODAY not in subjects(tab)
    with services.db.read() as session:
        surveys = session.scalars(
            select(m.SatisfactionSurvey).where(m.SatisfactionSurvey.activity_id == survey_task)
        ).all()
        assert [(s.customer_id, s.score, s.nps, s.comments) for s in surveys] == [
            (huaxia, 4, 9, "交货及时，服务很好")
        ]
    timeline = services.interactions.timeline(huaxia)
    feedback = [e for e in timeline if e.source == "interaction" and e.satisfaction == 4]
    assert len(feedback) == 1 and feedback[0].detail == "交货及时，服务很好"
    done = [e for e in timeline if e.source == "task" and e.ref_id == survey_task]
    assert len(done) == 1 and done[0].detail == "回访完成"


@pytest.mark.parametrize("language", ["zh_CN"])
def test_a_low_score_given_on_the_tasks_tab_is_followed_up_at_once(
    controller: Controller, qtbot: QtBot, modal: ModalDriver
) -> None:
    """A 2 of 5 recorded by completing the survey task: the owner's follow-up call is in
    the list as soon as the dialog closes, in the user's language; Edit ▸ Undo takes the
    answer back with it."""
    from sms_desktop.ui.actions import ActionId

    services = services_of(controller)
    tab = tasks_tab(controller)
    huaxia = customer_id(services, HUAXIA)
    subject = "跟进低满意度：2 分（满分 5）"

    def answer(dialog: CompleteDialog) -> None:
        assert dialog.score_combo is not None
        dialog.score_combo.setCurrentIndex(dialog.score_combo.findData(2))
        assert dialog.comments_edit is not None
        type_text(dialog.comments_edit, "价格太高")
        press_ok(dialog)

    tab.table.selectRow(row_of(tab, SURVEY_TODAY))
    modal.expect(CompleteDialog, answer)
    click(tab.done_button)
    modal.check()
    with services.db.read() as session:
        (follow_up,) = session.scalars(
            select(m.Activity).where(m.Activity.subject.startswith("跟进低满意度"))
        ).all()
        owner = session.get_one(m.Customer, huaxia).owner_id
        assert (follow_up.subject, follow_up.notes) == (subject, "价格太高")
        assert (follow_up.customer_id, follow_up.assignee_id) == (huaxia, owner)
        follow_up_id, due_at = follow_up.id, follow_up.due_at
    assert due_at.astimezone(local_zone()).date() == local_today() + timedelta(days=1)
    group = GroupBounds.at(datetime.now(UTC), local_zone()).group_of(due_at, None)
    assert group is not None
    tab.select_group(group)
    qtbot.waitUntil(lambda: subject in subjects(tab))

    undo = controller.window.actions_by_id[ActionId.UNDO]
    assert undo.isEnabled()
    undo.trigger()
    with services.db.read() as session:
        assert session.get(m.Activity, follow_up_id) is None
    assert services.tasks.get(task_id(services, SURVEY_TODAY)).done_at is None
    qtbot.waitUntil(lambda: subject not in subjects(tab))


def test_a_new_task_due_later_shows_its_group_selected(
    controller: Controller, qtbot: QtBot, modal: ModalDriver
) -> None:
    """Added from 今天 with a date next month: the list goes to 以后 and selects it, instead of
    staying on 今天 without it."""
    tab = tasks_tab(controller)
    assert tab.current_group() is TaskGroup.TODAY
    later = local_today() + timedelta(days=40)

    def fill(dialog: TaskDialog) -> None:
        type_text(dialog.subject_edit, "季度回访")
        dialog.date_edit.setDate(QDate(later.year, later.month, later.day))
        press_ok(dialog)

    modal.expect(TaskDialog, fill)
    button = tab.findChild(QWidget, "newTaskButton")
    assert button is not None
    click(button)
    modal.check()
    assert tab.current_group() is TaskGroup.LATER
    selected = tab.table.selectionModel().selectedRows()
    assert [tab.model.row_at(i.row()).subject for i in selected] == ["季度回访"]


def test_empty_subject_keeps_the_dialog_open(
    controller: Controller, qtbot: QtBot, modal: ModalDriver
) -> None:
    services = services_of(controller)
    tab = tasks_tab(controller)
    seen: dict[str, Any] = {}

    def try_empty(dialog: TaskDialog) -> None:
        press_ok(dialog)  # nothing typed
        seen["open"] = dialog.isVisible()
        seen["result"] = dialog.result()
        seen["error"] = dialog.errors.text("subject")
        dialog.subject_edit.setText("   ")  # blanks only: still nothing to do
        press_ok(dialog)
        seen["open_again"] = dialog.isVisible()
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        click(box.button(QDialogButtonBox.StandardButton.Cancel))

    modal.expect(TaskDialog, try_empty)
    assert tab.new_task() is None
    modal.check()
    assert seen == {
        "open": True,
        "result": 0,
        "error": "Enter what is to be done.",
        "open_again": True,
    }
    with services.db.read() as session:
        assert len(session.scalars(select(m.Activity.id)).all()) == 5
    assert controller.window.undo_stack.count() == 0


# ------------------------------------------------------------------------- reminders


def test_reminders_fire_once_on_a_test_clock(services: Services, qtbot: QtBot) -> None:
    now = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)
    clock = [now]
    tasks = services.tasks

    def timed(subject: str, due: datetime, remind_before: timedelta) -> int:
        return tasks.create(
            TaskInput(
                ActivityKind.CALL,
                subject,
                due,
                all_day=False,
                duration_minutes=30,
                remind_at=due - remind_before,
            )
        )

    due_now = timed("十点的电话", now + timedelta(minutes=10), timedelta(minutes=15))
    later = timed("下午的电话", now + timedelta(hours=3), timedelta(minutes=30))
    done = timed("已经打过的电话", now, timedelta(minutes=30))
    tasks.complete(done, "ok", now=now)
    no_reminder = tasks.create(TaskInput(ActivityKind.TODO, "没有提醒", now))

    reminders = ReminderClock(tasks, now=lambda: clock[0])
    assert not reminders.timer.isActive()
    with qtbot.waitSignal(reminders.due, timeout=1000) as fired:
        reminders.check()
    assert [r.id for r in fired.args[0]] == [due_now]
    assert fired.args[0][0].subject == "十点的电话"

    spy = QSignalSpy(reminders.due)
    assert reminders.check() == []
    assert spy.count() == 0  # each reminder once

    clock[0] = now + timedelta(hours=2, minutes=31)
    assert [r.id for r in reminders.check()] == [later]
    assert spy.count() == 1
    assert [r.id for r in spy.at(0)[0]] == [later]
    clock[0] = now + timedelta(days=2)
    assert reminders.check() == []
    assert spy.count() == 1
    assert no_reminder not in {r.id for r in tasks.due_reminders(clock[0])}

    # A rescheduled task reminds again, at its new time.
    tasks.reschedule([later], days=3, tz=UTC)
    assert reminders.check() == []
    clock[0] = now + timedelta(days=3, hours=2, minutes=31)
    assert [r.id for r in reminders.check()] == [later]


def test_reminder_is_shown_by_the_tab(controller: Controller, qtbot: QtBot) -> None:
    services = services_of(controller)
    tab = tasks_tab(controller)
    now = datetime.now(UTC)
    reminded = services.tasks.create(
        TaskInput(
            ActivityKind.CALL,
            "提醒我：致电明达",
            now + timedelta(minutes=5),
            all_day=False,
            duration_minutes=15,
            remind_at=now - timedelta(minutes=1),
        )
    )
    clock = ReminderClock(services.tasks, now=lambda: now, parent=tab)
    clock.due.connect(tab._on_reminders_due)
    with qtbot.waitSignal(tab.status_message, timeout=2000) as message:
        clock.check()
    assert [r.id for r in tab.last_reminder] == [reminded]
    assert str(message.args[0]).startswith("Reminder: ")
    assert "提醒我：致电明达" in str(message.args[0])
    panel = tab.findChild(ReminderPanel, "reminderBox")
    assert panel is not None and panel.isVisible()
    assert panel.windowModality() == Qt.WindowModality.NonModal
    assert panel.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    panel.mark_seen()


def test_a_reminder_storm_is_one_window_that_loses_none(
    controller: Controller, qtbot: QtBot
) -> None:
    """80 reminders due at once: one window, no modal box, none dropped (the clock reports
    50 per check: two checks list all 80); snooze re-arms them all, Mark All Seen hides it."""
    services = services_of(controller)
    tab = tasks_tab(controller)
    now = datetime.now(UTC)
    ids = [
        services.tasks.create(
            TaskInput(
                ActivityKind.CALL,
                f"回访客户 {n}",
                now + timedelta(minutes=5),
                all_day=False,
                duration_minutes=15,
                remind_at=now - timedelta(minutes=1),
            )
        )
        for n in range(80)
    ]
    clock = ReminderClock(services.tasks, now=lambda: now, parent=tab)
    clock.due.connect(tab._on_reminders_due)
    clock.check()
    clock.check()
    panels = tab.findChildren(ReminderPanel)
    assert len(panels) == 1 and not any(
        isinstance(w, QMessageBox) for w in tab.findChildren(QMessageBox)
    )
    panel = panels[0]
    assert sorted(r.id for r in panel.rows()) == sorted(ids)
    assert panel.list.count() == 80 and "80" in panel.windowTitle()
    panel.snooze_button.click()
    assert not panel.isVisible() and panel.rows() == []
    assert services.tasks.due_reminders(now) == []  # snoozed: not due now …
    later = services.tasks.due_reminders(now + timedelta(minutes=11))
    assert len(later) == 50  # … but again in ten minutes (the first 50 of them)
    clock2 = ReminderClock(services.tasks, now=lambda: now + timedelta(minutes=11), parent=tab)
    clock2.due.connect(tab._on_reminders_due)
    clock2.check()
    assert panel.isVisible() and panel.list.count() == 50
    panel.seen_button.click()
    assert not panel.isVisible()


# ------------------------------------------------------------------ filters and context


def activate(combo: Any, data: object) -> None:
    """Choose an entry as a user does (``activated`` is what the tab listens to)."""
    index = combo.findData(data)
    assert index >= 0
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_filters_narrow_the_list(controller: Controller, qtbot: QtBot) -> None:
    services = services_of(controller)
    tab = tasks_tab(controller)
    lina = person_id(services, LINA)
    assert [tab.assignee_combo.itemText(i) for i in range(tab.assignee_combo.count())] == [
        "Everyone",
        "王明",
        LINA,
    ]
    activate(tab.assignee_combo, lina)
    assert subjects(tab) == [SURVEY_TODAY]
    assert shown_count(tab, TaskGroup.OVERDUE) == 1
    assert shown_count(tab, TaskGroup.LATER) == 0
    # The title counts everyone's overdue and today, whatever the list is filtered to.
    assert tab_title(controller, tab) == "Tasks (3)"

    activate(tab.kind_combo, ActivityKind.CALL)
    assert subjects(tab) == []
    assert tab.count_label.text() == "0 tasks"
    activate(tab.assignee_combo, None)
    assert subjects(tab) == [CALL_TODAY]
    activate(tab.kind_combo, None)
    assert subjects(tab) == [SURVEY_TODAY, CALL_TODAY]

    type_text(tab.search_edit, "明达")
    qtbot.waitUntil(lambda: shown_count(tab, TaskGroup.TODAY) == 0)
    assert subjects(tab) == []
    assert shown_count(tab, TaskGroup.OVERDUE) == 1  # by the customer's name
    tab.search_edit.clear()
    type_text(tab.search_edit, "满意度")
    qtbot.waitUntil(lambda: subjects(tab) == [SURVEY_TODAY])
    tab.search_edit.setText("Q4")  # in the notes
    qtbot.waitUntil(lambda: shown_count(tab, TaskGroup.LATER) == 1)
    assert shown_count(tab, TaskGroup.TODAY) == 0
    tab.search_edit.setText("%")  # a LIKE wildcard is taken literally
    qtbot.waitUntil(lambda: shown_count(tab, TaskGroup.LATER) == 0)
    tab.search_edit.clear()
    qtbot.waitUntil(lambda: shown_count(tab, TaskGroup.TODAY) == 2)


def test_show_for_a_customer_and_clear(controller: Controller, qtbot: QtBot) -> None:
    services = services_of(controller)
    tab = tasks_tab(controller)
    huaxia = customer_id(services, HUAXIA)
    mingda = customer_id(services, MINGDA)

    tab.show_for(customer=(mingda, MINGDA))
    assert tab.context_label.isVisibleTo(tab)
    assert tab.context_label.text() == f"Customer: {MINGDA}"
    assert tab.current_group() is TaskGroup.OVERDUE  # the first group with anything in it
    assert subjects(tab) == [OVERDUE_VISIT]
    assert shown_count(tab, TaskGroup.TODAY) == 0
    assert tab.context().customer_id == mingda

    tab.show_for(customer=(huaxia, HUAXIA))
    assert tab.current_group() is TaskGroup.TODAY
    assert subjects(tab) == [SURVEY_TODAY, CALL_TODAY]
    assert shown_count(tab, TaskGroup.OVERDUE) == 0
    assert shown_count(tab, TaskGroup.DONE) == 1

    click(tab.clear_context_button)
    assert not tab.context_label.isVisibleTo(tab)
    assert shown_count(tab, TaskGroup.OVERDUE) == 1
    assert shown_count(tab, TaskGroup.TODAY) == 2
    assert tab.context().customer_id is None


def test_task_request_from_another_tab_opens_the_tasks(controller: Controller) -> None:
    services = services_of(controller)
    window = controller.window
    assert window.show_tab("customers")
    tab = window.tab_widget("tasksTab")
    assert isinstance(tab, TasksTab)
    mingda = customer_id(services, MINGDA)
    window.navigate(TaskRequest("show", customer_id=mingda, customer_name=MINGDA))
    assert window.tabs.currentWidget() is tab
    assert tab.context_label.text() == f"Customer: {MINGDA}"
    assert subjects(tab) == [OVERDUE_VISIT]
    assert tab.model.filter.filter.customer_id == mingda


# --------------------------------------------------------------------------- export


def export_ics(tab: TasksTab, path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> int:
    """Export ▸ To Calendar, as the user triggers it, saved at ``path``: the events written."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), ""))
    tab.export_ics_action.trigger()
    qtbot.waitUntil(path.exists, timeout=10000)
    return len(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def test_export_ics_of_the_current_group(
    controller: Controller, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = services_of(controller)
    tab = tasks_tab(controller)
    database_id = services.settings.database_id()
    path = tmp_path / "today.ics"
    assert export_ics(tab, path, qtbot, monkeypatch) == 2
    parsed = Calendar.from_ical(path.read_bytes())
    uids = sorted(str(e["UID"]) for e in parsed.walk("VEVENT"))
    assert uids == sorted(
        task_uid(task_id(services, s), database_id) for s in (CALL_TODAY, SURVEY_TODAY)
    )
    summaries = {str(e["SUMMARY"]) for e in parsed.walk("VEVENT")}
    assert f"[Call] {CALL_TODAY} · {HUAXIA}" in summaries
    assert f"[Follow-up visit] {SURVEY_TODAY} · {HUAXIA}" in summaries

    tab.select_group(TaskGroup.DONE)
    again = tmp_path / "done.ics"
    assert export_ics(tab, again, qtbot, monkeypatch) == tab.model.total == 1
    done = Calendar.from_ical(again.read_bytes())
    (event,) = done.walk("VEVENT")
    assert str(event["UID"]) == task_uid(task_id(services, DONE_EMAIL), database_id)
    assert "已发送第二版报价" in str(event["DESCRIPTION"])

    # A selection of several tasks exports just those.
    tab.select_group(TaskGroup.TODAY)
    tab.table.selectAll()
    assert export_ics(tab, tmp_path / "selected.ics", qtbot, monkeypatch) == 2


def test_export_menu_writes_the_ics_file(
    controller: Controller, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The menu command, as the user triggers it: ``triggered(bool)`` must not reach the
    ``path`` parameter (it once arrived as ``False`` and failed with AttributeError)."""
    tab = tasks_tab(controller)
    target = tmp_path / "from-menu.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    tab.export_ics_action.trigger()
    qtbot.waitUntil(target.exists, timeout=10000)
    assert len(Calendar.from_ical(target.read_bytes()).walk("VEVENT")) == 2
    status = controller.window.statusBar()
    qtbot.waitUntil(lambda: "Exported 2 tasks" in status.currentMessage())


@pytest.mark.parametrize("language", ["zh_CN"])
def test_in_chinese(
    controller: Controller, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = services_of(controller)
    tab = tasks_tab(controller)
    assert tab_title(controller, tab) == "任务 (3)"
    assert group_text(tab, TaskGroup.TODAY) == "今天  (2)"
    assert group_text(tab, TaskGroup.OVERDUE) == "已逾期  (1)"
    assert tab.model.index(row_of(tab, CALL_TODAY), column(tab.model, "kind")).data() == "电话"

    dialog = TaskDialog(services, lambda _data: None, parent=tab)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.errors.text("subject") == "请填写要做的事项。"

    tab.show_for(customer=(customer_id(services, HUAXIA), HUAXIA))
    assert tab.context_label.text() == f"客户：{HUAXIA}"
    path = tmp_path / "任务.ics"
    assert export_ics(tab, path, qtbot, monkeypatch) == 2
    summaries = {str(e["SUMMARY"]) for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}
    assert summaries == {f"[电话] {CALL_TODAY} · {HUAXIA}", f"[回访] {SURVEY_TODAY} · {HUAXIA}"}

    tab.views.setCurrentIndex(1)
    tab.calendar.set_mode("month")
    today = datetime.now(tab.calendar.model.tz).date()
    assert tab.calendar.title_label.text() == f"{today.year}年{today.month}月"
    assert tab.calendar.model.headerData(0, Qt.Orientation.Horizontal) == "周一"


def test_edit_delete_and_undo(controller: Controller, qtbot: QtBot, modal: ModalDriver) -> None:
    services = services_of(controller)
    tab = tasks_tab(controller)
    meeting = task_id(services, LATER_MEETING)
    tab.select_group(TaskGroup.LATER)
    before = services.tasks.get(meeting)

    def rename(dialog: TaskDialog) -> None:
        assert dialog.windowTitle() == "Task"
        assert dialog.subject_edit.text() == LATER_MEETING
        dialog.subject_edit.clear()
        type_text(dialog.subject_edit, "年度销售会议")
        dialog.reminder_combo.setCurrentIndex(dialog.reminder_combo.findData(60))
        press_ok(dialog)

    modal.expect(TaskDialog, rename)
    tab.table.selectRow(row_of(tab, LATER_MEETING))
    tab.edit_action.trigger()
    modal.check()
    edited = services.tasks.get(meeting)
    assert edited.subject == "年度销售会议"
    assert edited.remind_at == edited.due_at - timedelta(hours=1)
    assert edited.due_at == before.due_at
    assert subjects(tab) == ["年度销售会议"]

    stack = controller.window.undo_stack
    stack.undo()
    restored = services.tasks.get(meeting)
    assert (restored.subject, restored.remind_at, restored.due_at) == (
        LATER_MEETING,
        None,
        before.due_at,
    )
    assert subjects(tab) == [LATER_MEETING]

    tab.table.selectRow(0)
    tab.delete_action.trigger()
    assert subjects(tab) == []
    assert shown_count(tab, TaskGroup.LATER) == 0
    stack.undo()
    assert subjects(tab) == [LATER_MEETING]
    stack.redo()
    assert shown_count(tab, TaskGroup.LATER) == 0


def test_completing_a_recurring_task_schedules_the_next(
    controller: Controller, qtbot: QtBot, modal: ModalDriver
) -> None:
    from sms_desktop.domain.enums import RecurrenceUnit

    services = services_of(controller)
    tab = tasks_tab(controller)
    today = local_today()
    monthly = services.tasks.create(
        TaskInput(
            ActivityKind.VISIT,
            "每月拜访华夏",
            at_local(today, 9),
            customer_id=customer_id(services, HUAXIA),
            recurrence_unit=RecurrenceUnit.MONTH,
            recurrence_interval=1,
        )
    )
    tab.refresh()
    assert "↻" in tab.model.index(row_of(tab, "每月拜访华夏"), column(tab.model, "flags")).data()
    modal.expect(CompleteDialog, press_ok)
    tab.table.selectRow(row_of(tab, "每月拜访华夏"))
    with qtbot.waitSignal(tab.status_message, timeout=5000) as message:
        tab.done_action.trigger()
    modal.check()
    assert "Next one:" in str(message.args[0])
    with services.db.read() as session:
        following = session.scalars(
            select(m.Activity).where(m.Activity.previous_id == monthly)
        ).one()
        next_id, next_due = following.id, following.due_at
    assert next_due.astimezone(local_zone()).date() > today
    assert services.tasks.get(monthly).done_at is not None
    controller.window.undo_stack.undo()
    assert services.tasks.get(monthly).done_at is None
    with services.db.read() as session:
        assert session.get(m.Activity, next_id) is None


def test_undo_of_a_reschedule_does_not_remind_again(controller: Controller, qtbot: QtBot) -> None:
    services = services_of(controller)
    tab = tasks_tab(controller)
    now = datetime.now(UTC)
    bounds = GroupBounds.at(now, local_zone())
    due = max(now + timedelta(minutes=10), bounds.today + timedelta(minutes=20))
    soon = services.tasks.create(
        TaskInput(
            ActivityKind.CALL,
            "马上要打的电话",
            due,
            all_day=False,
            duration_minutes=15,
            remind_at=due - timedelta(minutes=15),
        )
    )
    clock = ReminderClock(services.tasks, now=lambda: due - timedelta(minutes=5), parent=tab)
    assert [r.id for r in clock.check()] == [soon]  # shown once

    tab.refresh()
    tab.select_group(bounds.group_of(due, None) or TaskGroup.TODAY)
    tab.table.selectRow(row_of(tab, "马上要打的电话"))
    tab.tomorrow_action.trigger()
    assert services.tasks.get(soon).due_at == due + timedelta(days=1)
    assert clock.check() == []
    controller.window.undo_stack.undo()
    assert services.tasks.get(soon).due_at == due
    assert clock.check() == []  # it was shown already, before the reschedule


def test_reminder_box_shows_markup_literally(controller: Controller, qtbot: QtBot) -> None:
    services = services_of(controller)
    tab = tasks_tab(controller)
    now = datetime.now(UTC)
    subject = "报价 <b>加急</b>"
    services.tasks.create(
        TaskInput(
            ActivityKind.CALL,
            subject,
            now + timedelta(minutes=5),
            all_day=False,
            duration_minutes=15,
            remind_at=now - timedelta(minutes=1),
        )
    )
    clock = ReminderClock(services.tasks, now=lambda: now, parent=tab)
    clock.due.connect(tab._on_reminders_due)
    with qtbot.waitSignal(clock.due, timeout=2000):
        clock.check()
    panel = tab.findChild(ReminderPanel, "reminderBox")
    assert panel is not None
    shown = panel.list.item(0).text()  # a list item shows its text as plain text
    panel.mark_seen()
    assert subject in shown


def test_an_empty_group_says_so_and_how_to_add(controller: Controller, qtbot: QtBot) -> None:
    tab = tasks_tab(controller)
    tab.search_edit.setText("no-such-task-anywhere")
    qtbot.waitUntil(lambda: tab.model.total == 0)
    assert tab.empty_label.isVisible()
    assert "filters" in tab.empty_label.text()
    tab.search_edit.clear()
    qtbot.waitUntil(lambda: tab.model.total > 0)
    assert not tab.empty_label.isVisible()


def test_a_task_done_yesterday_is_recorded_as_done_yesterday(
    controller: Controller, qtbot: QtBot, modal: ModalDriver
) -> None:
    services = services_of(controller)
    tab = tasks_tab(controller)
    survey_task = task_id(services, SURVEY_TODAY)
    yesterday = QDateTime.currentDateTime().addDays(-1)

    def backdate(dialog: CompleteDialog) -> None:
        assert dialog.done_edit.maximumDateTime() >= yesterday
        dialog.done_edit.setDateTime(yesterday)
        press_ok(dialog)

    tab.table.selectRow(row_of(tab, SURVEY_TODAY))
    modal.expect(CompleteDialog, backdate)
    click(tab.done_button)
    modal.check()
    with services.db.read() as session:
        row = session.get(m.Activity, survey_task)
        assert row is not None and row.done_at is not None
        expected = datetime.fromtimestamp(yesterday.toSecsSinceEpoch(), UTC)
        assert abs((row.done_at - expected).total_seconds()) < 1
