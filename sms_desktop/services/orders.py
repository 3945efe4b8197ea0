"""Orders (订单): creating an order from priced lines, inside the caller's transaction.

Accepting a quote creates its order here (:func:`create_order_in`, in the acceptance's
transaction); the order, its lines, its audit entry and the "after an order" follow-up
plans are written together or not at all. Amounts are never computed here: each line
carries the amounts the document's rules (:mod:`sms_desktop.domain.quotes`) gave it, the
order's totals are the document's, and the cost is :func:`~sms_desktop.domain.quotes.line_cost`
of each line. The number comes from the order pattern in Settings (:mod:`.numbering`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from sms_desktop.domain.enums import AuditAction, OrderSource
from sms_desktop.domain.money import ZERO
from sms_desktop.domain.quotes import LineInput, line_cost
from sms_desktop.persistence import models as m
from sms_desktop.services import audit
from sms_desktop.services.followups import schedule_for_order
from sms_desktop.services.numbering import take_number

_ENTITY = "order"


@dataclass(frozen=True, slots=True)
class OrderLineInput:
    """One product line with the amounts its document computed for it."""

    description: str
    quantity: Decimal
    unit_price: Decimal
    net_amount: Decimal
    tax_amount: Decimal
    total_amount: Decimal
    discount_percent: Decimal = ZERO
    tax_rate: Decimal = ZERO
    unit_cost: Decimal | None = None  # None: not known (the line costs nothing)
    product_id: int | None = None

    @property
    def cost(self) -> Decimal:
        return line_cost(
            LineInput(quantity=self.quantity, unit_price=self.unit_price, unit_cost=self.unit_cost)
        )


@dataclass(frozen=True, slots=True)
class OrderInput:
    """An order to record: who bought what, when; totals as its document computed them."""

    customer_id: int
    order_date: date
    currency: str
    lines: tuple[OrderLineInput, ...]
    subtotal: Decimal  # net of tax
    tax_total: Decimal
    total: Decimal
    owner_id: int | None = None
    quote_id: int | None = None
    opportunity_id: int | None = None
    source: OrderSource = OrderSource.MANUAL


@dataclass(frozen=True, slots=True)
class CreatedOrder:
    """A new order and the follow-up tasks it started (taken back with it by an undo)."""

    id: int
    follow_up_ids: tuple[int, ...]


def create_order_in(session: Session, data: OrderInput, *, pattern: str) -> CreatedOrder:
    """Record ``data`` as a new order numbered from ``pattern``, inside the caller's
    transaction, and start the active "after an order" follow-up plans."""
    order = m.Order(
        number=take_number(session, pattern, "order", data.order_date, m.Order),
        customer_id=data.customer_id,
        quote_id=data.quote_id,
        opportunity_id=data.opportunity_id,
        owner_id=data.owner_id,
        order_date=data.order_date,
        currency=data.currency,
        subtotal=data.subtotal,
        tax_total=data.tax_total,
        total=data.total,
        cost_total=sum((line.cost for line in data.lines), ZERO),
        source=data.source,
    )
    order.lines.extend(
        m.OrderLine(
            position=position,
            product_id=line.product_id,
            description=line.description,
            quantity=line.quantity,
            unit_price=line.unit_price,
            discount_percent=line.discount_percent,
            tax_rate=line.tax_rate,
            unit_cost=line.unit_cost or ZERO,
            net_amount=line.net_amount,
            tax_amount=line.tax_amount,
            total_amount=line.total_amount,
        )
        for position, line in enumerate(data.lines, start=1)
    )
    session.add(order)
    session.flush()
    audit.record(session, _ENTITY, order.id, AuditAction.CREATE, new=order.number)
    return CreatedOrder(order.id, tuple(schedule_for_order(session, order.id)))
