"""Orders through their life-cycle: entry, confirmation, partial deliveries, invoices,
cancelling, the trash, the credit limit, the list (the sample dataset of ``dataset.py``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from sms_desktop.domain.enums import OrderStatus
from sms_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from sms_desktop.domain.orders import OrderAction
from sms_desktop.persistence import models as m
from sms_desktop.services.currencies import MissingRateError
from sms_desktop.services.history import HistoryFilter
from sms_desktop.services.lists import Order
from sms_desktop.services.orders import (
    DeliveryInput,
    InvoiceInput,
    OrderDetail,
    OrderDraft,
    OrderFilter,
)
from sms_desktop.services.quotes import LineData
from sms_desktop.services.registry import Services
from tests.services.dataset import World

D = Decimal
DAY = date(2027, 3, 1)


def _draft(world: World, currency: str = "CNY", day: date = DAY) -> OrderDraft:
    return OrderDraft(
        customer_id=world.acme,
        order_date=day,
        owner_id=world.lina,
        currency=currency,
        lines=(
            LineData(description="办公桌", quantity=D("3"), unit_price=D("1000.00"),
                     discount_percent=D("10"), tax_rate=D("13"), unit_cost=D("450.50")),
            LineData(description="安装服务", quantity=D("2"), unit_price=D("100.00"),
                     tax_rate=D("6")),
        ),
    )  # fmt: skip


def _confirmed(services: Services, world: World) -> OrderDetail:
    return services.orders.save(None, _draft(world), confirm=True)


def test_a_draft_is_priced_by_the_quote_rules_and_counts_for_nothing(
    services: Services, world: World
) -> None:
    draft = services.orders.save(None, _draft(world))
    assert draft.status is OrderStatus.DRAFT
    # 3 × 1000 less 10 % = 2700 + 13 % = 351; 2 × 100 = 200 + 6 % = 12
    assert (draft.subtotal, draft.tax_total, draft.total) == (D("2900.00"), D("363.00"),
                                                              D("3263.00"))  # fmt: skip
    assert [ln.net_amount for ln in draft.lines] == [D("2700.00"), D("200.00")]
    assert (draft.exchange_rate, draft.subtotal_base) == (D("1.000000"), D("2900.00"))
    assert draft.allows(OrderAction.EDIT_LINES) and draft.allows(OrderAction.DELETE)
    drafts = services.orders.page_rows(
        OrderFilter(customer_id=world.acme, status=OrderStatus.DRAFT), Order("number"),
        offset=0, limit=10,
    )  # fmt: skip
    assert [r.number for r in drafts] == [draft.number]
    with services.db.read() as s:
        from sqlalchemy import func, select

        from sms_desktop.services.revenue import revenue_amount, revenue_filter

        counted = s.execute(
            select(func.count()).where(m.Order.id == draft.id, *revenue_filter(m.Order))
        ).scalar_one()
        assert counted == 0
        assert s.execute(select(revenue_amount()).where(m.Order.id == draft.id)).scalar_one()


def test_edit_confirm_deliver_in_parts_invoice_and_the_state_follows(
    services: Services, world: World
) -> None:
    orders = services.orders
    draft = orders.save(None, _draft(world))
    edited = orders.save(draft.id, replace(_draft(world), notes="加急"))
    assert (edited.number, edited.notes) == (draft.number, "加急")
    confirmed = orders.confirm(draft.id).order
    assert confirmed.status is OrderStatus.CONFIRMED
    desk, service = confirmed.lines
    part = orders.deliver(draft.id, DeliveryInput(DAY, {desk.id: D("1")}))
    assert part.status is OrderStatus.PARTLY_DELIVERED
    assert [ln.delivered for ln in part.lines] == [D("1.000"), D("0.000")]
    with pytest.raises(ConflictError):  # lines are fixed once something was delivered
        orders.save(draft.id, _draft(world))
    with pytest.raises(ValidationError) as too_much:
        orders.deliver(draft.id, DeliveryInput(DAY, {desk.id: D("3")}))
    assert "2" in too_much.value.render()
    full = orders.deliver(draft.id, DeliveryInput(date(2027, 3, 3), {desk.id: D("2"),
                                                                      service.id: D("2")}))  # fmt: skip
    assert full.status is OrderStatus.DELIVERED
    assert [d.quantities for d in full.deliveries] == [
        {desk.id: D("1.000")},
        {desk.id: D("2.000"), service.id: D("2.000")},
    ]
    with pytest.raises(ConflictError):
        orders.deliver(draft.id, DeliveryInput(DAY, {desk.id: D("1")}))
    half = orders.invoice(draft.id, InvoiceInput("04401234", date(2027, 3, 5), D("1000.00")))
    assert half.status is OrderStatus.PARTLY_INVOICED
    invoice = half.invoices[0]
    # the customer has no terms: net 30 days
    assert (invoice.number, invoice.due_date, invoice.amount) == (
        "04401234", date(2027, 4, 4), D("1000.00"))  # fmt: skip
    with pytest.raises(ValidationError):  # the same 发票号 twice
        orders.invoice(draft.id, InvoiceInput("04401234", date(2027, 3, 5)))
    with pytest.raises(ValidationError):  # more than is left
        orders.invoice(draft.id, InvoiceInput("04401235", date(2027, 3, 5), D("2263.01")))
    rest = orders.invoice(draft.id, InvoiceInput("04401235", date(2027, 3, 6)))
    assert rest.status is OrderStatus.INVOICED
    assert rest.invoiced == rest.total and rest.uninvoiced == 0
    with services.db.read() as s:
        nets = [(i.net_amount, i.tax_amount) for i in s.query(m.Invoice).order_by(m.Invoice.id)]
    assert sum(n for n, _ in nets) == D("2900.00") and sum(t for _, t in nets) == D("363.00")
    with pytest.raises(ConflictError):  # an invoiced order can't be cancelled
        orders.cancel(draft.id, "客户取消")
    history = services.history.page_rows(
        HistoryFilter(entity="order", entity_id=draft.id), Order("at"), offset=0, limit=50
    )
    assert len(history) >= 6


def test_cancel_needs_a_reason_and_is_final(services: Services, world: World) -> None:
    order = _confirmed(services, world)
    with pytest.raises(ValidationError):
        services.orders.cancel(order.id, "  ")
    cancelled = services.orders.cancel(order.id, "客户预算取消")
    assert (cancelled.status, cancelled.cancel_reason) == (OrderStatus.CANCELLED, "客户预算取消")
    for call in (
        lambda: services.orders.confirm(order.id),
        lambda: services.orders.cancel(order.id, "again"),
        lambda: services.orders.deliver(order.id, DeliveryInput(DAY, {order.lines[0].id: D(1)})),
        lambda: services.orders.invoice(order.id, InvoiceInput("X1", DAY)),
        lambda: services.orders.delete(order.id),
    ):
        with pytest.raises(ConflictError):
            call()


def test_only_drafts_go_to_the_trash_and_come_back(services: Services, world: World) -> None:
    confirmed = _confirmed(services, world)
    with pytest.raises(ConflictError):
        services.orders.delete(confirmed.id)
    draft = services.orders.save(None, _draft(world))
    listed = services.orders.count_rows(OrderFilter(customer_id=world.acme))
    services.orders.delete(draft.id)
    assert services.orders.count_rows(OrderFilter(customer_id=world.acme)) == listed - 1
    with pytest.raises(NotFoundError):
        services.orders.find(draft.number)
    assert services.orders.get(draft.id).in_trash
    services.orders.restore(draft.id)
    assert services.orders.find(draft.number).status is OrderStatus.DRAFT


def test_an_empty_or_bad_order_is_refused(services: Services, world: World) -> None:
    with pytest.raises(ValidationError) as empty:
        services.orders.save(None, OrderDraft(customer_id=world.acme, order_date=DAY))
    assert "lines" in empty.value.errors
    bad = LineData(description="x", quantity=D("-1"))
    with pytest.raises(ValidationError):
        services.orders.save(None, OrderDraft(customer_id=world.acme, order_date=DAY, lines=(bad,)))


def test_a_foreign_currency_order_needs_the_rate_of_its_date(
    services: Services, world: World
) -> None:
    with pytest.raises(MissingRateError) as missing:
        services.orders.save(None, _draft(world, "USD"))
    assert "USD" in missing.value.render() and "2027-03-01" in missing.value.render()
    services.currencies.set_rate("USD", date(2027, 2, 1), D("7.1000"))
    order = services.orders.save(None, _draft(world, "USD"), confirm=True)
    assert (order.currency, order.exchange_rate) == ("USD", D("7.100000"))
    assert (order.subtotal, order.subtotal_base) == (D("2900.00"), D("20590.00"))
    # A later rate (or an edited one) leaves the saved order as it was.
    services.currencies.set_rate("USD", date(2027, 2, 1), D("6.5"))
    services.currencies.set_rate("USD", date(2027, 2, 15), D("8"))
    again = services.orders.get(order.id)
    assert (again.exchange_rate, again.subtotal_base, again.total_base) == (
        D("7.100000"), D("20590.00"), D("23167.30"))  # fmt: skip
    assert services.currencies.rate_on("USD", DAY) == D("8.000000")


def test_the_credit_limit_warns_with_the_open_balance(services: Services, world: World) -> None:
    with services.db.write() as s:
        customer = s.get(m.Customer, world.acme)
        assert customer is not None
        customer.credit_limit = D("5000.00")
    first = _confirmed(services, world)  # 3263.00 open, not invoiced yet
    check = services.orders.credit_check(world.acme, D("3263.00"))
    assert check.exceeded
    assert check.open_balance >= first.total_base
    warning = check.warning()
    assert warning is not None and "5000.00" in warning.render()
    # The order being confirmed is not counted twice.
    assert not services.orders.credit_check(world.acme, D("1.00"), order_id=first.id).exceeded
    with services.db.write() as s:
        customer = s.get(m.Customer, world.acme)
        assert customer is not None
        customer.credit_limit = None
    assert services.orders.credit_check(world.acme, D("99999")).warning() is None


def test_the_list_filters_sorts_and_pages(services: Services, world: World) -> None:
    orders = services.orders
    a = _confirmed(services, world)
    b = orders.save(None, _draft(world, day=date(2027, 3, 9)))
    flt = OrderFilter(customer_id=world.acme, start=date(2027, 3, 1), end=date(2027, 3, 31))
    rows = orders.page_rows(flt, Order("order_date", descending=True), offset=0, limit=10)
    assert [r.id for r in rows] == [b.id, a.id]
    assert orders.count_rows(flt) == 2
    assert [r.id for r in orders.iter_rows(flt, Order("total"))] in ([a.id, b.id], [b.id, a.id])
    assert orders.count_rows(OrderFilter(search=a.number)) == 1
    by_status = orders.page_rows(
        OrderFilter(customer_id=world.acme, status=OrderStatus.DRAFT), Order("customer"),
        offset=0, limit=10,
    )  # fmt: skip
    assert [r.id for r in by_status] == [b.id]
    owner = orders.page_rows(OrderFilter(owner_id=world.lina, start=DAY), Order("owner"),
                             offset=0, limit=1)  # fmt: skip
    assert len(owner) == 1
    orders.deliver(a.id, DeliveryInput(DAY, {ln.id: ln.quantity for ln in a.lines}))
    orders.invoice(a.id, InvoiceInput("OV-1", DAY))
    overdue = OrderFilter(overdue_on=date(2027, 4, 1))
    assert [r.id for r in orders.page_rows(overdue, Order("number"), offset=0, limit=10)] == [a.id]
    assert orders.count_rows(OrderFilter(overdue_on=date(2027, 3, 31))) == 0


def test_the_orders_list_exports_from_its_column_definitions(
    services: Services, world: World, tmp_path: Path
) -> None:
    from typing import get_args

    from sms_desktop.reporting.columns import ExportTarget, export_list
    from sms_desktop.reporting.lists.orders import ORDERS
    from sms_desktop.services.orders import OrderSortKey

    sorts = {c.sort for c in ORDERS.columns if c.sort is not None}
    assert sorts <= set(get_args(OrderSortKey)) and ORDERS.order.key in sorts
    order = _confirmed(services, world)
    out = tmp_path / "orders.csv"
    flt = OrderFilter(customer_id=world.acme, start=DAY)
    assert export_list(ExportTarget(out, "csv"), ORDERS, services.orders, flt) == 1
    text = out.read_text(encoding="utf-8-sig")
    assert order.number in text and "Confirmed" in text and "3263.00" in text


def test_a_line_added_by_its_orders_id_gets_its_company_currency_amount(
    services: Services, world: World
) -> None:
    services.currencies.set_rate("USD", DAY, D("7.1"))
    order = services.orders.save(None, _draft(world, currency="USD"))
    with services.db.write() as s:
        s.add(
            m.OrderLine(
                order_id=order.id, position=9, description="运费", quantity=D(1),
                unit_price=D("10.00"), net_amount=D("10.00"), total_amount=D("10.00"),
            )
        )  # fmt: skip
    with services.db.read() as s:
        from sqlalchemy import select

        base = s.execute(
            select(m.OrderLine.net_amount_base).where(
                m.OrderLine.order_id == order.id, m.OrderLine.position == 9
            )
        ).scalar_one()
    assert base == D("71.00")
