"""The list of orders (number, date, customer, state, total in the order's currency and in
the company currency, owner), the parts of one order (lines, deliveries, invoices, payments)
and the receivables' ageing: what the Orders tab shows and exports."""

from __future__ import annotations

from decimal import Decimal

from sms_desktop.domain.enums import OrderStatus
from sms_desktop.domain.i18n import translate
from sms_desktop.domain.orders import AGE_BUCKETS, AgeBucket, bucket_name, status_name
from sms_desktop.domain.palette import Colour
from sms_desktop.reporting.columns import Column, ListDefinition
from sms_desktop.services.lists import Order
from sms_desktop.services.orders import (
    DeliveryRow,
    InvoiceRow,
    OrderLineRow,
    OrderRow,
    OrderSortKey,
)
from sms_desktop.services.payments import METHOD_NAMES, PaymentRow
from sms_desktop.services.receivables import CustomerAgeing

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


# ----------------------------------------------------------------- one order's detail


def _quantity(value: Decimal) -> Decimal:
    return value.normalize() if value == value.to_integral() else value


LINE_COLUMNS: tuple[Column[OrderLineRow, None], ...] = (
    Column("sku", translate("OrderList", "Code"), lambda r, _l: r.sku or ""),
    Column("description", translate("OrderList", "Item"), lambda r, _l: r.description),
    Column(
        "quantity", translate("OrderList", "Qty"), lambda r, _l: _quantity(r.quantity), "decimal"
    ),
    Column(
        "delivered",
        translate("OrderList", "Delivered"),
        lambda r, _l: _quantity(r.delivered),
        "decimal",
        colour=lambda r, _f: Colour.MUTED if r.open_quantity else Colour.SUCCESS,
    ),
    Column("unit", translate("OrderList", "Unit"), lambda r, _l: r.unit or ""),
    Column("unit_price", translate("OrderList", "Unit price"), lambda r, _l: r.unit_price, "money"),
    Column("total", translate("OrderList", "Amount"), lambda r, _l: r.total_amount, "money"),
)

DELIVERY_COLUMNS: tuple[Column[DeliveryRow, None], ...] = (
    Column("number", translate("OrderList", "Delivery"), lambda r, _l: r.number),
    Column("date", translate("OrderList", "Date"), lambda r, _l: r.delivery_date, "date"),
    Column("lines", translate("OrderList", "Lines"), lambda r, _l: len(r.quantities), "int"),
    Column("note", translate("OrderList", "Note"), lambda r, _l: r.note or ""),
)

INVOICE_COLUMNS: tuple[Column[InvoiceRow, None], ...] = (
    Column("number", translate("OrderList", "Invoice no."), lambda r, _l: r.number),
    Column("date", translate("OrderList", "Invoice date"), lambda r, _l: r.invoice_date, "date"),
    Column("due", translate("OrderList", "Due"), lambda r, _l: r.due_date, "date"),
    Column(
        "amount",
        translate("OrderList", "Amount"),
        lambda r, _l: r.amount,
        "money",
        currency=lambda r: r.currency,
    ),
    Column(
        "paid",
        translate("OrderList", "Paid"),
        lambda r, _l: r.paid,
        "money",
        currency=lambda r: r.currency,
    ),
    Column(
        "open",
        translate("OrderList", "Open"),
        lambda r, _l: r.open_amount,
        "money",
        currency=lambda r: r.currency,
        colour=lambda r, f: Colour.OVERDUE if r.open_amount > 0 and r.due_date < f.today else None,
    ),
)

PAYMENT_COLUMNS: tuple[Column[PaymentRow, None], ...] = (
    Column("date", translate("OrderList", "Date"), lambda r, _l: r.payment_date, "date"),
    Column(
        "amount",
        translate("OrderList", "Amount"),
        lambda r, _l: r.amount,
        "money",
        currency=lambda r: r.currency,
    ),
    Column("method", translate("OrderList", "Method"), lambda r, _l: METHOD_NAMES[r.method]),
    Column("reference", translate("OrderList", "Reference"), lambda r, _l: r.reference or ""),
    Column(
        "invoices",
        translate("OrderList", "Applied to"),
        lambda r, _l: ", ".join(a.invoice_number for a in r.allocations),
    ),
)


# ------------------------------------------------------------------------ receivables


def _bucket_column(bucket: AgeBucket) -> Column[CustomerAgeing, None]:
    return Column(
        bucket.value,
        bucket_name(bucket),
        lambda r, _l: r.buckets[bucket],
        "money",
        zero="–",
        colour=(None if bucket is AgeBucket.NOT_DUE else lambda r, _f: (
            Colour.OVERDUE if r.buckets[bucket] else None
        )),
    )  # fmt: skip


AGEING_COLUMNS: tuple[Column[CustomerAgeing, None], ...] = (
    Column("customer", translate("OrderList", "Customer"), lambda r, _l: r.customer),
    Column("code", translate("OrderList", "Code"), lambda r, _l: r.code),
    Column("open", translate("OrderList", "Open"), lambda r, _l: r.open, "money"),
    *(_bucket_column(b) for b in AGE_BUCKETS),
    Column("credit", translate("OrderList", "Credit"), lambda r, _l: r.credit, "money", zero="–"),
)
AGEING_SHEET = translate("OrderList", "Receivables")
