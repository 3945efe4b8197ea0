"""Tasks as an iCalendar (.ics) file that phone and desktop calendars import.

Each task becomes a VEVENT (calendars import events everywhere; to-dos are ignored by many):
an all-day task is a one-day event, a timed one starts at its local time with the zone's
VTIMEZONE included, so it lands at the right hour on a phone set to another zone. A reminder
becomes a VALARM, a repeating task an RRULE. UIDs are stable per task, so importing again
updates events instead of duplicating them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, time, timedelta, tzinfo
from pathlib import Path

from icalendar import Alarm, Calendar, Event, vRecur

from sms_desktop.domain.enums import RecurrenceUnit
from sms_desktop.reporting.files import Progress, write_atomically
from sms_desktop.services.tasks import TaskRow

PRODUCT_ID = "-//SMS Desktop//Tasks//ZH"
_FREQ = {
    RecurrenceUnit.DAY: "DAILY",
    RecurrenceUnit.WEEK: "WEEKLY",
    RecurrenceUnit.MONTH: "MONTHLY",
}
DEFAULT_MINUTES = 30
# RFC 5545 forbids control characters in TEXT values; tab, line feed and carriage return
# are allowed or escaped by the icalendar library, the other C0 ones and DEL are dropped.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def ics_text(value: str) -> str:
    """``value`` fit for an iCalendar TEXT property: without control characters."""
    return _CONTROL.sub("", value)


def task_uid(task_id: int, database_id: str) -> str:
    return f"task-{task_id}-{database_id}@sms-desktop"


def build_calendar(
    tasks: Iterable[TaskRow],
    *,
    tz: tzinfo,
    database_id: str,
    kind_name: dict[str, str],
    calendar_name: str,
    labels: dict[str, str] | None = None,
    now: datetime | None = None,
) -> Calendar:
    """One VCALENDAR with a VEVENT per task. ``kind_name`` maps a kind to its label;
    ``labels`` names the description's fields (customer, contact, opportunity, assignee,
    outcome) in the user's language."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    cal = Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", ics_text(calendar_name))
    for task in tasks:
        cal.add_component(_event(task, tz, database_id, kind_name, labels or {}, stamp))
    cal.add_missing_timezones()
    return cal


def _event(
    task: TaskRow,
    tz: tzinfo,
    database_id: str,
    kind_name: dict[str, str],
    labels: dict[str, str],
    stamp: datetime,
) -> Event:
    event = Event()
    event.add("uid", task_uid(task.id, database_id))
    event.add("dtstamp", stamp)
    label = kind_name.get(task.kind.value, task.kind.value)
    summary = f"[{label}] {task.subject}"
    if task.customer:
        summary += f" · {task.customer}"
    summary = ics_text(summary)
    event.add("summary", summary)
    local = task.due_at.astimezone(tz)
    if task.all_day:
        event.add("dtstart", local.date())
        event.add("dtend", local.date() + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    else:
        event.add("dtstart", local)
        event.add("dtend", local + timedelta(minutes=task.duration_minutes or DEFAULT_MINUTES))
    details = [task.notes] if task.notes else []
    for key, value in (
        ("customer", task.customer),
        ("contact", task.contact),
        ("opportunity", task.opportunity),
        ("assignee", task.assignee),
        ("outcome", task.outcome),
    ):
        if value:
            details.append(f"{labels.get(key, key)}: {value}")
    if details:
        event.add("description", ics_text("\n".join(details)))
    if task.done_at is not None:
        event.add("status", "CONFIRMED")
    if task.recurrence_unit is not None and task.recurrence_interval:
        rule: dict[str, object] = {
            "freq": _FREQ[task.recurrence_unit],
            "interval": task.recurrence_interval,
        }
        if task.recurrence_until is not None:
            # UNTIL has DTSTART's type: a date for all-day events, else a UTC time.
            until = task.recurrence_until
            rule["until"] = (
                until
                if task.all_day
                else datetime.combine(until + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC)
                - timedelta(seconds=1)
            )
        event.add("rrule", vRecur(rule))
    if task.remind_at is not None and task.done_at is None:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        if task.all_day:
            # An all-day event starts at midnight, the task's day in the app at 09:00: give
            # the reminder's own time, so the phone rings when the app would.
            alarm.add("trigger", task.remind_at.astimezone(UTC))
        else:
            alarm.add("trigger", task.remind_at - task.due_at)
        event.add_component(alarm)
    return event


def write_ics(path: Path, calendar: Calendar, *, progress: Progress | None = None) -> None:
    """Write atomically: a half-written file never replaces a good one (nor does a cancelled
    one)."""
    write_atomically(path, calendar.to_ical(), progress=progress)
