"""Amounts in Chinese capital numerals (大写金额), as printed on quotes and invoices.

Written per the usual rules of 《支付结算办法》: ``人民币`` first; a whole amount ends in
``元整``; one ``零`` stands for a run of zeros inside the number (also across 万 and 亿
groups); nothing is written for zeros at the end; 元 is followed directly by 角 (the
alternative with ``零`` is also allowed), and an amount with 分 but no 角 reads ``元零X分``.
Examples: 0 → 人民币零元整, 0.05 → 人民币伍分, 10.00 → 人民币壹拾元整,
100,010.30 → 人民币壹拾万零壹拾元叁角整, 1,000,000,000.99 → 人民币壹拾亿元玖角玖分, the largest
amount (``MAX_AMOUNT``) 999,999,999,999.99 → 人民币玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元
玖角玖分. Larger amounts (older data) read on in 亿 groups: 10¹⁴ → 壹佰万亿, 10¹⁶ → 壹亿亿.

The conversion is small and exact (Decimal digits), so no library is needed for it.
"""

from __future__ import annotations

from decimal import Decimal

from sms_desktop.domain.money import round_money

DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
PREFIX = "人民币"
_WAN = 10**4
_YI = 10**8


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


def _below_yi(value: int) -> str:
    """0 < value < 10⁸: thousands of 万, then the rest (a 零 where a digit is skipped)."""
    wan, rest = divmod(value, _WAN)
    text = _group(wan) + "万" if wan else ""
    if rest:
        if wan and rest < 1000:
            text += "零"
        text += _group(rest)
    return text


def _integer(value: int) -> str:
    """Any whole number ≥ 0 ('' for 0): 亿 groups of eight digits, each read with 万, so
    10¹² reads 壹万亿, 10¹⁴ 壹佰万亿 and 1,2345,0000,0000 壹万贰仟叁佰肆拾伍亿 (the usual
    mainland reading; 兆 is avoided, it means 10⁶ or 10¹² depending on the reader)."""
    if value == 0:
        return ""
    if value < _YI:
        return _below_yi(value)
    yi, rest = divmod(value, _YI)
    text = _integer(yi) + "亿"
    if rest:
        if rest < _YI // 10:
            text += "零"
        text += _below_yi(rest)
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
