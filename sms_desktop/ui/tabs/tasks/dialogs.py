"""Task dialogs: add/edit a task, mark it done (with a survey), follow-up plans."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from html import escape
from typing import Generic, TypeVar

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.clock import clock, local_zone
from sms_desktop.domain.enums import ActivityKind, FollowUpTrigger, RecurrenceUnit
from sms_desktop.domain.errors import DomainError, ValidationError
from sms_desktop.domain.i18n import translate
from sms_desktop.services.followups import FollowUpPlanRow, PlanInput, PlanStep
from sms_desktop.services.registry import Services
from sms_desktop.services.tasks import SurveyInput, TaskInput, TaskRow, clean_task
from sms_desktop.ui.edit import accept_saved, run_edit
from sms_desktop.ui.formatting import date_format, format_date, from_qdate, to_qdate
from sms_desktop.ui.tabs.tasks.presentation import kind_icon, kind_label, unit_label
from sms_desktop.ui.widgets.customer_picker import CustomerPicker
from sms_desktop.ui.widgets.dialog_layout import ok_cancel_layout
from sms_desktop.ui.widgets.field_errors import FieldErrors

REMINDER_CHOICES = (None, 0, 5, 15, 30, 60, 120, 24 * 60)  # minutes before the due time


def fill_kinds(combo: QComboBox) -> None:
    for kind in ActivityKind:
        combo.addItem(kind_icon(kind), kind_label(kind), kind)


@dataclass(frozen=True, slots=True)
class TaskContext:
    """Defaults for a new task: the customer or deal it is opened from, the day."""

    customer_id: int | None = None
    customer_name: str = ""
    opportunity_id: int | None = None
    day: date | None = None
    kind: ActivityKind = ActivityKind.CALL
    assignee_id: int | None = None  # default: the owner ("me")


R = TypeVar("R")


class TaskDialog(QDialog, Generic[R]):
    """Add or edit a task. ``save`` (the caller's) saves the cleaned input and returns what
    the caller needs afterwards, kept in ``saved``; a ValidationError is shown beside the
    fields and the dialog closes only when saving succeeded."""

    def __init__(
        self,
        services: Services,
        save: Callable[[TaskInput], R],
        *,
        task: TaskRow | None = None,
        context: TaskContext = TaskContext(),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("taskDialog")
        self.setWindowTitle(self.tr("Task") if task else self.tr("New Task"))
        self._services, self._save = services, save
        self.saved: R | None = None
        self._tz = local_zone()
        self.errors = FieldErrors(self)
        form = QFormLayout()
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("taskKind")
        fill_kinds(self.kind_combo)
        self.errors.add_row(form, "kind", self.tr("Type:"), self.kind_combo)
        self.subject_edit = QLineEdit(self)
        self.subject_edit.setObjectName("taskSubject")
        self.subject_edit.setPlaceholderText(self.tr("e.g. Call about the renewal"))
        self.errors.add_row(form, "subject", self.tr("Subject:"), self.subject_edit)

        when = QWidget(self)
        when_layout = QHBoxLayout(when)
        when_layout.setContentsMargins(0, 0, 0, 0)
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("taskDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(date_format())
        self.time_edit = QTimeEdit(self)
        self.time_edit.setObjectName("taskTime")
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setTime(QTime(10, 0))
        self.all_day_check = QCheckBox(self.tr("All day"), self)
        self.all_day_check.setObjectName("taskAllDay")
        self.all_day_check.toggled.connect(self._on_all_day_toggled)
        self.duration_spin = QSpinBox(self)
        self.duration_spin.setRange(5, 24 * 60)
        self.duration_spin.setSingleStep(15)
        self.duration_spin.setValue(30)
        self.duration_spin.setSuffix(self.tr(" min"))
        self.duration_spin.setPrefix(self.tr("for "))
        when_layout.addWidget(self.date_edit, 1)
        when_layout.addWidget(self.time_edit)
        when_layout.addWidget(self.duration_spin)
        when_layout.addWidget(self.all_day_check)
        self.errors.add_row(form, "due_at", self.tr("Due:"), when)
        self.errors.watch("duration_minutes", self.duration_spin)

        self.customer_edit = CustomerPicker(services, self)
        self.customer_edit.setObjectName("taskCustomer")
        self.customer_edit.setPlaceholderText(self.tr("Type to search customers (optional)"))
        self.customer_edit.editingFinished.connect(self._fill_customer_choices)
        self.errors.add_row(form, "customer_id", self.tr("Customer:"), self.customer_edit)
        self.contact_combo = QComboBox(self)
        self.errors.add_row(form, "contact_id", self.tr("Contact:"), self.contact_combo)
        self.opportunity_combo = QComboBox(self)
        self.opportunity_combo.setObjectName("taskOpportunity")
        self.errors.add_row(form, "opportunity_id", self.tr("Opportunity:"), self.opportunity_combo)
        self.assignee_combo = QComboBox(self)
        self.assignee_combo.setObjectName("taskAssignee")
        self.assignee_combo.addItem(self.tr("(nobody)"), None)
        for person in services.salespeople.list(active_only=True):
            self.assignee_combo.addItem(person.name, person.id)
        self.errors.add_row(form, "assignee_id", self.tr("Assigned to:"), self.assignee_combo)

        self.reminder_combo = QComboBox(self)
        self.reminder_combo.setObjectName("taskReminder")
        for minutes in REMINDER_CHOICES:
            self.reminder_combo.addItem(self._reminder_text(minutes), minutes)
        self.errors.add_row(form, "remind_at", self.tr("Reminder:"), self.reminder_combo)

        repeat = QWidget(self)
        repeat_layout = QHBoxLayout(repeat)
        repeat_layout.setContentsMargins(0, 0, 0, 0)
        self.repeat_check = QCheckBox(self.tr("Every"), self)
        self.repeat_check.setObjectName("taskRepeat")
        self.interval_spin = QSpinBox(self)
        self.interval_spin.setRange(1, 366)
        self.unit_combo = QComboBox(self)
        for unit in RecurrenceUnit:
            self.unit_combo.addItem(unit_label(unit), unit)
        self.unit_combo.setCurrentIndex(self.unit_combo.findData(RecurrenceUnit.MONTH))
        self.until_check = QCheckBox(self.tr("until"), self)
        self.until_edit = QDateEdit(self)
        self.until_edit.setCalendarPopup(True)
        self.until_edit.setDisplayFormat(date_format())
        self.until_edit.setDate(QDate.currentDate().addYears(1))
        for widget in (self.interval_spin, self.unit_combo, self.until_check, self.until_edit):
            repeat_layout.addWidget(widget)
        repeat_layout.insertWidget(0, self.repeat_check)
        repeat_layout.addStretch(1)
        self.repeat_check.toggled.connect(self._update_enabled)
        self.until_check.toggled.connect(self._update_enabled)
        self.errors.add_row(form, "recurrence_interval", self.tr("Repeat:"), repeat)
        self.errors.watch("recurrence_until", self.until_edit)

        self.survey_check = QCheckBox(self.tr("Ask for a satisfaction score when done"), self)
        self.survey_check.setObjectName("taskSurvey")
        self.errors.add_row(form, "with_survey", "", self.survey_check)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)  # Tab moves on, as in a form
        self.notes_edit.setFixedHeight(70)
        self.errors.add_row(form, "notes", self.tr("Notes:"), self.notes_edit)
        ok_cancel_layout(self, form, self.errors.form_label)
        self.setMinimumWidth(520)

        if task is not None:
            self._load(task)
        else:
            self._defaults(context)
        self._update_enabled()

    def _reminder_text(self, minutes: int | None) -> str:
        if minutes is None:
            return self.tr("None")
        if minutes == 0:
            return self.tr("At the due time")
        if minutes < 60:
            return self.tr("{n} minutes before").format(n=minutes)
        if minutes < 24 * 60:
            return self.tr("{n} hour(s) before").format(n=minutes // 60)
        return self.tr("1 day before")

    def _defaults(self, context: TaskContext) -> None:
        today = clock().now().astimezone(self._tz).date()
        self.date_edit.setDate(to_qdate(context.day or today))
        self.all_day_check.setChecked(True)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(context.kind)))
        me = context.assignee_id or self._services.salespeople.me()
        if context.customer_id is not None:
            self.customer_edit.set_customer(context.customer_id, context.customer_name)
        self._fill_customer_choices()
        if context.opportunity_id is not None:
            index = self.opportunity_combo.findData(context.opportunity_id)
            self.opportunity_combo.setCurrentIndex(max(0, index))
        self.assignee_combo.setCurrentIndex(max(0, self.assignee_combo.findData(me)))

    def _load(self, task: TaskRow) -> None:
        local = task.due_at.astimezone(self._tz)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(task.kind)))
        self.subject_edit.setText(task.subject)
        self.date_edit.setDate(to_qdate(local.date()))
        self.time_edit.setTime(QTime(local.hour, local.minute))
        self.all_day_check.setChecked(task.all_day)
        if task.duration_minutes:
            self.duration_spin.setValue(task.duration_minutes)
        self.customer_edit.set_customer(task.customer_id, task.customer or "")
        self._fill_customer_choices()
        self.contact_combo.setCurrentIndex(max(0, self.contact_combo.findData(task.contact_id)))
        self.opportunity_combo.setCurrentIndex(
            max(0, self.opportunity_combo.findData(task.opportunity_id))
        )
        self.assignee_combo.setCurrentIndex(max(0, self.assignee_combo.findData(task.assignee_id)))
        if task.remind_at is not None:
            before = int((task.due_at - task.remind_at).total_seconds() // 60)
            index = self.reminder_combo.findData(before)
            if index < 0:
                self.reminder_combo.addItem(self._reminder_text(before), before)
                index = self.reminder_combo.count() - 1
            self.reminder_combo.setCurrentIndex(index)
        if task.recurrence_unit is not None:
            self.repeat_check.setChecked(True)
            self.interval_spin.setValue(task.recurrence_interval or 1)
            self.unit_combo.setCurrentIndex(self.unit_combo.findData(task.recurrence_unit))
            if task.recurrence_until is not None:
                self.until_check.setChecked(True)
                self.until_edit.setDate(to_qdate(task.recurrence_until))
        self.survey_check.setChecked(task.with_survey)
        self.notes_edit.setPlainText(task.notes or "")

    def _on_all_day_toggled(self, _on: bool) -> None:
        self._update_enabled()

    def _update_enabled(self) -> None:
        timed = not self.all_day_check.isChecked()
        self.time_edit.setEnabled(timed)
        self.duration_spin.setEnabled(timed)
        repeat = self.repeat_check.isChecked()
        for widget in (self.interval_spin, self.unit_combo, self.until_check):
            widget.setEnabled(repeat)
        self.until_edit.setEnabled(repeat and self.until_check.isChecked())

    def _fill_customer_choices(self) -> None:
        contact, deal = self.contact_combo.currentData(), self.opportunity_combo.currentData()
        self.contact_combo.clear()
        self.contact_combo.addItem(self.tr("(none)"), None)
        self.opportunity_combo.clear()
        self.opportunity_combo.addItem(self.tr("(none)"), None)
        customer_id = self.customer_edit.customer_id
        self.contact_combo.setEnabled(customer_id is not None)
        self.opportunity_combo.setEnabled(customer_id is not None)
        if customer_id is None:
            return
        try:
            detail = self._services.customers.get(customer_id)
            deals = self._services.tasks.open_deals(customer_id)
        except DomainError:
            return
        for person in detail.contacts:
            self.contact_combo.addItem(person.name, person.id)
        for row in deals:
            self.opportunity_combo.addItem(row.title, row.id)
        self.contact_combo.setCurrentIndex(max(0, self.contact_combo.findData(contact)))
        self.opportunity_combo.setCurrentIndex(max(0, self.opportunity_combo.findData(deal)))

    def value(self) -> TaskInput:
        day = from_qdate(self.date_edit.date())
        all_day = self.all_day_check.isChecked()
        clock = self.time_edit.time()
        local_time = time(9) if all_day else time(clock.hour(), clock.minute())
        due = datetime.combine(day, local_time, tzinfo=self._tz)
        minutes = self.reminder_combo.currentData()
        remind = None if minutes is None else due - timedelta(minutes=int(minutes))
        repeat = self.repeat_check.isChecked()
        customer_id = self.customer_edit.customer_id
        if customer_id is None and self.customer_edit.text().strip():
            raise ValidationError(
                {
                    "customer_id": translate(
                        "TaskDialog", "Choose a customer from the list, or leave it empty."
                    )
                }
            )
        return TaskInput(
            kind=self.kind_combo.currentData(),
            subject=self.subject_edit.text(),
            due_at=due,
            all_day=all_day,
            duration_minutes=None if all_day else self.duration_spin.value(),
            notes=self.notes_edit.toPlainText(),
            assignee_id=self.assignee_combo.currentData(),
            customer_id=customer_id,
            contact_id=self.contact_combo.currentData(),
            opportunity_id=self.opportunity_combo.currentData(),
            remind_at=remind,
            recurrence_unit=self.unit_combo.currentData() if repeat else None,
            recurrence_interval=self.interval_spin.value() if repeat else None,
            recurrence_until=(
                from_qdate(self.until_edit.date())
                if repeat and self.until_check.isChecked()
                else None
            ),
            with_survey=self.survey_check.isChecked(),
        )

    def accept(self) -> None:
        self.saved = accept_saved(self, lambda: self._save(clean_task(self.value())), self.errors)


class CompleteDialog(QDialog):
    """Mark a task done: what came of it, and the score when it carries a survey."""

    def __init__(self, task: TaskRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("completeTaskDialog")
        self.setWindowTitle(self.tr("Mark Done"))
        self.errors = FieldErrors(self)
        form = QFormLayout()
        title = QLabel(f"<b>{escape(task.subject)}</b>", self)
        title.setWordWrap(True)
        form.addRow(title)
        if task.customer:
            form.addRow(self.tr("Customer:"), QLabel(task.customer, self))
        self.outcome_edit = QPlainTextEdit(self)
        self.outcome_edit.setTabChangesFocus(True)  # Tab moves on, as in a form
        self.outcome_edit.setObjectName("taskOutcome")
        self.outcome_edit.setPlaceholderText(self.tr("What came of it? (optional)"))
        self.outcome_edit.setFixedHeight(80)
        self.errors.add_row(form, "outcome", self.tr("Outcome:"), self.outcome_edit)
        self.done_edit = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.done_edit.setObjectName("taskDoneAt")
        self.done_edit.setCalendarPopup(True)
        self.done_edit.setDisplayFormat(date_format() + " HH:mm")
        self.done_edit.setMaximumDateTime(QDateTime.currentDateTime())
        self.done_edit.setToolTip(self.tr("When it was done: earlier if you record it late"))
        self.errors.add_row(form, "done_at", self.tr("Done at:"), self.done_edit)
        self.score_combo: QComboBox | None = None
        self.nps_spin: QSpinBox | None = None
        self.comments_edit: QLineEdit | None = None
        if task.with_survey and task.customer_id is not None:
            self.score_combo = QComboBox(self)
            self.score_combo.setObjectName("surveyScore")
            self.score_combo.addItem(self.tr("(not asked)"), None)
            for score in range(5, 0, -1):
                self.score_combo.addItem("★" * score + "☆" * (5 - score), score)
            self.errors.add_row(form, "score", self.tr("Satisfaction:"), self.score_combo)
            self.nps_spin = QSpinBox(self)
            self.nps_spin.setRange(-1, 10)
            self.nps_spin.setValue(-1)
            self.nps_spin.setSpecialValueText(self.tr("(not asked)"))
            self.errors.add_row(form, "nps", self.tr("Would recommend (0–10):"), self.nps_spin)
            self.comments_edit = QLineEdit(self)
            self.errors.add_row(form, "comments", self.tr("Customer's words:"), self.comments_edit)
        buttons = ok_cancel_layout(self, form, self.errors.form_label)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Mark Done"))
        self.setMinimumWidth(420)

    @property
    def outcome(self) -> str:
        return self.outcome_edit.toPlainText().strip()

    @property
    def done_at(self) -> datetime:
        """The chosen time (aware, UTC); never later than now."""
        chosen = self.done_edit.dateTime().toSecsSinceEpoch()
        return min(datetime.fromtimestamp(chosen, UTC), clock().now())

    @property
    def survey(self) -> SurveyInput | None:
        if self.score_combo is None or self.score_combo.currentData() is None:
            return None
        assert self.nps_spin is not None
        assert self.comments_edit is not None
        nps = self.nps_spin.value()
        return SurveyInput(
            int(self.score_combo.currentData()),
            None if nps < 0 else nps,
            self.comments_edit.text().strip(),
        )


class PlansDialog(QDialog):
    """Follow-up plans: named lists of steps (days after the start, type, subject)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUpPlansDialog")
        self.setWindowTitle(self.tr("Follow-up Plans"))
        self._services = services
        self._plans: list[FollowUpPlanRow] = []
        self._current: int | None = None
        self.errors = FieldErrors(self)
        self.plan_combo = QComboBox(self)
        self.plan_combo.setObjectName("planCombo")
        self.plan_combo.activated.connect(lambda _i: self._show_plan())
        new_button = QPushButton(self.tr("New Plan"), self)
        new_button.clicked.connect(self._new_plan)
        self.delete_button = QPushButton(self.tr("Delete Plan"), self)
        self.delete_button.clicked.connect(self._delete_plan)
        top = QHBoxLayout()
        top.addWidget(self.plan_combo, 1)
        top.addWidget(new_button)
        top.addWidget(self.delete_button)
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("planName")
        self.errors.add_row(form, "name", self.tr("Name:"), self.name_edit)
        self.auto_check = QCheckBox(self.tr("Start automatically when an order is recorded"), self)
        self.auto_check.setObjectName("planAuto")
        form.addRow("", self.auto_check)
        self.active_check = QCheckBox(self.tr("Active"), self)
        form.addRow("", self.active_check)
        self.steps = QTableWidget(0, 4, self)
        self.steps.setObjectName("planSteps")
        self.steps.setHorizontalHeaderLabels(
            [self.tr("Day (from start)"), self.tr("Type"), self.tr("Subject"), self.tr("Survey")]
        )
        self.steps.verticalHeader().setVisible(False)
        self.steps.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.steps.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.steps.setMinimumHeight(180)
        self.errors.add_row(form, "steps", self.tr("Steps:"), self.steps)
        step_buttons = QHBoxLayout()
        add_step = QPushButton(self.tr("Add Step"), self)
        add_step.setObjectName("addStepButton")
        add_step.clicked.connect(lambda: self.add_step(PlanStep(7, ActivityKind.CALL, "")))
        remove_step = QPushButton(self.tr("Remove Step"), self)
        remove_step.clicked.connect(self._remove_step)
        step_buttons.addStretch(1)
        step_buttons.addWidget(add_step)
        step_buttons.addWidget(remove_step)
        save = QPushButton(self.tr("Save Plan"), self)
        save.setObjectName("savePlanButton")
        save.clicked.connect(self.save)
        step_buttons.addWidget(save)
        for button in (new_button, self.delete_button, add_step, remove_step):
            button.setAutoDefault(False)
        save.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addLayout(step_buttons)
        layout.addWidget(self.errors.form_label)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.resize(680, 460)
        self._reload()

    def _reload(self, select: int | None = None) -> None:
        self._plans = self._services.followups.plans()
        self.plan_combo.clear()
        for plan in self._plans:
            self.plan_combo.addItem(plan.name, plan.id)
        if select is not None:
            self.plan_combo.setCurrentIndex(max(0, self.plan_combo.findData(select)))
        if self._plans:
            self._show_plan()
        else:
            self._new_plan()

    def _show_plan(self) -> None:
        plan_id = self.plan_combo.currentData()
        plan = next((p for p in self._plans if p.id == plan_id), None)
        if plan is None:
            return
        self._current = plan.id
        self.name_edit.setText(plan.name)
        self.auto_check.setChecked(plan.trigger is FollowUpTrigger.ORDER_RECORDED)
        self.active_check.setChecked(plan.active)
        self.steps.setRowCount(0)
        for step in plan.steps:
            self.add_step(step)
        self.delete_button.setEnabled(True)
        self.errors.clear()

    def _new_plan(self) -> None:
        self._current = None
        self.name_edit.clear()
        self.auto_check.setChecked(False)
        self.active_check.setChecked(True)
        self.steps.setRowCount(0)
        self.add_step(PlanStep(3, ActivityKind.CALL, ""))
        self.delete_button.setEnabled(False)
        self.errors.clear()
        self.name_edit.setFocus()

    def add_step(self, step: PlanStep) -> None:
        row = self.steps.rowCount()
        self.steps.insertRow(row)
        days = QSpinBox(self.steps)
        days.setRange(0, 3650)
        days.setValue(step.offset_days)
        self.steps.setCellWidget(row, 0, days)
        kind = QComboBox(self.steps)
        fill_kinds(kind)
        kind.setCurrentIndex(max(0, kind.findData(step.kind)))
        self.steps.setCellWidget(row, 1, kind)
        self.steps.setItem(row, 2, QTableWidgetItem(step.subject))
        survey = QTableWidgetItem()
        survey.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        survey.setCheckState(Qt.CheckState.Checked if step.with_survey else Qt.CheckState.Unchecked)
        self.steps.setItem(row, 3, survey)
        self.steps.resizeColumnToContents(1)

    def _remove_step(self) -> None:
        row = self.steps.currentRow()
        if row >= 0:
            self.steps.removeRow(row)

    def value(self) -> PlanInput:
        steps = []
        for row in range(self.steps.rowCount()):
            days = self.steps.cellWidget(row, 0)
            kind = self.steps.cellWidget(row, 1)
            subject = self.steps.item(row, 2)
            survey = self.steps.item(row, 3)
            assert isinstance(days, QSpinBox)
            assert isinstance(kind, QComboBox)
            steps.append(
                PlanStep(
                    days.value(),
                    kind.currentData(),
                    subject.text() if subject else "",
                    survey is not None and survey.checkState() == Qt.CheckState.Checked,
                )
            )
        return PlanInput(
            self.name_edit.text(),
            tuple(steps),
            FollowUpTrigger.ORDER_RECORDED
            if self.auto_check.isChecked()
            else FollowUpTrigger.MANUAL,
            self.active_check.isChecked(),
        )

    def save(self) -> bool:
        plan_id = run_edit(
            self,
            lambda: self._services.followups.save(self._current, self.value()),
            errors=self.errors,
        )
        if plan_id is None:
            return False
        self._reload(select=plan_id)
        return True

    def _delete_plan(self) -> None:
        if self._current is None:
            return
        self._services.followups.delete(self._current)
        self._reload()


class ApplyPlanDialog(QDialog):
    """Start a follow-up plan for a customer from a day (default today)."""

    def __init__(
        self,
        plans: list[FollowUpPlanRow],
        customer_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("applyPlanDialog")
        self.setWindowTitle(self.tr("Start a Follow-up Plan"))
        form = QFormLayout()
        form.addRow(self.tr("Customer:"), QLabel(customer_name, self))
        self.plan_combo = QComboBox(self)
        self.plan_combo.setObjectName("applyPlanCombo")
        self._plans = {p.id: p for p in plans}
        for plan in plans:
            self.plan_combo.addItem(plan.name, plan.id)
        self.plan_combo.currentIndexChanged.connect(self._show_steps)
        form.addRow(self.tr("Plan:"), self.plan_combo)
        self.start_edit = QDateEdit(self)
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat(date_format())
        self.start_edit.setDate(QDate.currentDate())
        self.start_edit.dateChanged.connect(lambda _d: self._show_steps())
        form.addRow(self.tr("Starting:"), self.start_edit)
        self.preview = QLabel(self)
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.tr("Tasks:"), self.preview)
        ok_cancel_layout(self, form)
        self.setMinimumWidth(440)
        self._show_steps()

    @property
    def plan_id(self) -> int | None:
        value = self.plan_combo.currentData()
        return value if isinstance(value, int) else None

    @property
    def start(self) -> date:
        return from_qdate(self.start_edit.date())

    def _show_steps(self) -> None:
        plan = self._plans.get(self.plan_combo.currentData())
        if plan is None:
            self.preview.setText("")
            return
        self.preview.setText(
            "\n".join(
                f"{format_date(self.start + timedelta(days=s.offset_days))}  "
                f"{kind_label(s.kind)} · {s.subject}"
                for s in plan.steps
            )
        )
