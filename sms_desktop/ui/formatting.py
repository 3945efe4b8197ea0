"""Numbers, money and dates as the user's locale writes them (QLocale; values stay exact)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from decimal import Decimal

from PySide6.QtCore import QDate, QDateTime, QLocale

from sms_desktop.reporting.columns import Locale


def to_qdate(day: date) -> QDate:
    """A Python date for Qt's date widgets."""
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    """What a Qt date widget holds, as a Python date."""
    return date(value.year(), value.month(), value.day())


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


def format_money(
    value: Decimal | None, currency: str | None = None, *, zero: str | None = None
) -> str:
    """``¥1,234.50`` with a currency, ``1,234.50`` without; ``zero`` replaces 0 (e.g. "–")."""
    if value is None:
        return zero or ""
    if zero is not None and value == 0:
        return zero
    text = format_decimal(value, 2)
    if currency:
        symbol = _SYMBOLS.get(currency, currency + " ")
        return f"-{symbol}{text[1:]}" if text.startswith("-") else f"{symbol}{text}"
    return text


# One way of writing dates everywhere: 2026/3/2 in Chinese, Mar 2, 2026 in English.
_DATE_FORMATS = {"zh_CN": "yyyy/M/d", "en": "MMM d, yyyy"}
_TIME_FORMATS = {"zh_CN": "HH:mm", "en": "h:mm AP"}
_TIME_FORMATS_SECONDS = {"zh_CN": "HH:mm:ss", "en": "h:mm:ss AP"}


def labelled(label: str) -> str:
    """A kind label before a line: 【拜访】 in Chinese, [Visit] in English."""
    from sms_desktop.ui.i18n import translate

    return translate("Formatting", "[{label}] ").format(label=label)


def join_list(items: Iterable[str]) -> str:
    """Items of a list in running text: 价格、交期 in Chinese, price, delivery in English."""
    from sms_desktop.ui.i18n import translate

    return translate("Formatting", ", ").join(items)


def date_format() -> str:
    from sms_desktop.ui.i18n import current_language

    return _DATE_FORMATS.get(current_language(), _DATE_FORMATS["en"])


def datetime_format(*, seconds: bool = False) -> str:
    from sms_desktop.ui.i18n import current_language

    formats = _TIME_FORMATS_SECONDS if seconds else _TIME_FORMATS
    return f"{date_format()} {formats.get(current_language(), formats['en'])}"


def format_date(value: date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), date_format())


def format_datetime(value: datetime | None, *, seconds: bool = False) -> str:
    """A UTC timestamp in local time."""
    if value is None:
        return ""
    stamp = value.replace(tzinfo=value.tzinfo or UTC).timestamp()
    local = QDateTime.fromSecsSinceEpoch(int(stamp))
    return QLocale().toString(local, datetime_format(seconds=seconds))


def format_relative_days(value: datetime | None, now: datetime | None = None) -> str:
    """ "today", "3 days ago" … for how long ago a timestamp was (translated)."""
    from sms_desktop.ui.i18n import translate

    if value is None:
        return translate("Formatting", "never")
    days = ((now or datetime.now(UTC)).astimezone().date() - value.astimezone().date()).days
    if days <= 0:
        return translate("Formatting", "today")
    if days == 1:
        return translate("Formatting", "yesterday")
    return translate("Formatting", "{days} days ago").format(days=days)


@dataclass(frozen=True, slots=True)
class UiFormats:
    """The screen's ``reporting.columns.Formats``: QLocale numbers and dates, our translations."""

    locale: Locale
    now: datetime
    today: date
    zone: tzinfo

    def money(self, amount: Decimal, currency: str | None, *, zero: str | None) -> str:
        return format_money(amount, currency, zero=zero)

    def number(self, value: Decimal) -> str:
        from sms_desktop.domain.pricing import format_number

        return format_number(value)

    def day(self, value: date | None) -> str:
        return format_date(value)

    def moment(self, value: datetime | None) -> str:
        return format_datetime(value)

    def relative_days(self, value: datetime | None) -> str:
        return format_relative_days(value, self.now)


def ui_locale() -> Locale:
    """The interface language with the installed Qt translators (safe in worker threads)."""
    from sms_desktop.ui.i18n import current_language, translate

    return Locale(current_language(), translate)


def ui_formats(*, now: datetime | None = None, today: date | None = None) -> UiFormats:
    """How the screen writes cells at ``now`` (default: the clock's now)."""
    from sms_desktop.domain.clock import clock, local_zone

    moment = now or clock().now()
    zone = local_zone()
    return UiFormats(ui_locale(), moment, today or moment.astimezone(zone).date(), zone)
