"""Receivables (应收账款): what customers owe, by invoice, order and customer, and its ageing.

As of a day, an invoice's open balance is its amount less what payments dated on or before
that day applied to it, in the company currency at the invoice's stored rate (the
allocations' ``amount_base``); invoices dated after the day do not count yet. The open
balance is placed in an ageing bucket (``domain/orders.py``) by the days past the invoice's
due date. What customers paid and was not applied to an invoice is their ``credit``, shown
beside the buckets, never subtracted from them. Collection tasks (催款) go to the owner of an
overdue invoice's order through the tasks service.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import Integer, case, func, select, type_coerce
from sqlalchemy.orm import Session

from sms_desktop.domain.enums import ActivityKind, OrderStatus
from sms_desktop.domain.i18n import Translator, identity_translator, translate
from sms_desktop.domain.money import ZERO, from_minor
from sms_desktop.domain.orders import (
    AGE_BUCKETS,
    AgeBucket,
    bucket_edges,
    bucket_of,
    days_overdue,
)
from sms_desktop.persistence import models as m
from sms_desktop.persistence.base import Money
from sms_desktop.persistence.db import Database
from sms_desktop.persistence.sql import plain_rows
from sms_desktop.services.currencies import company_currency_in
from sms_desktop.services.revenue import money_sum

_TO_INVOICE = (
    OrderStatus.CONFIRMED,
    OrderStatus.PARTLY_DELIVERED,
    OrderStatus.DELIVERED,
    OrderStatus.PARTLY_INVOICED,
)


def _zero_buckets() -> dict[AgeBucket, Decimal]:
    return dict.fromkeys(AGE_BUCKETS, ZERO)


@dataclass(frozen=True, slots=True)
class OpenInvoice:
    id: int
    number: str
    order_id: int
    order_number: str
    customer_id: int
    owner_id: int | None
    invoice_date: date
    due_date: date
    amount_base: Decimal
    open_base: Decimal
    days_overdue: int
    bucket: AgeBucket


class CustomerAgeing(NamedTuple):
    """One customer's line of the ageing. The open amounts are kept as the query sums them,
    in company-currency minor units, one per bucket in ``AGE_BUCKETS`` order, and made
    ``Decimal`` when read: a report of every customer builds thousands of lines of which a
    screen shows a few dozen (an immutable tuple, made several times faster than a frozen
    dataclass)."""

    customer_id: int
    customer: str
    code: str
    open_minor: int
    bucket_minor: tuple[int, ...]
    credit: Decimal

    @property
    def open(self) -> Decimal:
        return from_minor(self.open_minor)

    @property
    def buckets(self) -> dict[AgeBucket, Decimal]:
        return {
            b: from_minor(v) if v else ZERO
            for b, v in zip(AGE_BUCKETS, self.bucket_minor, strict=True)
        }


@dataclass(frozen=True, slots=True)
class AgeingReport:
    as_of: date
    currency: str  # the company currency: every amount is in it
    customers: tuple[CustomerAgeing, ...]
    total_open: Decimal
    total_buckets: dict[AgeBucket, Decimal] = field(default_factory=_zero_buckets)
    total_credit: Decimal = ZERO

    @property
    def overdue(self) -> Decimal:
        return self.total_open - self.total_buckets[AgeBucket.NOT_DUE]


def _paid_by(as_of: date | None) -> Any:
    """Per invoice, the company-currency amount applied by payments dated ≤ ``as_of``."""
    a, p = m.PaymentAllocation, m.Payment
    query = (
        select(a.invoice_id.label("invoice_id"), money_sum(a.amount_base).label("paid"))
        .join(p, p.id == a.payment_id)
        .group_by(a.invoice_id)
    )
    if as_of is not None:
        query = query.where(p.payment_date <= as_of)
    return query.subquery()


def _stored_is_current(session: Session, as_of: date | None) -> bool:
    """Whether the stored balances (``invoices.paid_base``, ``payments.unapplied_base``) are
    those of ``as_of``: no payment is dated after it (None: of today, always). Then the
    receivables read only the open invoices (their partial index) instead of every
    allocation."""
    if as_of is None:
        return True
    latest = session.execute(select(func.max(m.Payment.payment_date))).scalar_one()
    return latest is None or latest <= as_of


def _all_invoiced_by(session: Session, as_of: date) -> bool:
    """Whether no invoice is dated after ``as_of`` (then a report of that day need not test
    each invoice's date, and the open invoices' partial index serves it alone)."""
    latest = session.execute(select(func.max(m.Invoice.invoice_date))).scalar_one()
    return latest is None or latest <= as_of


def _paid_column(session: Session, as_of: date | None) -> tuple[Any, Any]:
    """What payments applied to each invoice on ``as_of`` (company currency), and the
    subquery to join for it (None: the stored column serves)."""
    i = m.Invoice
    if _stored_is_current(session, as_of):
        return i.paid_base, None
    paid = _paid_by(as_of)
    return type_coerce(func.coalesce(paid.c.paid, 0), Money), paid


def open_invoices(
    session: Session,
    as_of: date,
    *,
    customer_id: int | None = None,
    order_id: int | None = None,
) -> list[OpenInvoice]:
    """The invoices dated ≤ ``as_of`` with a balance open on that day, oldest due first."""
    i, o = m.Invoice, m.Order
    paid_base, paid = _paid_column(session, as_of)
    query = (
        select(
            i.id,
            i.number,
            i.order_id,
            o.number,
            i.customer_id,
            o.owner_id,
            i.invoice_date,
            i.due_date,
            i.amount_base,
            paid_base,
        )
        .join(o, o.id == i.order_id)
        .where(i.invoice_date <= as_of, i.amount_base > paid_base)
        .order_by(i.due_date, i.id)
    )
    if paid is not None:
        query = query.outerjoin(paid, paid.c.invoice_id == i.id)
    if customer_id is not None:
        query = query.where(i.customer_id == customer_id)
    if order_id is not None:
        query = query.where(i.order_id == order_id)
    result = []
    for iid, num, oid, onum, cid, owner, day, due, amount, paid_amount in session.execute(query):
        open_base = amount - paid_amount
        result.append(
            OpenInvoice(
                iid,
                num,
                oid,
                onum,
                cid,
                owner,
                day,
                due,
                amount,
                open_base,
                days_overdue(due, as_of),
                bucket_of(due, as_of),
            )
        )
    return result


def open_balances(session: Session, as_of: date) -> dict[int, tuple[int, int]]:
    """Per customer invoiced on or before ``as_of``: the open balance past its due date and
    the whole open balance on that day, in company-currency minor units, by the rule of
    :func:`open_invoices` (overdue: ``days_overdue`` > 0, due before ``as_of``). A customer
    with invoices but nothing open gets (0, 0); one never invoiced is absent. Plain integers
    from two queries (the invoiced customers; the open invoices through their partial index):
    for scoring every customer at once."""
    i, o = m.Invoice, m.Order
    paid_base, paid = _paid_column(session, as_of)
    minor = Integer()
    amount, paid_minor = type_coerce(i.amount_base, minor), type_coerce(paid_base, minor)
    query = (
        select(i.customer_id, i.due_date < as_of, amount - paid_minor)
        .join(o, o.id == i.order_id)
        .where(i.invoice_date <= as_of, i.amount_base > paid_base)
    )
    if paid is not None:
        query = query.outerjoin(paid, paid.c.invoice_id == i.id)
    connection = session.connection()
    result: dict[int, tuple[int, int]] = dict.fromkeys(
        (
            customer
            for (customer,) in plain_rows(
                connection, select(i.customer_id).where(i.invoice_date <= as_of).distinct()
            )
        ),
        (0, 0),
    )
    for customer, overdue, open_minor in plain_rows(connection, query):
        before, total = result.get(customer, (0, 0))
        result[customer] = (before + open_minor if overdue else before, total + open_minor)
    return result


def overdue_sum(session: Session, as_of: date, owner_id: int | None = None) -> Decimal:
    """What is past its due date on ``as_of`` (company currency), of one owner's orders or all."""
    i, o = m.Invoice, m.Order
    paid_base, paid = _paid_column(session, as_of)
    query = select(money_sum(i.amount_base - paid_base)).where(
        i.invoice_date <= as_of, i.due_date < as_of, i.amount_base > paid_base
    )
    if paid is not None:
        query = query.outerjoin(paid, paid.c.invoice_id == i.id)
    if owner_id is not None:
        query = query.join(o, o.id == i.order_id).where(o.owner_id == owner_id)
    total: Decimal = session.execute(query).scalar_one()
    return total


