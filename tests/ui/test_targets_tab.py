"""The Targets tab: set a target through its dialog and see attainment; drill-down; undo."""

from __future__ import annotations

import warnings
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from sms_desktop.domain.enums import OrderStatus, PeriodKind, TargetMetric
from sms_desktop.domain.targets import Period
from sms_desktop.persistence import models as m
from sms_desktop.services.commissions import StatementLine
from sms_desktop.services.registry import Services
from sms_desktop.services.targets import ActualItem, AttainmentRow, LeaderRow
from sms_desktop.ui.application import Controller
from sms_desktop.ui.tabs.targets import dialogs
from sms_desktop.ui.tabs.targets.commissions_view import LINE_COLUMNS
from sms_desktop.ui.tabs.targets.models import (
    AttainmentModel,
    ItemsModel,
    LeaderModel,
    RowsModel,
    TargetsRole,
)
from sms_desktop.ui.tabs.targets.tab import TargetsTab

TODAY = date(2026, 5, 10)
Q2 = Period(PeriodKind.QUARTER, date(2026, 4, 1))


@pytest.fixture
def services(controller: Controller) -> Services:
    assert controller.workspace is not None
    services = controller.workspace.services
    with services.db.write() as s:
        owner = s.query(m.Salesperson).one()
        customer = m.Customer(name="北京华夏科技有限公司", owner_id=owner.id)
        s.add(customer)
        s.flush()
        for number, (day, total, status) in enumerate(
            (
                (date(2026, 4, 2), "1500.00", OrderStatus.PAID),
                (date(2026, 5, 3), "1500.00", OrderStatus.DELIVERED),
                (date(2026, 5, 4), "7000.00", OrderStatus.CANCELLED),
            ),
            1,
        ):
            s.add(
                m.Order(
                    number=f"SO-2026-{number:05d}",
                    customer_id=customer.id,
                    owner_id=owner.id,
                    order_date=day,
                    total=Decimal(total),
                    subtotal=Decimal(total),
                    status=status,
                )
            )
    return services


@pytest.fixture
def tab(qtbot: QtBot, services: Services) -> TargetsTab:
    widget = TargetsTab(services, QUndoStack(), today=TODAY)
    qtbot.addWidget(widget)
    widget.set_period(Q2)
    widget.metric_combo.setCurrentIndex(widget.metric_combo.findData("revenue"))
    widget.refresh()
    return widget


def _row(tab: TargetsTab, salesperson: bool) -> int:
    for row, item in enumerate(tab.model.rows):
        if (item.salesperson_id is not None) == salesperson:
            return row
    raise AssertionError("no such row")


def test_set_a_target_and_see_attainment(
    tab: TargetsTab, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = _row(tab, salesperson=True)
    assert tab.model.index(row, 3).data() == "3,000.00"  # the cancelled order does not count
    assert tab.model.index(row, 5).data() == "–"

    answers = iter(["12abc", "4000"])  # a typo first: the dialog stays open with a message

    def fill(dialog: dialogs.TargetDialog) -> QDialog.DialogCode:
        dialog.value.setText(next(answers, ""))
        if dialog.value.text() == "":
            return QDialog.DialogCode.Rejected
        assert dialog.salesperson_id() is not None
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs.TargetDialog, "exec", fill)
    tab.table.doubleClicked.emit(tab.model.index(row, 2))
    row = _row(tab, salesperson=True)
    assert tab.model.index(row, 2).data() == "4,000.00"
    assert tab.model.index(row, 4).data() == "1,000.00"
    assert tab.model.index(row, 5).data() == "75.0 %"
    assert tab.model.index(row, 5).data(TargetsRole.ATTAINMENT) == Decimal("75.00")
    # the company target is the sum of nothing yet
    assert tab.model.index(_row(tab, salesperson=False), 2).data() == ""

    tab._undo.undo()
    assert tab.model.index(_row(tab, salesperson=True), 2).data() == ""
    tab._undo.redo()
    assert tab.model.index(_row(tab, salesperson=True), 5).data() == "75.0 %"


def test_copy_spread_and_drill_down(tab: TargetsTab, monkeypatch: pytest.MonkeyPatch) -> None:
    def fill(dialog: dialogs.SpreadDialog) -> QDialog.DialogCode:
        dialog.who.setCurrentIndex(1)
        dialog.total.setText("120000")
        dialog.seasonal.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs.SpreadDialog, "exec", fill)
    tab.spread_year()
    row = tab.model.rows[_row(tab, salesperson=True)]
    assert row.target == Decimal("30000.00") and row.target_derived  # no sales last year
    tab.set_period(Period(PeriodKind.QUARTER, date(2026, 7, 1)))
    tab.copy_previous()  # copies nothing: Q2 has only monthly targets
    assert tab.model.rows[_row(tab, salesperson=True)].target == Decimal("30000.00")

    tab.set_period(Q2)
    shown: list[list[ActualItem]] = []

    def capture(dialog: dialogs.DrillDownDialog) -> QDialog.DialogCode:
        shown.append(dialog.model.rows)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs.DrillDownDialog, "exec", capture)
    tab.table.doubleClicked.emit(tab.model.index(_row(tab, salesperson=True), 3))
    assert [i.reference for i in shown[0]] == ["SO-2026-00002", "SO-2026-00001"]


