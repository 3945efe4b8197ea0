"""After an edit in one tab, every other tab shows the new truth without a refresh click."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sms_desktop.domain.enums import ActivityKind
from sms_desktop.persistence.changes import Changes
from sms_desktop.services.customers import CustomerInput
from sms_desktop.services.pipeline import OpportunityInput
from sms_desktop.services.quotes import LineData, QuoteInput
from sms_desktop.services.registry import Services
from sms_desktop.services.tasks import TaskInput
from sms_desktop.services.workspace import open_workspace
from sms_desktop.ui.application import Controller
from sms_desktop.ui.changes import writes_of
from sms_desktop.ui.formatting import format_money
from sms_desktop.ui.tabs.base import AreaTab
from sms_desktop.ui.tabs.customers.tab import CustomersTab
from sms_desktop.ui.tabs.dashboard.tab import DashboardTab
from sms_desktop.ui.tabs.pipeline.tab import PipelineTab
from sms_desktop.ui.tabs.quotes.tab import QuotesTab
from sms_desktop.ui.tabs.tasks.tab import TasksTab


@pytest.fixture
def company_db(company_db: Path) -> Path:
    """A customer with an open deal and a sent quote for it."""
    workspace = open_workspace(company_db)
    services = workspace.services
    customer = services.customers.create(CustomerInput(name="华夏电子"))
    deal = services.pipeline.create(
        OpportunityInput(customer_id=customer, title="年度框架协议", amount=Decimal("5000.00"))
    )
    today = datetime.now(UTC).astimezone().date()
    quote = services.quotes.save(
        None,
        QuoteInput(
            customer_id=customer,
            opportunity_id=deal,
            issue_date=today,
            valid_until=today + timedelta(days=30),
            lines=(
                LineData(
                    product_id=None,
                    description="服务器",
                    quantity=Decimal(2),
                    unit="台",
                    unit_price=Decimal("1000.00"),
                    tax_rate=Decimal(13),
                    unit_cost=Decimal("600.00"),
                ),
            ),
        ),
    )
    services.quotes.send(quote.id, now=datetime.now(UTC))
    workspace.close(backup=False)
    return company_db


def services_of(controller: Controller) -> Services:
    assert controller.workspace is not None
    return controller.workspace.services


def open_tab(controller: Controller, qtbot: QtBot, kind: type[AreaTab], name: str) -> AreaTab:
    assert controller.window.show_tab(name)
    tab = controller.window.tabs.currentWidget()
    assert isinstance(tab, kind)
    qtbot.waitUntil(lambda: not tab.loading)
    return tab


def deal_ids_on_board(tab: PipelineTab) -> set[int]:
    services = tab._services
    return {
        card.id
        for column in services.pipeline.board().columns
        for card in tab.board.column_of_stage(column.stage.id).model.cards()
    }


def revenue_text(dashboard: DashboardTab) -> str:
    return dashboard.cards["revenue_period"].value.text()


def test_accepting_a_quote_updates_dashboard_board_and_customer(
    controller: Controller, qtbot: QtBot
) -> None:
    services = services_of(controller)
    (deal,) = services.pipeline.board().columns[0].cards
    dashboard = open_tab(controller, qtbot, DashboardTab, "dashboard")
    assert isinstance(dashboard, DashboardTab)
    before = revenue_text(dashboard)
    pipeline = open_tab(controller, qtbot, PipelineTab, "pipeline")
    assert isinstance(pipeline, PipelineTab)
    assert deal.id in deal_ids_on_board(pipeline)
    customers = open_tab(controller, qtbot, CustomersTab, "customers")
    assert isinstance(customers, CustomersTab)
    customers.select_customer(deal.customer_id)
    assert customers.detail.figures.values["orders"].text() == "–"

    quotes = open_tab(controller, qtbot, QuotesTab, "quotes")
    assert isinstance(quotes, QuotesTab)
    quotes.select_quote(_only_quote(services))
    qtbot.mouseClick(quotes.buttons["accept"], Qt.MouseButton.LeftButton)

    # Hidden tabs re-read when shown; nobody pressed 刷新.
    dashboard = open_tab(controller, qtbot, DashboardTab, "dashboard")
    assert isinstance(dashboard, DashboardTab)
    qtbot.waitUntil(lambda: revenue_text(dashboard) != before)
    assert revenue_text(dashboard) == format_money(
        services.dashboard.kpis(
            dashboard.current_filter(), dashboard.today()
        ).revenue_period.current
    )
    pipeline = open_tab(controller, qtbot, PipelineTab, "pipeline")
    assert isinstance(pipeline, PipelineTab)
    assert deal.id not in deal_ids_on_board(pipeline)
    customers = open_tab(controller, qtbot, CustomersTab, "customers")
    assert isinstance(customers, CustomersTab)
    assert customers.detail.figures.values["orders"].text() == "1"


def _only_quote(services: Services) -> int:
    from sqlalchemy import select

    from sms_desktop.persistence import models as m

    with services.db.read() as session:
        return session.scalars(select(m.Quote.id)).one()


def test_the_visible_tab_rereads_at_once(controller: Controller, qtbot: QtBot) -> None:
    """A change made elsewhere (here: a service call, as a worker or dialog would) shows in
    the tab on screen within one turn of the event loop."""
    services = services_of(controller)
    customers = open_tab(controller, qtbot, CustomersTab, "customers")
    assert isinstance(customers, CustomersTab)
    count = customers.model.rowCount()
    services.customers.create(CustomerInput(name="新客户甲"))
    qtbot.waitUntil(lambda: customers.model.rowCount() == count + 1)


def test_completing_a_task_updates_the_dashboard_overdue_card(
    controller: Controller, qtbot: QtBot
) -> None:
    services = services_of(controller)
    customer = _customer_id(services)
    task_id = services.tasks.create(
        TaskInput(
            ActivityKind.CALL,
            "回访华夏",
            datetime.now(UTC) - timedelta(days=2),
            customer_id=customer,
        )
    )
    dashboard = open_tab(controller, qtbot, DashboardTab, "dashboard")
    assert isinstance(dashboard, DashboardTab)
    qtbot.waitUntil(lambda: dashboard.cards["overdue"].value.text() == "1")
    tasks = controller.window.tab_widget("tasksTab")
    assert isinstance(tasks, TasksTab)
    services.tasks.complete(task_id, "已回访", now=datetime.now(UTC))
    qtbot.waitUntil(lambda: dashboard.cards["overdue"].value.text() == "0")
    qtbot.waitUntil(lambda: "(" not in controller.window.tabs.tabText(3))


def test_undo_announces_too(controller: Controller, qtbot: QtBot) -> None:
    services = services_of(controller)
    seen: list[Changes] = []
    services.db.changes.subscribe(seen.append)
    customers = open_tab(controller, qtbot, CustomersTab, "customers")
    assert isinstance(customers, CustomersTab)
    count = customers.model.rowCount()
    customers.new_customer()
    customers.detail.profile.edits["name"].setText("撤销测试")
    customers.save_profile()
    qtbot.waitUntil(lambda: customers.model.rowCount() == count + 1)
    controller.undo_stack.undo()
    qtbot.waitUntil(lambda: customers.model.rowCount() == count)
    assert len(seen) >= 2 and all("customers" in c.tables for c in seen)


def test_owner_changes_reach_lists_filtered_by_owner(controller: Controller, qtbot: QtBot) -> None:
    """Re-assigning a customer elsewhere takes it out of a list filtered by its old owner."""
    services = services_of(controller)
    customer = _customer_id(services)
    owner = services.salespeople.list(active_only=True)[0].id
    services.customers.update(
        customer, replace(services.customers.get(customer).data, owner_id=owner)
    )
    customers = open_tab(controller, qtbot, CustomersTab, "customers")
    assert isinstance(customers, CustomersTab)
    customers.show_owner(owner)
    assert customers.owner_combo.currentData() == owner
    assert customers.model.rowCount() == 1
    services.customers.update(
        customer, replace(services.customers.get(customer).data, owner_id=None)
    )
    qtbot.waitUntil(lambda: customers.model.rowCount() == 0)


def _customer_id(services: Services) -> int:
    from sqlalchemy import select

    from sms_desktop.persistence import models as m

    with services.db.read() as session:
        return session.scalars(select(m.Customer.id)).one()


def test_a_view_is_not_told_of_its_own_writes(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The board shows its own drop at once; the bus tells only the others (else every drop
    would reload 15,000 cards)."""
    services = services_of(controller)
    dashboard = open_tab(controller, qtbot, DashboardTab, "dashboard")
    customers = open_tab(controller, qtbot, CustomersTab, "customers")
    refreshed: list[str] = []
    monkeypatch.setattr(customers, "refresh", lambda: refreshed.append("customers"))
    monkeypatch.setattr(dashboard, "refresh", lambda: refreshed.append("dashboard"))
    with writes_of(customers):
        services.customers.create(CustomerInput(name="自己写的"))
    services.customers.create(CustomerInput(name="别人写的"))  # no origin: everyone hears it
    qtbot.waitUntil(lambda: refreshed == ["customers"])
    dashboard.activate()
    assert refreshed == ["customers", "dashboard"]


def test_a_drop_on_the_board_does_not_reload_the_board_but_updates_the_dashboard(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = services_of(controller)
    (deal,) = services.pipeline.board().columns[0].cards
    target = services.pipeline.board().columns[1].stage
    dashboard = open_tab(controller, qtbot, DashboardTab, "dashboard")
    pipeline = open_tab(controller, qtbot, PipelineTab, "pipeline")
    assert isinstance(pipeline, PipelineTab)
    reloads: list[str] = []
    monkeypatch.setattr(pipeline, "refresh", lambda: reloads.append("pipeline"))
    monkeypatch.setattr(dashboard, "refresh", lambda: reloads.append("dashboard"))
    pipeline.move_card(deal.id, target.id)
    assert deal.id in {c.id for c in pipeline.board.column_of_stage(target.id).model.cards()}
    qtbot.waitUntil(lambda: dashboard._stale)  # the dashboard re-reads when shown
    dashboard.activate()
    assert reloads == ["dashboard"]
