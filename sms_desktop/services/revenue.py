"""The SQL of the one revenue definition (``domain/revenue.py``) and of collections (回款).

Every query that sums revenue uses these column expressions (the dashboard, the customer
figures, targets, commissions, reports). ``order`` is ``m.Order`` or an alias of it. Every
amount is in the company currency: the orders' stored ``*_base`` columns (converted at the
rate of the order date), so a sum over orders in several currencies is a plain SUM and never
adds raw amounts of two currencies.

Collections are the parts of payments applied to invoices (:func:`collections_by_owner`),
by payment date, at each payment's stored rate, credited to the owner of the invoice's order.
A payment not yet applied to an invoice (the customer's credit) is not collected for anyone.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select, type_coerce

from sms_desktop.domain.revenue import REVENUE
from sms_desktop.persistence import models as m
from sms_desktop.persistence.base import Money

_EXCLUDED = sorted(s.value for s in REVENUE.excluded_statuses)


def revenue_amount(order: Any = m.Order) -> ColumnElement[Any]:
    """The revenue of one order (net of tax, company currency); sum it for a total."""
    return type_coerce(getattr(order, REVENUE.amount), Money)


def margin_amount(order: Any = m.Order) -> ColumnElement[Any]:
    """The gross margin of one order: its revenue less its cost; sum it for a total."""
    return type_coerce(getattr(order, REVENUE.amount) - getattr(order, REVENUE.cost), Money)


def revenue_day(order: Any = m.Order) -> ColumnElement[date]:
    """The day an order's revenue counts on (its order date)."""
    return getattr(order, REVENUE.day)  # type: ignore[no-any-return]


def gross_amount(order: Any = m.Order) -> ColumnElement[Any]:
    """An order's total with tax (company currency): only for commission plans on the
    tax-included base."""
    return type_coerce(order.total_base, Money)


def line_revenue(line: Any = m.OrderLine) -> ColumnElement[Any]:
    """The revenue of one order line (net, company currency), for breakdowns by product."""
    return type_coerce(line.net_amount_base, Money)


def revenue_filter(
    order: Any = m.Order, start: date | None = None, end_exclusive: date | None = None
) -> list[ColumnElement[bool]]:
    """The orders that count as revenue, optionally in ``[start, end_exclusive)`` by order date."""
    where: list[ColumnElement[bool]] = [order.status.not_in(_EXCLUDED)]
    day = revenue_day(order)
    if start is not None:
        where.append(day >= start)
    if end_exclusive is not None:
        where.append(day < end_exclusive)
    return where


def money_sum(column: Any) -> ColumnElement[Any]:
    """``SUM(column)`` of a money column, 0 when there are no rows, read back as ``Decimal``."""
    return type_coerce(func.coalesce(func.sum(column), 0), Money)


def collected_amount() -> ColumnElement[Any]:
    """One allocation's collected amount (company currency at the payment's rate)."""
    return type_coerce(m.PaymentAllocation.collected_base, Money)


def collections_select(
    start: date | None, end_exclusive: date | None, *columns: Any
) -> Select[Any]:
    """``SELECT columns…`` over the allocations of payments dated in ``[start, end_exclusive)``
    joined to their invoice and order (``m.Order``), for grouping by owner or listing."""
    a, p, i, o = m.PaymentAllocation, m.Payment, m.Invoice, m.Order
    query = (
        select(*columns)
        .select_from(p)
        .join(a, a.payment_id == p.id)
        .join(i, i.id == a.invoice_id)
        .join(o, o.id == i.order_id)
    )
    if start is not None:
        query = query.where(p.payment_date >= start)
    if end_exclusive is not None:
        query = query.where(p.payment_date < end_exclusive)
    return query


def collections_by_owner(
    start: date | None, end_exclusive: date | None, owner: int | None = None
) -> Select[Any]:
    """Collections of the period per order owner: rows of (owner id, amount)."""
    query = collections_select(
        start, end_exclusive, m.Order.owner_id, type_coerce(func.sum(collected_amount()), Money)
    )
    if owner is not None:
        query = query.where(m.Order.owner_id == owner)
    return query.group_by(m.Order.owner_id)