def test_leaderboard_and_scorecard_chart(tab: TargetsTab) -> None:
    owner = tab.people()[0].id
    tab._services.targets.set_target(owner, Q2, TargetMetric.REVENUE, Decimal("6000"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing CJK glyph would warn
        tab.pages.setCurrentIndex(1)
        assert tab._canvas is not None
        tab._canvas.draw()
    assert tab.leader_model.rowCount() == 1
    assert tab.card_figures["attainment"].text() == "50.0 %"
    assert tab.leader_model.index(0, 4).data(TargetsRole.ATTAINMENT) == Decimal("50.00")


def test_models_pass_the_model_tester(qtmodeltester: object) -> None:
    rows = [
        AttainmentRow(
            None,
            "",
            TargetMetric.REVENUE,
            Decimal(10),
            True,
            Decimal(5),
            Decimal(5),
            Decimal(50),
            Decimal(7),
            False,
        ),
        AttainmentRow(
            1, "王明", TargetMetric.DEALS_WON, None, False, Decimal(2), None, None, Decimal(2), None
        ),
        AttainmentRow(
            1,
            "王明",
            TargetMetric.ACTIVITIES,
            Decimal(3),
            False,
            Decimal(2),
            Decimal(1),
            Decimal("66.67"),
            Decimal("2.5"),
            False,
        ),
    ]
    attainment = AttainmentModel()
    attainment.set_rows(rows)
    qtmodeltester.check(attainment)  # type: ignore[attr-defined]
    assert attainment.index(1, 0).data() == "王明" and attainment.index(2, 0).data() == ""
    assert attainment.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    items = ItemsModel()
    items.set_rows([ActualItem("order", 1, TODAY, "SO-1", "客户", "王明", Decimal("1.50"))])
    qtmodeltester.check(items)  # type: ignore[attr-defined]
    leaders = LeaderModel()
    leaders.set_rows(
        [LeaderRow(1, 1, "王明", TargetMetric.REVENUE, Decimal(10), Decimal(5), Decimal(50))]
    )
    qtmodeltester.check(leaders)  # type: ignore[attr-defined]
    assert leaders.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    lines: RowsModel[StatementLine] = RowsModel(LINE_COLUMNS)
    lines.set_rows(
        [
            StatementLine(1, None, TODAY, "SO-1", "客户", Decimal("1200.50"), Decimal("300")),
            StatementLine(None, 7, None, "大单", "客户", Decimal("1"), Decimal("0")),
        ]
    )
    qtmodeltester.check(lines)  # type: ignore[attr-defined]
    assert lines.index(0, 3).data() == "1,200.50" and lines.index(1, 0).data() == ""
    assert lines.index(1, 1).data() == "大单 (assumed won)"


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The save dialog answers ``path``."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), ""))


def test_commissions_page_plan_statement_exports_and_what_if(
    tab: TargetsTab,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    from sms_desktop.services.pipeline import OpportunityInput
    from sms_desktop.ui.tabs.targets import plan_dialog

    owner = tab.people()[0].id
    with services.db.read() as s:
        customer = s.query(m.Customer.id).scalar()
    services.pipeline.create(
        OpportunityInput(
            customer_id=customer, title="大项目", amount=Decimal("4000.00"), owner_id=owner
        )
    )
    services.targets.set_target(owner, Q2, TargetMetric.REVENUE, Decimal("6000"))

    def fill(dialog: plan_dialog.PlanDialog) -> QDialog.DialogCode:
        dialog.name.setText("标准提成")
        dialog.bonus.setText("1000")
        return QDialog.DialogCode.Accepted  # the default tiers: 0 → 2 %, 80 → 3 %, 100 → 5 %

    monkeypatch.setattr(plan_dialog.PlanDialog, "exec", fill)
    tab.pages.setCurrentIndex(2)
    view = tab.commissions
    view.new_plan()
    combo = view.assignments.cellWidget(0, 1)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    statement = view.statement
    assert statement is not None and statement.plan_name == "标准提成"
    # both the plan and its assignment are undoable
    tab._undo.undo()
    assert view.statement is not None and view.statement.plan_id is None
    tab._undo.redo()
    statement = view.statement
    assert statement is not None and statement.plan_name == "标准提成"
    assert (statement.attainment, statement.total) == (Decimal("50.00"), Decimal("60.00"))
    assert "60.00" in view.summary.text()

    # what-if: tick the open deal; the figures move, the database does not
    before = services.targets.attainment(PeriodKind.QUARTER, Q2.start, today=TODAY)
    assert view.deals.count() == 1
    view.deals.item(0).setCheckState(Qt.CheckState.Checked)
    assert "50.0 % → 116.7 %" in view.what_if.text()
    assert "60.00 → 1,350.00" in view.what_if.text()
    assert services.targets.attainment(PeriodKind.QUARTER, Q2.start, today=TODAY) == before

    xlsx, pdf = tmp_path / "statement.xlsx", tmp_path / "statement.pdf"
    save_as(monkeypatch, xlsx)
    view.findChild(QPushButton, "exportStatementXlsx").click()
    qtbot.waitUntil(xlsx.exists, timeout=10000)
    save_as(monkeypatch, pdf)
    view.findChild(QPushButton, "exportStatementPdf").click()
    qtbot.waitUntil(pdf.exists, timeout=20000)
    assert xlsx.stat().st_size > 0 and pdf.read_bytes().startswith(b"%PDF")


def test_plan_dialog_chooses_the_base_and_the_statement_prints_it(
    tab: TargetsTab,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    from openpyxl import load_workbook

    from sms_desktop.domain.revenue import CommissionBase
    from sms_desktop.ui.tabs.targets import plan_dialog

    new = plan_dialog.PlanDialog(None)
    assert new.base.currentData() == CommissionBase.REVENUE_NET.value  # new plans: net
    new.deleteLater()

    def fill(dialog: plan_dialog.PlanDialog) -> QDialog.DialogCode:
        dialog.name.setText("含税提成")
        dialog.base.setCurrentIndex(dialog.base.findData(CommissionBase.REVENUE_GROSS.value))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(plan_dialog.PlanDialog, "exec", fill)
    tab.pages.setCurrentIndex(2)
    view = tab.commissions
    view.new_plan()
    (plan,) = services.commissions.plans()
    assert plan.base is CommissionBase.REVENUE_GROSS
    assert "Revenue (incl. tax)" in view.plans.item(0).text()
    combo = view.assignments.cellWidget(0, 1)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    assert view.statement is not None and view.statement.base is CommissionBase.REVENUE_GROSS
    xlsx = tmp_path / "statement.xlsx"
    save_as(monkeypatch, xlsx)
    view.findChild(QPushButton, "exportStatementXlsx").click()
    qtbot.waitUntil(xlsx.exists, timeout=10000)
    cells = {
        row[0]: row[1]
        for row in load_workbook(xlsx).active.iter_rows(values_only=True)
        if row and row[0]
    }
    assert cells["Commission base"] == "Revenue (incl. tax)"


def test_salespeople_dialog_adds_a_salesperson(
    services: Services, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: dialogs.SalespersonDialog) -> QDialog.DialogCode:
        dialog.name.setText("Sun Li")
        dialog.has_hire_date.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs.SalespersonDialog, "exec", fill)
    undo = QUndoStack()
    refreshed: list[bool] = []
    dialog = dialogs.SalespeopleDialog(services.salespeople, undo, lambda: refreshed.append(True))
    qtbot.addWidget(dialog)
    dialog.add()
    assert dialog.changed and dialog.list.count() == 2 and refreshed
    assert any(p.name == "Sun Li" and p.hire_date for p in services.salespeople.list())
    undo.undo()
    assert [p.name for p in services.salespeople.list()] == ["王明"]
    undo.redo()
    assert len(services.salespeople.list()) == 2


def _choose(combo: QComboBox, data: object) -> None:
    """Pick an entry the way the user does (the combo's activated signal)."""
    index = combo.findData(data)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_switching_quarter_to_month_shows_the_current_month(tab: TargetsTab) -> None:
    """Quarter → month lands on today's month (May 2026), not the quarter's first month, and
    lists no period twice; the arrows then move one month."""
    assert tab.period() == Period(PeriodKind.QUARTER, date(2026, 4, 1))
    _choose(tab.kind_combo, PeriodKind.MONTH.value)
    assert tab.period() == Period(PeriodKind.MONTH, date(2026, 5, 1))
    starts = [tab.period_combo.itemData(i) for i in range(tab.period_combo.count())]
    assert len(starts) == len(set(starts)) and starts == sorted(starts, reverse=True)
    next_button = next(b for b in tab.findChildren(QToolButton) if b.toolTip() == "Next period")
    next_button.click()
    assert tab.period() == Period(PeriodKind.MONTH, date(2026, 6, 1))


def test_switching_a_past_quarter_to_months_stays_in_that_quarter(tab: TargetsTab) -> None:
    previous = next(b for b in tab.findChildren(QToolButton) if b.toolTip() == "Previous period")
    for _ in range(3):
        previous.click()
    assert tab.period() == Period(PeriodKind.QUARTER, date(2025, 7, 1))
    _choose(tab.kind_combo, PeriodKind.MONTH.value)
    assert tab.period() == Period(PeriodKind.MONTH, date(2025, 7, 1))
    _choose(tab.kind_combo, PeriodKind.YEAR.value)
    assert tab.period() == Period(PeriodKind.YEAR, date(2025, 1, 1))
