"""The list of orders: number, date, customer, state, total (in the order's currency and in
the company currency), owner. The future Orders tab shows it with ``PagedTableModel``."""

from __future__ import annotations

from sms_desktop.domain.enums import OrderStatus
from sms_desktop.domain.i18n import translate
from sms_desktop.domain.orders import status_name
from sms_desktop.domain.palette import Colour
from sms_desktop.reporting.columns import Column, ListDefinition
from sms_desktop.services.lists import Order
from sms_desktop.services.orders import OrderRow, OrderSortKey

_MUTED = frozenset({OrderStatus.DRAFT, OrderStatus.CANCELLED})

ORDERS: ListDefinition[OrderRow, OrderSortKey] = ListDefinition(
    columns=(
        Column("number", translate("OrderList", "Number"), lambda r, _l: r.number, sort="number"),
        Column(
            "order_date",
            translate("OrderList", "Order date"),
            lambda r, _l: r.order_date,
            "date",
            sort="order_date",
        ),
        Column(
            "customer",
            translate("OrderList", "Customer"),
            lambda r, _l: r.customer,
            sort="customer",
        ),
        Column(
            "status",
            translate("OrderList", "Status"),
            lambda r, _l: status_name(r.status),
            sort="status",
            colour=lambda r, _f: Colour.MUTED if r.status in _MUTED else None,
        ),
        Column(
            "total",
            translate("OrderList", "Total"),
            lambda r, _l: r.total,
            "money",
            currency=lambda r: r.currency,
        ),
        Column(
            "total_base",
            translate("OrderList", "Total (company currency)"),
            lambda r, _l: r.total_base,
            "money",
            sort="total",
        ),
        Column("owner", translate("OrderList", "Owner"), lambda r, _l: r.owner, sort="owner"),
    ),
    order=Order("order_date", descending=True),
    sheet=translate("OrderList", "Orders"),
    file_name=translate("OrderList", "orders"),
)
