"""Revenue (销售额), defined once: net of tax (不含税), in the company currency at each order's
stored rate, of orders that are neither drafts nor cancelled, counted on the order date.

Every screen, report, target and export uses this definition (the SQL of it is
``services/revenue.py``) and names it on screen as :data:`REVENUE_LABEL`. A commission plan
names its own base (:class:`CommissionBase`): net revenue by default; plans made before
revenue was defined once keep the tax-included revenue they were computed on.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sms_desktop.domain.enums import OrderStatus, TargetMetric
from sms_desktop.domain.i18n import Message, translate


@dataclass(frozen=True, slots=True)
class RevenueDefinition:
    """What "revenue" means: which order amount, which orders, which day."""

    amount: str  # the order column counted (in the company currency)
    cost: str  # the order column of its cost (in the company currency)
    tax_included: bool
    excluded_statuses: frozenset[OrderStatus]
    day: str  # the order column that places an order in a period

    def counts(self, status: OrderStatus) -> bool:
        """Whether an order in ``status`` is part of revenue."""
        return status not in self.excluded_statuses


REVENUE = RevenueDefinition(
    amount="subtotal_base",
    cost="cost_total_base",
    tax_included=False,
    excluded_statuses=frozenset({OrderStatus.DRAFT, OrderStatus.CANCELLED}),
    day="order_date",
)

REVENUE_LABEL: Message = translate("Revenue", "Revenue (excl. tax)")
GROSS_REVENUE_LABEL: Message = translate("Revenue", "Revenue (incl. tax)")


class CommissionBase(StrEnum):
    """What a commission plan pays its rate on (stored on the plan)."""

    REVENUE_NET = "revenue_net"  # revenue as defined above
    REVENUE_GROSS = "revenue_gross"  # order totals with tax: plans made before 0007
    MARGIN = "margin"  # net revenue less cost
    COLLECTED = "collected"  # payments received (回款) in the period


DEFAULT_COMMISSION_BASE = CommissionBase.REVENUE_NET

_TARGET_OF_BASE = {
    CommissionBase.REVENUE_NET: TargetMetric.REVENUE,
    CommissionBase.REVENUE_GROSS: TargetMetric.REVENUE,
    CommissionBase.MARGIN: TargetMetric.GROSS_MARGIN,
    CommissionBase.COLLECTED: TargetMetric.COLLECTIONS,
}

_BASE_NAMES = {
    CommissionBase.REVENUE_NET: REVENUE_LABEL,
    CommissionBase.REVENUE_GROSS: GROSS_REVENUE_LABEL,
    CommissionBase.MARGIN: translate("Revenue", "Gross margin"),
    CommissionBase.COLLECTED: translate("Revenue", "Payments collected"),
}


def target_metric_of(base: CommissionBase) -> TargetMetric:
    """The target whose attainment picks a plan's tier."""
    return _TARGET_OF_BASE[base]


def base_name(base: CommissionBase) -> Message:
    """The base's name as shown on screen and printed on the statement."""
    return _BASE_NAMES[base]
