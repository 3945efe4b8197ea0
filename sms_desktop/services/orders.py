"""Orders (销售订单): entry, the life-cycle, deliveries, invoices, the list.

The life-cycle and what each state allows are ``domain/orders.py``; every method here checks
them, one transaction per user action, and the audit log records each change (entity
``order``). Amounts are never invented here: lines are priced by the quote rules
(:func:`sms_desktop.domain.quotes.compute`, the same :class:`~.quotes.LineData` the quote
editor sends, priced with :meth:`OrdersService.pricing`), and each order stores its currency,
the rate of its date to the company currency (:mod:`.currencies`) and its amounts converted at
that rate (``*_base``), so its history never changes when rates do.

The service API a future Orders tab uses (all on ``Services.orders``):

* the list: ``count_rows`` / ``page_rows`` / ``iter_rows`` under :class:`OrderFilter`
  (columns in ``reporting/lists/orders.py``), so the tab is one ``PagedTableModel``;
* a record: :meth:`~OrdersService.get`, :meth:`~OrdersService.find`; its history is
  ``Services.history`` with ``HistoryFilter(entity="order", entity_id=…)``;
* entry: :meth:`~OrdersService.new_draft`, :meth:`~OrdersService.pricing`,
  :meth:`~OrdersService.save` (new or edited, draft or confirmed before delivery),
  :meth:`~OrdersService.credit_check` (the warning before confirming);
* moves: :meth:`~OrdersService.confirm`, :meth:`~OrdersService.deliver`,
  :meth:`~OrdersService.invoice`, :meth:`~OrdersService.cancel`,
  :meth:`~OrdersService.delete` / :meth:`~OrdersService.restore` (drafts, the trash);
* payments are ``Services.payments``, balances and ageing ``Services.receivables``.

Accepting a quote creates its order here (:func:`create_order_in`, in the acceptance's
transaction), confirmed, with the quote's currency and rate.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import ColumnElement, exists, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from sms_desktop.domain.currency import to_base
from sms_desktop.domain.enums import (
    AuditAction,
    OrderSource,
    OrderStatus,
    QuoteLineKind,
    RoundingPolicy,
    TaxMode,
)
from sms_desktop.domain.errors import ConflictError, Errors, NotFoundError, ValidationError
from sms_desktop.domain.i18n import Message, translate
from sms_desktop.domain.money import CURRENCIES, MAX_AMOUNT, ZERO, round_money
from sms_desktop.domain.orders import (
    DEFAULT_TERMS,
    OrderAction,
    PaymentTerms,
    Progress,
    can_do,
    can_move,
    progress_status,
    status_name,
)
from sms_desktop.domain.quotes import LineInput, compute, line_cost
from sms_desktop.persistence import models as m
from sms_desktop.persistence.base import Quantity
from sms_desktop.persistence.db import Database
from sms_desktop.services import audit
from sms_desktop.services.currencies import company_currency_in, rate_on
from sms_desktop.services.followups import drop_follow_ups_in, schedule_for_order
from sms_desktop.services.lists import Order, iter_pages
from sms_desktop.services.numbering import take_number
from sms_desktop.services.revenue import money_sum
from sms_desktop.services.settings import SettingsService
from sms_desktop.services.soft_delete import move_to_trash, take_out_of_trash

if TYPE_CHECKING:  # services/quotes.py imports this module (the accept path)
    from sms_desktop.services.quotes import LineData, PartyInfo, PricingContext

ENTITY = "order"
DELIVERY_PATTERN = "DN-{year}-{seq:05}"
MAX_REASON = 500
MAX_INVOICE_NUMBER = 40
MAX_NOTE = 2000

OrderSortKey = Literal["number", "order_date", "customer", "status", "total", "owner"]


# --------------------------------------------------------------------- inputs and rows


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
    unit: str | None = None

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
    status: OrderStatus = OrderStatus.CONFIRMED
    exchange_rate: Decimal | None = None  # None: the rate of the order date
    tax_mode: TaxMode = TaxMode.EXCLUSIVE
    rounding_policy: RoundingPolicy = RoundingPolicy.PER_LINE
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class OrderDraft:
    """What the order editor sends: the lines as entered (amounts are recomputed)."""

    customer_id: int
    order_date: date
    owner_id: int | None = None
    currency: str = "CNY"
    tax_mode: TaxMode = TaxMode.EXCLUSIVE
    rounding_policy: RoundingPolicy = RoundingPolicy.PER_LINE
    notes: str = ""
    lines: tuple[LineData, ...] = ()


@dataclass(frozen=True, slots=True)
class OrderFilter:
    status: OrderStatus | None = None
    customer_id: int | None = None
    owner_id: int | None = None
    start: date | None = None  # order date, inclusive
    end: date | None = None  # order date, inclusive
    overdue_on: date | None = None  # only orders with an invoice unpaid after its due date
    search: str = ""  # in the number and the customer's names
    include_cancelled: bool = True


@dataclass(frozen=True, slots=True)
class OrderRow:
    id: int
    number: str
    order_date: date
    customer_id: int
    customer: str
    status: OrderStatus
    currency: str
    total: Decimal
    total_base: Decimal
    owner: str | None

    @property
    def status_text(self) -> Message:
        return status_name(self.status)


@dataclass(frozen=True, slots=True)
class OrderLineRow:
    id: int
    position: int
    product_id: int | None
    sku: str | None
    description: str
    unit: str | None
    quantity: Decimal
    delivered: Decimal
    unit_price: Decimal
    discount_percent: Decimal
    tax_rate: Decimal
    net_amount: Decimal
    tax_amount: Decimal
    total_amount: Decimal
    product_names: tuple[str, str] | None = None  # the product's (Chinese, English) names

    @property
    def open_quantity(self) -> Decimal:
        return max(self.quantity - self.delivered, Decimal(0))


@dataclass(frozen=True, slots=True)
class DeliveryRow:
    id: int
    number: str
    delivery_date: date
    note: str | None
    quantities: Mapping[int, Decimal]  # order line id -> quantity


@dataclass(frozen=True, slots=True)
class InvoiceRow:
    id: int
    number: str
    invoice_date: date
    due_date: date
    currency: str
    amount: Decimal
    paid: Decimal
    amount_base: Decimal

    @property
    def open_amount(self) -> Decimal:
        return self.amount - self.paid


@dataclass(frozen=True, slots=True)
class OrderDetail:
    id: int
    number: str
    customer_id: int
    customer: str
    owner_id: int | None
    order_date: date
    status: OrderStatus
    currency: str
    exchange_rate: Decimal
    company_currency: str
    tax_mode: TaxMode
    rounding_policy: RoundingPolicy
    subtotal: Decimal
    tax_total: Decimal
    total: Decimal
    subtotal_base: Decimal
    total_base: Decimal
    payment_terms: PaymentTerms
    cancel_reason: str | None
    notes: str | None
    quote_id: int | None
    source: OrderSource
    lines: tuple[OrderLineRow, ...]
    deliveries: tuple[DeliveryRow, ...]
    invoices: tuple[InvoiceRow, ...]
    in_trash: bool = False

    @property
    def invoiced(self) -> Decimal:
        return sum((i.amount for i in self.invoices), ZERO)

    @property
    def paid(self) -> Decimal:
        return sum((i.paid for i in self.invoices), ZERO)

    @property
    def uninvoiced(self) -> Decimal:
        return self.total - self.invoiced

    def allows(self, action: OrderAction) -> bool:
        return not self.in_trash and can_do(self.status, action)

    def as_draft(self) -> OrderDraft:
        from sms_desktop.services.quotes import LineData

        return OrderDraft(
            customer_id=self.customer_id,
            order_date=self.order_date,
            owner_id=self.owner_id,
            currency=self.currency,
            tax_mode=self.tax_mode,
            rounding_policy=self.rounding_policy,
            notes=self.notes or "",
            lines=tuple(
                LineData(
                    product_id=ln.product_id,
                    description=ln.description,
                    quantity=ln.quantity,
                    unit=ln.unit or "",
                    unit_price=ln.unit_price,
                    discount_percent=ln.discount_percent,
                    tax_rate=ln.tax_rate,
                    net_amount=ln.net_amount,
                    tax_amount=ln.tax_amount,
                    total_amount=ln.total_amount,
                    sku=ln.sku,
                    product_names=ln.product_names,
                )
                for ln in self.lines
            ),
        )


@dataclass(frozen=True, slots=True)
class OrderDocument:
    """An order as its PDFs print it."""

    order: OrderDetail
    party: PartyInfo
    owner: str


@dataclass(frozen=True, slots=True)
class Confirmed:
    """A confirmed order and the follow-up tasks its confirmation started (for the undo)."""

    order: OrderDetail
    follow_up_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class DeliveryInput:
    delivery_date: date
    quantities: Mapping[int, Decimal]  # order line id -> quantity delivered now
    note: str = ""


@dataclass(frozen=True, slots=True)
class InvoiceInput:
    number: str  # 发票号
    invoice_date: date
    amount: Decimal | None = None  # with tax; None: everything not invoiced yet


@dataclass(frozen=True, slots=True)
class CreditCheck:
    """The customer's credit position if an order of ``amount`` (company currency) is added."""

    limit: Decimal | None  # None: no limit set
    open_balance: Decimal  # invoiced and not paid, plus confirmed orders not yet invoiced
    amount: Decimal
    currency: str

    @property
    def exceeded(self) -> bool:
        return self.limit is not None and self.open_balance + self.amount > self.limit

    def warning(self) -> Message | None:
        if not self.exceeded:
            return None
        return translate(
            "Orders",
            "This order takes the customer over the credit limit of {limit} {currency}:"
            " {open} {currency} is open already.",
        ).format(limit=self.limit, open=self.open_balance, currency=self.currency)


