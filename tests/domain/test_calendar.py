"""domain/calendar.py and domain/clock.py: the one calendar and the one injectable clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from sms_desktop.domain import clock as clock_module
from sms_desktop.domain.calendar import (
    add_months,
    month_end,
    month_start,
    next_month_start,
    period_start,
    quarter_end,
    quarter_of,
    quarter_start,
    week_start,
    year_earlier,
    year_end,
    year_start,
)
from sms_desktop.domain.clock import Clock, FixedClock, clock, local_zone, set_clock, use_clock

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    ("day", "months", "anchor", "expected"),
    [
        (date(2026, 1, 31), 1, None, date(2026, 2, 28)),  # clamped to the shorter month
        (date(2024, 1, 31), 1, None, date(2024, 2, 29)),  # leap year
        (date(2026, 2, 28), 1, 31, date(2026, 3, 31)),  # the anchor day comes back
        (date(2026, 1, 31), -1, None, date(2025, 12, 31)),  # across a year, backwards
        (date(2026, 11, 5), 2, None, date(2027, 1, 5)),
        (date(2026, 3, 15), 0, None, date(2026, 3, 15)),
        (date(2026, 5, 31), -15, None, date(2025, 2, 28)),
    ],
)
def test_add_months_clamps_the_day(
    day: date, months: int, anchor: int | None, expected: date
) -> None:
    assert add_months(day, months, anchor) == expected


def test_month_quarter_year_bounds() -> None:
    day = date(2026, 8, 19)
    assert (month_start(day), month_end(day)) == (date(2026, 8, 1), date(2026, 8, 31))
    assert month_end(date(2024, 2, 10)) == date(2024, 2, 29)
    assert (quarter_of(day), quarter_start(day), quarter_end(day)) == (
        3,
        date(2026, 7, 1),
        date(2026, 9, 30),
    )
    assert [quarter_start(date(2026, m, 1)).month for m in range(1, 13)] == [
        1, 1, 1, 4, 4, 4, 7, 7, 7, 10, 10, 10
    ]  # fmt: skip
    assert quarter_end(date(2026, 12, 31)) == date(2026, 12, 31)
    assert (year_start(day), year_end(day)) == (date(2026, 1, 1), date(2026, 12, 31))
    assert period_start(day, 12) == date(2026, 1, 1) and period_start(day, 3) == date(2026, 7, 1)


def test_next_month_start_and_year_earlier() -> None:
    assert next_month_start(date(2026, 1, 31), -1) == date(2025, 12, 1)
    assert next_month_start(date(2026, 11, 5), 2) == date(2027, 1, 1)
    assert year_earlier(date(2024, 2, 29)) == date(2023, 2, 28)
    assert year_earlier(date(2026, 3, 1)) == date(2025, 3, 1)


def test_week_start_is_the_iso_monday() -> None:
    assert week_start(date(2026, 3, 29)) == date(2026, 3, 23)  # a Sunday
    assert week_start(date(2026, 3, 30)) == date(2026, 3, 30)  # a Monday
    assert week_start(date(2027, 1, 1)) == date(2026, 12, 28)  # across the year


def test_fixed_clock_today_follows_the_zone_across_dst() -> None:
    # 29 March 2026 is the last Sunday of March: Berlin goes from UTC+1 to UTC+2 at 01:00 UTC.
    after = FixedClock(datetime(2026, 3, 29, 22, 30, tzinfo=UTC), BERLIN)  # 30 March 00:30
    assert after.today() == date(2026, 3, 30)
    assert after.local_midnight(date(2026, 3, 30)) == datetime(2026, 3, 29, 22, 0, tzinfo=UTC)
    assert after.local_midnight(date(2026, 3, 29)) == datetime(2026, 3, 28, 23, 0, tzinfo=UTC)
    # 25 October 2026, the last Sunday of October: back to UTC+1.
    october = FixedClock(datetime(2026, 10, 25, 23, 30, tzinfo=UTC), BERLIN)  # 26 Oct 00:30
    assert october.today() == date(2026, 10, 26)
    assert october.local_midnight(date(2026, 10, 26)) - october.local_midnight(
        date(2026, 10, 25)
    ) == timedelta(hours=25)
    with pytest.raises(ValueError, match="aware"):
        FixedClock(datetime(2026, 1, 1), BERLIN)


def test_the_clock_is_injectable_and_restored() -> None:
    system = clock()
    fixed = FixedClock(datetime(2026, 3, 29, 22, 30, tzinfo=UTC), BERLIN)
    with use_clock(fixed):
        assert clock() is fixed
        assert local_zone() is BERLIN
        assert clock_module.today() == date(2026, 3, 30)
        assert clock_module.now() == datetime(2026, 3, 29, 22, 30, tzinfo=UTC)
    assert clock() is system
    previous = set_clock(fixed)
    try:
        assert previous is system
    finally:
        set_clock(None)
    assert type(clock()) is Clock


def test_the_system_zone_is_a_zone_not_todays_offset() -> None:
    """The zone gives each instant its own offset (an IANA zone), not one fixed offset."""
    assert not isinstance(Clock().zone(), timezone)
    assert Clock().now().tzinfo is UTC
