"""The Key Accounts tab: scores shown after a background recompute, a new order recomputed by
itself, the tier set by hand (and undone), acting on and dismissing a next-best action, the
explanation of the selected customer, the export; every model passes Qt's model tester."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from sms_desktop.domain.clock import clock
from sms_desktop.domain.enums import OrderStatus
from sms_desktop.domain.segmentation import Tier
from sms_desktop.persistence import models as m
from sms_desktop.services.registry import Services
from sms_desktop.ui.application import Controller
from sms_desktop.ui.navigation import ShowCustomer, TaskRequest
from sms_desktop.ui.tabs.accounts.dialogs import DismissDialog, TierDialog
from sms_desktop.ui.tabs.accounts.tab import AccountsTab

D = Decimal


def _services(controller: Controller) -> Services:
    assert controller.workspace is not None
    return controller.workspace.services


def _add_order(services: Services, customer: int, days_ago: int, amount: int, number: str) -> None:
    with services.db.write() as s:
        s.add(
            m.Order(
                number=number,
                customer_id=customer,
                order_date=clock().today() - timedelta(days=days_ago),
                subtotal=D(amount),
                total=D(amount),
                cost_total=D(amount) / 2,
                status=OrderStatus.INVOICED,
            )
        )


@pytest.fixture
def shop(controller: Controller) -> dict[str, int]:
    """Five customers of the owner with monthly orders of different sizes; the biggest one's
    rhythm is late (a re-order suggestion)."""
    services = _services(controller)
    ids: dict[str, int] = {}
    with services.db.write() as s:
        owner = s.query(m.Salesperson).one()
        for i, name in enumerate(("华夏机械", "明达贸易", "远航物流", "金石建材", "小店"), 1):
            customer = m.Customer(name=name, sort_name=f"c{i}", owner_id=owner.id)
            s.add(customer)
            s.flush()
            ids[name] = customer.id
        ids["owner"] = owner.id
    for i, name in enumerate(("华夏机械", "明达贸易", "远航物流", "金石建材", "小店"), 1):
        for k in range(6 - i):
            last = 100 if i == 1 else 5 * i
            _add_order(services, ids[name], last + 30 * k, 10000 // i, f"SO-{i}-{k}")
    return ids


def _tab_in_window(controller: Controller, qtbot: QtBot) -> AccountsTab:
    window = controller.window
    assert window.show_tab("accounts")
    tab = window.tabs.currentWidget()
    assert isinstance(tab, AccountsTab) and tab.objectName() == "accountsTab"
    qtbot.waitUntil(lambda: not tab.loading and tab.model.rowCount() > 0, timeout=10000)
    return tab


def _standalone(controller: Controller, qtbot: QtBot) -> AccountsTab:
    """The tab outside the window: its navigation requests go nowhere (no dialog opens)."""
    tab = AccountsTab(_services(controller), QUndoStack())
    qtbot.addWidget(tab)
    tab.resize(1280, 680)
    tab.show()
    tab.activate()
    qtbot.waitUntil(lambda: not tab.loading and tab.model.rowCount() > 0, timeout=10000)
    return tab


def test_the_tab_sits_after_customers_and_shows_every_scored_customer(
    controller: Controller, qtbot: QtBot, shop: dict[str, int], qtmodeltester: object
) -> None:
    titles = [controller.window.tabs.tabText(i) for i in range(controller.window.tabs.count())]
    assert titles.index("Key Accounts") == titles.index("Customers") + 1
    tab = _tab_in_window(controller, qtbot)
    assert tab.model.rowCount() == 5
    names = [tab.model.index(r, 0).data() for r in range(5)]
    assert names[0] == "华夏机械"  # the highest score first
    for model in (tab.model, tab.grid_model, tab.segment_model, tab.actions_model):
        qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert sum(tab.grid_model.cell(r, c).customers for r in range(5) for c in range(5)) == 5
    assert tab.detail_title.text() == "华夏机械"
    assert tab.detail["abc"].text().startswith("Class A: no. 1 by revenue")
    assert "Overdue receivables: not measured (never invoiced)" in tab.detail["health"].text()
    assert "Scores as of" in tab.as_of_label.text()
    health = tab.model.index(0, tab.model.column_index("health"))
    assert health.data().startswith("●")
    assert health.data(Qt.ItemDataRole.ForegroundRole) is not None


def test_a_new_order_is_scored_by_itself(
    controller: Controller, qtbot: QtBot, shop: dict[str, int]
) -> None:
    tab = _tab_in_window(controller, qtbot)
    with _services(controller).db.write() as s:
        newcomer = m.Customer(name="新客户", sort_name="xin")
        s.add(newcomer)
    _add_order(_services(controller), newcomer.id, 1, 500, "SO-new")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 6 and not tab.loading, timeout=10000)
    assert tab.count_label.text() == "6 customers with orders"


def test_set_a_tier_by_hand_then_undo(
    controller: Controller, qtbot: QtBot, shop: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = _standalone(controller, qtbot)
    small = shop["小店"]
    tab.table.selectRow(tab.model.row_of_id(small))  # type: ignore[arg-type]
    assert tab.detail_title.text() == "小店"

    def choose(dialog: TierDialog) -> int:
        dialog.tier_combo.setCurrentIndex(dialog.tier_combo.findData(Tier.STRATEGIC.value))
        dialog.reason_edit.setText("集团战略合作")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TierDialog, "exec", choose)
    qtbot.mouseClick(tab.tier_button, Qt.MouseButton.LeftButton)
    row = _services(controller).accounts.get(small)
    assert row is not None and row.tier is Tier.STRATEGIC and row.overridden
    tab.refresh()
    qtbot.waitUntil(lambda: not tab.loading)
    cell = tab.model.index(tab.model.row_of_id(small), tab.model.column_index("tier"))  # type: ignore[arg-type]
    assert cell.data() == "Strategic ✎"
    assert "集团战略合作" in cell.data(Qt.ItemDataRole.ToolTipRole)
    tab._undo.undo()
    row = _services(controller).accounts.get(small)
    assert row is not None and not row.overridden


def test_acting_on_a_next_best_action(
    controller: Controller, qtbot: QtBot, shop: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = _standalone(controller, qtbot)
    tab.pages.setCurrentIndex(3)
    first = tab.actions_model.row_at(0)
    assert tab.actions_model.rowCount() >= 1
    tab.actions_table.selectRow(0)
    assert tab.detail_title.text() == first.customer
    with qtbot.waitSignal(tab.navigation_requested) as opened:
        qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [ShowCustomer(first.customer_id)]
    with qtbot.waitSignal(tab.navigation_requested) as task:
        qtbot.mouseClick(tab.task_button, Qt.MouseButton.LeftButton)
    assert task.args == [
        TaskRequest("add", customer_id=first.customer_id, customer_name=first.customer)
    ]

    def because(dialog: DismissDialog) -> int:
        dialog.reason_edit.setText("已电话确认")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(DismissDialog, "exec", because)
    before = tab.actions_model.rowCount()
    qtbot.mouseClick(tab.dismiss_button, Qt.MouseButton.LeftButton)
    with _services(controller).db.read() as s:
        dismissal = s.query(m.NextActionDismissal).one()
        assert (dismissal.customer_id, dismissal.reason) == (first.customer_id, "已电话确认")
    tab.refresh()
    qtbot.waitUntil(lambda: not tab.loading and tab.actions_model.rowCount() == before - 1)


def test_export_writes_every_score(
    controller: Controller,
    qtbot: QtBot,
    shop: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import openpyxl

    tab = _standalone(controller, qtbot)
    messages: list[str] = []
    tab.status_message.connect(messages.append)
    target = tmp_path / "accounts.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    tab.findChild(QPushButton, "exportAccountsButton").click()
    qtbot.waitUntil(lambda: any("Exported 5 customers" in t for t in messages), timeout=10000)
    rows = list(openpyxl.load_workbook(target).worksheets[0].iter_rows(values_only=True))
    header_row = next(i for i, r in enumerate(rows) if r[0] == "Customer")
    header = rows[header_row]
    for name in ("Tier", "Score", "Health", "ABC", "RFM segment", "CLV", "Health: re-order"):
        assert name in header
    data = rows[header_row + 1 :]
    assert len(data) == 5 and data[0][0] == "华夏机械"
    assert isinstance(data[0][header.index("CLV")], (int, float))


def test_the_chart_and_grid_pages_fill(
    controller: Controller, qtbot: QtBot, shop: dict[str, int]
) -> None:
    tab = _standalone(controller, qtbot)
    tab.pages.setCurrentIndex(2)
    assert tab._canvas is not None and tab._canvas.objectName() == "paretoChart"
    # 50,000 + 20,000 + 9,999 + 5,000 + 2,000: the second customer has 57 % before it (A),
    # the third 80.5 % (B).
    assert tab.abc_label.text().startswith("A: 2 customers, 70,000.00 (80.5 %)")
    tab.pages.setCurrentIndex(1)
    assert tab.segment_model.rowCount() == 8
    assert tab.segment_model.index(0, 1).data() == "R↑ F↑ M↑"


def test_the_satisfaction_page_sums_up_the_surveys(
    controller: Controller, qtbot: QtBot, shop: dict[str, int], qtmodeltester: object
) -> None:
    services = _services(controller)
    with services.db.write() as s:
        s.add(
            m.SatisfactionSurvey(
                customer_id=shop["华夏机械"],
                surveyed_on=clock().today(),
                score=5,
                nps=10,
                comments="服务很好",
            )
        )
    tab = _standalone(controller, qtbot)
    tab.pages.setCurrentIndex(4)
    assert tab.pages.tabText(4) == "Satisfaction"
    assert tab.survey_model.rowCount() == 8
    assert tab.survey_model.index(7, 1).data() == "1"
    assert tab.comment_model.index(0, 4).data() == "服务很好"
    assert "CSAT 100.0 %" in tab.survey_label.text() and "NPS 100" in tab.survey_label.text()
    for model in (tab.survey_model, tab.comment_model):
        qtmodeltester.check(model)  # type: ignore[attr-defined]
