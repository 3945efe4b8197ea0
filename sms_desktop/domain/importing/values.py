"""Spreadsheet cells to clean values: text, numbers, money, discounts, dates and phones.

Every parser takes what a reader yields (text from a CSV; numbers, dates or text from a
workbook) and returns the value, ``None`` for a blank cell, or raises :class:`ValueProblemError`
with a translatable message. Text is never interpreted: ``=1+1`` and ``<b>`` stay literal.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Literal, get_args

from sms_desktop.domain.i18n import Message, translate
from sms_desktop.domain.money import round_money

DateOrder = Literal["ymd", "dmy", "mdy"]
DATE_ORDERS: tuple[DateOrder, ...] = get_args(DateOrder)
ASK: Literal["ask"] = "ask"

# C0/C1 control characters (tab and newline kept), lone surrogates and non-characters: they
# break exports (XML), searches (FTS) and terminals, and nobody types them on purpose.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_CURRENCY = re.compile(r"^(?:CN¥|RMB|CNY|USD|US\$|HK\$|EUR|€|¥|\$|£)\s*|\s*(?:元|CNY|RMB)$", re.I)
_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01 (with Excel's 1900 leap-year bug)
_MIN_SERIAL, _MAX_SERIAL = 1, 2958465  # 1900-01-01 … 9999-12-31
_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_AB_Y = re.compile(r"^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_TIME_TAIL = re.compile(r"[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
_DISCOUNT_ZHE = re.compile(r"^(\d+(?:\.\d+)?)\s*折$")
_PLAIN_NUMBER = re.compile(r"-?\d{1,20}(?:\.\d{1,20})?")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PHONE_SEPARATORS = re.compile(r"[\s\-–—.()（）/]+")

Cell = object  # what a reader yields: str, int, float, Decimal, date, datetime, bool or None


class ValueProblemError(Exception):
    """A cell that cannot become the field's value; ``message`` says why (translatable)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render())
        self.message = message


def is_blank(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def clean_text(value: Cell) -> str:
    """A cell as text: trimmed, control characters removed, line breaks as ``\\n``; numbers
    as written (``13800138000``, not ``1.38e10``). Markup and formulas stay literal."""
    if value is None:
        return ""
    if isinstance(value, str) and value.isprintable() and value.strip() == value:
        return value  # the common case, without the regular expressions below
    if isinstance(value, bool):
        text = "1" if value else "0"
    elif isinstance(value, float):
        text = str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    elif isinstance(value, Decimal):
        text = format(value, "f")
    elif isinstance(value, datetime):
        text = value.isoformat(sep=" ", timespec="minutes") if value.time() else str(value.date())
    elif isinstance(value, date):
        text = value.isoformat()
    else:
        text = str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text).strip()


def ascii_form(text: str) -> str:
    """Full-width digits, letters and signs as ASCII (１２３ → 123, ＡＢ → AB, ％ → %)."""
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


def parse_decimal(value: Cell) -> Decimal | None:
    """A number from a cell: ``1,234.50``, ``１２３``, ``¥1,200``/``CN¥``/``$``/``元`` (money),
    ``(12.5)`` accounting negatives; floats through their shortest repr (0.1 stays 0.1)."""
    if is_blank(value):
        return None
    if isinstance(value, str) and _PLAIN_NUMBER.fullmatch(value):
        return Decimal(value)
    if isinstance(value, bool):
        raise ValueProblemError(translate("Import", "Enter a number."))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        result = Decimal(repr(value))
        if not result.is_finite():
            raise ValueProblemError(translate("Import", "Enter a number."))
        return result
    if isinstance(value, Decimal):
        return value
    if isinstance(value, (date, datetime)):
        raise ValueProblemError(translate("Import", "Enter a number, not a date."))
    text = ascii_form(clean_text(value)).replace(" ", "").replace("\u00a0", "")
    negative = text.startswith("(") and text.endswith(")")
    if negative:
        text = text[1:-1]
    text = _CURRENCY.sub("", _CURRENCY.sub("", text)).strip()  # a sign at either end
    if text.startswith("-"):
        negative, text = not negative, text[1:]
    text = text.lstrip("+")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):
        text = text.replace(",", "")
    if not re.fullmatch(r"\d+(?:\.\d*)?|\.\d+", text):
        raise ValueProblemError(translate("Import", "Enter a number like 1234.50."))
    try:
        result = Decimal(text)
    except InvalidOperation as exc:  # the pattern admits only plain digits; kept for safety
        raise ValueProblemError(translate("Import", "Enter a number like 1234.50.")) from exc
    return -result if negative else result


def parse_money(value: Cell, *, exact: bool = True) -> Decimal | None:
    """An amount in fen. ``exact``: more than two decimals is a problem (as in the forms);
    otherwise rounded half up (history files carry computed figures such as 957.5775)."""
    amount = parse_decimal(value)
    if amount is None:
        return None
    rounded = round_money(amount)
    # Spreadsheet floats of a computed cell (0.1 + 0.2) carry binary noise: round those.
    noise = isinstance(value, float) and abs(amount - rounded) < Decimal("0.000001")
    if amount != rounded and exact and not noise:
        raise ValueProblemError(translate("Import", "Amounts have at most two decimals."))
    return rounded


