"""Field checks shared by the services (pure functions, no I/O)."""

from __future__ import annotations

import re

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Digits, spaces, dashes, dots, parentheses, a leading +, and an optional extension.
PHONE = re.compile(r"^\+?[\d\s().-]{5,24}(?:\s*(?:ext\.?|x|转)\s*\d{1,6})?$", re.IGNORECASE)
# 统一社会信用代码: 18 characters from 0-9 and A-Z without I, O, S, V, Z; older ids 15–20.
TAX_ID = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{15,20}$")

_CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def is_email(text: str) -> bool:
    return bool(EMAIL.match(text.strip()))


def is_phone(text: str) -> bool:
    """Digits with the usual separators; at least five digits, so "-----" is no phone."""
    value = text.strip()
    return bool(PHONE.match(value)) and sum(ch.isdigit() for ch in value) >= 5


def is_tax_id(text: str) -> bool:
    """Accept a 统一社会信用代码 (18 chars, check digit verified) or an older 15–20 char id."""
    value = text.strip().upper()
    if not TAX_ID.match(value):
        return False
    if len(value) == 18:
        return credit_code_check_char(value[:17]) == value[17]
    return True


def credit_code_check_char(first17: str) -> str:
    """The check character of a unified social credit code (GB 32100-2015)."""
    total = sum(
        _CREDIT_CODE_CHARS.index(c) * w for c, w in zip(first17, _CREDIT_CODE_WEIGHTS, strict=True)
    )
    return _CREDIT_CODE_CHARS[(31 - total % 31) % 31]
