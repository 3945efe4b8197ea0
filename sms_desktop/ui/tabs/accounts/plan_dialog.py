"""The account-plan editor (客户计划): goals, strategy, risks, target, review date, actions
(new tasks) and the plan's KPIs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time
from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.clock import clock, local_zone
from sms_desktop.domain.enums import AccountPlanStatus, ActivityKind
from sms_desktop.domain.errors import ValidationError
from sms_desktop.domain.i18n import translate as message
from sms_desktop.domain.money import parse_money
from sms_desktop.services.account_plans import PlanInput, PlanKpis, PlanRow
from sms_desktop.services.tasks import TaskInput
from sms_desktop.ui.edit import accept_saved
from sms_desktop.ui.formatting import format_date, format_money, from_qdate, to_qdate
from sms_desktop.ui.widgets.dialog_layout import ok_cancel_layout
from sms_desktop.ui.widgets.field_errors import FieldErrors

Save = Callable[[PlanInput, tuple[TaskInput, ...]], object]


class PlanDialog(QDialog):
    """Edit one customer's plan; ``save(value, new_actions)`` is the caller's service call."""

    def __init__(
        self,
        customer_id: int,
        customer: str,
        plan: PlanRow | None,
        kpis: PlanKpis | None,
        save: Save,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accountPlanDialog")
        self.setWindowTitle(self.tr("Account Plan: {customer}").format(customer=customer))
        self._customer_id = customer_id
        self._plan = plan
        self._save = save
        self._owner = plan.owner_id if plan is not None else None
        self.saved: object | None = None
        self.new_actions: list[TaskInput] = []
        self.errors = FieldErrors(self)
        today = clock().today()

        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("planYear")
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(plan.year if plan else today.year)
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("planStatus")
        for status, text in (
            (AccountPlanStatus.DRAFT, self.tr("Draft")),
            (AccountPlanStatus.ACTIVE, self.tr("Active")),
            (AccountPlanStatus.CLOSED, self.tr("Closed")),
        ):
            self.status_combo.addItem(text, status.value)
        if plan is not None:
            self.status_combo.setCurrentIndex(self.status_combo.findData(plan.status.value))
        self.target_edit = QLineEdit(self)
        self.target_edit.setObjectName("planTarget")
        self.target_edit.setPlaceholderText(self.tr("e.g. 500000"))
        if plan is not None and plan.target_revenue:
            self.target_edit.setText(f"{plan.target_revenue:f}")
        self.review_edit = QDateEdit(self)
        self.review_edit.setObjectName("planReview")
        self.review_edit.setCalendarPopup(True)
        self.review_edit.setDate(to_qdate(plan.review_on if plan and plan.review_on else today))
        self.objectives_edit = self._text("planObjectives", plan.objectives if plan else "")
        self.objectives_edit.setPlaceholderText(
            self.tr("Revenue goal, products and categories to develop")
        )
        self.strategy_edit = self._text("planStrategy", plan.strategy if plan else "")
        self.strategy_edit.setPlaceholderText(
            self.tr("How we win: decision makers, offers, visits")
        )
        self.risks_edit = self._text("planRisks", plan.risks if plan else "")
        self.risks_edit.setPlaceholderText(
            self.tr("Competitors; strengths, weaknesses, opportunities, threats")
        )

        form = QFormLayout()
        top = QHBoxLayout()
        top.addWidget(self.year_spin)
        top.addWidget(QLabel(self.tr("Status"), self))
        top.addWidget(self.status_combo)
        top.addStretch(1)
        year_row = QWidget(self)
        year_row.setLayout(top)
        top.setContentsMargins(0, 0, 0, 0)
        self.errors.add_row(form, "year", self.tr("&Year"), year_row)
        self.errors.watch("year", self.year_spin)
        self.errors.add_row(form, "target_revenue", self.tr("Revenue &target"), self.target_edit)
        form.addRow(self.tr("Next &review"), self.review_edit)
        self.errors.add_row(form, "objectives", self.tr("&Goals"), self.objectives_edit)
        self.errors.add_row(form, "strategy", self.tr("&Strategy"), self.strategy_edit)
        self.errors.add_row(form, "risks", self.tr("Competitors && &risks"), self.risks_edit)

        # --- actions: the plan's tasks, and new ones
        self.actions_list = QListWidget(self)
        self.actions_list.setObjectName("planActions")
        if plan is not None:
            for action in plan.actions:
                mark = "✓ " if action.done else "○ "
                self.actions_list.addItem(
                    mark
                    + action.subject
                    + " · "
                    + format_date(action.due_at.astimezone(local_zone()).date())
                )
        self.action_edit = QLineEdit(self)
        self.action_edit.setObjectName("planActionSubject")
        self.action_edit.setPlaceholderText(self.tr("New action, e.g. visit the purchasing head"))
        self.action_date = QDateEdit(self)
        self.action_date.setObjectName("planActionDue")
        self.action_date.setCalendarPopup(True)
        self.action_date.setDate(to_qdate(today))
        self.add_action_button = QPushButton(self.tr("Add Action"), self)
        self.add_action_button.setObjectName("planAddAction")
        self.add_action_button.clicked.connect(self._on_add_action)
        new_row = QHBoxLayout()
        new_row.addWidget(self.action_edit, 1)
        new_row.addWidget(self.action_date)
        new_row.addWidget(self.add_action_button)
        actions_box = QGroupBox(self.tr("Actions (tasks)"), self)
        actions_layout = QVBoxLayout(actions_box)
        actions_layout.addWidget(self.actions_list, 1)
        actions_layout.addLayout(new_row)

        # --- KPIs
        kpi_box = QGroupBox(self.tr("Performance (KPIs)"), self)
        grid = QGridLayout(kpi_box)
        self.kpi_labels: dict[str, QLabel] = {}
        for index, (key, caption) in enumerate(
            (
                ("revenue", self.tr("Revenue vs target")),
                ("wallet", self.tr("Share of wallet")),
                ("deals", self.tr("Open opportunities")),
                ("overdue", self.tr("Overdue receivables")),
                ("contact", self.tr("Last contact")),
            )
        ):
            title = QLabel(caption, kpi_box)
            value = QLabel(kpi_box)
            value.setObjectName(f"planKpi_{key}")
            value.setWordWrap(True)
            grid.addWidget(title, index, 0)
            grid.addWidget(value, index, 1)
            self.kpi_labels[key] = value
        grid.setColumnStretch(1, 1)
        self._show_kpis(kpis)

        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addLayout(form)
        body.addLayout(left, 3)
        right = QVBoxLayout()
        right.addWidget(kpi_box)
        right.addWidget(actions_box, 1)
        body.addLayout(right, 2)
        ok_cancel_layout(self, body, self.errors.form_label)
        self.resize(1000, 560)

    def _text(self, name: str, text: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(text, self)
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(60)
        return edit

    def _show_kpis(self, k: PlanKpis | None) -> None:
        if k is None:
            for label in self.kpi_labels.values():
                label.setText(self.tr("shown once the plan is saved"))
            return
        attainment = "–" if k.attainment is None else f"{k.attainment} %"
        self.kpi_labels["revenue"].setText(
            self.tr("{revenue} of {target} ({attainment}), {start} – {end}").format(
                revenue=format_money(k.revenue),
                target=format_money(k.target),
                attainment=attainment,
                start=format_date(k.period_start),
                end=format_date(k.period_end),
            )
        )
        self.kpi_labels["wallet"].setText(
            self.tr("not known (no annual potential entered)")
            if k.share_of_wallet is None or k.potential is None
            else self.tr("{share} % of {potential}").format(
                share=k.share_of_wallet, potential=format_money(k.potential)
            )
        )
        self.kpi_labels["deals"].setText(
            self.tr("%Ln deal(s), {amount}", "", k.open_deals).format(
                amount=format_money(k.open_amount)
            )
        )
        self.kpi_labels["overdue"].setText(format_money(k.overdue))
        self.kpi_labels["contact"].setText(
            format_date(k.last_contact) if k.last_contact else self.tr("never")
        )

    def _on_add_action(self) -> None:
        subject = self.action_edit.text().strip()
        if not subject:
            return
        day = from_qdate(self.action_date.date())
        due = datetime.combine(day, time(9), local_zone()).astimezone(UTC)
        self.new_actions.append(
            TaskInput(
                kind=ActivityKind.TODO,
                subject=subject,
                due_at=due,
                assignee_id=self._owner,
                customer_id=self._customer_id,
            )
        )
        self.actions_list.addItem("+ " + subject + " · " + format_date(day))
        self.action_edit.clear()

    def value(self) -> PlanInput:
        text = self.target_edit.text().strip()
        try:
            target = parse_money(text) if text else Decimal(0)
        except (ValueError, InvalidOperation, ArithmeticError) as exc:
            raise ValidationError(
                {"target_revenue": message("AccountPlans", "The revenue target is not an amount.")}
            ) from exc
        return PlanInput(
            customer_id=self._customer_id,
            year=self.year_spin.value(),
            status=AccountPlanStatus(self.status_combo.currentData()),
            objectives=self.objectives_edit.toPlainText(),
            strategy=self.strategy_edit.toPlainText(),
            risks=self.risks_edit.toPlainText(),
            target_revenue=target,
            review_on=from_qdate(self.review_edit.date()),
            owner_id=self._owner,
        )

    def accept(self) -> None:
        self.saved = accept_saved(
            self, lambda: self._save(self.value(), tuple(self.new_actions)), self.errors
        )
