"""Amounts in Chinese capital numerals (大写金额), as printed on quotes and invoices.

Written per the usual rules of 《支付结算办法》: ``人民币`` first; a whole amount ends in
``元整``; one ``零`` stands for a run of zeros inside the number (also across 万 and 亿
groups); nothing is written for zeros at the end; 元 is followed directly by 角 (the
alternative with ``零`` is also allowed), and an amount with 分 but no 角 reads ``元零X分``.
Examples: 0 → 人民币零元整, 0.05 → 人民币伍分, 10.00 → 人民币壹拾元整,
100,010.30 → 人民币壹拾万零壹拾元叁角整, 1,000,000,000.99 → 人民币壹拾亿元玖角玖分.

The conversion is small and exact (Decimal digits), so no library is needed for it.
"""

from __future__ import annotations

from decimal import Decimal

from sms_desktop.domain.money import round_money

DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_BIG_UNITS = ("", "万", "亿", "万亿")
PREFIX = "人民币"


def _group(value: int) -> str:
    """0 < value < 10000 → capitals with inner zeros as one 零, no trailing zeros."""
    text = ""
    zero = False
    for position in range(3, -1, -1):
        digit = value // 10**position % 10
        if digit == 0:
            zero = bool(text)
            continue
        if zero:
            text += "零"
            zero = False
        text += DIGITS[digit] + _SMALL_UNITS[position]
    return text


def _integer(value: int) -> str:
    if value == 0:
        return ""
    groups: list[int] = []
    while value:
        value, rest = divmod(value, 10_000)
        groups.append(rest)
    if len(groups) > len(_BIG_UNITS):
        raise ValueError("amount too large for capital numerals")
    text = ""
    need_zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            need_zero = bool(text)
            continue
        # A zero before this group: skipped groups, or a group under 1000 after a higher one.
        if text and (need_zero or group < 1000):
            text += "零"
        text += _group(group) + _BIG_UNITS[index]
        need_zero = False
    return text


def rmb_capitals(amount: Decimal, *, prefix: str = PREFIX) -> str:
    """``Decimal("100010.30")`` → ``人民币壹拾万零壹拾元叁角整``; negative amounts start 负."""
    value = round_money(amount)
    sign = ""
    if value < 0:
        sign, value = "负", -value
    cents = int(value * 100)
    yuan, rest = divmod(cents, 100)
    jiao, fen = divmod(rest, 10)
    text = _integer(yuan)
    if yuan:
        text += "元"
    if jiao == 0 and fen == 0:
        return prefix + sign + (text or "零元") + "整"
    if jiao:
        text += DIGITS[jiao] + "角"
    elif yuan:
        text += "零"
    if fen:
        text += DIGITS[fen] + "分"
    else:
        text += "整"
    return prefix + sign + text
