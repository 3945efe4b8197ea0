"""Task rules: the groups by the local calendar day (midnight, time zones, the ISO week),
month arithmetic, recurrence (month ends, leap days, ``until``) and DST-safe shifting."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sms_desktop.domain.calendar import add_months
from sms_desktop.domain.enums import RecurrenceUnit
from sms_desktop.domain.tasks import (
    DONE_WINDOW_DAYS,
    GroupBounds,
    TaskGroup,
    local_midnight,
    next_occurrence,
    occurrence,
    shift_keeping_time,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
NEW_YORK = ZoneInfo("America/New_York")
DAY, WEEK, MONTH = RecurrenceUnit.DAY, RecurrenceUnit.WEEK, RecurrenceUnit.MONTH


def sh(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=SHANGHAI)


# ------------------------------------------------------------------------------ groups


def test_local_midnight_is_the_utc_instant_the_local_day_starts() -> None:
    assert local_midnight(date(2026, 11, 27), SHANGHAI) == datetime(2026, 11, 26, 16, tzinfo=UTC)
    assert local_midnight(date(2026, 11, 27), LOS_ANGELES) == datetime(2026, 11, 27, 8, tzinfo=UTC)
    # the day DST starts in New York begins at 05:00 UTC (EST), the next one at 04:00 (EDT)
    assert local_midnight(date(2026, 3, 8), NEW_YORK) == datetime(2026, 3, 8, 5, tzinfo=UTC)
    assert local_midnight(date(2026, 3, 9), NEW_YORK) == datetime(2026, 3, 9, 4, tzinfo=UTC)


def test_bounds_need_an_aware_now() -> None:
    with pytest.raises(ValueError, match="aware"):
        GroupBounds.at(datetime(2026, 11, 27, 10), SHANGHAI)


def test_bounds_on_a_friday_in_shanghai() -> None:
    bounds = GroupBounds.at(sh(2026, 11, 27, 10, 0), SHANGHAI)  # a Friday
    assert bounds.local_today == date(2026, 11, 27)
    assert bounds.today == datetime(2026, 11, 26, 16, tzinfo=UTC)
    assert bounds.tomorrow == datetime(2026, 11, 27, 16, tzinfo=UTC)
    assert bounds.next_week == datetime(2026, 11, 29, 16, tzinfo=UTC)  # Monday 30 Nov local
    assert bounds.done_since == datetime(2026, 11, 19, 16, tzinfo=UTC)  # 20 Nov local
    assert DONE_WINDOW_DAYS == 7


def test_a_late_evening_task_is_today_all_day_long_although_utc_midnight_lies_between() -> None:
    # 23:30 on 27 Nov in Shanghai; 07:30 local that morning is still 26 Nov in UTC
    late = sh(2026, 11, 27, 23, 30).astimezone(UTC)
    early = sh(2026, 11, 27, 7, 30).astimezone(UTC)
    assert early.date() == date(2026, 11, 26)
    for now in (sh(2026, 11, 27, 0, 0), sh(2026, 11, 27, 9, 0), sh(2026, 11, 27, 23, 59, 59)):
        bounds = GroupBounds.at(now, SHANGHAI)
        assert bounds.group_of(late, None) is TaskGroup.TODAY
        assert bounds.group_of(early, None) is TaskGroup.TODAY
    # one second before local midnight it is tomorrow's task; at midnight the next day overdue
    assert (
        GroupBounds.at(sh(2026, 11, 26, 23, 59, 59), SHANGHAI).group_of(late, None)
        is TaskGroup.THIS_WEEK
    )
    assert (
        GroupBounds.at(sh(2026, 11, 28, 0, 0), SHANGHAI).group_of(late, None) is TaskGroup.OVERDUE
    )


def test_the_boundaries_are_half_open_at_local_midnight() -> None:
    bounds = GroupBounds.at(sh(2026, 11, 25, 12, 0), SHANGHAI)  # Wednesday
    assert bounds.group_of(bounds.today - timedelta(microseconds=1), None) is TaskGroup.OVERDUE
    assert bounds.group_of(bounds.today, None) is TaskGroup.TODAY
    assert bounds.group_of(bounds.tomorrow - timedelta(microseconds=1), None) is TaskGroup.TODAY
    assert bounds.group_of(bounds.tomorrow, None) is TaskGroup.THIS_WEEK
    assert bounds.group_of(bounds.next_week - timedelta(microseconds=1), None) is (
        TaskGroup.THIS_WEEK
    )
    assert bounds.group_of(bounds.next_week, None) is TaskGroup.LATER
    assert bounds.group_of(sh(2027, 1, 1, 9, 0), None) is TaskGroup.LATER


def test_the_same_instant_falls_in_different_groups_in_different_zones() -> None:
    now = datetime(2026, 11, 27, 16, 30, tzinfo=UTC)  # 00:30 on 28 Nov in Shanghai, 08:30 27 Nov LA
    due = datetime(2026, 11, 27, 15, 30, tzinfo=UTC)  # 23:30 on 27 Nov in Shanghai, 07:30 in LA
    assert GroupBounds.at(now, SHANGHAI).group_of(due, None) is TaskGroup.OVERDUE
    assert GroupBounds.at(now, LOS_ANGELES).group_of(due, None) is TaskGroup.TODAY
    # and a task a few hours later is "this week" in LA but "today" in Shanghai
    later = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)  # 16:00 28 Nov Shanghai, 00:00 28 Nov LA
    assert GroupBounds.at(now, SHANGHAI).group_of(later, None) is TaskGroup.TODAY
    assert GroupBounds.at(now, LOS_ANGELES).group_of(later, None) is TaskGroup.THIS_WEEK


def test_this_week_is_empty_on_a_sunday() -> None:
    sunday = sh(2026, 11, 29, 10, 0)
    bounds = GroupBounds.at(sunday, SHANGHAI)
    assert bounds.local_today.weekday() == 6
    assert bounds.tomorrow == bounds.next_week
    monday = sh(2026, 11, 30, 9, 0)
    assert bounds.group_of(monday, None) is TaskGroup.LATER
    groups = {
        bounds.group_of(bounds.today + timedelta(minutes=15 * k), None) for k in range(-8, 200)
    }
    assert TaskGroup.THIS_WEEK not in groups
    assert groups == {TaskGroup.OVERDUE, TaskGroup.TODAY, TaskGroup.LATER}


def test_on_a_monday_this_week_runs_to_sunday_night() -> None:
    bounds = GroupBounds.at(sh(2026, 11, 23, 8, 0), SHANGHAI)
    assert bounds.group_of(sh(2026, 11, 29, 23, 59), None) is TaskGroup.THIS_WEEK
    assert bounds.group_of(sh(2026, 11, 30, 0, 0), None) is TaskGroup.LATER


def test_the_week_follows_the_local_day_not_the_utc_one() -> None:
    # 07:00 Monday in Shanghai is still Sunday in UTC: this week is Monday's week
    now = sh(2026, 11, 30, 7, 0)
    assert now.astimezone(UTC).weekday() == 6
    bounds = GroupBounds.at(now, SHANGHAI)
    assert bounds.local_today == date(2026, 11, 30)
    assert bounds.group_of(sh(2026, 12, 3, 9, 0), None) is TaskGroup.THIS_WEEK


def test_done_tasks_show_for_seven_days() -> None:
    bounds = GroupBounds.at(sh(2026, 11, 27, 10, 0), SHANGHAI)
    due = sh(2020, 1, 1, 9, 0)
    assert bounds.group_of(due, sh(2026, 11, 27, 9, 0)) is TaskGroup.DONE
    assert bounds.group_of(due, sh(2026, 11, 20, 0, 0)) is TaskGroup.DONE
    assert bounds.group_of(due, sh(2026, 11, 19, 23, 59)) is None


def test_bounds_across_the_dst_change() -> None:
    # Saturday 7 March 2026 in New York; the week ends after the 23-hour Sunday
    bounds = GroupBounds.at(datetime(2026, 3, 7, 15, 0, tzinfo=UTC), NEW_YORK)
    assert bounds.local_today == date(2026, 3, 7)
    assert bounds.tomorrow == datetime(2026, 3, 8, 5, 0, tzinfo=UTC)
    assert bounds.next_week == datetime(2026, 3, 9, 4, 0, tzinfo=UTC)
    sunday_late = datetime(2026, 3, 8, 23, 30, tzinfo=NEW_YORK)
    assert bounds.group_of(sunday_late, None) is TaskGroup.THIS_WEEK


# ----------------------------------------------------------------------- month arithmetic


@pytest.mark.parametrize(
    ("day", "months", "anchor", "expected"),
    [
        (date(2026, 1, 31), 1, None, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, None, date(2024, 2, 29)),
        (date(2026, 2, 28), 1, 31, date(2026, 3, 31)),
        (date(2026, 2, 28), 1, None, date(2026, 3, 28)),
        (date(2026, 4, 30), 1, 31, date(2026, 5, 31)),
        (date(2026, 12, 15), 1, None, date(2027, 1, 15)),
        (date(2026, 1, 15), -1, None, date(2025, 12, 15)),
        (date(2026, 3, 31), -1, None, date(2026, 2, 28)),
        (date(2024, 2, 29), 12, None, date(2025, 2, 28)),
        (date(2024, 2, 29), 48, None, date(2028, 2, 29)),
        (date(2026, 5, 10), 0, None, date(2026, 5, 10)),
        (date(2026, 11, 30), 14, None, date(2028, 1, 30)),
    ],
)
def test_add_months(day: date, months: int, anchor: int | None, expected: date) -> None:
    assert add_months(day, months, anchor) == expected


# ------------------------------------------------------------------------------ occurrences


def test_a_monthly_series_from_the_31st_keeps_the_month_end() -> None:
    start = date(2026, 1, 31)
    series = [occurrence(start, MONTH, 1, n) for n in range(6)]
    assert series == [
        date(2026, 1, 31),
        date(2026, 2, 28),
        date(2026, 3, 31),
        date(2026, 4, 30),
        date(2026, 5, 31),
        date(2026, 6, 30),
    ]
    assert occurrence(date(2024, 1, 31), MONTH, 1, 1) == date(2024, 2, 29)


def test_next_occurrence_from_the_month_end_continues_from_the_anchor() -> None:
    start = date(2026, 1, 31)
    assert next_occurrence(start, MONTH, 1, start) == date(2026, 2, 28)
    # after 28 Feb the series is back on the 31st, not stuck on the 28th
    assert next_occurrence(start, MONTH, 1, date(2026, 2, 28)) == date(2026, 3, 31)
    assert next_occurrence(date(2024, 1, 31), MONTH, 1, date(2024, 1, 31)) == date(2024, 2, 29)
    assert next_occurrence(date(2024, 1, 31), MONTH, 1, date(2024, 2, 29)) == date(2024, 3, 31)


def test_a_leap_day_series_every_twelve_months() -> None:
    start = date(2024, 2, 29)
    assert [occurrence(start, MONTH, 12, n) for n in range(5)] == [
        date(2024, 2, 29),
        date(2025, 2, 28),
        date(2026, 2, 28),
        date(2027, 2, 28),
        date(2028, 2, 29),
    ]
    assert next_occurrence(start, MONTH, 12, start) == date(2025, 2, 28)
    assert next_occurrence(start, MONTH, 12, date(2025, 2, 28)) == date(2026, 2, 28)
    assert next_occurrence(start, MONTH, 12, date(2027, 2, 28)) == date(2028, 2, 29)


def test_daily_and_weekly_series() -> None:
    start = date(2026, 11, 27)
    assert [occurrence(start, DAY, 3, n) for n in range(3)] == [
        date(2026, 11, 27),
        date(2026, 11, 30),
        date(2026, 12, 3),
    ]
    assert occurrence(start, WEEK, 2, 2) == date(2026, 12, 25)
    assert next_occurrence(start, DAY, 1, start) == date(2026, 11, 28)
    assert next_occurrence(start, DAY, 3, date(2026, 11, 29)) == date(2026, 11, 30)
    assert next_occurrence(start, DAY, 3, date(2026, 11, 30)) == date(2026, 12, 3)
    assert next_occurrence(start, WEEK, 1, start) == date(2026, 12, 4)
    assert next_occurrence(start, WEEK, 2, date(2026, 12, 10)) == date(2026, 12, 11)
    # across a year end and a leap day
    assert next_occurrence(date(2027, 12, 30), DAY, 1, date(2027, 12, 31)) == date(2028, 1, 1)
    assert next_occurrence(date(2028, 2, 27), DAY, 1, date(2028, 2, 28)) == date(2028, 2, 29)


def test_a_late_completion_skips_the_missed_occurrences() -> None:
    start = date(2026, 1, 15)
    assert next_occurrence(start, MONTH, 1, date(2026, 6, 20)) == date(2026, 7, 15)
    assert next_occurrence(start, MONTH, 3, date(2026, 6, 20)) == date(2026, 7, 15)
    assert next_occurrence(start, MONTH, 3, date(2026, 7, 15)) == date(2026, 10, 15)
    assert next_occurrence(start, WEEK, 1, date(2026, 2, 1)) == date(2026, 2, 5)


def test_until_ends_the_series() -> None:
    start = date(2026, 1, 31)
    assert next_occurrence(start, MONTH, 1, start, until=date(2026, 2, 28)) == date(2026, 2, 28)
    assert next_occurrence(start, MONTH, 1, start, until=date(2026, 2, 27)) is None
    assert next_occurrence(start, MONTH, 1, date(2026, 2, 28), until=date(2026, 3, 30)) is None
    assert next_occurrence(start, DAY, 1, start, until=start) is None
    assert next_occurrence(start, WEEK, 1, start, until=date(2026, 2, 7)) == date(2026, 2, 7)
    assert next_occurrence(start, WEEK, 1, date(2026, 2, 7), until=date(2026, 2, 13)) is None


@pytest.mark.parametrize(("interval", "n"), [(0, 1), (-1, 1), (1, -1)])
def test_occurrence_rejects_a_bad_interval_or_index(interval: int, n: int) -> None:
    with pytest.raises(ValueError, match="interval"):
        occurrence(date(2026, 1, 1), DAY, interval, n)


@given(
    start=st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)),
    unit=st.sampled_from(list(RecurrenceUnit)),
    interval=st.integers(min_value=1, max_value=40),
    gap=st.integers(min_value=-400, max_value=4000),
)
def test_next_occurrence_is_the_first_occurrence_after(
    start: date, unit: RecurrenceUnit, interval: int, gap: int
) -> None:
    after = start + timedelta(days=gap)
    found = next_occurrence(start, unit, interval, after)
    assert found is not None
    assert found > after
    series: list[date] = []
    n = 0
    while not series or series[-1] < found:
        series.append(occurrence(start, unit, interval, n))
        n += 1
    assert series[-1] == found  # it is an occurrence
    assert not [d for d in series if after < d < found]  # and none lies between
    # with ``until`` on the day it is still found, the day before ends the series
    assert next_occurrence(start, unit, interval, after, until=found) == found
    assert next_occurrence(start, unit, interval, after, until=found - timedelta(days=1)) is None


@pytest.mark.parametrize("unit", list(RecurrenceUnit))
def test_next_occurrence_before_the_series_start_is_the_start(unit: RecurrenceUnit) -> None:
    start = date(2026, 3, 10)
    assert next_occurrence(start, unit, 1, date(2026, 3, 9)) == start


# ------------------------------------------------------------------------- shifting in time


def test_shift_keeps_the_local_wall_clock_time_across_dst() -> None:
    due = datetime(2026, 3, 7, 10, 0, tzinfo=NEW_YORK).astimezone(UTC)  # 15:00 UTC (EST)
    moved = shift_keeping_time(due, date(2026, 3, 8), NEW_YORK)
    assert moved == datetime(2026, 3, 8, 14, 0, tzinfo=UTC)  # 10:00 EDT
    assert moved.astimezone(NEW_YORK).time().hour == 10
    assert moved - due == timedelta(hours=23)
    # and back in autumn: 25 hours
    fall = datetime(2026, 10, 31, 10, 0, tzinfo=NEW_YORK).astimezone(UTC)
    back = shift_keeping_time(fall, date(2026, 11, 1), NEW_YORK)
    assert back.astimezone(NEW_YORK).replace(tzinfo=None) == datetime(2026, 11, 1, 10, 0)
    assert back - fall == timedelta(hours=25)


def test_shift_uses_the_local_day_of_the_given_zone() -> None:
    due = sh(2026, 11, 27, 7, 30).astimezone(UTC)  # 26 Nov 23:30 UTC
    moved = shift_keeping_time(due, date(2026, 12, 1), SHANGHAI)
    assert moved.tzinfo is UTC
    assert moved.astimezone(SHANGHAI).replace(tzinfo=None) == datetime(2026, 12, 1, 7, 30)
