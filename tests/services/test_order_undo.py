"""Taking back each step of an order (what Edit ▸ Undo calls): entering it, confirming,
a delivery, an invoice, a cancellation; each refused once the order has moved on."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from sms_desktop.domain.enums import ActivityKind, FollowUpTrigger, OrderStatus
from sms_desktop.domain.errors import ConflictError
from sms_desktop.persistence import models as m
from sms_desktop.services.followups import PlanInput, PlanStep
from sms_desktop.services.orders import DeliveryInput, InvoiceInput
from sms_desktop.services.payments import PaymentInput
from sms_desktop.services.registry import Services
from tests.services.dataset import World
from tests.services.test_order_lifecycle import DAY, _confirmed, _draft

D = Decimal


def _open_tasks(services: Services) -> int:
    with services.db.read() as s:
        return int(
            s.execute(
                select(func.count()).select_from(m.Activity).where(m.Activity.done_at.is_(None))
            ).scalar_one()
        )


def test_confirming_is_taken_back_with_its_follow_ups(services: Services, world: World) -> None:
    services.followups.save(
        None,
        PlanInput(
            name="回访",
            steps=(PlanStep(3, ActivityKind.CALL, "电话回访"),),
            trigger=FollowUpTrigger.ORDER_RECORDED,
        ),
    )
    draft = services.orders.save(None, _draft(world))
    before = _open_tasks(services)
    confirmed = services.orders.confirm(draft.id)
    assert confirmed.follow_up_ids and _open_tasks(services) == before + 1
    back = services.orders.take_back_confirm(confirmed)
    assert back.status is OrderStatus.DRAFT
    assert _open_tasks(services) == before
    again = services.orders.confirm(draft.id)  # redo
    assert again.order.status is OrderStatus.CONFIRMED


def test_a_delivery_and_an_invoice_are_taken_back_in_reverse(
    services: Services, world: World
) -> None:
    order = _confirmed(services, world)
    desk, service = order.lines
    part = services.orders.deliver(order.id, DeliveryInput(DAY, {desk.id: D("1")}))
    full = services.orders.deliver(
        order.id, DeliveryInput(DAY, {desk.id: D("2"), service.id: D("2")})
    )
    assert full.status is OrderStatus.DELIVERED
    invoiced = services.orders.invoice(order.id, InvoiceInput("FP-1", DAY))
    assert invoiced.status is OrderStatus.INVOICED
    with pytest.raises(ConflictError):  # invoiced: the delivery stays
        services.orders.take_back_delivery(full.deliveries[-1].id)
    back = services.orders.take_back_invoice(invoiced.invoices[0].id)
    assert (back.status, back.invoices) == (OrderStatus.DELIVERED, ())
    back = services.orders.take_back_delivery(full.deliveries[-1].id)
    assert back.status is OrderStatus.PARTLY_DELIVERED
    assert [ln.delivered for ln in back.lines] == [D("1.000"), D("0.000")]
    back = services.orders.take_back_delivery(part.deliveries[0].id)
    assert back.status is OrderStatus.CONFIRMED


def test_an_invoice_with_a_payment_is_not_taken_back(services: Services, world: World) -> None:
    order = _confirmed(services, world)
    delivered = services.orders.deliver(
        order.id, DeliveryInput(DAY, {ln.id: ln.quantity for ln in order.lines})
    )
    invoiced = services.orders.invoice(delivered.id, InvoiceInput("FP-2", DAY))
    payment = services.payments.record(PaymentInput(world.acme, DAY, D("100.00"), "CNY"))
    with pytest.raises(ConflictError) as refused:
        services.orders.take_back_invoice(invoiced.invoices[0].id)
    assert "FP-2" in refused.value.render()
    services.payments.remove(payment.id)  # the payment's own undo
    assert services.orders.take_back_invoice(invoiced.invoices[0].id).invoices == ()


def test_a_cancellation_is_taken_back_to_the_state_before(services: Services, world: World) -> None:
    order = _confirmed(services, world)
    part = services.orders.deliver(order.id, DeliveryInput(DAY, {order.lines[0].id: D("1")}))
    services.orders.cancel(order.id, "客户取消")
    back = services.orders.take_back_cancel(order.id, part.status)
    assert (back.status, back.cancel_reason) == (OrderStatus.PARTLY_DELIVERED, None)
    with pytest.raises(ConflictError):  # not cancelled (any more)
        services.orders.take_back_cancel(order.id, OrderStatus.CONFIRMED)


def test_entering_an_order_is_taken_back_to_the_trash_and_redone(
    services: Services, world: World
) -> None:
    order = _confirmed(services, world)
    services.orders.take_back_new(order.id)
    restored_from_trash = services.orders.get(order.id)
    assert restored_from_trash.in_trash and restored_from_trash.status is OrderStatus.DRAFT
    services.orders.restore(order.id)  # redo: back, and confirmed again under its number
    again = services.orders.confirm(order.id).order
    assert (again.number, again.status, again.in_trash) == (
        order.number,
        OrderStatus.CONFIRMED,
        False,
    )
    services.orders.deliver(order.id, DeliveryInput(DAY, {order.lines[0].id: D("1")}))
    with pytest.raises(ConflictError):
        services.orders.take_back_new(order.id)
