"""Numbers, money and dates as the user's locale writes them (QLocale; values stay exact)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from PySide6.QtCore import QDate, QDateTime, QLocale

_SYMBOLS = {"CNY": "¥", "USD": "$", "EUR": "€", "HKD": "HK$", "JPY": "¥", "GBP": "£"}


def _group(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(parts)


def format_decimal(value: Decimal, places: int = 2) -> str:
    """Group digits and use the locale's separators without going through float."""
    locale = QLocale()
    quantized = value.quantize(Decimal(1).scaleb(-places)) if places else value.quantize(Decimal(1))
    sign = "-" if quantized < 0 else ""
    whole, _, fraction = f"{abs(quantized):f}".partition(".")
    text = _group(whole, locale.groupSeparator())
    if places:
        text += locale.decimalPoint() + fraction
    return sign + text


def format_money(value: Decimal | None, currency: str | None = None) -> str:
    if value is None:
        return ""
    text = format_decimal(value, 2)
    if currency:
        symbol = _SYMBOLS.get(currency, currency + " ")
        return f"-{symbol}{text[1:]}" if text.startswith("-") else f"{symbol}{text}"
    return text


def format_date(value: date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
    )


def format_datetime(value: datetime | None) -> str:
    """A UTC timestamp in local time."""
    if value is None:
        return ""
    local = QDateTime.fromSecsSinceEpoch(int(value.replace(tzinfo=value.tzinfo or UTC).timestamp()))
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)


def format_relative_days(value: datetime | None, now: datetime | None = None) -> str:
    """ "today", "3 days ago" … for how long ago a timestamp was (translated)."""
    from sms_desktop.ui.i18n import translate

    if value is None:
        return ""
    days = ((now or datetime.now(UTC)).astimezone().date() - value.astimezone().date()).days
    if days <= 0:
        return translate("Formatting", "today")
    if days == 1:
        return translate("Formatting", "yesterday")
    return translate("Formatting", "{days} days ago").format(days=days)
