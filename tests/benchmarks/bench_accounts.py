"""Key accounts: the full segmentation of the large database (RFM, ABC, CLV, health, tier of
every customer with orders) against a floor of one bare sqlite3 aggregate pass over the orders
plus the R, F and M quintiles in plain Python; and the recomputation that stores it."""

from __future__ import annotations

import sqlite3
import statistics
import time
from bisect import bisect_left, bisect_right
from datetime import date
from pathlib import Path

from tests.benchmarks.harness import Row, benchmark

RUNS = 5


def _as_of(db: Path) -> date:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return date.fromisoformat(con.execute("SELECT MAX(order_date) FROM orders").fetchone()[0])
    finally:
        con.close()


def _floor(db: Path, as_of: date, hint: str = "NOT INDEXED") -> float:
    """One aggregate pass in bare sqlite3 and the three quintile scorings in plain Python.
    By default the pass reads the table in order (``NOT INDEXED``, as the service does);
    ``hint=""`` lets SQLite group through the customer index (its own plan, slower)."""
    started = time.perf_counter()
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = con.execute(
            f"SELECT customer_id, MAX(order_date), COUNT(*), SUM(subtotal) FROM orders {hint}"
            " WHERE status <> 'cancelled' AND order_date <= ? GROUP BY customer_id",
            (as_of.isoformat(),),
        ).fetchall()
    finally:
        con.close()
    n = len(rows)
    recency = [(as_of - date.fromisoformat(r[1])).days for r in rows]
    for values, higher in (
        (recency, False),
        ([r[2] for r in rows], True),
        ([r[3] for r in rows], True),
    ):
        ordered = sorted(values)
        if higher:
            [1 + 5 * bisect_left(ordered, v) // n for v in values]
        else:
            [1 + 5 * (n - bisect_right(ordered, v)) // n for v in values]
    return time.perf_counter() - started


@benchmark
def accounts_segmentation(db: Path) -> list[Row]:
    from sms_desktop.persistence.db import open_database
    from sms_desktop.services.accounts import AccountsService

    as_of = _as_of(db)
    database = open_database(db)
    try:
        service = AccountsService(database)
        result = service.compute(as_of)  # warm the page cache and the statement cache
        floors = [_floor(db, as_of) for _ in range(RUNS)]
        planned = statistics.median(_floor(db, as_of, hint="") for _ in range(RUNS))
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            result = service.compute(as_of)
            times.append(time.perf_counter() - started)
    finally:
        database.close()
    return [
        Row(
            "accounts: full segmentation (service, no write)",
            statistics.median(times),
            statistics.median(floors),
            f"{len(result.scores):,} customers with orders; floor with SQLite's own plan "
            f"(through the customer index) {planned * 1000:,.0f} ms; goal ≤ 2× floor, < 2 s",
        )
    ]


@benchmark
def accounts_recompute(db: Path) -> list[Row]:
    from sms_desktop.persistence import models as m
    from sms_desktop.persistence.db import open_database
    from sms_desktop.services.accounts import AccountsService

    as_of = _as_of(db)
    database = open_database(db)
    try:
        service = AccountsService(database)
        with database.write() as session:
            session.query(m.AccountScore).delete()
        floor = statistics.median(_floor(db, as_of) for _ in range(RUNS))
        started = time.perf_counter()
        first = service.recompute(as_of)
        first_time = time.perf_counter() - started
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            again = service.recompute(as_of)
            times.append(time.perf_counter() - started)
    finally:
        database.close()
    return [
        Row(
            "accounts: first recompute, every row written",
            first_time,
            floor,
            f"{len(first.changed):,} rows written",
        ),
        Row(
            "accounts: recompute, nothing changed",
            statistics.median(times),
            floor,
            f"{len(again.changed)} rows written (compared with the stored ones)",
        ),
    ]
