"""Order rules: the life-cycle as data, payment terms and the ageing of receivables.

The life-cycle (销售订单) is a state machine like the pipeline's (``domain/pipeline.py``) and the
quotes' (``domain/quotes.py``)::

    draft → confirmed → partly delivered → delivered → partly invoiced → invoiced → paid
    confirmed / partly delivered / delivered → cancelled (with a reason)

What a user may do in each state is one table (:data:`ORDER_ACTIONS`); the service refuses
the rest and a future Orders tab enables only these. The delivery, invoicing and payment
states are not chosen by the user: they follow from what was delivered, invoiced and paid
(:func:`progress_status`), and every move the service makes is checked against
:data:`ALLOWED_MOVES`.

Payment terms (:class:`PaymentTerms`) give an invoice its due date; the ageing buckets
(:class:`AgeBucket`) place an open amount by how many days it is overdue on a given day.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

from sms_desktop.domain.calendar import month_end
from sms_desktop.domain.enums import OrderStatus
from sms_desktop.domain.i18n import Message, translate
from sms_desktop.domain.money import ZERO, round_money

_S = OrderStatus


class OrderAction(StrEnum):
    """What a user can do with one order."""

    EDIT_LINES = "edit_lines"  # change customer, date, lines and prices
    CONFIRM = "confirm"
    DELIVER = "deliver"  # record a (partial) delivery
    INVOICE = "invoice"  # record an invoice (发票)
    CANCEL = "cancel"  # with a reason
    DELETE = "delete"  # to the trash (drafts only)


_A = OrderAction
# The one table of what each state allows.
ORDER_ACTIONS: Mapping[OrderStatus, frozenset[OrderAction]] = MappingProxyType(
    {
        _S.DRAFT: frozenset({_A.EDIT_LINES, _A.CONFIRM, _A.DELETE}),
        # Lines stay editable until the first delivery.
        _S.CONFIRMED: frozenset({_A.EDIT_LINES, _A.DELIVER, _A.CANCEL}),
        _S.PARTLY_DELIVERED: frozenset({_A.DELIVER, _A.INVOICE, _A.CANCEL}),
        _S.DELIVERED: frozenset({_A.INVOICE, _A.CANCEL}),
        _S.PARTLY_INVOICED: frozenset({_A.DELIVER, _A.INVOICE}),
        _S.INVOICED: frozenset(),
        _S.PAID: frozenset(),
        _S.CANCELLED: frozenset(),
    }
)

# Every move between states; the service checks each one it makes.
ALLOWED_MOVES: frozenset[tuple[OrderStatus, OrderStatus]] = frozenset(
    {
        (_S.DRAFT, _S.CONFIRMED),
        (_S.CONFIRMED, _S.PARTLY_DELIVERED),
        (_S.CONFIRMED, _S.DELIVERED),  # everything in one delivery
        (_S.PARTLY_DELIVERED, _S.PARTLY_DELIVERED),  # a further partial delivery
        (_S.PARTLY_DELIVERED, _S.DELIVERED),
        (_S.PARTLY_DELIVERED, _S.PARTLY_INVOICED),  # invoicing what was delivered so far
        (_S.DELIVERED, _S.PARTLY_INVOICED),
        (_S.DELIVERED, _S.INVOICED),
        (_S.PARTLY_INVOICED, _S.PARTLY_INVOICED),
        (_S.PARTLY_INVOICED, _S.INVOICED),
        (_S.PARTLY_INVOICED, _S.PAID),  # the last delivery of an order paid in advance
        (_S.INVOICED, _S.PAID),
        (_S.PAID, _S.INVOICED),  # a refund or a payment moved to another invoice
        (_S.CONFIRMED, _S.CANCELLED),
        (_S.PARTLY_DELIVERED, _S.CANCELLED),
        (_S.DELIVERED, _S.CANCELLED),
    }
)

# States whose lines are fixed: something was delivered.
DELIVERED_STATES = frozenset(
    {_S.PARTLY_DELIVERED, _S.DELIVERED, _S.PARTLY_INVOICED, _S.INVOICED, _S.PAID}
)
# States that count as a sale (revenue, the customer's open orders, the credit check).
COUNTED_STATES = frozenset(set(OrderStatus) - {_S.DRAFT, _S.CANCELLED})

_STATUS_NAMES: Mapping[OrderStatus, Message] = MappingProxyType(
    {
        _S.DRAFT: translate("OrderStatus", "Draft"),
        _S.CONFIRMED: translate("OrderStatus", "Confirmed"),
        _S.PARTLY_DELIVERED: translate("OrderStatus", "Partly delivered"),
        _S.DELIVERED: translate("OrderStatus", "Delivered"),
        _S.PARTLY_INVOICED: translate("OrderStatus", "Partly invoiced"),
        _S.INVOICED: translate("OrderStatus", "Invoiced"),
        _S.PAID: translate("OrderStatus", "Paid"),
        _S.CANCELLED: translate("OrderStatus", "Cancelled"),
    }
)


def status_name(status: OrderStatus) -> Message:
    return _STATUS_NAMES[status]


def allowed_actions(status: OrderStatus) -> frozenset[OrderAction]:
    return ORDER_ACTIONS[status]


def can_do(status: OrderStatus, action: OrderAction) -> bool:
    """Whether an order in ``status`` allows ``action``."""
    return action in ORDER_ACTIONS[status]


def can_move(current: OrderStatus, target: OrderStatus) -> bool:
    """Whether an order may go from ``current`` to ``target``."""
    return (current, target) in ALLOWED_MOVES


def lines_editable(status: OrderStatus) -> bool:
    return can_do(status, OrderAction.EDIT_LINES)


@dataclass(frozen=True, slots=True)
class Progress:
    """What happened to a confirmed order so far, in the order's currency."""

    ordered_all: bool  # every line delivered in full
    delivered_any: bool
    total: Decimal  # the order's total with tax
    invoiced: Decimal
    paid: Decimal  # allocated to the order's invoices


