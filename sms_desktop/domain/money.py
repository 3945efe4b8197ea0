"""Exact money: ``Decimal`` amounts with two minor digits, rounded half up (四舍五入).

**Limits.** The database stores amounts as signed 64-bit integers of minor units (fen, cents):
at most 2⁶³ − 1 ≈ 9.22 × 10¹⁸, and SQLite's ``SUM`` of integers fails with "integer overflow"
past that. So every single amount is bounded by :data:`MAX_AMOUNT` (10¹² − 0.01 currency
units, i.e. under 10¹⁴ minor units): a unit price, each amount of a document line (before the
discount, net, tax, total, and quantity × unit cost), each total of a document (quote, order)
and an opportunity's value. :data:`MAX_LINE_TOTAL` and :data:`MAX_DOCUMENT_TOTAL` name the
same bound where it is checked. Because a document's total is capped (not only its lines), the
lines of all documents add up to no more than their documents' totals; every SQL sum of a money
column therefore adds values under 10¹⁴ minor units each, and stays exact for any
:data:`SUM_HEADROOM` (92,233) of them at the maximum — a database whose amounts in one column
add up to less than 9.2 × 10¹⁶ currency units (in US dollars, centuries of the world's
output). That bound is the guarantee: no number of documents is refused, but no real database
comes near it. Sums in Python are ``Decimal`` and have no limit; a product inside an SQL sum
(amount × probability) is not bounded like this and is done in Python instead.
"""

from __future__ import annotations

import unicodedata
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation, localcontext

MINOR_DIGITS = 2
CENT = Decimal(1).scaleb(-MINOR_DIGITS)
ZERO = Decimal("0.00")
DEFAULT_CURRENCY = "CNY"
CURRENCIES: tuple[str, ...] = ("CNY", "USD", "EUR", "HKD", "JPY", "GBP")
# The largest amount we accept anywhere (a trillion minus a cent, < 10¹⁴ minor units): see the
# module docstring for why sums of them fit 64-bit minor units.
MAX_AMOUNT = Decimal("999999999999.99")
MAX_LINE_TOTAL = MAX_AMOUNT  # each amount of one document line
MAX_DOCUMENT_TOTAL = MAX_AMOUNT  # each total of one document (before discount, net, with tax)
MAX_MINOR = 2**63 - 1  # the largest integer SQLite (and a PostgreSQL bigint) holds
# How many amounts at the maximum an SQL SUM adds exactly: 92,233.
SUM_HEADROOM = MAX_MINOR // int(MAX_AMOUNT.scaleb(MINOR_DIGITS))


def amount_problem(value: Decimal) -> str | None:
    """Why ``value`` cannot be a stored amount ("not_finite", "negative", "too_large",
    "decimals"), or None when it can."""
    if not value.is_finite():
        return "not_finite"
    if value < 0:
        return "negative"
    if value > MAX_AMOUNT:
        return "too_large"
    if value != value.quantize(CENT):
        return "decimals"
    return None


def round_money(value: Decimal) -> Decimal:
    """Round to cents, half up: 0.125 → 0.13, -0.125 → -0.13."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def to_minor(value: Decimal) -> int:
    """Decimal amount → integer cents; refuses sub-cent digits instead of rounding."""
    if not value.is_finite():
        raise ValueError(f"not a finite amount: {value}")
    # Enough precision that scaling never rounds, however many digits the amount has.
    with localcontext(Context(prec=len(value.as_tuple().digits) + MINOR_DIGITS + 2)):
        scaled = value.scaleb(MINOR_DIGITS)
        if scaled != scaled.to_integral_value():
            raise ValueError(f"amount has more than {MINOR_DIGITS} decimals: {value}")
        return int(scaled)


def from_minor(minor: int) -> Decimal:
    return Decimal(minor).scaleb(-MINOR_DIGITS)


def money_text(value: Decimal) -> str:
    """``999999999999.99`` → ``999,999,999,999.99`` (for messages naming a limit)."""
    return f"{value:,.2f}"


# Chinese amounts are often written with a unit of count: 12万 is 120,000; 1.5亿 150,000,000.
_COUNT_UNITS = {"千": 3, "万": 4, "萬": 4, "亿": 8, "億": 8}
# Currency marks around a typed amount, longest first (NFKC has already made ￥ into ¥).
_CURRENCY_MARKS = ("CN¥", "RMB", "CNY", "US$", "USD", "¥", "$", "€", "元")


def parse_money(text: str) -> Decimal:
    """Parse user text such as ``1,234.5``, ``¥ 1 234.50``, ``１２３４`` (full-width) or
    ``12万`` / ``1.5亿``; raises ``ValueError``."""
    cleaned = unicodedata.normalize("NFKC", text).strip().upper()
    for mark in _CURRENCY_MARKS:
        cleaned = cleaned.replace(mark, "")
    for junk in (",", " ", "\u00a0", "'"):
        cleaned = cleaned.replace(junk, "")
    exponent = 0
    if cleaned and cleaned[-1] in _COUNT_UNITS:
        exponent = _COUNT_UNITS[cleaned[-1]]
        cleaned = cleaned[:-1]
    if not cleaned:
        raise ValueError("empty amount")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError(f"not an amount: {text!r}") from exc
    if not value.is_finite():
        raise ValueError(f"not an amount: {text!r}")
    return value.scaleb(exponent) if exponent else value
