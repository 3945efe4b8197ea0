"""The Dashboard's collections card: payments of the period and overdue receivables."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sms_desktop.persistence import models as m
from sms_desktop.services.orders import DeliveryInput, InvoiceInput, OrderDraft
from sms_desktop.services.payments import PaymentInput
from sms_desktop.services.quotes import LineData
from sms_desktop.services.registry import Services
from sms_desktop.services.workspace import open_workspace
from sms_desktop.ui.application import Controller
from sms_desktop.ui.tabs.dashboard.tab import DashboardTab
from tests.services.dashboard_data import TODAY, build_dashboard_world

D = Decimal


@pytest.fixture
def late_invoice(company_db: Path) -> None:
    """The dashboard world plus an invoice of 1000.00 due 30 days ago, 100.00 paid yesterday."""
    workspace = open_workspace(company_db)
    try:
        build_dashboard_world(workspace.db)
        services = Services(workspace.db)
        with workspace.db.write() as s:
            customer = m.Customer(name="回款客户")
            s.add(customer)
            s.flush()
            cid = customer.id
        day = TODAY - timedelta(days=60)
        order = services.orders.save(
            None,
            OrderDraft(
                customer_id=cid,
                order_date=day,
                lines=(LineData(description="件", quantity=D(1), unit_price=D("1000.00")),),
            ),
            confirm=True,
        )
        services.orders.deliver(order.id, DeliveryInput(day, {order.lines[0].id: D(1)}))
        services.orders.invoice(order.id, InvoiceInput("UI-1", day))  # due 30 days ago
        services.payments.record(PaymentInput(cid, TODAY - timedelta(days=1), D("100"), "CNY"))
    finally:
        workspace.close(backup=False)


@pytest.mark.usefixtures("late_invoice")
def test_the_card_shows_collections_and_overdue_receivables(
    controller: Controller, qtbot: QtBot
) -> None:
    controller.window.show_tab("dashboard")
    tab = controller.window.tabs.currentWidget()
    assert isinstance(tab, DashboardTab)
    tab.today = lambda: TODAY
    with qtbot.waitSignal(tab.shown, timeout=30000):
        tab.refresh()
    card = tab.cards["collections"]
    assert card.value.text() == "100.00"
    assert "900.00" in card.detail.text()