def progress_status(current: OrderStatus, progress: Progress) -> OrderStatus:
    """The state an order in ``current`` is in after ``progress``; draft and cancelled orders
    keep their state (nothing is delivered, invoiced or paid on them)."""
    if current in (_S.DRAFT, _S.CANCELLED):
        return current
    if progress.invoiced > ZERO:
        # Invoiced in full ahead of the last delivery: still partly invoiced, so the rest can
        # be delivered; it becomes invoiced (or paid) with that delivery.
        if progress.invoiced < progress.total or not progress.ordered_all:
            return _S.PARTLY_INVOICED
        return _S.PAID if progress.paid >= progress.invoiced else _S.INVOICED
    if progress.ordered_all:
        return _S.DELIVERED
    if progress.delivered_any:
        return _S.PARTLY_DELIVERED
    return _S.CONFIRMED


# ----------------------------------------------------------------------------- payment terms


class TermsKind(StrEnum):
    NET = "net"  # N days after the invoice date (票到N天)
    MONTH_END = "eom"  # N days after the end of the invoice's month (月结N天)
    PREPAY = "prepay"  # a percentage before delivery, the rest N days after the invoice


_CODE = re.compile(r"^(net|eom)(\d{1,3})$|^prepay(\d{1,3})(?:\+net(\d{1,3}))?$")