def parse_percent(value: Cell) -> Decimal | None:
    """A discount or rate as a percentage: ``15%``, ``15``, ``0.15`` (a fraction from 0 to 1),
    ``85折`` (pay 85 %, so 15 % off), ``8.5折``."""
    if is_blank(value):
        return None
    if isinstance(value, str):
        text = ascii_form(clean_text(value)).replace(" ", "")
        zhe = _DISCOUNT_ZHE.match(text)
        if zhe:
            paid = Decimal(zhe.group(1))
            paid = paid * 10 if paid < 10 else paid  # 8.5折 = 85 %
            if not 0 < paid <= 100:
                raise ValueProblemError(translate("Import", "A discount is between 0 and 100 %."))
            return (Decimal(100) - paid).quantize(Decimal("0.01"))
        if text.endswith("%"):
            number = parse_decimal(text[:-1])
            return None if number is None else number
    number = parse_decimal(value)
    if number is None:
        return None
    if 0 < abs(number) < 1:  # 0.15 is a fraction (Excel stores 15 % as 0.15)
        number *= 100
    return number


def parse_int(value: Cell) -> int | None:
    number = parse_decimal(value)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise ValueProblemError(translate("Import", "Enter a whole number."))
    return int(number)


def excel_serial_date(serial: Decimal | int | float) -> date:
    """An Excel serial day number (1900 system) as a date; the fraction (a time) is dropped."""
    number = int(serial)
    if not _MIN_SERIAL <= number <= _MAX_SERIAL:
        raise ValueProblemError(translate("Import", "Enter a date like 2026-03-06."))
    return _EXCEL_EPOCH + timedelta(days=number)


@dataclass(frozen=True, slots=True)
class _Shape:
    """A text date split into its parts; ``ambiguous`` means day and month may swap."""

    year: int
    first: int  # month (ymd) or the first of the two small numbers
    second: int
    ambiguous: bool


def _shape(text: str) -> _Shape | None:
    text = _TIME_TAIL.sub("", ascii_form(clean_text(text)))
    if m := _YMD.match(text) or _COMPACT.match(text):
        return _Shape(int(m.group(1)), int(m.group(2)), int(m.group(3)), ambiguous=False)
    if m := _AB_Y.match(text):
        year = int(m.group(3))
        if year < 100:
            year += 2000 if year < 70 else 1900
        return _Shape(year, int(m.group(1)), int(m.group(2)), ambiguous=True)
    return None


def decide_date_order(values: Iterable[Cell]) -> DateOrder | Literal["ask"] | None:
    """Day/month order of a column's ``a/b/yyyy`` dates: ``dmy`` once a first number is over
    12, ``mdy`` once a second one is, ``"ask"`` when no value tells (both ≤ 12 everywhere),
    None when the column has no such dates (year-first dates need no decision)."""
    seen_ambiguous = False
    for value in values:
        if not isinstance(value, str):
            continue
        shape = _shape(value)
        if shape is None or not shape.ambiguous:
            continue
        if shape.first > 12 >= shape.second:
            return "dmy"
        if shape.second > 12 >= shape.first:
            return "mdy"
        if shape.first != shape.second:
            seen_ambiguous = True
    return ASK if seen_ambiguous else None


def parse_date(value: Cell, order: DateOrder | None = None) -> date | None:
    """A date from a date cell, an Excel serial number, or text (``2021/3/6``,
    ``2022年7月1日``, ``2021-03-06``, ``20210306``, ``11/8/2018`` in ``order``)."""
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return excel_serial_date(value)
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError as exc:
            raise ValueProblemError(translate("Import", "There is no such date.")) from exc
    text = ascii_form(clean_text(value))
    if re.fullmatch(r"\d{5}(?:\.\d+)?", text):
        return excel_serial_date(Decimal(text))
    shape = _shape(text)
    if shape is None:
        raise ValueProblemError(translate("Import", "Enter a date like 2026-03-06."))
    year, month, day = shape.year, shape.first, shape.second
    if shape.ambiguous:
        first, second = shape.first, shape.second
        decided = order in ("dmy", "mdy")
        if order == "dmy" or (not decided and first > 12):
            month, day = second, first
        elif not decided and first != second and second <= 12:
            raise ValueProblemError(
                translate("Import", "Day and month can be read both ways: choose the date order.")
            )
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ValueProblemError(translate("Import", "There is no such date.")) from exc


def normalize_phone(value: Cell) -> str:
    """A phone as digits with a leading + kept: separators (spaces, dashes, dots, brackets)
    dropped; a Chinese mobile loses its +86/0086 prefix (138 0013 8000 → 13800138000)."""
    text = ascii_form(clean_text(value))
    if not text:
        return ""
    extension = ""
    if m := re.search(r"\s*(?:ext\.?|x|转|分机)\s*(\d{1,6})$", text, re.I):
        extension, text = f" ext {m.group(1)}", text[: m.start()]
    plus = text.startswith("+")
    digits = _PHONE_SEPARATORS.sub("", text.lstrip("+"))
    if not digits.isdigit():
        return clean_text(value)  # not a phone: validation says so with the user's text
    for prefix in ("0086", "86"):
        rest = digits.removeprefix(prefix)
        if rest != digits and (plus or prefix == "0086") and len(rest) == 11 and rest[0] == "1":
            return rest + extension
    return ("+" if plus else "") + digits + extension
