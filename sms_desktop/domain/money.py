"""Exact money: ``Decimal`` amounts with two minor digits, rounded half up (四舍五入)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation, localcontext

MINOR_DIGITS = 2
CENT = Decimal(1).scaleb(-MINOR_DIGITS)
ZERO = Decimal("0.00")
DEFAULT_CURRENCY = "CNY"
CURRENCIES: tuple[str, ...] = ("CNY", "USD", "EUR", "HKD", "JPY", "GBP")
# The largest single amount validation accepts (10¹⁴ − 1 minor units): only about 92,000 of them
# sum within 64-bit minor units (2⁶³ ≈ 9.2 × 10¹⁸); it does not bound quantity × price.
MAX_AMOUNT = Decimal("999999999999.99")


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


def parse_money(text: str) -> Decimal:
    """Parse user text such as ``1,234.5`` or ``¥ 1 234.50``; raises ``ValueError``."""
    cleaned = text.strip()
    for junk in (",", " ", "\u00a0", "¥", "￥", "$", "€", "，"):
        cleaned = cleaned.replace(junk, "")
    if not cleaned:
        raise ValueError("empty amount")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError(f"not an amount: {text!r}") from exc
    if not value.is_finite():
        raise ValueError(f"not an amount: {text!r}")
    return value