# ------------------------------------------------------------------------- messages


def _not_found() -> NotFoundError:
    return NotFoundError(translate("Orders", "This order no longer exists."))


def _moved_on(order: m.Order) -> ConflictError:
    return ConflictError(
        translate(
            "Orders", "Order {number} is {status} now; this step can no longer be undone."
        ).format(number=order.number, status=status_name(order.status))
    )


def _refused(action: OrderAction, status: OrderStatus) -> ConflictError:
    names = {
        OrderAction.EDIT_LINES: translate("Orders", "changed"),
        OrderAction.CONFIRM: translate("Orders", "confirmed"),
        OrderAction.DELIVER: translate("Orders", "delivered"),
        OrderAction.INVOICE: translate("Orders", "invoiced"),
        OrderAction.CANCEL: translate("Orders", "cancelled"),
        OrderAction.DELETE: translate("Orders", "moved to the trash"),
    }
    return ConflictError(
        translate("Orders", "An order that is {status} cannot be {action}.").format(
            status=status_name(status), action=names[action]
        )
    )


# ------------------------------------------------------------------- in a transaction


def terms_of(code: str | None) -> PaymentTerms:
    """Stored terms, or the default (net 30) when none or unreadable."""
    if not code:
        return DEFAULT_TERMS
    try:
        return PaymentTerms.parse(code)
    except ValueError:
        return DEFAULT_TERMS


