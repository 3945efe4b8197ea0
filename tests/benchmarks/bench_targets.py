"""Targets tab: the attainment table of a quarter (all salespeople, all metrics), against the
same aggregate queries run with bare sqlite3."""

from __future__ import annotations

import os
import sqlite3
import statistics
import time
from datetime import UTC, date, datetime
from datetime import time as clock
from pathlib import Path
from typing import Any

from tests.benchmarks.harness import Row, benchmark

RUNS = 15


def _floor_queries(start: date, end: date, today: date) -> list[tuple[str, tuple[Any, ...]]]:
    """The queries behind the table, written by hand: targets; revenue, margin and repeat
    revenue in one pass; collections, deals won, new customers, activities per salesperson;
    the weighted pipeline; the salespeople (activities bounded in UTC)."""
    s, e = start.isoformat(), end.isoformat()
    last = date.fromordinal(end.toordinal() - 1).isoformat()
    s_utc = datetime.combine(start, clock(), UTC).strftime("%Y-%m-%d %H:%M:%S")
    e_utc = datetime.combine(end, clock(), UTC).strftime("%Y-%m-%d %H:%M:%S")
    return [
        (
            "SELECT salesperson_id, metric, period_kind, period_start, value FROM targets"
            " WHERE period_start >= ? AND period_start < ?",
            (s, e),
        ),
        (
            "SELECT owner_id, SUM(subtotal_base), SUM(subtotal_base - cost_total_base),"
            " SUM(CASE WHEN opportunity_id IS NULL THEN subtotal_base ELSE 0 END) FROM orders"
            " WHERE status NOT IN ('cancelled', 'draft') AND order_date >= ?"
            " AND order_date < ? GROUP BY owner_id",
            (s, e),
        ),
        (
            "SELECT o.owner_id, SUM(a.collected_base) FROM payments p"
            " JOIN payment_allocations a ON a.payment_id = p.id"
            " JOIN invoices i ON i.id = a.invoice_id JOIN orders o ON o.id = i.order_id"
            " WHERE p.payment_date >= ? AND p.payment_date < ? GROUP BY o.owner_id",
            (s, e),
        ),
        (
            "SELECT owner_id, COUNT(*) FROM opportunities WHERE deleted_at IS NULL"
            " AND status = 'won' AND closed_on >= ? AND closed_on < ? GROUP BY owner_id",
            (s, e),
        ),
        (
            "SELECT o.owner_id, COUNT(*) FROM orders o WHERE o.status <> 'cancelled'"
            " AND o.order_date >= ? AND o.order_date < ? AND NOT EXISTS (SELECT 1 FROM orders p"
            " WHERE p.customer_id = o.customer_id AND p.status <> 'cancelled'"
            " AND (p.order_date < o.order_date OR (p.order_date = o.order_date AND p.id < o.id)))"
            " GROUP BY o.owner_id",
            (s, e),
        ),
        (
            "SELECT s.id, (SELECT COUNT(*) FROM activities a WHERE a.assignee_id = s.id"
            " AND a.deleted_at IS NULL AND a.done_at >= ? AND a.done_at < ?) FROM salespeople s",
            (s_utc, e_utc),
        ),
        (
            "SELECT COUNT(*) FROM activities WHERE assignee_id IS NULL"
            " AND deleted_at IS NULL AND done_at >= ? AND done_at < ?",
            (s_utc, e_utc),
        ),
        (
            "SELECT o.owner_id,"
            " SUM(o.amount * COALESCE(o.probability_override, s.default_probability)),"
            " SUM(COALESCE(o.probability_override, s.default_probability))"
            " FROM opportunities o JOIN pipeline_stages s ON s.id = o.stage_id"
            " WHERE o.deleted_at IS NULL AND o.status = 'open'"
            " AND o.expected_close >= ? AND o.expected_close <= ? GROUP BY o.owner_id",
            (max(today, start).isoformat(), last),
        ),
        ("SELECT id, name, active FROM salespeople ORDER BY name, id", ()),
    ]


@benchmark
def targets_table(db: Path) -> list[Row]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from sms_desktop.domain.enums import PeriodKind
    from sms_desktop.domain.targets import Period
    from sms_desktop.persistence.db import open_database
    from sms_desktop.services.registry import Services
    from sms_desktop.services.targets import TargetsService
    from sms_desktop.ui.tabs.targets.tab import TargetsTab

    app: Any = QApplication.instance() or QApplication([])
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    last = date.fromisoformat(con.execute("SELECT MAX(order_date) FROM orders").fetchone()[0])
    con.close()
    today = last
    quarter = Period.containing(PeriodKind.QUARTER, today)
    queries = _floor_queries(quarter.start, quarter.end_exclusive, today)

    def floor() -> float:
        started = time.perf_counter()
        bare = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        for sql, params in queries:
            bare.execute(sql, params).fetchall()
        bare.close()
        return time.perf_counter() - started

    database = open_database(db)
    services = Services(database)
    services.targets = TargetsService(database, tz=UTC)  # the floor bounds days in UTC too
    tab = TargetsTab(services, QUndoStack(), today=today)
    tab.resize(1400, 900)
    tab.show()
    tab.set_period(quarter)
    app.processEvents()
    rows: list[Row] = []
    try:
        for _ in range(2):  # warm the page cache for both
            floor()
            services.targets.attainment(PeriodKind.QUARTER, quarter.start, today=today)

        def service_call() -> float:
            started = time.perf_counter()
            services.targets.attainment(PeriodKind.QUARTER, quarter.start, today=today)
            return time.perf_counter() - started

        def table_shown() -> float:
            started = time.perf_counter()
            tab.refresh()
            tab.table.viewport().repaint()
            return time.perf_counter() - started

        floors = [floor() for _ in range(RUNS)]
        calls = [service_call() for _ in range(RUNS)]
        shown = [table_shown() for _ in range(RUNS)]
        floor_median = statistics.median(floors)
        count = tab.model.rowCount()
        rows.append(
            Row(
                "targets: attainment() of a quarter",
                statistics.median(calls),
                floor_median,
                f"{quarter.start}: {count} rows, all metrics, pace included",
            )
        )
        rows.append(
            Row(
                "targets: quarter table refreshed + painted",
                statistics.median(shown),
                floor_median,
                "goal: < 200 ms median",
            )
        )
    finally:
        tab.close()
        tab.deleteLater()
        database.close()
    return rows
