"""Orders: recording an order from priced lines inside the caller's transaction (the sample
dataset of ``dataset.py``; accepting a quote into its order is tested in ``test_quotes.py``)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from sms_desktop.domain.enums import ActivityKind, AuditAction, FollowUpTrigger, OrderSource
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.services.followups import PlanInput, PlanStep
from sms_desktop.services.orders import OrderInput, OrderLineInput, create_order_in
from sms_desktop.services.registry import Services
from tests.services.dataset import World

D = Decimal
DAY = date(2027, 3, 1)


class AbortedError(Exception):
    """Raised inside a write session to make it roll back."""


def _order(world: World) -> OrderInput:
    return OrderInput(
        customer_id=world.huaxia,
        order_date=DAY,
        currency="CNY",
        lines=(
            OrderLineInput(
                "办公桌", D("3"), D("1000.00"), D("2700.00"), D("351.00"), D("3051.00"),
                discount_percent=D("10"), tax_rate=D("13"), unit_cost=D("450.50"),
            ),
            OrderLineInput("安装服务", D("1"), D("200.00"), D("200.00"), D("12.00"), D("212.00"),
                           tax_rate=D("6")),
        ),
        subtotal=D("2900.00"),
        tax_total=D("363.00"),
        total=D("3263.00"),
        owner_id=world.lina,
    )  # fmt: skip


def test_an_order_is_recorded_with_its_lines_cost_number_and_audit(
    db: Database, world: World
) -> None:
    with db.write() as s:
        order_id = create_order_in(s, _order(world), pattern="SO-{year}-{seq:05}").id
    with db.read() as s:
        order = s.get(m.Order, order_id)
        assert order is not None
        assert (order.number, order.source, order.owner_id) == (
            "SO-2027-00001",
            OrderSource.MANUAL,
            world.lina,
        )
        assert (order.subtotal, order.tax_total, order.total) == (
            D("2900.00"),
            D("363.00"),
            D("3263.00"),
        )
        # 3 × 450.50; a line without a known cost costs nothing
        assert order.cost_total == D("1351.50")
        assert [(ln.position, ln.description, ln.unit_cost) for ln in order.lines] == [
            (1, "办公桌", D("450.50")),
            (2, "安装服务", D("0.00")),
        ]
        audit = s.scalars(
            select(m.AuditEntry).where(
                m.AuditEntry.entity == "order", m.AuditEntry.entity_id == order_id
            )
        ).one()
        assert (audit.action, audit.new_value) == (AuditAction.CREATE, "SO-2027-00001")


def test_an_order_and_its_follow_ups_are_written_together(
    services: Services, db: Database, world: World
) -> None:
    services.followups.save(
        None,
        PlanInput(
            "订单后回访", (PlanStep(3, ActivityKind.CALL, "电话确认到货"),),
            FollowUpTrigger.ORDER_RECORDED,
        ),
    )  # fmt: skip
    with db.read() as s:
        orders = s.scalar(select(func.count()).select_from(m.Order))
        activities = s.scalar(select(func.count()).select_from(m.Activity))

    def record_then_abort() -> None:
        with db.write() as s:
            create_order_in(s, _order(world), pattern="SO-{year}-{seq:05}")
            raise AbortedError

    with pytest.raises(AbortedError):
        record_then_abort()
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Order)) == orders
        assert s.scalar(select(func.count()).select_from(m.Activity)) == activities

    with db.write() as s:
        created = create_order_in(s, _order(world), pattern="SO-{year}-{seq:05}")
    with db.read() as s:
        [follow_up] = s.scalars(
            select(m.Activity).where(m.Activity.follow_up_plan_id.is_not(None))
        ).all()
        order = s.get(m.Order, created.id)
        assert order is not None and order.number == "SO-2027-00001"  # the rollback took none
        assert created.follow_up_ids == (follow_up.id,)
        assert (follow_up.customer_id, follow_up.assignee_id) == (world.huaxia, world.lina)
        assert order.number in (follow_up.notes or "")
