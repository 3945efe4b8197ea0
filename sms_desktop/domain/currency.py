"""Currencies: exchange rates to the company currency and converting amounts with them.

A rate is the price of one unit of a document's currency in the company currency (1 USD =
7.1234 CNY), with at most :data:`RATE_DIGITS` decimals. Each document stores the rate of its
date, so its company-currency amounts never change when rates are edited later; a sum is
always a sum of those stored converted amounts, never of raw amounts in two currencies.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from sms_desktop.domain.money import CURRENCIES, round_money

RATE_DIGITS = 6
RATE_STEP = Decimal(1).scaleb(-RATE_DIGITS)
ONE = Decimal(1)
MAX_RATE = Decimal("1000000")


def to_base(amount: Decimal, rate: Decimal) -> Decimal:
    """``amount`` in the company currency at ``rate``, rounded to cents half up."""
    return round_money(amount * rate)


def rate_problem(rate: Decimal) -> str | None:
    """Why ``rate`` cannot be a stored rate ("not_positive", "too_large", "decimals")."""
    if not rate.is_finite() or rate <= 0:
        return "not_positive"
    if rate > MAX_RATE:
        return "too_large"
    if rate != rate.quantize(RATE_STEP):
        return "decimals"
    return None


def parse_rate(text: str) -> Decimal:
    """A rate typed or imported as text; :class:`ValueError` when it is not one."""
    try:
        rate = Decimal(text.strip().replace(",", ""))
    except InvalidOperation as exc:
        raise ValueError(f"not a rate: {text!r}") from exc
    if rate_problem(rate) is not None:
        raise ValueError(f"not a rate: {text!r}")
    return rate.quantize(RATE_STEP)


def is_currency(code: str) -> bool:
    """A three-letter ISO code (the known ones, or any other three capitals)."""
    return code in CURRENCIES or (len(code) == 3 and code.isascii() and code.isupper())
