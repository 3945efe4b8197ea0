"""Tasks: which group a task falls in (overdue, today …) and when a recurring one comes next.

Everything works on the user's local calendar: a task due at 23:30 local time is "today" all
that day, wherever UTC midnight falls. Instants are aware datetimes; ``tz`` is the local zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum

from sms_desktop.domain.calendar import add_months, week_start
from sms_desktop.domain.enums import RecurrenceUnit


class TaskGroup(StrEnum):
    OVERDUE = "overdue"
    TODAY = "today"
    THIS_WEEK = "this_week"
    LATER = "later"
    DONE = "done"


OPEN_GROUPS = (TaskGroup.OVERDUE, TaskGroup.TODAY, TaskGroup.THIS_WEEK, TaskGroup.LATER)
DONE_WINDOW_DAYS = 7  # the Done group lists what was finished in the last 7 days


def local_midnight(day: date, tz: tzinfo) -> datetime:
    """The instant (UTC) at which ``day`` starts in ``tz``."""
    return datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)


@dataclass(frozen=True, slots=True)
class GroupBounds:
    """The UTC instants that separate the groups, from ``now`` in zone ``tz``.

    Overdue: due before ``today``; Today: ``[today, tomorrow)``; This week: ``[tomorrow,
    next_week)`` (the rest of the ISO week, Monday first, so empty on a Sunday); Later: from
    ``next_week``. Done: finished since ``done_since``.
    """

    local_today: date
    today: datetime
    tomorrow: datetime
    next_week: datetime
    done_since: datetime

    @classmethod
    def at(cls, now: datetime, tz: tzinfo) -> GroupBounds:
        if now.tzinfo is None:
            raise ValueError("now must be aware")
        local_today = now.astimezone(tz).date()
        monday = week_start(local_today)
        return cls(
            local_today,
            local_midnight(local_today, tz),
            local_midnight(local_today + timedelta(days=1), tz),
            local_midnight(monday + timedelta(days=7), tz),
            local_midnight(local_today - timedelta(days=DONE_WINDOW_DAYS), tz),
        )

    def group_of(self, due_at: datetime, done_at: datetime | None) -> TaskGroup | None:
        """The group a task shows in (None: done longer ago than the Done window)."""
        if done_at is not None:
            return TaskGroup.DONE if done_at >= self.done_since else None
        if due_at < self.today:
            return TaskGroup.OVERDUE
        if due_at < self.tomorrow:
            return TaskGroup.TODAY
        if due_at < self.next_week:
            return TaskGroup.THIS_WEEK
        return TaskGroup.LATER


def occurrence(start: date, unit: RecurrenceUnit, interval: int, n: int) -> date:
    """The ``n``-th occurrence (0 = ``start``) of a series every ``interval`` units.

    Months are counted from the series' start so that a month-end or a 29 February keeps
    its day where it exists: a monthly series from 31 January falls on 28/29 February and
    31 March; a 12-monthly one from 29 February 2024 on 28 February 2025 and 29 February 2028.
    """
    if interval < 1 or n < 0:
        raise ValueError("interval must be positive and n not negative")
    if unit is RecurrenceUnit.DAY:
        return start + timedelta(days=interval * n)
    if unit is RecurrenceUnit.WEEK:
        return start + timedelta(weeks=interval * n)
    return add_months(start, interval * n, start.day)


def next_occurrence(
    start: date,
    unit: RecurrenceUnit,
    interval: int,
    after: date,
    until: date | None = None,
) -> date | None:
    """The first occurrence of the series strictly after ``after``, or None past ``until``."""
    if unit is RecurrenceUnit.DAY:
        n = max(0, (after - start).days // interval + 1)
    elif unit is RecurrenceUnit.WEEK:
        n = max(0, (after - start).days // (7 * interval) + 1)
    else:
        months = (after.year - start.year) * 12 + after.month - start.month
        n = max(0, months // interval)
    candidate = occurrence(start, unit, interval, n)
    while candidate <= after:
        n += 1
        candidate = occurrence(start, unit, interval, n)
    if until is not None and candidate > until:
        return None
    return candidate


def shift_keeping_time(due_at: datetime, new_day: date, tz: tzinfo) -> datetime:
    """``due_at`` moved to ``new_day`` at the same local wall-clock time (DST-safe)."""
    local = due_at.astimezone(tz)
    return datetime.combine(new_day, local.time().replace(tzinfo=None), tzinfo=tz).astimezone(UTC)