@dataclass(frozen=True, slots=True)
class CreatedOrder:
    """A new order and the follow-up tasks it started (taken back with it by an undo)."""

    id: int
    follow_up_ids: tuple[int, ...]


def create_order_in(session: Session, data: OrderInput, *, pattern: str) -> CreatedOrder:
    """Record ``data`` as a new order numbered from ``pattern``, inside the caller's
    transaction, and start the active "after an order" follow-up plans (not for a draft).

    The rate is ``data.exchange_rate`` (a quote's stored one) or the rate of the order date
    (:class:`~.currencies.MissingRateError` when there is none)."""
    company = company_currency_in(session)
    rate = data.exchange_rate
    if rate is None or data.currency == company:
        rate = rate_on(session, data.currency, data.order_date, company=company)
    terms = session.execute(
        select(m.Customer.payment_terms).where(m.Customer.id == data.customer_id)
    ).scalar()
    order = m.Order(
        number=take_number(session, pattern, "order", data.order_date, m.Order),
        customer_id=data.customer_id,
        quote_id=data.quote_id,
        opportunity_id=data.opportunity_id,
        owner_id=data.owner_id,
        order_date=data.order_date,
        status=data.status,
        currency=data.currency,
        exchange_rate=rate,
        tax_mode=data.tax_mode,
        rounding_policy=data.rounding_policy,
        subtotal=data.subtotal,
        tax_total=data.tax_total,
        total=data.total,
        cost_total=sum((line.cost for line in data.lines), ZERO),
        payment_terms=terms,
        source=data.source,
        notes=data.notes,
    )
    order.lines.extend(
        m.OrderLine(
            position=position,
            product_id=line.product_id,
            description=line.description,
            unit=line.unit,
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
    session.add(order)  # its company-currency amounts: persistence/models._fill_base_amounts
    session.flush()
    audit.record(session, ENTITY, order.id, AuditAction.CREATE, new=order.number)
    if data.status is OrderStatus.DRAFT:
        return CreatedOrder(order.id, ())
    return CreatedOrder(order.id, tuple(schedule_for_order(session, order.id)))


def delivered_quantities(session: Session, order_id: int) -> dict[int, Decimal]:
    """Per order line, the quantity delivered so far."""
    dl, d = m.DeliveryLine, m.Delivery
    rows = session.execute(
        select(dl.order_line_id, type_coerce(func.sum(dl.quantity), Quantity))
        .join(d, d.id == dl.delivery_id)
        .where(d.order_id == order_id)
        .group_by(dl.order_line_id)
    )
    return dict(rows.all())


def refresh_status(session: Session, order: m.Order, *, taking_back: bool = False) -> OrderStatus:
    """Move ``order`` to the state its deliveries, invoices and payments give (checked
    against the life-cycle, unless an undo is ``taking_back`` a delivery or an invoice: then
    the order goes back to the state its remaining facts give); returns the state."""
    session.flush()
    delivered = delivered_quantities(session, order.id)
    i, a = m.Invoice, m.PaymentAllocation
    invoiced = session.execute(
        select(money_sum(i.amount)).where(i.order_id == order.id)
    ).scalar_one()
    paid = session.execute(
        select(money_sum(a.amount)).join(i, i.id == a.invoice_id).where(i.order_id == order.id)
    ).scalar_one()
    progress = Progress(
        ordered_all=all(delivered.get(ln.id, ZERO) >= ln.quantity for ln in order.lines),
        delivered_any=any(v > 0 for v in delivered.values()),
        total=order.total,
        invoiced=invoiced,
        paid=paid,
    )
    target = progress_status(order.status, progress)
    if target is not order.status:
        if not taking_back and not can_move(order.status, target):
            raise ConflictError(
                translate("Orders", "An order that is {status} cannot become {target}.").format(
                    status=status_name(order.status), target=status_name(target)
                )
            )
        audit.record(
            session,
            ENTITY,
            order.id,
            AuditAction.UPDATE,
            field="status",
            old=order.status.value,
            new=target.value,
        )
        order.status = target
    return target


# --------------------------------------------------------------------------- service


class OrdersService:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._settings = SettingsService(db)

    # ------------------------------------------------------------------- lists

    @staticmethod
    def _conditions(flt: OrderFilter) -> list[ColumnElement[bool]]:
        o, c = m.Order, m.Customer
        conditions: list[ColumnElement[bool]] = [o.deleted_at.is_(None)]
        if flt.status is not None:
            conditions.append(o.status == flt.status)
        elif not flt.include_cancelled:
            conditions.append(o.status != OrderStatus.CANCELLED)
        if flt.customer_id is not None:
            conditions.append(o.customer_id == flt.customer_id)
        if flt.owner_id is not None:
            conditions.append(o.owner_id == flt.owner_id)
        if flt.start is not None:
            conditions.append(o.order_date >= flt.start)
        if flt.end is not None:
            conditions.append(o.order_date < flt.end + timedelta(days=1))
        if flt.overdue_on is not None:
            i, a = m.Invoice, m.PaymentAllocation
            paid = select(money_sum(a.amount)).where(a.invoice_id == i.id).scalar_subquery()
            conditions.append(
                exists().where(i.order_id == o.id, i.due_date < flt.overdue_on, i.amount > paid)
            )
        text = flt.search.strip()
        if text:
            escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            pattern = f"%{escaped}%"
            conditions.append(
                or_(
                    o.number.ilike(pattern, escape="\\"),
                    c.name.ilike(pattern, escape="\\"),
                    c.name_en.ilike(pattern, escape="\\"),
                )
            )
        return conditions

    @staticmethod
    def _needs_customer(flt: OrderFilter, order: Order[OrderSortKey] | None = None) -> bool:
        return bool(flt.search.strip()) or (order is not None and order.key == "customer")

    def count_rows(self, flt: OrderFilter, /, *, cap: int | None = None) -> int:
        o = m.Order
        inner = select(o.id).where(*self._conditions(flt))
        if self._needs_customer(flt):
            inner = inner.join(m.Customer, m.Customer.id == o.customer_id)
        if cap is not None:
            inner = inner.limit(cap)
        query = select(func.count()).select_from(inner.subquery())
        with self._db.read() as session:
            return int(session.execute(query).scalar_one())

    def page_rows(
        self, flt: OrderFilter, order: Order[OrderSortKey], /, *, offset: int, limit: int
    ) -> list[OrderRow]:
        o, c, sp = m.Order, m.Customer, m.Salesperson
        keys: dict[str, Any] = {
            "number": o.number,
            "order_date": o.order_date,
            "customer": c.sort_name,
            "status": o.status,
            "total": o.total_base,
            "owner": sp.name,
        }
        key = keys[order.key]
        direction = [key.desc(), o.id.desc()] if order.descending else [key.asc(), o.id.asc()]
        # The page's ids first (on the orders' own indexes), then its names.
        ids = select(o.id).where(*self._conditions(flt))
        if self._needs_customer(flt, order):
            ids = ids.join(c, c.id == o.customer_id)
        if order.key == "owner":
            ids = ids.outerjoin(sp, sp.id == o.owner_id)
        page = ids.order_by(*direction).offset(offset).limit(limit).subquery()
        query = (
            select(
                o.id,
                o.number,
                o.order_date,
                o.customer_id,
                c.name,
                o.status,
                o.currency,
                o.total,
                o.total_base,
                sp.name,
            )
            .join(page, page.c.id == o.id)
            .join(c, c.id == o.customer_id)
            .outerjoin(sp, sp.id == o.owner_id)
            .order_by(*direction)
        )
        with self._db.read() as session:
            rows: list[Any] = list(session.execute(query))
        return [OrderRow(*row) for row in rows]

    def iter_rows(self, flt: OrderFilter, order: Order[OrderSortKey], /) -> Iterator[OrderRow]:
        return iter_pages(
            lambda offset, limit: self.page_rows(flt, order, offset=offset, limit=limit)
        )

    # ------------------------------------------------------------------ reading

    def get(self, order_id: int) -> OrderDetail:
        with self._db.read() as session:
            order = session.get(m.Order, order_id)
            if order is None:
                raise _not_found()
            return self._detail(session, order)

    def document(self, order_id: int) -> OrderDocument:
        """What the order's PDFs print: the order, its customer block and its owner's name."""
        from sms_desktop.services.quotes import PartyInfo

        with self._db.read() as session:
            order = session.get(m.Order, order_id)
            if order is None:
                raise _not_found()
            customer = session.get(m.Customer, order.customer_id)
            assert customer is not None
            contact = session.execute(
                select(m.Contact)
                .where(m.Contact.customer_id == customer.id, m.Contact.deleted_at.is_(None))
                .order_by(m.Contact.is_primary.desc(), m.Contact.id)
                .limit(1)
            ).scalar_one_or_none()
            owner = session.get(m.Salesperson, order.owner_id) if order.owner_id else None
            party = PartyInfo(
                name=customer.name,
                name_en=customer.name_en,
                address=customer.address,
                tax_id=customer.tax_id,
                phone=customer.phone,
                email=customer.email,
                contact=contact.name if contact else None,
                contact_phone=(contact.mobile or contact.phone) if contact else None,
                contact_email=contact.email if contact else None,
                quote_language=customer.quote_language,
            )
            return OrderDocument(self._detail(session, order), party, owner.name if owner else "")

    def find(self, number: str) -> OrderDetail:
        """The order numbered ``number`` (not in the trash)."""
        with self._db.read() as session:
            order = session.execute(
                select(m.Order).where(m.Order.number == number, m.Order.deleted_at.is_(None))
            ).scalar_one_or_none()
            if order is None:
                raise NotFoundError(
                    translate("Orders", "There is no order {number}.").format(number=number)
                )
            return self._detail(session, order)

    @staticmethod
    def _detail(session: Session, order: m.Order) -> OrderDetail:
        customer = session.get(m.Customer, order.customer_id)
        delivered = delivered_quantities(session, order.id)
        products = {
            pid: (sku, (name_zh, name_en))
            for pid, sku, name_zh, name_en in session.execute(
                select(m.Product.id, m.Product.sku, m.Product.name_zh, m.Product.name_en).where(
                    m.Product.id.in_([ln.product_id for ln in order.lines if ln.product_id])
                )
            )
        }
        lines = tuple(
            OrderLineRow(
                ln.id,
                ln.position,
                ln.product_id,
                products[ln.product_id][0] if ln.product_id in products else None,
                ln.description,
                ln.unit,
                ln.quantity,
                delivered.get(ln.id, Decimal("0.000")),
                ln.unit_price,
                ln.discount_percent,
                ln.tax_rate,
                ln.net_amount,
                ln.tax_amount,
                ln.total_amount,
                products[ln.product_id][1] if ln.product_id in products else None,
            )
            for ln in order.lines
        )
        deliveries = []
        for delivery in session.execute(
            select(m.Delivery).where(m.Delivery.order_id == order.id).order_by(m.Delivery.id)
        ).scalars():
            deliveries.append(
                DeliveryRow(
                    delivery.id,
                    delivery.number,
                    delivery.delivery_date,
                    delivery.note,
                    {dl.order_line_id: dl.quantity for dl in delivery.lines},
                )
            )
        i, a = m.Invoice, m.PaymentAllocation
        paid = select(money_sum(a.amount)).where(a.invoice_id == i.id).scalar_subquery()
        invoices = tuple(
            InvoiceRow(iid, num, day, due, cur, amount, p, base)
            for iid, num, day, due, cur, amount, p, base in session.execute(
                select(
                    i.id,
                    i.number,
                    i.invoice_date,
                    i.due_date,
                    i.currency,
                    i.amount,
                    paid,
                    i.amount_base,
                )
                .where(i.order_id == order.id)
                .order_by(i.invoice_date, i.id)
            )
        )
        return OrderDetail(
            id=order.id,
            number=order.number,
            customer_id=order.customer_id,
            customer=customer.name if customer else "",
            owner_id=order.owner_id,
            order_date=order.order_date,
            status=order.status,
            currency=order.currency,
            exchange_rate=order.exchange_rate,
            company_currency=company_currency_in(session),
            tax_mode=order.tax_mode,
            rounding_policy=order.rounding_policy,
            subtotal=order.subtotal,
            tax_total=order.tax_total,
            total=order.total,
            subtotal_base=order.subtotal_base,
            total_base=order.total_base,
            payment_terms=terms_of(order.payment_terms),
            cancel_reason=order.cancel_reason,
            notes=order.notes,
            quote_id=order.quote_id,
            source=order.source,
            lines=lines,
            deliveries=tuple(deliveries),
            invoices=invoices,
            in_trash=order.deleted_at is not None,
        )

    # ------------------------------------------------------------------- entry

    def new_draft(self, customer_id: int, *, today: date) -> OrderDraft:
        """A blank order for this customer: today, the customer's owner and currency."""
        with self._db.read() as session:
            customer = session.get(m.Customer, customer_id)
            if customer is None or customer.deleted_at is not None:
                raise NotFoundError(translate("Orders", "This customer no longer exists."))
            currency = customer.currency or company_currency_in(session)
            return OrderDraft(
                customer_id=customer_id,
                order_date=today,
                owner_id=customer.owner_id,
                currency=currency,
            )

    def pricing(self, customer_id: int | None) -> PricingContext:
        """The products and price rules for this customer: the quote editor's pricing."""
        from sms_desktop.services.quotes import QuotesService

        return QuotesService(self._db).pricing(customer_id)

    def save(
        self, order_id: int | None, draft: OrderDraft, *, confirm: bool = False
    ) -> OrderDetail:
        """Save a new order (a draft, or confirmed at once with ``confirm``) or change the
        lines of one that allows it (a draft, or confirmed and not delivered)."""
        cleaned, totals = self._clean(draft)
        pattern = self._settings.defaults().order_number_pattern
        lines = tuple(
            OrderLineInput(
                description=ln.description,
                quantity=ln.quantity,
                unit_price=ln.unit_price,
                net_amount=amounts.net,
                tax_amount=amounts.tax,
                total_amount=amounts.total,
                discount_percent=ln.discount_percent,
                tax_rate=ln.tax_rate,
                unit_cost=ln.unit_cost,
                product_id=ln.product_id,
                unit=ln.unit or None,
            )
            for ln, amounts in zip(cleaned.lines, totals.lines, strict=True)
        )
        with self._db.write() as session:
            self._check_references(session, cleaned)
            if order_id is None:
                new_id = create_order_in(
                    session,
                    OrderInput(
                        customer_id=cleaned.customer_id,
                        order_date=cleaned.order_date,
                        currency=cleaned.currency,
                        lines=lines,
                        subtotal=totals.subtotal,
                        tax_total=totals.tax_total,
                        total=totals.total,
                        owner_id=cleaned.owner_id,
                        status=OrderStatus.CONFIRMED if confirm else OrderStatus.DRAFT,
                        tax_mode=cleaned.tax_mode,
                        rounding_policy=cleaned.rounding_policy,
                        notes=cleaned.notes or None,
                    ),
                    pattern=pattern,
                )
                order = session.get(m.Order, new_id.id)
                assert order is not None
                return self._detail(session, order)
            order = self._order(session, order_id)
            if not can_do(order.status, OrderAction.EDIT_LINES):
                raise _refused(OrderAction.EDIT_LINES, order.status)
            before = _audited(order)
            company = company_currency_in(session)
            order.customer_id = cleaned.customer_id
            order.owner_id = cleaned.owner_id
            order.order_date = cleaned.order_date
            order.currency = cleaned.currency
            order.exchange_rate = rate_on(
                session, cleaned.currency, cleaned.order_date, company=company
            )
            order.tax_mode = cleaned.tax_mode
            order.rounding_policy = cleaned.rounding_policy
            order.notes = cleaned.notes or None
            order.subtotal = totals.subtotal
            order.tax_total = totals.tax_total
            order.total = totals.total
            order.cost_total = sum((ln.cost for ln in lines), ZERO)
            order.lines.clear()
            session.flush()
            for position, line in enumerate(lines, start=1):
                order.lines.append(
                    m.OrderLine(
                        position=position,
                        product_id=line.product_id,
                        description=line.description,
                        unit=line.unit,
                        quantity=line.quantity,
                        unit_price=line.unit_price,
                        discount_percent=line.discount_percent,
                        tax_rate=line.tax_rate,
                        unit_cost=line.unit_cost or ZERO,
                        net_amount=line.net_amount,
                        tax_amount=line.tax_amount,
                        total_amount=line.total_amount,
                    )
                )
            session.flush()
            audit.record_changes(session, ENTITY, order.id, before, _audited(order))
            if confirm and order.status is OrderStatus.DRAFT:
                self._move(session, order, OrderStatus.CONFIRMED)
            return self._detail(session, order)

    @staticmethod
    def _clean(draft: OrderDraft) -> tuple[OrderDraft, Any]:
        from sms_desktop.services.quotes import _clean_lines as clean_lines
        from sms_desktop.services.quotes import check_limits

        errors = Errors()
        if draft.currency not in CURRENCIES:
            errors.add("currency", translate("Orders", "Choose one of the supported currencies."))
        notes = draft.notes.strip()
        if len(notes) > MAX_NOTE:
            errors.add(
                "notes", translate("Orders", "At most {limit} characters.").format(limit=MAX_NOTE)
            )
        items = tuple(ln for ln in draft.lines if ln.kind is QuoteLineKind.ITEM)
        if not items:
            errors.add("lines", translate("Orders", "An order needs at least one product line."))
        lines = clean_lines(items, errors)
        errors.raise_if_any()
        inputs = [ln.as_input() for ln in lines]
        totals = compute(inputs, tax_mode=draft.tax_mode, rounding=draft.rounding_policy)
        check_limits(inputs, totals)
        return replace(draft, notes=notes, lines=lines), totals

    @staticmethod
    def _check_references(session: Session, draft: OrderDraft) -> None:
        customer = session.get(m.Customer, draft.customer_id)
        if customer is None or customer.deleted_at is not None:
            raise ValidationError(
                {"customer_id": translate("Orders", "This customer no longer exists.")}
            )
        if draft.owner_id is not None and session.get(m.Salesperson, draft.owner_id) is None:
            raise ValidationError(
                {"owner_id": translate("Orders", "This salesperson no longer exists.")}
            )

    def credit_check(
        self, customer_id: int, amount: Decimal, *, order_id: int | None = None
    ) -> CreditCheck:
        """The customer's open balance against the credit limit when an order of ``amount``
        (company currency, with tax) is added; ``order_id``: an order already counted."""
        from sms_desktop.services.receivables import customer_exposure

        with self._db.read() as session:
            customer = session.get(m.Customer, customer_id)
            if customer is None:
                raise _not_found()
            exposure = customer_exposure(session, customer_id, exclude_order=order_id)
            return CreditCheck(
                customer.credit_limit, exposure, amount, company_currency_in(session)
            )

    # ------------------------------------------------------------------- moves

    @staticmethod
    def _order(session: Session, order_id: int) -> m.Order:
        order = session.get(m.Order, order_id)
        if order is None or order.deleted_at is not None:
            raise _not_found()
        return order

    @staticmethod
    def _move(session: Session, order: m.Order, target: OrderStatus) -> None:
        if not can_move(order.status, target):
            raise ConflictError(
                translate("Orders", "An order that is {status} cannot become {target}.").format(
                    status=status_name(order.status), target=status_name(target)
                )
            )
        audit.record(
            session,
            ENTITY,
            order.id,
            AuditAction.UPDATE,
            field="status",
            old=order.status.value,
            new=target.value,
        )
        order.status = target

    def confirm(self, order_id: int) -> Confirmed:
        """A draft becomes a confirmed order (the customer agreed): it now counts as a sale,
        and the "after an order" follow-up plans start."""
        with self._db.write() as session:
            order = self._order(session, order_id)
            if not can_do(order.status, OrderAction.CONFIRM):
                raise _refused(OrderAction.CONFIRM, order.status)
            self._move(session, order, OrderStatus.CONFIRMED)
            follow_ups = tuple(schedule_for_order(session, order.id))
            return Confirmed(self._detail(session, order), follow_ups)

    def deliver(self, order_id: int, data: DeliveryInput) -> OrderDetail:
        """Record a delivery of some quantity of some lines (the rest stays to deliver)."""
        with self._db.write() as session:
            order = self._order(session, order_id)
            if not can_do(order.status, OrderAction.DELIVER):
                raise _refused(OrderAction.DELIVER, order.status)
            delivered = delivered_quantities(session, order.id)
            by_id = {ln.id: ln for ln in order.lines}
            errors = Errors()
            wanted = {k: v for k, v in data.quantities.items() if v != 0}
            if not wanted:
                errors.add("quantities", translate("Orders", "Enter a quantity to deliver."))
            for line_id, quantity in wanted.items():
                line = by_id.get(line_id)
                if line is None:
                    errors.add("quantities", translate("Orders", "A line is not on this order."))
                    continue
                left = line.quantity - delivered.get(line_id, ZERO)
                if (
                    not quantity.is_finite()
                    or quantity < 0
                    or quantity != quantity.quantize(Decimal("0.001"))
                    or quantity > left
                ):
                    errors.add(
                        f"lines.{line.position}",
                        translate(
                            "Orders", "Line {n}: deliver more than 0 and at most {left}."
                        ).format(n=line.position, left=left.normalize()),
                    )
            if order.order_date > data.delivery_date:
                errors.add(
                    "delivery_date",
                    translate("Orders", "The delivery cannot be before the order date."),
                )
            note = data.note.strip()
            if len(note) > MAX_NOTE:
                errors.add(
                    "note",
                    translate("Orders", "At most {limit} characters.").format(limit=MAX_NOTE),
                )
            errors.raise_if_any()
            delivery = m.Delivery(
                order_id=order.id,
                number=take_number(
                    session, DELIVERY_PATTERN, "delivery", data.delivery_date, m.Delivery
                ),
                delivery_date=data.delivery_date,
                note=note or None,
            )
            delivery.lines.extend(
                m.DeliveryLine(order_line_id=line_id, quantity=quantity)
                for line_id, quantity in sorted(wanted.items())
            )
            session.add(delivery)
            session.flush()
            audit.record(
                session,
                ENTITY,
                order.id,
                AuditAction.UPDATE,
                field="delivery",
                new=delivery.number,
            )
            refresh_status(session, order)
            return self._detail(session, order)

    def invoice(self, order_id: int, data: InvoiceInput) -> OrderDetail:
        """Record an invoice (发票) for all or part of what is not invoiced yet; its due date
        follows the order's payment terms."""
        number = data.number.strip()
        with self._db.write() as session:
            order = self._order(session, order_id)
            if not can_do(order.status, OrderAction.INVOICE):
                raise _refused(OrderAction.INVOICE, order.status)
            invoiced = session.execute(
                select(money_sum(m.Invoice.amount)).where(m.Invoice.order_id == order.id)
            ).scalar_one()
            left = order.total - invoiced
            amount = left if data.amount is None else data.amount
            errors = Errors()
            if not number or len(number) > MAX_INVOICE_NUMBER:
                errors.add(
                    "number",
                    translate(
                        "Orders", "Enter the invoice number (at most {limit} characters)."
                    ).format(limit=MAX_INVOICE_NUMBER),
                )
            elif session.execute(select(m.Invoice.id).where(m.Invoice.number == number)).first():
                errors.add(
                    "number", translate("Orders", "Another invoice has this number already.")
                )
            if (
                not amount.is_finite()
                or amount <= 0
                or amount != round_money(amount)
                or amount > left
                or amount > MAX_AMOUNT
            ):
                errors.add(
                    "amount",
                    translate("Orders", "Invoice more than 0 and at most {left}.").format(
                        left=left
                    ),
                )
            if data.invoice_date < order.order_date:
                errors.add(
                    "invoice_date",
                    translate("Orders", "The invoice cannot be before the order date."),
                )
            errors.raise_if_any()
            # Net and tax in the order's proportion; the last invoice takes what is left.
            invoiced_net = session.execute(
                select(money_sum(m.Invoice.net_amount)).where(m.Invoice.order_id == order.id)
            ).scalar_one()
            if amount == left:
                net = order.subtotal - invoiced_net
            else:
                net = round_money(amount * order.subtotal / order.total) if order.total else ZERO
            tax = amount - net
            rate = order.exchange_rate
            net_base, tax_base = to_base(net, rate), to_base(tax, rate)
            invoice = m.Invoice(
                order_id=order.id,
                customer_id=order.customer_id,
                number=number,
                invoice_date=data.invoice_date,
                due_date=terms_of(order.payment_terms).due_date(data.invoice_date),
                currency=order.currency,
                exchange_rate=rate,
                net_amount=net,
                tax_amount=tax,
                amount=amount,
                net_amount_base=net_base,
                tax_amount_base=tax_base,
                amount_base=net_base + tax_base,
            )
            session.add(invoice)
            session.flush()
            audit.record(session, ENTITY, order.id, AuditAction.UPDATE, field="invoice", new=number)
            refresh_status(session, order)
            return self._detail(session, order)

    def cancel(self, order_id: int, reason: str) -> OrderDetail:
        """Cancel a confirmed or delivered order that is not invoiced, with a reason."""
        text = reason.strip()
        if not text or len(text) > MAX_REASON:
            raise ValidationError(
                {
                    "reason": translate(
                        "Orders", "Say why the order is cancelled (at most {limit} characters)."
                    ).format(limit=MAX_REASON)
                }
            )
        with self._db.write() as session:
            order = self._order(session, order_id)
            if not can_do(order.status, OrderAction.CANCEL):
                raise _refused(OrderAction.CANCEL, order.status)
            self._move(session, order, OrderStatus.CANCELLED)
            order.cancel_reason = text
            audit.record(
                session,
                ENTITY,
                order.id,
                AuditAction.UPDATE,
                field="cancel_reason",
                new=text,
                reason=text,
            )
            return self._detail(session, order)

    # ----------------------------------------------------------- taking back (undo)

    def take_back_confirm(self, confirmed: Confirmed) -> OrderDetail:
        """Undo of a confirmation: the order is a draft again and the follow-up tasks it
        started are gone (those not done yet). Refused once something was delivered."""
        with self._db.write() as session:
            order = self._order(session, confirmed.order.id)
            if order.status is not OrderStatus.CONFIRMED:
                raise _moved_on(order)
            self._take_back(session, order, OrderStatus.DRAFT)
            drop_follow_ups_in(session, confirmed.follow_up_ids)
            return self._detail(session, order)

    def take_back_delivery(self, delivery_id: int) -> OrderDetail:
        """Undo of recording a delivery, while nothing of the order is invoiced."""
        with self._db.write() as session:
            delivery = session.get(m.Delivery, delivery_id)
            if delivery is None:
                raise _not_found()
            order = self._order(session, delivery.order_id)
            invoiced = session.execute(
                select(m.Invoice.id).where(m.Invoice.order_id == order.id).limit(1)
            ).first()
            if invoiced is not None or order.status is OrderStatus.CANCELLED:
                raise _moved_on(order)
            audit.record(
                session, ENTITY, order.id, AuditAction.DELETE, field="delivery",
                old=delivery.number, reason="undo",
            )  # fmt: skip
            session.delete(delivery)
            refresh_status(session, order, taking_back=True)
            return self._detail(session, order)

    def take_back_invoice(self, invoice_id: int) -> OrderDetail:
        """Undo of recording an invoice, while nothing is paid on it."""
        with self._db.write() as session:
            invoice = session.get(m.Invoice, invoice_id)
            if invoice is None:
                raise _not_found()
            order = self._order(session, invoice.order_id)
            paid = session.execute(
                select(m.PaymentAllocation.id)
                .where(m.PaymentAllocation.invoice_id == invoice.id)
                .limit(1)
            ).first()
            if paid is not None:
                raise ConflictError(
                    translate(
                        "Orders",
                        "Invoice {number} has payments applied to it; remove them first.",
                    ).format(number=invoice.number)
                )
            audit.record(
                session, ENTITY, order.id, AuditAction.DELETE, field="invoice",
                old=invoice.number, reason="undo",
            )  # fmt: skip
            session.delete(invoice)
            refresh_status(session, order, taking_back=True)
            return self._detail(session, order)

    def take_back_cancel(self, order_id: int, previous: OrderStatus) -> OrderDetail:
        """Undo of a cancellation: the order is in the state it was in before, again."""
        with self._db.write() as session:
            order = self._order(session, order_id)
            if order.status is not OrderStatus.CANCELLED:
                raise _moved_on(order)
            self._take_back(session, order, previous)
            order.cancel_reason = None
            return self._detail(session, order)

    def take_back_new(self, order_id: int) -> None:
        """Undo of entering an order: it goes to the trash (a confirmed one becomes a draft
        first, without the follow-ups it started), while nothing is delivered."""
        with self._db.write() as session:
            order = self._order(session, order_id)
            if order.status is OrderStatus.CONFIRMED:
                self._take_back(session, order, OrderStatus.DRAFT)
            elif order.status is not OrderStatus.DRAFT:
                raise _moved_on(order)
            move_to_trash(session, ENTITY, order, order.number)

    @staticmethod
    def _take_back(session: Session, order: m.Order, target: OrderStatus) -> None:
        audit.record(
            session, ENTITY, order.id, AuditAction.UPDATE, field="status",
            old=order.status.value, new=target.value, reason="undo",
        )  # fmt: skip
        order.status = target

    def delete(self, order_id: int) -> None:
        """Move a draft to the trash (confirmed orders are cancelled, not deleted)."""
        with self._db.write() as session:
            order = self._order(session, order_id)
            if not can_do(order.status, OrderAction.DELETE):
                raise _refused(OrderAction.DELETE, order.status)
            move_to_trash(session, ENTITY, order, order.number)

    def restore(self, order_id: int) -> None:
        with self._db.write() as session:
            order = session.get(m.Order, order_id)
            if order is None or order.deleted_at is None:
                raise _not_found()
            take_out_of_trash(session, ENTITY, order, order.number)


def _audited(order: m.Order) -> dict[str, object]:
    return {
        "customer_id": order.customer_id,
        "owner_id": order.owner_id,
        "order_date": order.order_date,
        "currency": order.currency,
        "total": order.total,
        "lines": len(order.lines),
    }
