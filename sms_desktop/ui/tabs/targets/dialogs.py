"""Dialogs of the Targets tab: set a target, spread a yearly target, salespeople, drill-down."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.clock import clock
from sms_desktop.domain.enums import SalespersonRole, TargetMetric
from sms_desktop.domain.errors import Errors
from sms_desktop.domain.i18n import translate
from sms_desktop.domain.money import parse_money
from sms_desktop.domain.targets import METRIC_ORDER, Period
from sms_desktop.services.salespeople import (
    SalespeopleService,
    SalespersonInput,
    SalespersonRow,
)
from sms_desktop.services.targets import ActualItem
from sms_desktop.ui.edit import edit_in_dialog
from sms_desktop.ui.formatting import date_format
from sms_desktop.ui.tabs.targets.labels import (
    company_name,
    metric_name,
    metric_value,
    period_name,
    role_name,
)
from sms_desktop.ui.tabs.targets.models import ItemsModel
from sms_desktop.ui.widgets.dialog_layout import ok_cancel_layout
from sms_desktop.ui.widgets.field_errors import FieldErrors


def parse_target(text: str) -> Decimal | None:
    """The typed value; empty means "no target"; raises ValidationError on bad input."""
    if not text.strip():
        return None
    try:
        return parse_money(text)
    except ValueError:
        errors = Errors()
        errors.add("value", translate("Targets", "Enter a number, e.g. 120000."))
        errors.raise_if_any()
        raise  # unreachable: raise_if_any raised


def parse_required(text: str) -> Decimal:
    """Like :func:`parse_target`, but a value is needed."""
    value = parse_target(text)
    if value is None:
        errors = Errors()
        errors.add("value", translate("Targets", "Enter the yearly target."))
        errors.raise_if_any()
        raise AssertionError  # unreachable: raise_if_any raised
    return value


def salesperson_combo(
    parent: QWidget, people: Sequence[SalespersonRow], *, with_company: bool = True
) -> QComboBox:
    combo = QComboBox(parent)
    if with_company:
        combo.addItem(company_name(), None)
    for person in people:
        if person.active:
            combo.addItem(person.name, person.id)
    return combo


def metric_combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for metric in METRIC_ORDER:
        combo.addItem(metric_name(metric), metric.value)
    return combo


class TargetDialog(QDialog):
    """Set (or clear) one target of the chosen period."""

    def __init__(
        self,
        period: Period,
        people: Sequence[SalespersonRow],
        parent: QWidget | None = None,
        *,
        salesperson_id: int | None = None,
        metric: TargetMetric = TargetMetric.REVENUE,
        current: Decimal | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("targetDialog")
        self.setWindowTitle(self.tr("Set Target"))
        self.who = salesperson_combo(self, people)
        self.who.setObjectName("targetSalesperson")
        self.who.setCurrentIndex(max(self.who.findData(salesperson_id), 0))
        self.metric_box = metric_combo(self)
        self.metric_box.setObjectName("targetMetric")
        self.metric_box.setCurrentIndex(max(self.metric_box.findData(metric.value), 0))
        self.value = QLineEdit(self)
        self.value.setObjectName("targetValue")
        self.value.setPlaceholderText(self.tr("Empty: no target"))
        if current is not None:
            self.value.setText(str(current))
        form = QFormLayout()
        form.addRow(self.tr("Period"), QLabel(period_name(period), self))
        form.addRow(self.tr("Salesperson"), self.who)
        form.addRow(self.tr("Metric"), self.metric_box)
        self.errors = FieldErrors(self)
        self.errors.add_row(form, "value", self.tr("Target"), self.value)
        ok_cancel_layout(self, form, self.errors.form_label)
        self.setMinimumWidth(340)

    def salesperson_id(self) -> int | None:
        data = self.who.currentData()
        return int(data) if data is not None else None

    def chosen_metric(self) -> TargetMetric:
        return TargetMetric(self.metric_box.currentData())


class SpreadDialog(QDialog):
    """A yearly target spread over its months, evenly or like last year."""

    def __init__(
        self, year: Period, people: Sequence[SalespersonRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("spreadDialog")
        self.setWindowTitle(self.tr("Spread a Yearly Target"))
        self.who = salesperson_combo(self, people)
        self.who.setObjectName("spreadSalesperson")
        self.metric_box = metric_combo(self)
        self.metric_box.setObjectName("spreadMetric")
        self.total = QLineEdit(self)
        self.total.setObjectName("spreadTotal")
        self.evenly = QRadioButton(self.tr("Evenly over the 12 months"), self)
        self.seasonal = QRadioButton(self.tr("Like last year's months (seasonality)"), self)
        self.seasonal.setObjectName("spreadSeasonal")
        self.evenly.setChecked(True)
        note = QLabel(
            self.tr(
                "Stores the yearly target and one target per month; the months add up "
                "exactly to the year and replace the months' current targets."
            ),
            self,
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Year"), QLabel(period_name(year), self))
        form.addRow(self.tr("Salesperson"), self.who)
        form.addRow(self.tr("Metric"), self.metric_box)
        self.errors = FieldErrors(self)
        self.errors.add_row(form, "value", self.tr("Yearly target"), self.total)
        form.addRow("", self.evenly)
        form.addRow("", self.seasonal)
        ok_cancel_layout(self, form, note, self.errors.form_label)

    def salesperson_id(self) -> int | None:
        data = self.who.currentData()
        return int(data) if data is not None else None

    def chosen_metric(self) -> TargetMetric:
        return TargetMetric(self.metric_box.currentData())


class SalespersonDialog(QDialog):
    """Name, role, active and hire date of one salesperson."""

    def __init__(self, person: SalespersonRow | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("salespersonDialog")
        self.setWindowTitle(self.tr("Edit Salesperson") if person else self.tr("New Salesperson"))
        self.name = QLineEdit(person.name if person else "", self)
        self.name.setObjectName("salespersonName")
        self.role = QComboBox(self)
        for role in (SalespersonRole.SALES, SalespersonRole.MANAGER, SalespersonRole.OWNER):
            self.role.addItem(role_name(role), role.value)
        self.role.setCurrentIndex(
            max(self.role.findData((person.role if person else SalespersonRole.SALES).value), 0)
        )
        self.active = QCheckBox(self.tr("Active"), self)
        self.active.setChecked(person.active if person else True)
        self.has_hire_date = QCheckBox(self.tr("Known"), self)
        self.hire_date = QDateEdit(self)
        self.hire_date.setCalendarPopup(True)
        self.hire_date.setDisplayFormat(date_format())
        hired = person.hire_date if person and person.hire_date else clock().today()
        self.hire_date.setDate(QDate(hired.year, hired.month, hired.day))
        self.has_hire_date.setChecked(bool(person and person.hire_date))
        self.hire_date.setEnabled(self.has_hire_date.isChecked())
        self.has_hire_date.toggled.connect(self.hire_date.setEnabled)
        self.phone = QLineEdit((person.phone or "") if person else "", self)
        self.email = QLineEdit((person.email or "") if person else "", self)
        form = QFormLayout()
        self.errors = FieldErrors(self)
        self.errors.add_row(form, "name", self.tr("Name"), self.name)
        self.errors.add_row(form, "role", self.tr("Role"), self.role)
        self.errors.add_row(form, "active", "", self.active)
        hire = QHBoxLayout()
        hire.addWidget(self.has_hire_date)
        hire.addWidget(self.hire_date, 1)
        form.addRow(self.tr("Hire date"), hire)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Email"), self.email)
        ok_cancel_layout(self, form, self.errors.form_label)

    def value(self) -> SalespersonInput:
        qd = self.hire_date.date()
        return SalespersonInput(
            name=self.name.text(),
            role=SalespersonRole(self.role.currentData()),
            active=self.active.isChecked(),
            hire_date=date(qd.year(), qd.month(), qd.day())
            if self.has_hire_date.isChecked()
            else None,
            phone=self.phone.text(),
            email=self.email.text(),
        )


class SalespeopleDialog(QDialog):
    """The team: add and edit salespeople (nobody is deleted: deactivate instead)."""

    def __init__(
        self,
        service: SalespeopleService,
        undo_stack: QUndoStack,
        changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._undo = undo_stack
        self._changed = changed
        self.setObjectName("salespeopleDialog")
        self.setWindowTitle(self.tr("Salespeople"))
        self.list = QListWidget(self)
        self.list.setObjectName("salespeopleList")
        self.list.itemDoubleClicked.connect(lambda _i: self.edit())
        add = QPushButton(self.tr("Add…"), self)
        add.clicked.connect(self.add)
        edit = QPushButton(self.tr("Edit…"), self)
        edit.clicked.connect(self.edit)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(edit)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.resize(420, 360)
        self.changed = False
        self._reload()

    def _reload(self) -> None:
        self.list.clear()
        for person in self._service.list():
            text = f"{person.name} · {role_name(person.role)}"
            if not person.active:
                text += " · " + self.tr("inactive")
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, person)

    def add(self) -> None:
        self._edit(None)

    def edit(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._edit(item.data(Qt.ItemDataRole.UserRole))

    def _edit(self, person: SalespersonRow | None) -> None:
        from sms_desktop.ui.tabs.targets.commands import SaveSalesperson

        dialog = SalespersonDialog(person, self)

        def save() -> tuple[SalespersonInput, int]:
            after = dialog.value()
            return after, self._service.save(after, person.id if person else None)

        saved = edit_in_dialog(self, dialog, save, errors=dialog.errors)
        if saved is None:
            return
        after, salesperson_id = saved
        before = self._service.input_of(person) if person else None
        text = self.tr("Edit salesperson") if person else self.tr("Add salesperson")
        self._undo.push(
            SaveSalesperson(text, self._service, salesperson_id, before, after, self._changed)
        )
        self.changed = True
        self._reload()


class DrillDownDialog(QDialog):
    """The orders, deals, customers or activities that make up one actual figure."""

    def __init__(
        self,
        title: str,
        metric: TargetMetric,
        items: Sequence[ActualItem],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("drillDownDialog")
        self.setWindowTitle(title)
        self.model = ItemsModel(self)
        self.model.set_rows(items)
        self.view = QTableView(self)
        self.view.setObjectName("drillDownTable")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        if metric is TargetMetric.ACTIVITIES:
            self.view.hideColumn(4)
        total = sum((i.value for i in items), Decimal(0))
        summary = QLabel(
            self.tr("%Ln item(s), total {total}", "", len(items)).format(
                total=metric_value(metric, total)
            ),
            self,
        )
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(summary)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(bottom)
        self.resize(760, 480)

    def current(self) -> QModelIndex:
        return self.view.currentIndex()