def customer_credits(
    session: Session, as_of: date | None, customer_id: int | None = None
) -> dict[int, Decimal]:
    """Per customer, payments dated ≤ ``as_of`` not applied to invoices (company currency at
    the payments' rates); only customers with a credit.

    Every allocation of a payment counts from the payment's date, so this is the sum of the
    stored unapplied balances of the payments of then (their partial index)."""
    p = m.Payment
    query = (
        select(p.customer_id, money_sum(p.unapplied_base))
        .where(p.unapplied_base != 0)
        .group_by(p.customer_id)
    )
    if not _stored_is_current(session, as_of):
        query = query.where(p.payment_date <= as_of)
    if customer_id is not None:
        query = query.where(p.customer_id == customer_id)
    return {cid: v for cid, v in session.execute(query) if v > 0}


def customer_exposure(
    session: Session, customer_id: int, *, exclude_order: int | None = None
) -> Decimal:
    """What a customer owes and will owe (company currency): open invoices plus the part of
    confirmed orders not invoiced yet, less their credit (for the credit-limit check).
    Orders settled without invoices (imported history) owe nothing."""
    i, o = m.Invoice, m.Order
    open_amount = session.execute(
        select(money_sum(i.amount_base - i.paid_base)).where(i.customer_id == customer_id)
    ).scalar_one()
    invoiced = (
        select(i.order_id.label("order_id"), money_sum(i.amount_base).label("invoiced"))
        .group_by(i.order_id)
        .subquery()
    )
    orders = (
        select(money_sum(o.total_base - func.coalesce(invoiced.c.invoiced, 0)))
        .outerjoin(invoiced, invoiced.c.order_id == o.id)
        .where(o.customer_id == customer_id, o.status.in_(_TO_INVOICE))
    )
    if exclude_order is not None:
        orders = orders.where(o.id != exclude_order)
    uninvoiced: Decimal = session.execute(orders).scalar_one()
    credit = customer_credits(session, None, customer_id).get(customer_id, ZERO)
    total: Decimal = open_amount + uninvoiced - credit
    return total


