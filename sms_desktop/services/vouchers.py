"""Accounting vouchers (记账凭证) of a period, for the bookkeeping software (整合 ERP/财务).

One voucher per invoice dated in the period — 借 应收账款 (the invoice's amount with tax) /
贷 主营业务收入 (its net amount) and 贷 应交税费—应交增值税(销项税额) (its tax) — and one per
payment dated in the period — 借 银行存款 / 贷 应收账款 (a refund the other way round). Every
amount is in the company currency at the document's stored rate, so each voucher balances
(debits = credits, to the cent). A foreign-currency payment clears its invoices' receivable
at their rates and reaches the bank at its own: the difference is booked to 财务费用—汇兑损益
(an exchange gain as a credit, a loss as a debit). The account codes are Settings' (:class:`AccountCodes`,
defaults from the small-business chart of accounts). Vouchers are numbered in date order
(记-0001 …) within the export; the summary words are the document's (``reporting/vouchers.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from sqlalchemy import select

from sms_desktop.domain.money import ZERO
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database
from sms_desktop.services.revenue import money_sum
from sms_desktop.services.settings import AccountCodes, SettingsService

VoucherKind = Literal["invoice", "receipt", "refund"]


@dataclass(frozen=True, slots=True)
class VoucherLine:
    account_code: str
    account_name: str
    debit: Decimal
    credit: Decimal


@dataclass(frozen=True, slots=True)
class Voucher:
    number: str  # 记-0001
    day: date
    kind: VoucherKind
    document: str  # the invoice number, or the payment's reference
    customer: str
    lines: tuple[VoucherLine, ...]

    @property
    def balanced(self) -> bool:
        return sum((ln.debit for ln in self.lines), ZERO) == sum(
            (ln.credit for ln in self.lines), ZERO
        )


@dataclass(frozen=True, slots=True)
class CustomerMaster:
    code: str
    name: str
    tax_id: str
    address: str
    phone: str


@dataclass(frozen=True, slots=True)
class ProductMaster:
    sku: str
    name: str
    unit: str
    tax_rate: Decimal
    list_price: Decimal


class VouchersService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def vouchers(self, start: date, end: date) -> list[Voucher]:
        """The vouchers of invoices and payments dated ``start`` … ``end`` (inclusive)."""
        codes = SettingsService(self._db).account_codes()
        i, p, c = m.Invoice, m.Payment, m.Customer
        entries: list[tuple[date, int, int, Voucher]] = []
        with self._db.read() as session:
            for iid, day, number, customer, net, tax in session.execute(
                select(i.id, i.invoice_date, i.number, c.name, i.net_amount_base, i.tax_amount_base)
                .join(c, c.id == i.customer_id)
                .where(i.invoice_date >= start, i.invoice_date <= end)
            ):
                entries.append((day, 0, iid, _invoice(codes, day, number, customer, net, tax)))
            a = m.PaymentAllocation
            applied = (
                select(
                    a.payment_id.label("payment_id"),
                    money_sum(a.amount_base).label("cleared"),
                    money_sum(a.collected_base).label("collected"),
                )
                .group_by(a.payment_id)
                .subquery()
            )
            for pid, day, reference, customer, amount, cleared, collected in session.execute(
                select(
                    p.id, p.payment_date, p.reference, c.name, p.amount_base,
                    applied.c.cleared, applied.c.collected,
                )
                .join(c, c.id == p.customer_id)
                .outerjoin(applied, applied.c.payment_id == p.id)
                .where(p.payment_date >= start, p.payment_date <= end)
            ):  # fmt: skip
                voucher = _payment(
                    codes, day, reference or "", customer, amount,
                    cleared=cleared or ZERO, collected=collected or ZERO,
                )  # fmt: skip
                entries.append((day, 1, pid, voucher))
        entries.sort(key=lambda e: e[:3])
        return [
            Voucher(f"记-{n:04d}", v.day, v.kind, v.document, v.customer, v.lines)
            for n, (_d, _k, _id, v) in enumerate(entries, 1)
        ]

    def customers(self) -> Iterator[CustomerMaster]:
        """Master data: every customer not in the trash, by name."""
        c, k = m.Customer, m.ImportKey
        code = (
            select(k.code)
            .where(k.entity == "customer", k.entity_id == c.id)
            .order_by(k.id)
            .limit(1)
            .scalar_subquery()
        )
        with self._db.read() as session:
            rows = session.execute(
                select(code, c.name, c.tax_id, c.address, c.phone, c.id)
                .where(c.deleted_at.is_(None))
                .order_by(c.sort_name, c.id)
            ).all()
        for ref, name, tax_id, address, phone, cid in rows:
            yield CustomerMaster(
                ref or f"C{cid:06d}", name, tax_id or "", address or "", phone or ""
            )

    def products(self) -> Iterator[ProductMaster]:
        p = m.Product
        with self._db.read() as session:
            rows = session.execute(
                select(p.sku, p.name_zh, p.unit, p.tax_rate, p.list_price)
                .where(p.deleted_at.is_(None))
                .order_by(p.sku)
            ).all()
        for row in rows:
            yield ProductMaster(*row)


def _invoice(
    codes: AccountCodes, day: date, number: str, customer: str, net: Decimal, tax: Decimal
) -> Voucher:
    # The receivable is the net and tax amounts as stored (each converted and rounded on
    # its own), so the voucher balances to the cent.
    lines = [
        VoucherLine(codes.receivable, codes.receivable_name, net + tax, ZERO),
        VoucherLine(codes.revenue, codes.revenue_name, ZERO, net),
    ]
    if tax:
        lines.append(VoucherLine(codes.output_vat, codes.output_vat_name, ZERO, tax))
    return Voucher("", day, "invoice", number, customer, tuple(lines))


def _payment(
    codes: AccountCodes,
    day: date,
    reference: str,
    customer: str,
    amount: Decimal,
    *,
    cleared: Decimal,
    collected: Decimal,
) -> Voucher:
    """``amount``: what reached (or left) the bank, at the payment's rate; of it, the part
    applied to invoices clears ``cleared`` of receivable at their rates and is ``collected``
    at the payment's; the rest (the customer's credit) stays on the receivable at the
    payment's rate. Amounts are signed (a refund is negative)."""
    receivable = cleared + amount - collected
    gain = collected - cleared
    lines = [
        _side(codes.bank, codes.bank_name, amount),
        _side(codes.receivable, codes.receivable_name, -receivable),
    ]
    if gain:
        lines.append(_side(codes.exchange, codes.exchange_name, -gain))
    kind: VoucherKind = "receipt" if amount >= 0 else "refund"
    return Voucher("", day, kind, reference, customer, tuple(lines))


def _side(code: str, name: str, debit: Decimal) -> VoucherLine:
    """A line that debits ``debit`` (credits it when negative)."""
    return (
        VoucherLine(code, name, debit, ZERO)
        if debit >= 0
        else VoucherLine(code, name, ZERO, -debit)
    )