@dataclass(frozen=True, slots=True)
class PaymentTerms:
    """A customer's payment terms, stored as a short code: ``net30``, ``eom30``,
    ``prepay30+net30`` (30 % before delivery, the rest 30 days after the invoice)."""

    kind: TermsKind
    days: int = 0
    prepay_percent: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.days <= 365:
            raise ValueError(f"days out of range: {self.days}")
        if self.kind is TermsKind.PREPAY:
            if not 0 < self.prepay_percent <= 100:
                raise ValueError(f"prepay percent out of range: {self.prepay_percent}")
        elif self.prepay_percent:
            raise ValueError("only prepay terms have a prepay percent")

    @classmethod
    def parse(cls, code: str) -> PaymentTerms:
        """The terms of ``code``; :class:`ValueError` for anything else."""
        match = _CODE.match(code.strip().lower())
        if match is None:
            raise ValueError(f"unknown payment terms: {code!r}")
        kind, days, prepay, rest = match.groups()
        if kind is not None:
            return cls(TermsKind(kind), int(days))
        return cls(TermsKind.PREPAY, int(rest or 0), int(prepay))

    @property
    def code(self) -> str:
        if self.kind is TermsKind.PREPAY:
            rest = f"+net{self.days}" if self.days else ""
            return f"prepay{self.prepay_percent}{rest}"
        return f"{self.kind.value}{self.days}"

    def due_date(self, invoice_date: date) -> date:
        """The day an invoice dated ``invoice_date`` must be paid by."""
        if self.kind is TermsKind.MONTH_END:
            return month_end(invoice_date) + timedelta(days=self.days)
        return invoice_date + timedelta(days=self.days)

    def prepayment(self, total: Decimal) -> Decimal:
        """The amount due before delivery (0 unless prepay terms)."""
        if self.kind is not TermsKind.PREPAY:
            return ZERO
        return round_money(total * self.prepay_percent / Decimal(100))

    def label(self) -> Message:
        if self.kind is TermsKind.MONTH_END:
            return translate("PaymentTerms", "Month end + {days} days").format(days=self.days)
        if self.kind is TermsKind.NET:
            return translate("PaymentTerms", "Net {days} days").format(days=self.days)
        return translate("PaymentTerms", "Prepay {percent}%, rest net {days} days").format(
            percent=self.prepay_percent, days=self.days
        )


DEFAULT_TERMS = PaymentTerms(TermsKind.NET, 30)


# ------------------------------------------------------------------------------------ ageing


class AgeBucket(StrEnum):
    NOT_DUE = "not_due"
    D1_30 = "d1_30"
    D31_60 = "d31_60"
    D61_90 = "d61_90"
    OVER_90 = "over_90"


AGE_BUCKETS: tuple[AgeBucket, ...] = tuple(AgeBucket)

_BUCKET_NAMES: Mapping[AgeBucket, Message] = MappingProxyType(
    {
        AgeBucket.NOT_DUE: translate("Ageing", "Not yet due"),
        AgeBucket.D1_30: translate("Ageing", "1–30 days"),
        AgeBucket.D31_60: translate("Ageing", "31–60 days"),
        AgeBucket.D61_90: translate("Ageing", "61–90 days"),
        AgeBucket.OVER_90: translate("Ageing", "> 90 days"),
    }
)


def bucket_name(bucket: AgeBucket) -> Message:
    return _BUCKET_NAMES[bucket]


def days_overdue(due: date, as_of: date) -> int:
    """Days past ``due`` on ``as_of`` (0 when not yet due; due today is not overdue)."""
    return max((as_of - due).days, 0)


# Each bucket but the last, with the most days overdue it holds: the one table of the buckets.
_BUCKET_LIMITS: tuple[tuple[AgeBucket, int], ...] = (
    (AgeBucket.NOT_DUE, 0),
    (AgeBucket.D1_30, 30),
    (AgeBucket.D31_60, 60),
    (AgeBucket.D61_90, 90),
)


def bucket_of(due: date, as_of: date) -> AgeBucket:
    """The ageing bucket of an amount due on ``due``, on the day ``as_of``."""
    late = days_overdue(due, as_of)
    return next((b for b, most in _BUCKET_LIMITS if late <= most), AgeBucket.OVER_90)


def bucket_edges(as_of: date) -> tuple[tuple[AgeBucket, date], ...]:
    """The same buckets as due dates on ``as_of``: an amount is in the first bucket whose
    earliest due date it is not before, else over 90 days (for a query to age in SQL)."""
    return tuple((bucket, as_of - timedelta(days=most)) for bucket, most in _BUCKET_LIMITS)


def age(items: Iterable[tuple[date, Decimal]], as_of: date) -> dict[AgeBucket, Decimal]:
    """The open amounts of ``items`` (due date, open amount) per bucket on ``as_of``; every
    bucket is present, and the buckets add up to the items' total."""
    buckets = dict.fromkeys(AGE_BUCKETS, ZERO)
    for due, amount in items:
        bucket = bucket_of(due, as_of)
        buckets[bucket] += amount
    return buckets
