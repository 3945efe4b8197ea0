"""Quote arithmetic: line amounts, totals per tax rate, margins, revisions and diffs.

Every amount is a ``Decimal`` rounded half up (四舍五入) to the cent. What the editor shows,
what the database stores and what the PDF prints are the same numbers: the services store the
:class:`LineAmounts` computed here and every total is a sum of stored, rounded line amounts.

**Prices excluding tax** (the default): a line's net amount is
``quantity × unit price × (1 − discount %)`` rounded to the cent; its tax is
``net × tax rate``, rounded per line (policy ``per_line``) or once per tax rate on the sum of
the rounded nets (``per_document``; the rounded tax of a rate is then shared out over its lines
so that the lines still add up exactly).

**Prices including tax:** a line's total is ``quantity × unit price × (1 − discount %)``
rounded to the cent, and the net is backed out of it: ``total ÷ (1 + rate)`` rounded, tax =
total − net (100.00 at 13 % → 88.50 + 11.50). With ``per_document`` the net is backed out once
per rate from the sum of the line totals and shared out over the lines.

Totals: ``subtotal`` = Σ net (after discounts, without tax), ``tax_total`` = Σ tax,
``total`` = Σ line totals = subtotal + tax_total. ``discount_total`` is what the discounts took
off: Σ round(quantity × unit price) − Σ the discounted amounts (net without tax, total with).

**Limits** (why they keep every stored amount and SQL sum in 64-bit minor units: see
:mod:`sms_desktop.domain.money`): a quantity is at most :data:`MAX_QUANTITY`, a unit price at
most ``MAX_AMOUNT``; each line's amount before the discount, its total and quantity × unit
cost at most ``MAX_LINE_TOTAL``; the document's amount before discounts, its total and its
cost at most ``MAX_DOCUMENT_TOTAL``; and a document has at most :data:`MAX_LINES` lines.
:func:`limit_problems` finds what is over them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

from sms_desktop.domain.enums import QuoteLineKind, QuoteStatus, RoundingPolicy, TaxMode
from sms_desktop.domain.money import (
    CENT,
    MAX_DOCUMENT_TOTAL,
    MAX_LINE_TOTAL,
    ZERO,
    round_money,
)

HUNDRED = Decimal(100)
MAX_QUANTITY = Decimal("999999999.999")
# Lines (items and section headings) of one quote or order: a printed quote of 1,000 lines is
# about 40 pages already.
MAX_LINES = 1000
QUANTITY_STEP = Decimal("0.001")
PERCENT_STEP = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class LineInput:
    """What the user enters for a line; sections carry only a description."""

    quantity: Decimal = ZERO
    unit_price: Decimal = ZERO
    discount_percent: Decimal = ZERO
    tax_rate: Decimal = ZERO
    unit_cost: Decimal | None = None
    kind: QuoteLineKind = QuoteLineKind.ITEM


@dataclass(frozen=True, slots=True)
class LineAmounts:
    gross: Decimal  # round(quantity × unit price), before the discount
    net: Decimal  # without tax, after the discount
    tax: Decimal
    total: Decimal  # net + tax


NO_AMOUNTS = LineAmounts(ZERO, ZERO, ZERO, ZERO)


@dataclass(frozen=True, slots=True)
class TaxBucket:
    rate: Decimal
    net: Decimal
    tax: Decimal


@dataclass(frozen=True, slots=True)
class QuoteTotals:
    lines: tuple[LineAmounts, ...]  # one per input line (zeros for sections)
    subtotal: Decimal
    discount_total: Decimal
    tax_total: Decimal
    total: Decimal
    taxes: tuple[TaxBucket, ...]  # per tax rate, highest rate first
    gross_total: Decimal = field(default=ZERO)  # Σ round(quantity × unit price)


def _discounted(line: LineInput) -> Decimal:
    """quantity × unit price × (1 − discount %), unrounded."""
    return line.quantity * line.unit_price * (HUNDRED - line.discount_percent) / HUNDRED


def _share(amount: Decimal, weights: Sequence[Decimal]) -> list[Decimal]:
    """Split ``amount`` (whole cents) in proportion to ``weights`` into cents that add up
    exactly (largest remainder; ties go to the earlier line)."""
    if not weights:
        return []
    total_weight = sum(weights, ZERO)
    cents = int(amount / CENT)
    if total_weight == 0:
        parts = [0] * len(weights)
        parts[0] = cents
        return [Decimal(p) * CENT for p in parts]
    exact = [Decimal(cents) * w / total_weight for w in weights]
    floors = [int(e.to_integral_value(rounding="ROUND_FLOOR")) for e in exact]
    left = cents - sum(floors)
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return [Decimal(p) * CENT for p in floors]


def compute(
    lines: Sequence[LineInput],
    *,
    tax_mode: TaxMode = TaxMode.EXCLUSIVE,
    rounding: RoundingPolicy = RoundingPolicy.PER_LINE,
) -> QuoteTotals:
    """Every line's amounts and the quote's totals (see the module docstring)."""
    amounts: list[LineAmounts] = [NO_AMOUNTS] * len(lines)
    items = [i for i, line in enumerate(lines) if line.kind is QuoteLineKind.ITEM]
    gross = {i: round_money(lines[i].quantity * lines[i].unit_price) for i in items}
    discounted = {i: round_money(_discounted(lines[i])) for i in items}
    if rounding is RoundingPolicy.PER_LINE:
        for i in items:
            rate = lines[i].tax_rate / HUNDRED
            if tax_mode is TaxMode.EXCLUSIVE:
                net = discounted[i]
                tax = round_money(net * rate)
            else:
                net = round_money(discounted[i] / (1 + rate))
                tax = discounted[i] - net
            amounts[i] = LineAmounts(gross[i], net, tax, net + tax)
    else:
        by_rate: dict[Decimal, list[int]] = {}
        for i in items:
            by_rate.setdefault(lines[i].tax_rate, []).append(i)
        for rate_percent, members in by_rate.items():
            rate = rate_percent / HUNDRED
            base = sum((discounted[i] for i in members), ZERO)
            weights = [discounted[i] for i in members]
            if tax_mode is TaxMode.EXCLUSIVE:
                taxes = _share(round_money(base * rate), weights)
                for i, tax in zip(members, taxes, strict=True):
                    amounts[i] = LineAmounts(gross[i], discounted[i], tax, discounted[i] + tax)
            else:
                nets = _share(round_money(base / (1 + rate)), weights)
                for i, net in zip(members, nets, strict=True):
                    amounts[i] = LineAmounts(gross[i], net, discounted[i] - net, discounted[i])
    return totals_of(amounts, [line.tax_rate for line in lines], tax_mode=tax_mode)


def totals_of(
    amounts: Sequence[LineAmounts], rates: Sequence[Decimal], *, tax_mode: TaxMode
) -> QuoteTotals:
    """The quote totals as sums of (stored) line amounts."""
    subtotal = sum((a.net for a in amounts), ZERO)
    tax_total = sum((a.tax for a in amounts), ZERO)
    gross_total = sum((a.gross for a in amounts), ZERO)
    discounted = subtotal if tax_mode is TaxMode.EXCLUSIVE else subtotal + tax_total
    buckets: dict[Decimal, tuple[Decimal, Decimal]] = {}
    for a, rate in zip(amounts, rates, strict=True):
        if a is NO_AMOUNTS or (a.gross == 0 and a.net == 0 and a.tax == 0):
            continue
        net, tax = buckets.get(rate, (ZERO, ZERO))
        buckets[rate] = (net + a.net, tax + a.tax)
    taxes = tuple(
        TaxBucket(rate, net, tax) for rate, (net, tax) in sorted(buckets.items(), reverse=True)
    )
    return QuoteTotals(
        lines=tuple(amounts),
        subtotal=subtotal,
        discount_total=max(ZERO, gross_total - discounted),
        tax_total=tax_total,
        total=subtotal + tax_total,
        taxes=taxes,
        gross_total=gross_total,
    )


@dataclass(frozen=True, slots=True)
class LimitProblems:
    """What is over the limits: indexes of lines, and whether the document as a whole is."""

    lines: tuple[int, ...]
    document: bool

    def __bool__(self) -> bool:
        return self.document or bool(self.lines)


def line_cost(line: LineInput) -> Decimal:
    """round(quantity × unit cost); zero without a known cost."""
    if line.kind is not QuoteLineKind.ITEM or line.unit_cost is None:
        return ZERO
    return round_money(line.quantity * line.unit_cost)


def limit_problems(lines: Sequence[LineInput], totals: QuoteTotals) -> LimitProblems:
    """The lines whose amount before discount, total or cost is over ``MAX_LINE_TOTAL``, and
    whether the document's amount before discounts, total or cost is over
    ``MAX_DOCUMENT_TOTAL`` (the quantity and unit price are each checked on their own)."""
    over: list[int] = []
    cost_total = ZERO
    for i, (line, amounts) in enumerate(zip(lines, totals.lines, strict=True)):
        cost = line_cost(line)
        cost_total += cost
        if max(amounts.gross, amounts.net, amounts.total, cost) > MAX_LINE_TOTAL:
            over.append(i)
    document = (
        max(totals.gross_total, totals.subtotal, totals.total, cost_total) > MAX_DOCUMENT_TOTAL
    )
    return LimitProblems(tuple(over), document)


# ------------------------------------------------------------------------------ margin


@dataclass(frozen=True, slots=True)
class MarginCheck:
    margin_percent: Decimal | None  # of the whole quote; None when nothing has a cost
    low_lines: tuple[int, ...]  # indexes of lines below the minimum
    quote_low: bool
    low_line_margins: tuple[Decimal | None, ...] = ()  # their margins (None: no revenue)

    @property
    def flagged(self) -> bool:
        return self.quote_low or bool(self.low_lines)


def margin_percent(net: Decimal, cost: Decimal) -> Decimal | None:
    """(net − cost) ÷ net in %, rounded to 0.01; None when there is no revenue."""
    if net <= 0:
        return None
    return ((net - cost) * HUNDRED / net).quantize(PERCENT_STEP, rounding="ROUND_HALF_UP")


def check_margin(
    lines: Sequence[LineInput], amounts: Sequence[LineAmounts], minimum: Decimal
) -> MarginCheck:
    """Lines (with a known cost) and the quote whose margin is under ``minimum`` %."""
    low: list[int] = []
    low_margins: list[Decimal | None] = []
    net_sum = cost_sum = ZERO
    for i, (line, a) in enumerate(zip(lines, amounts, strict=True)):
        if line.kind is not QuoteLineKind.ITEM or line.unit_cost is None:
            continue
        cost = round_money(line.quantity * line.unit_cost)
        net_sum += a.net
        cost_sum += cost
        margin = margin_percent(a.net, cost)
        if (margin is None and cost > 0) or (margin is not None and margin < minimum):
            low.append(i)
            low_margins.append(margin)
    quote_margin = margin_percent(net_sum, cost_sum)
    quote_low = (quote_margin is None and cost_sum > 0) or (
        quote_margin is not None and quote_margin < minimum
    )
    return MarginCheck(quote_margin, tuple(low), quote_low, tuple(low_margins))


# --------------------------------------------------------------- numbers and revisions


def revision_letter(revision: int) -> str:
    """1 → A, 2 → B … 26 → Z, 27 → AA (like spreadsheet columns)."""
    if revision < 1:
        raise ValueError(f"revision must be ≥ 1, not {revision}")
    letters = ""
    while revision:
        revision, rest = divmod(revision - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def revision_number(letters: str) -> int:
    """``"B"`` → 2; accepts a number too (``"2"``); raises ``ValueError`` otherwise."""
    text = letters.strip().upper()
    if text.isdigit() and int(text) >= 1:
        return int(text)
    if not text or not text.isascii() or not text.isalpha():
        raise ValueError(f"not a revision: {letters!r}")
    value = 0
    for ch in text:
        value = value * 26 + (ord(ch) - ord("A") + 1)
    return value


# ------------------------------------------------------------------------------ status


class QuoteAction(StrEnum):
    """What a user can do with one quote revision (the Quotes tab's buttons)."""

    EDIT = "edit"  # change its content
    SEND = "send"
    ACCEPT = "accept"
    REJECT = "reject"
    REVISE = "revise"  # make the next (draft) revision
    DUPLICATE = "duplicate"  # a new quote with the same content
    DELETE = "delete"  # to the trash


_A = QuoteAction
# The one table of what each status allows; the service refuses the rest and the UI enables
# only these.
QUOTE_ACTIONS: Mapping[QuoteStatus, frozenset[QuoteAction]] = MappingProxyType(
    {
        # A draft may be accepted at once (the customer agreed on the phone): it counts as
        # sent at that moment.
        QuoteStatus.DRAFT: frozenset({_A.EDIT, _A.SEND, _A.ACCEPT, _A.DUPLICATE, _A.DELETE}),
        QuoteStatus.SENT: frozenset({_A.ACCEPT, _A.REJECT, _A.REVISE, _A.DUPLICATE}),
        QuoteStatus.ACCEPTED: frozenset({_A.DUPLICATE}),
        QuoteStatus.REJECTED: frozenset({_A.REVISE, _A.DUPLICATE}),
        QuoteStatus.EXPIRED: frozenset({_A.REVISE, _A.DUPLICATE}),
    }
)
# The status an action leads to (the others keep the status).
_STATUS_AFTER = {
    QuoteAction.SEND: QuoteStatus.SENT,
    QuoteAction.ACCEPT: QuoteStatus.ACCEPTED,
    QuoteAction.REJECT: QuoteStatus.REJECTED,
}


def allowed_actions(status: QuoteStatus) -> frozenset[QuoteAction]:
    return QUOTE_ACTIONS[status]


def can_do(status: QuoteStatus, action: QuoteAction) -> bool:
    """Whether a revision in ``status`` allows ``action``."""
    return action in QUOTE_ACTIONS[status]


def can_change_status(current: QuoteStatus, target: QuoteStatus) -> bool:
    """draft → sent → accepted / rejected, or a draft accepted at once (the actions of
    :data:`QUOTE_ACTIONS`); a sent quote expires after its validity (by the clock, not by a
    user's action)."""
    if target is QuoteStatus.EXPIRED:
        return current is QuoteStatus.SENT
    return any(
        after is target and can_do(current, action) for action, after in _STATUS_AFTER.items()
    )


def is_expired(status: QuoteStatus, valid_until: date, today: date) -> bool:
    """A sent quote is expired from the day after its last valid day."""
    return status is QuoteStatus.SENT and today > valid_until


# ------------------------------------------------------------------------------- diff


@dataclass(frozen=True, slots=True)
class DiffLine:
    """A line as a revision diff compares it."""

    kind: QuoteLineKind
    product_id: int | None
    description: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    discount_percent: Decimal
    tax_rate: Decimal
    total: Decimal

    @property
    def key(self) -> tuple[str, object]:
        return ("p", self.product_id) if self.product_id is not None else ("d", self.description)


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between two revisions.

    ``what`` is ``"field"`` (a header field such as terms), ``"added"``, ``"removed"`` or
    ``"changed"`` (a line); ``field`` names the changed value (``quantity``, ``unit_price`` …).
    """

    what: str
    label: str  # the field name or the line's description
    field: str | None
    old: str | None
    new: str | None


_LINE_FIELDS = ("description", "quantity", "unit", "unit_price", "discount_percent", "tax_rate")


def _show(value: object) -> str:
    if isinstance(value, Decimal):
        return f"{value:f}"
    return "" if value is None else str(value)


def diff(
    old_fields: dict[str, object],
    new_fields: dict[str, object],
    old_lines: Iterable[DiffLine],
    new_lines: Iterable[DiffLine],
) -> list[Change]:
    """What changed from one revision to the next: header fields, then lines (matched by
    product, or by description for lines without one), in the new revision's order."""
    changes = [
        Change("field", name, name, _show(old_fields.get(name)), _show(value))
        for name, value in new_fields.items()
        if old_fields.get(name) != value
    ]
    remaining: dict[tuple[str, object], list[DiffLine]] = {}
    for line in old_lines:
        remaining.setdefault(line.key, []).append(line)
    added: list[Change] = []
    for line in new_lines:
        matches = remaining.get(line.key)
        if not matches:
            added.append(Change("added", line.description, None, None, _show(line.total)))
            continue
        before = matches.pop(0)
        for name in _LINE_FIELDS:
            was, now = getattr(before, name), getattr(line, name)
            if was != now:
                changes.append(Change("changed", line.description, name, _show(was), _show(now)))
    changes += added
    for left in remaining.values():
        changes += [
            Change("removed", line.description, None, _show(line.total), None) for line in left
        ]
    return changes
