"""Commissions: plans with tiers, the plan of each salesperson for the period, the statement
with its Excel and PDF exports, and a what-if over open deals (nothing is stored)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain import i18n
from sms_desktop.domain.revenue import CommissionBase
from sms_desktop.domain.targets import Period, Tier
from sms_desktop.reporting.columns import Column
from sms_desktop.services.commissions import PlanInput, PlanRow, Statement, StatementLine
from sms_desktop.services.registry import Services
from sms_desktop.ui.edit import edit_in_dialog, edit_ok, run_edit
from sms_desktop.ui.formatting import format_date, format_decimal, format_money
from sms_desktop.ui.i18n import translate
from sms_desktop.ui.models.rows import RowsModel
from sms_desktop.ui.table_export import run_export
from sms_desktop.ui.tabs.targets.commands import AssignPlan, SavePlan
from sms_desktop.ui.tabs.targets.labels import percent_text, period_name
from sms_desktop.ui.tabs.targets.plan_dialog import PlanDialog, base_name
from sms_desktop.ui.widgets.save_dialog import PDF, XLSX, FileType, ask_save_path

if TYPE_CHECKING:
    from sms_desktop.reporting.commission_statement import StatementLabels
    from sms_desktop.reporting.files import Progress


class StatementWriter(Protocol):
    def __call__(
        self, path: Path, st: Statement, labels: StatementLabels, *, progress: Progress | None
    ) -> None: ...


def tier_text(tier: Tier | None) -> str:
    if tier is None:
        return translate("Commissions", "below the lowest tier: nothing")
    return translate("Commissions", "from {min} % of target: {rate} % of the basis").format(
        min=_plain(tier.min_attainment), rate=_plain(tier.rate)
    )


def _plain(value: Decimal) -> str:
    """80 rather than 80.00; 2.5 stays 2.5."""
    places = 0 if value == value.to_integral_value() else 2
    return format_decimal(value, places)


def _line_reference(line: StatementLine) -> str:
    if line.order_id is None:
        return translate("Commissions", "{title} (assumed won)").format(title=line.reference)
    return line.reference


LINE_COLUMNS: tuple[Column[StatementLine, None], ...] = (
    Column("day", i18n.translate("Commissions", "Date"), lambda r, _l: r.day, "date"),
    Column("reference", i18n.translate("Commissions", "Order"), lambda r, _l: _line_reference(r)),
    Column("customer", i18n.translate("Commissions", "Customer"), lambda r, _l: r.customer),
    Column("revenue", i18n.translate("Commissions", "Revenue"), lambda r, _l: r.revenue, "money"),
    Column(
        "margin", i18n.translate("Commissions", "Gross margin"), lambda r, _l: r.margin, "money"
    ),
)


class CommissionsView(QWidget):
    """Signals:
    status_message(str)
    """

    status_message = Signal(str)

    def __init__(
        self,
        services: Services,
        period: Callable[[], Period],
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("commissionsView")
        self._services = services
        self._undo = undo_stack
        self._period = period
        self.statement: Statement | None = None

        # --- plans and assignments
        self.plans = QListWidget(self)
        self.plans.setObjectName("planList")
        self.plans.itemDoubleClicked.connect(lambda _i: self.edit_plan())
        new_plan = QPushButton(self.tr("New Plan…"), self)
        new_plan.setObjectName("newPlanButton")
        new_plan.clicked.connect(self.new_plan)
        edit_plan = QPushButton(self.tr("Edit…"), self)
        edit_plan.clicked.connect(self.edit_plan)
        plan_buttons = QHBoxLayout()
        plan_buttons.addWidget(new_plan)
        plan_buttons.addWidget(edit_plan)
        plan_buttons.addStretch(1)
        plans_box = QGroupBox(self.tr("Plans"), self)
        plans_layout = QVBoxLayout(plans_box)
        plans_layout.addWidget(self.plans)
        plans_layout.addLayout(plan_buttons)

        self.assignments = QTableWidget(0, 2, self)
        self.assignments.setObjectName("planAssignments")
        self.assignments.setHorizontalHeaderLabels([self.tr("Salesperson"), self.tr("Plan")])
        self.assignments.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.assignments.verticalHeader().hide()
        self.assign_box = QGroupBox(self)
        assign_layout = QVBoxLayout(self.assign_box)
        assign_layout.addWidget(self.assignments)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(plans_box, 1)
        left_layout.addWidget(self.assign_box, 2)

        # --- statement and what-if
        self.person = QComboBox(self)
        self.person.setObjectName("statementSalesperson")
        self.person.activated.connect(lambda _i: self.show_statement())
        export_xlsx = QPushButton(self.tr("Export to Excel…"), self)
        export_xlsx.setObjectName("exportStatementXlsx")
        export_xlsx.clicked.connect(self.export_excel)
        export_pdf = QPushButton(self.tr("Export to PDF…"), self)
        export_pdf.setObjectName("exportStatementPdf")
        export_pdf.clicked.connect(self.export_pdf)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Statement for"), self))
        top.addWidget(self.person, 1)
        top.addWidget(export_xlsx)
        top.addWidget(export_pdf)
        self.summary = QLabel(self)
        self.summary.setObjectName("statementSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.lines_model: RowsModel[StatementLine] = RowsModel(LINE_COLUMNS, self)
        self.lines = QTableView(self)
        self.lines.setObjectName("statementLines")
        self.lines.setModel(self.lines_model)
        self.lines.verticalHeader().hide()
        self.lines.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((92, 120, 160, 100)):
            self.lines.setColumnWidth(column, width)

        self.deals = QListWidget(self)
        self.deals.setObjectName("whatIfDeals")
        self.deals.itemChanged.connect(lambda _i: self.update_what_if())
        self.what_if = QLabel(self)
        self.what_if.setObjectName("whatIfResult")
        self.what_if.setWordWrap(True)
        what_if_box = QGroupBox(self.tr("What if these open deals closed in the period?"), self)
        what_if_layout = QVBoxLayout(what_if_box)
        what_if_layout.addWidget(self.deals)
        what_if_layout.addWidget(self.what_if)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(top)
        right_layout.addWidget(self.summary)
        lower = QSplitter(Qt.Orientation.Horizontal, right)
        lower.addWidget(self.lines)
        lower.addWidget(what_if_box)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        lower.setSizes([620, 420])
        right_layout.addWidget(lower, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([340, 1060])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:
        period = self._period()
        self.assign_box.setTitle(self.tr("Plans for {period}").format(period=period_name(period)))
        plans = self._services.commissions.plans()
        self.plans.clear()
        for plan in plans:
            text = f"{plan.name} · {base_name(plan.base)}"
            if not plan.active:
                text += " · " + self.tr("inactive")
            item = QListWidgetItem(text, self.plans)
            item.setData(Qt.ItemDataRole.UserRole, plan)
        people = self._services.salespeople.list(active_only=True)
        assigned = self._services.commissions.assignments(period)
        self.assignments.setRowCount(len(people))
        for row, person in enumerate(people):
            self.assignments.setItem(row, 0, QTableWidgetItem(person.name))
            combo = QComboBox(self.assignments)
            combo.addItem(self.tr("No plan"), None)
            for plan in plans:
                if plan.active or plan.id == assigned.get(person.id):
                    combo.addItem(plan.name, plan.id)
            combo.setCurrentIndex(max(combo.findData(assigned.get(person.id)), 0))
            combo.activated.connect(
                lambda _i, pid=person.id, box=combo: self._assign(pid, box.currentData())
            )
            self.assignments.setCellWidget(row, 1, combo)
        chosen = self.person.currentData()
        self.person.clear()
        for person in people:
            self.person.addItem(person.name, person.id)
        self.person.setCurrentIndex(max(self.person.findData(chosen), 0))
        self.show_statement()

    def _assign(self, salesperson_id: int, plan_id: int | None) -> None:
        period = self._period()
        service = self._services.commissions
        before = service.assignments(period).get(salesperson_id)
        if before == plan_id:
            return
        if not edit_ok(self, lambda: service.assign([salesperson_id], period, plan_id)):
            self.refresh()
            return
        self._undo.push(
            AssignPlan(
                self.tr("Assign commission plan"),
                service,
                salesperson_id,
                period,
                before,
                plan_id,
                self.refresh,
            )
        )

    def show_statement(self) -> None:
        salesperson_id = self.person.currentData()
        if not isinstance(salesperson_id, int):
            self.statement = None
            self.summary.clear()
            self.lines_model.set_rows([])
            self.deals.clear()
            return
        period = self._period()
        service = self._services.commissions
        loaded = run_edit(
            self,
            lambda: (
                service.statement(salesperson_id, period.kind, period.start),
                service.open_deals(salesperson_id),
            ),
        )
        if loaded is None:
            return
        statement, deals = loaded
        self.statement = statement
        self.summary.setText(self._summary_text(statement))
        self.lines_model.set_rows(statement.lines)
        self.deals.blockSignals(True)
        self.deals.clear()
        for deal in deals:
            close = format_date(deal.expected_close) if deal.expected_close else "–"
            item = QListWidgetItem(
                f"{deal.title} · {deal.customer} · {format_money(deal.amount)} · {close}",
                self.deals,
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, deal.id)
        self.deals.blockSignals(False)
        self.update_what_if()

    def _summary_text(self, st: Statement) -> str:
        if st.plan_id is None:
            plan = self.tr("No plan is assigned for this period: nothing is earned.")
        else:
            plan = self.tr("Plan: {plan} (on {basis})").format(
                plan=st.plan_name, basis=base_name(st.base)
            )
        figures = self.tr(
            "Target {target} · actual {actual} · attainment {attainment} · tier: {tier}"
        ).format(
            target=format_money(st.target) if st.target is not None else "–",
            actual=format_money(st.actual),
            attainment=percent_text(st.attainment),
            tier=tier_text(st.tier) if st.plan_id is not None else "–",
        )
        pay = self.tr("Commission {rate} + bonus {bonus} = {total}").format(
            rate=format_money(st.rate_amount),
            bonus=format_money(st.bonus),
            total=format_money(st.total),
        )
        return f"{plan}\n{figures}\n{pay}"

    def checked_deals(self) -> list[int]:
        return [
            int(self.deals.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.deals.count())
            if self.deals.item(i).checkState() == Qt.CheckState.Checked
        ]

    def update_what_if(self) -> None:
        salesperson_id = self.person.currentData()
        chosen = self.checked_deals()
        if not isinstance(salesperson_id, int) or not chosen:
            self.what_if.setText(self.tr("Tick open deals to see their effect."))
            return
        period = self._period()
        result = run_edit(
            self,
            lambda: self._services.commissions.what_if(
                salesperson_id, period.kind, period.start, chosen
            ),
        )
        if result is None:
            return
        self.what_if.setText(
            self.tr(
                "Attainment {before} → {after}\nCommission {cbefore} → {cafter}\n"
                "Deals won {wbefore} → {wafter}"
            ).format(
                before=percent_text(result.before.attainment),
                after=percent_text(result.after.attainment),
                cbefore=format_money(result.before.total),
                cafter=format_money(result.after.total),
                wbefore=result.before.deals_won,
                wafter=result.after.deals_won,
            )
        )

    # -------------------------------------------------------------------- plans

    def new_plan(self) -> None:
        self._edit(None)

    def edit_plan(self) -> None:
        item = self.plans.currentItem()
        if item is not None:
            self._edit(item.data(Qt.ItemDataRole.UserRole))

    def _edit(self, plan: PlanRow | None) -> None:
        dialog = PlanDialog(plan, self)
        service = self._services.commissions

        def save() -> tuple[PlanInput, int]:
            after = dialog.value()
            return after, service.save_plan(after, plan.id if plan else None)

        saved = edit_in_dialog(self, dialog, save, errors=dialog.errors)
        if saved is None:
            return
        after, plan_id = saved
        before = service.input_of(plan) if plan else None
        text = self.tr("Edit commission plan") if plan else self.tr("New commission plan")
        self._undo.push(SavePlan(text, service, plan_id, before, after, self.refresh))

    # ------------------------------------------------------------------ exports

    def labels(self, st: Statement) -> StatementLabels:
        from sms_desktop.reporting.commission_statement import StatementLabels

        return StatementLabels(
            title=self.tr("Commission statement"),
            sheet=self.tr("Statement"),
            salesperson=self.tr("Salesperson"),
            period=self.tr("Period"),
            period_name=period_name(st.period),
            plan=self.tr("Plan"),
            no_plan=self.tr("No plan"),
            basis=self.tr("Commission base"),
            basis_name=base_name(st.base),
            target=self.tr("Target"),
            actual=self.tr("Actual"),
            attainment=self.tr("Attainment"),
            tier=self.tr("Tier"),
            tier_text=tier_text(st.tier),
            rate_amount=self.tr("Commission"),
            bonus=self.tr("Bonus"),
            total=self.tr("Total"),
            lines=self.tr("What counted"),
            date=self.tr("Date"),
            reference=self.tr("Order"),
            customer=self.tr("Customer"),
            revenue=(
                self.tr("Revenue (incl. tax)")
                if st.base is CommissionBase.REVENUE_GROSS
                else self.tr("Revenue (excl. tax)")
            ),
            margin=self.tr("Gross margin"),
            assumed=self.tr("assumed won"),
            page=self.tr("Page {page} of {pages}"),
        )

    def _file_name(self, st: Statement) -> str:
        return f"{self.tr('Commission')}-{st.salesperson}-{period_name(st.period)}"

    def export_excel(self) -> None:
        from sms_desktop.reporting.commission_statement import write_statement_workbook

        self._export(XLSX, write_statement_workbook)

    def export_pdf(self) -> None:
        from sms_desktop.reporting.commission_statement import write_statement_pdf

        self._export(PDF, write_statement_pdf)

    def _export(self, kind: FileType, write: StatementWriter) -> None:
        """Write the statement shown as ``kind``, in the background."""
        st = self.statement
        if st is None:
            return
        choice = ask_save_path(self, self.tr("Export Statement"), self._file_name(st), (kind,))
        if choice is None:
            return
        path, labels = choice.path, self.labels(st)
        run_export(
            self,
            lambda progress: write(path, st, labels, progress=progress),
            label=self.tr("Writing the statement…"),
            on_done=lambda _r: self.status_message.emit(
                self.tr("Saved {path}").format(path=str(path))
            ),
        )
