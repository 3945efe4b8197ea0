"""Payments (回款): money received from customers, refunds, and applying them to invoices.

A payment belongs to a customer, not to an order: it is applied (allocated) to one or more of
that customer's invoices in its currency, and what is not applied stays the customer's
credit, to apply later (:meth:`PaymentsService.allocate`) — an over-payment is never lost.
Applying more to an invoice than it has open, or more than the payment has left, is refused.
A refund is stored with a negative amount: it takes back from an invoice's payments or
reduces the customer's credit, and is refused beyond them.

Each payment stores the rate of its date to the company currency (``amount_base``); each
allocation stores its amount at the invoice's rate (``amount_base``, what clears the
receivable) and at the payment's (``collected_base``, what counts as collected). Every
change refreshes the state of the orders it touches (an order whose invoices are all paid is
*paid*) and is audited on those orders.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from sms_desktop.domain.currency import to_base
from sms_desktop.domain.enums import AuditAction, PaymentKind, PaymentMethod
from sms_desktop.domain.errors import Errors, NotFoundError, ValidationError
from sms_desktop.domain.i18n import Message, translate
from sms_desktop.domain.money import CURRENCIES, MAX_AMOUNT, ZERO, round_money
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.services import audit
from sms_desktop.services.currencies import company_currency_in, rate_on
from sms_desktop.services.orders import ENTITY as ORDER_ENTITY
from sms_desktop.services.orders import refresh_status
from sms_desktop.services.revenue import money_sum

MAX_REFERENCE = 80
MAX_NOTE = 2000

METHOD_NAMES: Mapping[PaymentMethod, Message] = {
    PaymentMethod.BANK_TRANSFER: translate("PaymentMethod", "Bank transfer"),
    PaymentMethod.CASH: translate("PaymentMethod", "Cash"),
    PaymentMethod.CHEQUE: translate("PaymentMethod", "Cheque"),
    PaymentMethod.WECHAT: translate("PaymentMethod", "WeChat Pay"),
    PaymentMethod.ALIPAY: translate("PaymentMethod", "Alipay"),
    PaymentMethod.OTHER: translate("PaymentMethod", "Other"),
}


@dataclass(frozen=True, slots=True)
class PaymentInput:
    """A payment as entered: ``amount`` is positive for receipts and refunds alike.

    ``allocations`` (invoice id → amount, positive; for a refund, the amount taken back from
    that invoice): None applies a receipt to the customer's oldest open invoices in its
    currency (those of ``order_id`` first) and leaves a refund unapplied (it reduces the
    credit)."""

    customer_id: int
    payment_date: date
    amount: Decimal
    currency: str
    method: PaymentMethod = PaymentMethod.BANK_TRANSFER
    kind: PaymentKind = PaymentKind.RECEIPT
    reference: str = ""
    note: str = ""
    allocations: Mapping[int, Decimal] | None = None
    order_id: int | None = None  # with allocations None: this order's invoices come first


@dataclass(frozen=True, slots=True)
class AllocationRow:
    invoice_id: int
    invoice_number: str
    amount: Decimal


@dataclass(frozen=True, slots=True)
class PaymentRow:
    id: int
    customer_id: int
    kind: PaymentKind
    payment_date: date
    amount: Decimal  # negative for a refund
    currency: str
    exchange_rate: Decimal
    amount_base: Decimal
    method: PaymentMethod
    reference: str | None
    note: str | None
    allocations: tuple[AllocationRow, ...]

    @property
    def unallocated(self) -> Decimal:
        """What of this payment is the customer's credit (in the payment's currency)."""
        return self.amount - sum((a.amount for a in self.allocations), ZERO)


def _not_found() -> NotFoundError:
    return NotFoundError(translate("Payments", "This payment no longer exists."))


def _sum(session: Session, query: Any) -> Decimal:
    return session.execute(query).scalar_one()  # type: ignore[no-any-return]


def invoice_paid(session: Session, invoice_id: int) -> Decimal:
    a = m.PaymentAllocation
    return _sum(session, select(money_sum(a.amount)).where(a.invoice_id == invoice_id))


class PaymentsService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # ------------------------------------------------------------------ reading

    def get(self, payment_id: int) -> PaymentRow:
        with self._db.read() as session:
            payment = session.get(m.Payment, payment_id)
            if payment is None:
                raise _not_found()
            return self._row(session, payment)

    def of_customer(self, customer_id: int) -> list[PaymentRow]:
        """The customer's payments and refunds, newest first."""
        with self._db.read() as session:
            payments = session.execute(
                select(m.Payment)
                .where(m.Payment.customer_id == customer_id)
                .order_by(m.Payment.payment_date.desc(), m.Payment.id.desc())
            ).scalars()
            return [self._row(session, p) for p in payments]

    def of_order(self, order_id: int) -> list[PaymentRow]:
        """The payments applied to the order's invoices, oldest first."""
        a, i = m.PaymentAllocation, m.Invoice
        with self._db.read() as session:
            ids = select(a.payment_id).join(i, i.id == a.invoice_id).where(i.order_id == order_id)
            payments = session.execute(
                select(m.Payment)
                .where(m.Payment.id.in_(ids))
                .order_by(m.Payment.payment_date, m.Payment.id)
            ).scalars()
            return [self._row(session, p) for p in payments]

    def credit(self, customer_id: int, currency: str) -> Decimal:
        """The customer's credit in ``currency``: payments not applied to invoices."""
        with self._db.read() as session:
            return self._credit(session, customer_id, currency)

    @staticmethod
    def _credit(session: Session, customer_id: int, currency: str) -> Decimal:
        p, a = m.Payment, m.PaymentAllocation
        paid = _sum(
            session,
            select(money_sum(p.amount)).where(p.customer_id == customer_id, p.currency == currency),
        )
        applied = _sum(
            session,
            select(money_sum(a.amount))
            .join(p, p.id == a.payment_id)
            .where(p.customer_id == customer_id, p.currency == currency),
        )
        return paid - applied

    @staticmethod
    def _row(session: Session, payment: m.Payment) -> PaymentRow:
        numbers = dict(
            session.execute(
                select(m.Invoice.id, m.Invoice.number).where(
                    m.Invoice.id.in_([a.invoice_id for a in payment.allocations])
                )
            ).all()
        )
        return PaymentRow(
            payment.id, payment.customer_id, payment.kind, payment.payment_date,
            payment.amount, payment.currency, payment.exchange_rate, payment.amount_base,
            payment.method, payment.reference, payment.note,
            tuple(
                AllocationRow(a.invoice_id, numbers.get(a.invoice_id, ""), a.amount)
                for a in sorted(payment.allocations, key=lambda x: x.invoice_id)
            ),
        )  # fmt: skip

    # ------------------------------------------------------------------ writing

    def record(self, data: PaymentInput) -> PaymentRow:
        """Record a receipt or a refund and apply it (see :class:`PaymentInput`)."""
        errors = Errors()
        if data.currency not in CURRENCIES:
            errors.add("currency", translate("Payments", "Choose one of the supported currencies."))
        if (
            not data.amount.is_finite()
            or data.amount <= 0
            or data.amount != round_money(data.amount)
            or data.amount > MAX_AMOUNT
        ):
            errors.add("amount", translate("Payments", "Enter an amount of more than 0."))
        reference, note = data.reference.strip(), data.note.strip()
        if len(reference) > MAX_REFERENCE:
            errors.add(
                "reference",
                translate("Payments", "At most {limit} characters.").format(limit=MAX_REFERENCE),
            )
        if len(note) > MAX_NOTE:
            errors.add(
                "note", translate("Payments", "At most {limit} characters.").format(limit=MAX_NOTE)
            )
        errors.raise_if_any()
        refund = data.kind is PaymentKind.REFUND
        signed = -data.amount if refund else data.amount
        with self._db.write() as session:
            customer = session.get(m.Customer, data.customer_id)
            if customer is None:
                raise ValidationError(
                    {"customer_id": translate("Payments", "This customer no longer exists.")}
                )
            company = company_currency_in(session)
            rate = rate_on(session, data.currency, data.payment_date, company=company)
            if (
                refund
                and data.allocations is None
                and self._credit(session, data.customer_id, data.currency) < data.amount
            ):
                raise ValidationError(
                    {
                        "amount": translate(
                            "Payments",
                            "The refund is more than the customer's credit; take it back"
                            " from an invoice's payments instead.",
                        )
                    }
                )
            payment = m.Payment(
                customer_id=data.customer_id,
                kind=data.kind,
                payment_date=data.payment_date,
                amount=signed,
                currency=data.currency,
                exchange_rate=rate,
                amount_base=to_base(signed, rate),
                method=data.method,
                reference=reference or None,
                note=note or None,
            )
            session.add(payment)
            session.flush()
            if data.allocations is None:
                wanted = {} if refund else self._oldest_first(session, payment, data.order_id)
            else:
                wanted = dict(data.allocations)
            self._apply(session, payment, wanted)
            return self._row(session, payment)

    def allocate(self, payment_id: int, allocations: Mapping[int, Decimal]) -> PaymentRow:
        """Apply more of a payment's credit to invoices (invoice id → amount)."""
        with self._db.write() as session:
            payment = session.get(m.Payment, payment_id)
            if payment is None:
                raise _not_found()
            self._apply(session, payment, dict(allocations))
            return self._row(session, payment)

    def remove(self, payment_id: int) -> None:
        """Delete a payment recorded by mistake (Undo of recording it): its invoices are open
        again by what it paid."""
        with self._db.write() as session:
            payment = session.get(m.Payment, payment_id)
            if payment is None:
                raise _not_found()
            orders = self._orders_of(session, [a.invoice_id for a in payment.allocations])
            for order in orders:
                audit.record(
                    session, ORDER_ENTITY, order.id, AuditAction.DELETE, field="payment",
                    old=str(payment.amount),
                )  # fmt: skip
            session.delete(payment)
            session.flush()
            for order in orders:
                refresh_status(session, order)

    @staticmethod
    def _oldest_first(
        session: Session, payment: m.Payment, order_id: int | None = None
    ) -> dict[int, Decimal]:
        """A receipt applied to the customer's open invoices in its currency, oldest due first
        (those of ``order_id`` before the others)."""
        i, a = m.Invoice, m.PaymentAllocation
        paid = select(money_sum(a.amount)).where(a.invoice_id == i.id).scalar_subquery()
        rows = session.execute(
            select(i.id, i.amount, paid)
            .where(
                i.customer_id == payment.customer_id,
                i.currency == payment.currency,
                i.invoice_date <= payment.payment_date,
            )
            .order_by(case((i.order_id == order_id, 0), else_=1), i.due_date, i.id)
        )
        left = payment.amount
        wanted: dict[int, Decimal] = {}
        for invoice_id, amount, paid in rows:
            open_amount = amount - paid
            if left <= 0:
                break
            if open_amount <= 0:
                continue
            take = min(open_amount, left)
            wanted[invoice_id] = take
            left -= take
        return wanted

    @staticmethod
    def _orders_of(session: Session, invoice_ids: list[int]) -> list[m.Order]:
        if not invoice_ids:
            return []
        ids = select(m.Invoice.order_id).where(m.Invoice.id.in_(invoice_ids))
        return list(session.execute(select(m.Order).where(m.Order.id.in_(ids))).scalars())

    def _apply(self, session: Session, payment: m.Payment, wanted: dict[int, Decimal]) -> None:
        """Add allocations of ``payment`` (amounts given positive); refuse what does not fit."""
        refund = payment.amount < 0
        errors = Errors()
        existing = {a.invoice_id: a for a in payment.allocations}
        left = abs(payment.amount) - abs(sum((a.amount for a in payment.allocations), ZERO))
        for invoice_id, amount in wanted.items():
            key = f"allocations.{invoice_id}"
            invoice = session.get(m.Invoice, invoice_id)
            if invoice is None or invoice.customer_id != payment.customer_id:
                errors.add(key, translate("Payments", "An invoice is not this customer's."))
                continue
            if invoice.currency != payment.currency:
                errors.add(
                    key,
                    translate(
                        "Payments", "Invoice {number} is in {currency}: pay it in {currency}."
                    ).format(number=invoice.number, currency=invoice.currency),
                )
                continue
            if not amount.is_finite() or amount <= 0 or amount != round_money(amount):
                errors.add(key, translate("Payments", "Apply an amount of more than 0."))
                continue
            paid = invoice_paid(session, invoice.id)
            room = paid if refund else invoice.amount - paid
            if amount > room:
                errors.add(
                    key,
                    translate(
                        "Payments", "Invoice {number} has only {room} to apply it to."
                    ).format(number=invoice.number, room=room),
                )
                continue
            if amount > left:
                errors.add(
                    key,
                    translate("Payments", "The payment has only {left} left to apply.").format(
                        left=left
                    ),
                )
                continue
            left -= amount
            signed = -amount if refund else amount
            allocation = existing.get(invoice.id)
            if allocation is None:
                allocation = m.PaymentAllocation(
                    payment_id=payment.id,
                    invoice_id=invoice.id,
                    amount=ZERO,
                    amount_base=ZERO,
                    collected_base=ZERO,
                )
                payment.allocations.append(allocation)
                existing[invoice.id] = allocation
            allocation.amount += signed
            allocation.amount_base = to_base(allocation.amount, invoice.exchange_rate)
            allocation.collected_base = to_base(allocation.amount, payment.exchange_rate)
        errors.raise_if_any()
        session.flush()
        for order in self._orders_of(session, list(wanted)):
            audit.record(
                session, ORDER_ENTITY, order.id, AuditAction.UPDATE, field="payment",
                new=str(payment.amount),
            )  # fmt: skip
            refresh_status(session, order)
