"""Calendar arithmetic on business dates: month, quarter and year periods, ``add_months``, weeks.

The one place these are written; every service, report and tab builds on it. Weeks are ISO
weeks (Monday first). Pure functions over ``date``.
"""

from __future__ import annotations

import calendar as _calendar
from datetime import date, timedelta


def add_months(day: date, months: int, anchor_day: int | None = None) -> date:
    """``day`` moved by ``months`` calendar months (negative: back), on ``anchor_day``
    (default: ``day.day``) or the last day of a shorter month: Jan 31 + 1 → Feb 28/29."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    wanted = anchor_day or day.day
    return date(year, month + 1, min(wanted, days_in_month(year, month + 1)))


def year_earlier(day: date) -> date:
    """The same day one year earlier; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def days_in_month(year: int, month: int) -> int:
    return _calendar.monthrange(year, month)[1]


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(day: date) -> date:
    """The last day of ``day``'s month."""
    return day.replace(day=days_in_month(day.year, day.month))


def quarter_of(day: date) -> int:
    """The calendar quarter (1–4) ``day`` falls in."""
    return (day.month - 1) // 3 + 1


def quarter_start(day: date) -> date:
    return date(day.year, 3 * (quarter_of(day) - 1) + 1, 1)


def quarter_end(day: date) -> date:
    return add_months(quarter_start(day), 3) - timedelta(days=1)


def year_start(day: date) -> date:
    return date(day.year, 1, 1)


def year_end(day: date) -> date:
    return date(day.year, 12, 31)


def week_start(day: date) -> date:
    """The Monday of ``day``'s ISO week."""
    return day - timedelta(days=day.weekday())


def period_start(day: date, months: int) -> date:
    """The first day of the period of ``months`` (1, 3, 12 …) calendar months containing ``day``,
    periods counted from January."""
    return date(day.year, (day.month - 1) // months * months + 1, 1)


def next_month_start(day: date, months: int = 1) -> date:
    """The first day of the month ``months`` after ``day``'s month (negative: before)."""
    return add_months(month_start(day), months)
