"""Tasks as iCalendar: all-day and timed events with their zone, alarms, recurrence, hostile
and Chinese text; everything parsed back with the icalendar library."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Component

from sms_desktop.domain.enums import ActivityKind, RecurrenceUnit
from sms_desktop.reporting.ics import build_calendar, task_uid, write_ics
from sms_desktop.services.tasks import TaskRow

SHANGHAI = ZoneInfo("Asia/Shanghai")
NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)
DATABASE_ID = "0123456789abcdef"
KIND_NAMES = {kind.value: f"K-{kind.value}" for kind in ActivityKind} | {"visit": "拜访"}
HOSTILE = "报价, 第二版; 确认\n下一步 <b>加急</b> \\ 完"


def row(task_id: int, subject: str, due_at: datetime, **changes: Any) -> TaskRow:
    base = TaskRow(
        id=task_id,
        kind=ActivityKind.CALL,
        subject=subject,
        notes=None,
        due_at=due_at,
        all_day=False,
        duration_minutes=45,
        done_at=None,
        outcome=None,
        assignee_id=1,
        assignee="王明",
        customer_id=7,
        customer="北京华夏科技有限公司",
        contact_id=None,
        contact=None,
        opportunity_id=None,
        opportunity=None,
        remind_at=None,
        recurrence_unit=None,
        recurrence_interval=None,
        recurrence_until=None,
        with_survey=False,
    )
    return replace(base, **changes)


def export(tasks: list[TaskRow], tz: ZoneInfo, now: datetime = NOW) -> Calendar:
    return build_calendar(
        tasks,
        tz=tz,
        database_id=DATABASE_ID,
        kind_name=KIND_NAMES,
        calendar_name="SMS 任务",
        now=now,
    )


def parse_back(calendar: Calendar, tmp_path: Path) -> Calendar:
    path = tmp_path / "tasks.ics"
    write_ics(path, calendar)
    assert not (tmp_path / "tasks.ics.part").exists()
    return Calendar.from_ical(path.read_bytes())


def events(calendar: Calendar) -> dict[str, Component]:
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def all_day_task() -> TaskRow:
    # 09:00 in Shanghai on Friday 27 November, stored in UTC (01:00).
    return row(
        1,
        "拜访华夏：年度回顾",
        datetime(2026, 11, 27, 9, 0, tzinfo=SHANGHAI).astimezone(UTC),
        kind=ActivityKind.VISIT,
        all_day=True,
        duration_minutes=None,
        notes="带上样品\n确认交期",
    )


def timed_task(tz: ZoneInfo, hour: int = 14) -> TaskRow:
    due = datetime(2026, 11, 27, hour, 30, tzinfo=tz).astimezone(UTC)
    return row(
        2,
        HOSTILE,
        due,
        remind_at=due - timedelta(minutes=15),
        customer="上海明达贸易, 股份; 有限公司",
    )


def monthly_task(tz: ZoneInfo, *, all_day: bool) -> TaskRow:
    due = datetime(2026, 1, 31, 10, 0, tzinfo=tz).astimezone(UTC)
    return row(
        3,
        "月度拜访重点客户",
        due,
        kind=ActivityKind.VISIT,
        all_day=all_day,
        duration_minutes=None if all_day else 60,
        recurrence_unit=RecurrenceUnit.MONTH,
        recurrence_interval=2,
        recurrence_until=date(2026, 12, 31),
    )


def test_all_day_task_is_a_one_day_event_with_a_date(tmp_path: Path) -> None:
    task = all_day_task()
    parsed = parse_back(export([task], SHANGHAI), tmp_path)
    event = events(parsed)[task_uid(1, DATABASE_ID)]
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert type(start) is date and start == date(2026, 11, 27)
    assert type(end) is date and end == date(2026, 11, 28)
    assert str(event["SUMMARY"]) == "[拜访] 拜访华夏：年度回顾 · 北京华夏科技有限公司"
    assert "带上样品\n确认交期" in str(event["DESCRIPTION"])
    assert "王明" in str(event["DESCRIPTION"])
    assert str(event["TRANSP"]) == "TRANSPARENT"
    assert not event.walk("VALARM")  # no reminder set
    assert str(parsed["X-WR-CALNAME"]) == "SMS 任务"
    assert str(parsed["VERSION"]) == "2.0"


@pytest.mark.parametrize("tz", [SHANGHAI, NEW_YORK], ids=["shanghai", "new-york"])
def test_timed_task_keeps_its_zone_and_alarm(tmp_path: Path, tz: ZoneInfo) -> None:
    task = timed_task(tz)
    parsed = parse_back(export([task], tz), tmp_path)
    event = events(parsed)[task_uid(2, DATABASE_ID)]

    assert event["DTSTART"].params["TZID"] == tz.key
    start = event.decoded("DTSTART")
    assert isinstance(start, datetime) and start.tzinfo is not None
    assert start == task.due_at  # the same instant …
    assert (start.hour, start.minute) == (14, 30)  # … at the local wall time
    assert start.utcoffset() == task.due_at.astimezone(tz).utcoffset()
    assert event.decoded("DTEND") - start == timedelta(minutes=45)

    zones = [str(z["TZID"]) for z in parsed.walk("VTIMEZONE")]
    assert zones == [tz.key]

    alarms = event.walk("VALARM")
    assert len(alarms) == 1
    assert task.remind_at is not None
    assert alarms[0].decoded("TRIGGER") == task.remind_at - task.due_at == timedelta(minutes=-15)
    assert str(alarms[0]["ACTION"]) == "DISPLAY"


def test_chinese_and_hostile_text_round_trip_exactly(tmp_path: Path) -> None:
    task = timed_task(SHANGHAI)
    task = replace(task, notes="备注: a,b;c\n第二行 <i>x</i>", outcome=None)
    parsed = parse_back(export([task], SHANGHAI), tmp_path)
    event = events(parsed)[task_uid(2, DATABASE_ID)]
    expected = f"[K-call] {HOSTILE} · 上海明达贸易, 股份; 有限公司"
    assert str(event["SUMMARY"]) == expected
    assert str(event["DESCRIPTION"]).split("\n")[:2] == ["备注: a,b;c", "第二行 <i>x</i>"]
    assert str(event.walk("VALARM")[0]["DESCRIPTION"]) == expected
    # The file is well-formed: folded lines stay under 75 octets, endings are CRLF.
    raw = (tmp_path / "tasks.ics").read_bytes()
    lines = raw.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert b"\n" not in raw.replace(b"\r\n", b"")


def test_timed_monthly_recurrence_until_is_utc_datetime(tmp_path: Path) -> None:
    task = monthly_task(NEW_YORK, all_day=False)
    parsed = parse_back(export([task], NEW_YORK), tmp_path)
    event = events(parsed)[task_uid(3, DATABASE_ID)]
    rule = event.decoded("RRULE")
    assert rule["FREQ"] == ["MONTHLY"]
    assert rule["INTERVAL"] == [2]
    (until,) = rule["UNTIL"]
    start = event.decoded("DTSTART")
    assert isinstance(start, datetime) and isinstance(until, datetime)
    assert until.utcoffset() == timedelta(0)  # RFC 5545: UTC when DTSTART has a TZID
    # The whole last day (New York) is included, nothing after it.
    assert until.astimezone(NEW_YORK).date() == date(2026, 12, 31)
    assert until >= datetime(2026, 12, 31, 10, 0, tzinfo=NEW_YORK)
    assert until < datetime(2027, 1, 1, 0, 0, tzinfo=NEW_YORK)


def test_all_day_monthly_recurrence_until_is_a_date(tmp_path: Path) -> None:
    task = monthly_task(SHANGHAI, all_day=True)
    parsed = parse_back(export([task], SHANGHAI), tmp_path)
    event = events(parsed)[task_uid(3, DATABASE_ID)]
    assert type(event.decoded("DTSTART")) is date
    rule = event.decoded("RRULE")
    assert rule["FREQ"] == ["MONTHLY"]
    assert rule["INTERVAL"] == [2]
    (until,) = rule["UNTIL"]
    assert type(until) is date and until == date(2026, 12, 31)


def test_done_task_has_no_alarm_and_its_outcome(tmp_path: Path) -> None:
    task = replace(
        timed_task(SHANGHAI),
        done_at=NOW,
        outcome="客户同意下单",
    )
    parsed = parse_back(export([task], SHANGHAI), tmp_path)
    event = events(parsed)[task_uid(2, DATABASE_ID)]
    assert not event.walk("VALARM")
    assert "客户同意下单" in str(event["DESCRIPTION"])
    assert str(event["STATUS"]) == "CONFIRMED"


def test_uids_are_stable_across_exports(tmp_path: Path) -> None:
    tasks = [all_day_task(), timed_task(SHANGHAI), monthly_task(SHANGHAI, all_day=False)]
    first = export(tasks, SHANGHAI, now=NOW)
    second = export(list(reversed(tasks)), SHANGHAI, now=NOW + timedelta(days=3))
    first_uids = [str(e["UID"]) for e in first.walk("VEVENT")]
    second_uids = [str(e["UID"]) for e in second.walk("VEVENT")]
    assert first_uids == [task_uid(i, DATABASE_ID) for i in (1, 2, 3)]
    assert sorted(first_uids) == sorted(second_uids)
    assert len(set(first_uids)) == 3
    # Another database's task 1 is another event.
    assert task_uid(1, "another") != task_uid(1, DATABASE_ID)
    # Parsed back, every event of the second file carries the UID of the same task.
    back = events(parse_back(second, tmp_path))
    assert str(back[task_uid(2, DATABASE_ID)]["SUMMARY"]).startswith(f"[K-call] {HOSTILE}")
    assert back[task_uid(1, DATABASE_ID)].decoded("DTSTAMP") == NOW + timedelta(days=3)


def test_calendar_mixing_zones_only_carries_the_export_zone(tmp_path: Path) -> None:
    tasks = [all_day_task(), timed_task(SHANGHAI, hour=23)]
    parsed = parse_back(export(tasks, SHANGHAI), tmp_path)
    assert [str(z["TZID"]) for z in parsed.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    timed = events(parsed)[task_uid(2, DATABASE_ID)]
    # 23:30 in Shanghai is 15:30 UTC the same day: the local day is what is shown.
    assert timed.decoded("DTSTART").date() == date(2026, 11, 27)
    assert len(parsed.walk("VEVENT")) == 2


def test_write_is_atomic_and_replaces_an_old_file(tmp_path: Path) -> None:
    path = tmp_path / "tasks.ics"
    path.write_bytes(b"old")
    write_ics(path, export([all_day_task()], SHANGHAI))
    parsed = Calendar.from_ical(path.read_bytes())
    assert len(parsed.walk("VEVENT")) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["tasks.ics"]


def test_all_day_task_alarm_fires_when_the_app_reminds(tmp_path: Path) -> None:
    task = all_day_task()
    # "15 minutes before" on an all-day task: the app reminds at 08:45 local on the day.
    task = replace(task, remind_at=task.due_at - timedelta(minutes=15))
    parsed = parse_back(export([task], SHANGHAI), tmp_path)
    event = events(parsed)[task_uid(1, DATABASE_ID)]
    (alarm,) = event.walk("VALARM")
    trigger = alarm.decoded("TRIGGER")
    start = event.decoded("DTSTART")
    if isinstance(trigger, timedelta):  # relative to the start: local midnight of the day
        fires = datetime.combine(start, time(0), tzinfo=SHANGHAI) + trigger
    else:  # an absolute time
        fires = trigger
    assert fires == datetime(2026, 11, 27, 8, 45, tzinfo=SHANGHAI)


CONTROLS = "".join(chr(c) for c in [*range(0x20), 0x7F] if chr(c) not in "\t\n\r")


def test_control_characters_are_stripped_from_every_text(tmp_path: Path) -> None:
    """RFC 5545 forbids them in TEXT values (the audit found NUL, 0x0B and 0x1F written)."""

    def dirty(text: str) -> str:
        return f"{CONTROLS[:16]}{text}{CONTROLS[16:]}"

    task = replace(
        timed_task(SHANGHAI),
        subject=dirty("报价\x00跟进\x0b 第二版"),
        notes=dirty("带上\x1f样品") + "\n第二行\t缩进",
        customer=dirty("华夏科技"),
        contact=dirty("王伟"),
        opportunity=dirty("年度采购"),
        assignee=dirty("王明"),
    )
    calendar = build_calendar(
        [task],
        tz=SHANGHAI,
        database_id=DATABASE_ID,
        kind_name={"call": dirty("电话")},
        calendar_name=dirty("SMS 任务"),
        labels={"contact": dirty("联系人")},
        now=NOW,
    )
    parsed = parse_back(calendar, tmp_path)
    raw = (tmp_path / "tasks.ics").read_bytes()
    assert not set(raw.replace(b"\r\n", b"")) & set(CONTROLS.encode()), raw
    event = events(parsed)[task_uid(2, DATABASE_ID)]
    summary = "[电话] 报价跟进 第二版 · 华夏科技"
    assert str(event["SUMMARY"]) == summary
    assert str(event.walk("VALARM")[0]["DESCRIPTION"]) == summary
    assert str(event["DESCRIPTION"]).split("\n") == [
        "带上样品",
        "第二行\t缩进",
        "customer: 华夏科技",
        "联系人: 王伟",
        "opportunity: 年度采购",
        "assignee: 王明",
    ]
    assert str(parsed["X-WR-CALNAME"]) == "SMS 任务"