# Ids bound per IN (…) list: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
_ID_CHUNK = 5000


def _import_code(customer_id: Any) -> Any:
    """A customer's first import code (its number in the user's old sheet), per row."""
    k = m.ImportKey
    return (
        select(k.code)
        .where(k.entity == "customer", k.entity_id == customer_id)
        .order_by(k.id)
        .limit(1)
        .scalar_subquery()
    )


class ReceivablesService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def ageing(self, as_of: date, *, customer_id: int | None = None) -> AgeingReport:
        """Every customer's open balance in buckets and credit on ``as_of``, largest first.

        One scan of the open invoices (of today, their partial index) gives each one's
        customer, name, code, bucket (by the domain's bucket edges as due dates) and open
        amount in minor units; they are added up per customer (and in all) here, cheaper than
        grouping in SQL, and stay minor units in the lines until read."""
        i, c = m.Invoice, m.Customer
        with self._db.read() as session:
            currency = company_currency_in(session)
            paid_base, paid = _paid_column(session, as_of)
            aged = case(
                *((i.due_date >= day, AGE_BUCKETS.index(b)) for b, day in bucket_edges(as_of)),
                else_=AGE_BUCKETS.index(AgeBucket.OVER_90),
            )
            # The customer's name and code as subqueries of the selected rows: looked up for
            # the open invoices alone (a join is looked up for every invoice of the day).
            query = select(
                i.customer_id,
                select(c.name).where(c.id == i.customer_id).scalar_subquery(),
                _import_code(i.customer_id),
                aged,
                type_coerce(i.amount_base - paid_base, Integer),
            ).where(i.amount_base > paid_base)
            if paid is not None:
                query = query.outerjoin(paid, paid.c.invoice_id == i.id)
            if not _all_invoiced_by(session, as_of):
                query = query.where(i.invoice_date <= as_of)
            if customer_id is not None:
                query = query.where(i.customer_id == customer_id)
            conn = session.connection()
            found: dict[int, tuple[str, str | None, list[int]]] = {}
            total = [0] * len(AGE_BUCKETS)
            for cid, name, code, bucket, open_minor in plain_rows(conn, query):
                if cid not in found:
                    found[cid] = (name, code, [0] * len(AGE_BUCKETS))
                found[cid][2][bucket] += open_minor
                total[bucket] += open_minor
            credits = customer_credits(session, as_of, customer_id)
            credit_only = [cid for cid in credits if cid not in found]
            for start in range(0, len(credit_only), _ID_CHUNK):
                chunk = credit_only[start : start + _ID_CHUNK]
                for cid, name, code in conn.execute(
                    select(c.id, c.name, _import_code(c.id)).where(c.id.in_(chunk))
                ):
                    found[cid] = (name, code, [0] * len(AGE_BUCKETS))
        # Largest open balance first, then by name: sorted as plain tuples, then made lines.
        ordered = sorted(
            (-sum(minor), name, cid, code, minor) for cid, (name, code, minor) in found.items()
        )
        rows = [
            CustomerAgeing(
                cid, name, code or f"C{cid:06d}", -negative, tuple(minor), credits.get(cid, ZERO)
            )
            for negative, name, cid, code, minor in ordered
        ]
        return AgeingReport(
            as_of=as_of,
            currency=currency,
            customers=tuple(rows),
            total_open=from_minor(sum(total)),
            total_buckets={b: from_minor(v) for b, v in zip(AGE_BUCKETS, total, strict=True)},
            total_credit=sum((r.credit for r in rows), ZERO),
        )

    def open_invoices(
        self, as_of: date, *, customer_id: int | None = None, order_id: int | None = None
    ) -> list[OpenInvoice]:
        with self._db.read() as session:
            return open_invoices(session, as_of, customer_id=customer_id, order_id=order_id)

    def order_balance(self, order_id: int, as_of: date) -> Decimal:
        """The open balance of one order's invoices (company currency)."""
        return sum((i.open_base for i in self.open_invoices(as_of, order_id=order_id)), ZERO)

    def customer_balance(self, customer_id: int, as_of: date) -> Decimal:
        return sum((i.open_base for i in self.open_invoices(as_of, customer_id=customer_id)), ZERO)

    def overdue_total(self, as_of: date) -> Decimal:
        """Everything past its due date on ``as_of`` (the Dashboard's figure)."""
        with self._db.read() as session:
            return overdue_sum(session, as_of)

    def create_collection_tasks(
        self,
        as_of: date,
        *,
        min_days_overdue: int = 1,
        tr: Translator = identity_translator,
    ) -> list[int]:
        """A collection task (催款) for each invoice overdue by at least ``min_days_overdue``
        days on ``as_of`` that has no open one yet, due that day, for the order's owner;
        subjects in the language of ``tr``. Returns the new tasks' ids."""
        from sms_desktop.domain.clock import local_zone
        from sms_desktop.services.tasks import TaskInput, TasksService

        subject = translate("Receivables", "Collect payment: invoice {number} ({days} days late)")
        with self._db.read() as session:
            overdue = [
                i for i in open_invoices(session, as_of) if i.days_overdue >= min_days_overdue
            ]
            existing = {
                (cid, text)
                for cid, text in session.execute(
                    select(m.Activity.customer_id, m.Activity.notes).where(
                        m.Activity.done_at.is_(None),
                        m.Activity.deleted_at.is_(None),
                        m.Activity.notes.startswith("invoice:"),
                    )
                )
            }
        due = datetime.combine(as_of, time(9), local_zone()).astimezone(UTC)
        tasks = TasksService(self._db)
        created: list[int] = []
        for inv in overdue:
            marker = f"invoice:{inv.number}"
            if (inv.customer_id, marker) in existing:
                continue
            created.append(
                tasks.create(
                    TaskInput(
                        kind=ActivityKind.CALL,
                        subject=subject.format(number=inv.number, days=inv.days_overdue).render(tr)[
                            :200
                        ],
                        due_at=due,
                        notes=marker,
                        assignee_id=inv.owner_id,
                        customer_id=inv.customer_id,
                    )
                )
            )
        return created
