"""Tasks tab: the grouped list shown, the group counts, the week calendar and an .ics export,
on the 1,000,000-activity database; against bare-SQL floors."""

from __future__ import annotations

import os
import sqlite3
import statistics
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.benchmarks.harness import Row, benchmark

RUNS = 9

# The same work without the app, with the same indexes named: the five counts and the first
# page of "today" with the joined names, in one connection (no trash check, no ORM).
_OPEN = (
    "activities INDEXED BY ix_activities_open_due_at WHERE done_at IS NULL AND deleted_at IS NULL"
)
_BARE_COUNTS = (
    f"SELECT count(*) FROM {_OPEN} AND due_at < :today",
    f"SELECT count(*) FROM {_OPEN} AND due_at >= :today AND due_at < :tomorrow",
    f"SELECT count(*) FROM {_OPEN} AND due_at >= :tomorrow AND due_at < :week",
    f"SELECT count(*) FROM {_OPEN} AND due_at >= :week",
    "SELECT count(*) FROM activities INDEXED BY ix_activities_live_done_at"
    " WHERE done_at IS NOT NULL AND deleted_at IS NULL AND done_at >= :done",
)
_BARE_PAGE = """
SELECT a.id, a.kind, a.subject, a.notes, a.due_at, a.all_day, a.done_at, a.assignee_id,
       sp.name, a.customer_id, c.name, ct.name, a.opportunity_id, o.title, a.remind_at
  FROM activities a INDEXED BY ix_activities_open_due_at
  LEFT JOIN customers c ON c.id = a.customer_id
  LEFT JOIN salespeople sp ON sp.id = a.assignee_id
  LEFT JOIN contacts ct ON ct.id = a.contact_id
  LEFT JOIN opportunities o ON o.id = a.opportunity_id
 WHERE a.done_at IS NULL AND a.deleted_at IS NULL AND a.due_at >= :today
   AND a.due_at < :tomorrow
 ORDER BY a.due_at, a.customer_id, a.kind, a.id LIMIT 256
"""


@benchmark
def tasks_tab(db: Path) -> list[Row]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from sms_desktop.domain.tasks import GroupBounds
    from sms_desktop.persistence.db import open_database
    from sms_desktop.services.registry import Services
    from sms_desktop.services.tasks import TaskFilter, local_zone
    from sms_desktop.ui.tabs.tasks.tab import TasksTab

    app: Any = QApplication.instance() or QApplication([])
    database = open_database(db)
    services = Services(database)
    tz = local_zone()
    now = datetime.now(UTC)
    bounds = GroupBounds.at(now, tz)

    def stamp(value: datetime) -> str:
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")

    params = {
        "today": stamp(bounds.today),
        "tomorrow": stamp(bounds.tomorrow),
        "week": stamp(bounds.next_week),
        "done": stamp(bounds.done_since),
    }

    def floor() -> float:
        started = time.perf_counter()
        con = sqlite3.connect(db)
        for sql in _BARE_COUNTS:
            con.execute(sql, params).fetchone()
        con.execute(_BARE_PAGE, params).fetchall()
        con.close()
        return time.perf_counter() - started

    def shown() -> float:
        started = time.perf_counter()
        tab = TasksTab(services, QUndoStack(), None)
        tab.resize(1400, 860)
        tab.show()
        tab.load()
        app.processEvents()
        elapsed = time.perf_counter() - started
        tab.reminders.timer.stop()
        tab.close()
        tab.deleteLater()
        return elapsed

    def counts() -> float:
        started = time.perf_counter()
        services.tasks.group_counts(TaskFilter(), now=now, tz=tz)
        return time.perf_counter() - started

    def calendar() -> float:
        tab = TasksTab(services, QUndoStack(), None)
        tab.resize(1400, 860)
        tab.show()
        tab.load()
        app.processEvents()
        started = time.perf_counter()
        tab.views.setCurrentIndex(1)
        app.processEvents()
        elapsed = time.perf_counter() - started
        tab.reminders.timer.stop()
        tab.close()
        tab.deleteLater()
        return elapsed

    shown()
    shown_times = [shown() for _ in range(RUNS)]
    floor_times = [floor() for _ in range(RUNS)]
    got = services.tasks.group_counts(TaskFilter(), now=now, tz=tz)
    total = services.maintenance.counts()
    activities = next(c.count for c in total if c.key == "activities")
    rows = [
        Row(
            "tasks: grouped list shown on opening the tab",
            statistics.median(shown_times),
            statistics.median(floor_times),
            f"{activities:,} activities, {got.attention:,} overdue or today; floor: bare SQL "
            "of the five counts and the first page",
        ),
        Row(
            "tasks: the five group counts",
            statistics.median(counts() for _ in range(RUNS)),
            statistics.median(floor_times),
            "floor as above (counts and page)",
        ),
        Row(
            "tasks: week calendar shown (everyone)",
            statistics.median(calendar() for _ in range(5)),
            None,
            "one row per salesperson",
        ),
    ]

    from sms_desktop.domain.enums import ActivityKind
    from sms_desktop.domain.tasks import TaskGroup
    from sms_desktop.reporting.ics import build_calendar

    later = list(services.tasks.iter_tasks(TaskFilter(), TaskGroup.LATER, bounds))[:1000]

    def ics() -> float:
        started = time.perf_counter()
        build_calendar(
            later,
            tz=tz,
            database_id="bench",
            kind_name={k.value: k.value for k in ActivityKind},
            calendar_name="bench",
        ).to_ical()
        return time.perf_counter() - started

    rows.append(
        Row(
            f"tasks: .ics of {len(later):,} tasks built",
            statistics.median(ics() for _ in range(5)),
            None,
            "icalendar, with VTIMEZONE",
        )
    )
    database.close()
    return rows
