"""The SQL of the one revenue definition (``domain/revenue.py``).

Every query that sums revenue uses these column expressions (the dashboard, the customer
figures, targets, commissions, reports). ``order`` is ``m.Order`` or an alias of it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, type_coerce

from sms_desktop.domain.revenue import REVENUE
from sms_desktop.persistence import models as m
from sms_desktop.persistence.base import Money

_EXCLUDED = sorted(s.value for s in REVENUE.excluded_statuses)


def revenue_amount(order: Any = m.Order) -> ColumnElement[Any]:
    """The revenue of one order (net of tax) as a column expression; sum it for a total."""
    return type_coerce(getattr(order, REVENUE.amount), Money)


def margin_amount(order: Any = m.Order) -> ColumnElement[Any]:
    """The gross margin of one order: its revenue less its cost; sum it for a total."""
    return type_coerce(getattr(order, REVENUE.amount) - order.cost_total, Money)


def revenue_day(order: Any = m.Order) -> ColumnElement[date]:
    """The day an order's revenue counts on (its order date)."""
    return getattr(order, REVENUE.day)  # type: ignore[no-any-return]


def gross_amount(order: Any = m.Order) -> ColumnElement[Any]:
    """An order's total with tax: only for commission plans on the tax-included base."""
    return type_coerce(order.total, Money)


def revenue_filter(
    order: Any = m.Order, start: date | None = None, end_exclusive: date | None = None
) -> list[ColumnElement[bool]]:
    """The orders that count as revenue, optionally in ``[start, end_exclusive)`` by order date."""
    where: list[ColumnElement[bool]] = [order.status != s for s in _EXCLUDED]
    day = revenue_day(order)
    if start is not None:
        where.append(day >= start)
    if end_exclusive is not None:
        where.append(day < end_exclusive)
    return where
