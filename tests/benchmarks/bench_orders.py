"""Orders: the list's first page (with its count) and the receivables ageing (of today, from
the stored balances; and as of a past day, from the allocations), on the large database,
against the same work done with bare sqlite3."""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from tests.benchmarks.harness import Row, benchmark

RUNS = 15
PAGE = 256

_FLOOR_PAGE = (
    "SELECT o.id, o.number, o.order_date, o.customer_id, c.name, o.status, o.currency,"
    " o.total, o.total_base, s.name FROM (SELECT id FROM orders WHERE deleted_at IS NULL"
    " ORDER BY order_date DESC, id DESC LIMIT ? OFFSET 0) AS page"
    " JOIN orders o ON o.id = page.id JOIN customers c ON c.id = o.customer_id"
    " LEFT JOIN salespeople s ON s.id = o.owner_id ORDER BY o.order_date DESC, o.id DESC"
)
_FLOOR_COUNT = "SELECT count(*) FROM orders WHERE deleted_at IS NULL"
_FLOOR_OPEN = (
    "SELECT i.customer_id, i.due_date, i.amount_base - coalesce(p.paid, 0) FROM invoices i"
    " LEFT JOIN (SELECT a.invoice_id, sum(a.amount_base) AS paid FROM payment_allocations a"
    " JOIN payments y ON y.id = a.payment_id WHERE y.payment_date <= ? GROUP BY a.invoice_id)"
    " AS p ON p.invoice_id = i.id WHERE i.invoice_date <= ?"
    " AND i.amount_base > coalesce(p.paid, 0)"
)
# Of today: the stored balances, through their partial indexes (no invoice is dated later,
# so the invoices' dates need no test).
_FLOOR_OPEN_TODAY = (
    "SELECT i.customer_id, i.due_date, i.amount_base - i.paid_base FROM invoices i"
    " WHERE i.amount_base > i.paid_base"
)
_FLOOR_CREDIT_TODAY = (
    "SELECT customer_id, sum(unapplied_base) FROM payments WHERE unapplied_base <> 0"
    " GROUP BY customer_id"
)
# A payment's allocations all count from its date: the credit of a past day is the stored
# unapplied balance of the payments of then.
_FLOOR_CREDIT = (
    "SELECT customer_id, sum(unapplied_base) FROM payments WHERE unapplied_base <> 0"
    " AND payment_date <= ? GROUP BY customer_id"
)


def _bucket(late: int) -> int:
    return 0 if late <= 0 else 1 if late <= 30 else 2 if late <= 60 else 3 if late <= 90 else 4


def _floor_ageing(db: Path, as_of: date, *, today: bool) -> int:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    day = as_of.isoformat()
    buckets: dict[int, list[int]] = defaultdict(lambda: [0] * 5)
    credit: dict[int, int] = defaultdict(int)
    rows = con.execute(_FLOOR_OPEN_TODAY) if today else con.execute(_FLOOR_OPEN, (day, day))
    for cid, due, amount in rows:
        buckets[cid][_bucket((as_of - date.fromisoformat(due)).days)] += amount
    credits = con.execute(_FLOOR_CREDIT_TODAY) if today else con.execute(_FLOOR_CREDIT, (day,))
    for cid, amount in credits:
        credit[cid] += amount
    ids = sorted(set(buckets) | {c for c, v in credit.items() if v > 0})
    names = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        names.update(con.execute(f"SELECT id, name FROM customers WHERE id IN ({marks})", chunk))
    con.close()
    return len(ids)


@benchmark
def orders_list_first_page(db: Path) -> list[Row]:
    from sms_desktop.persistence.db import open_database
    from sms_desktop.services.lists import Order
    from sms_desktop.services.orders import OrderFilter, OrdersService

    def floor() -> float:
        started = time.perf_counter()
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        con.execute(_FLOOR_COUNT).fetchone()
        con.execute(_FLOOR_PAGE, (PAGE,)).fetchall()
        con.close()
        return time.perf_counter() - started

    database = open_database(db)
    orders = OrdersService(database)
    flt, order = OrderFilter(), Order("order_date", descending=True)

    def ours() -> float:
        started = time.perf_counter()
        orders.count_rows(flt)
        orders.page_rows(flt, order, offset=0, limit=PAGE)
        return time.perf_counter() - started

    try:
        for _ in range(2):
            floor()
            ours()
        floors = [floor() for _ in range(RUNS)]
        calls = [ours() for _ in range(RUNS)]
        count = orders.count_rows(flt)
    finally:
        database.close()
    return [
        Row(
            "orders: list count + first page",
            statistics.median(calls),
            statistics.median(floors),
            f"{count:,} orders, {PAGE} rows, by date; goal ≤ 1.5× and ≤ 200 ms",
        )
    ]


@benchmark
def receivables_ageing(db: Path) -> list[Row]:
    from sms_desktop.persistence.db import open_database
    from sms_desktop.services.receivables import ReceivablesService

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    last = max(
        con.execute("SELECT max(invoice_date) FROM invoices").fetchone()[0],
        con.execute("SELECT max(payment_date) FROM payments").fetchone()[0],
    )
    con.close()
    today = date.fromisoformat(last) + timedelta(days=1)
    database = open_database(db)
    service = ReceivablesService(database)
    rows: list[Row] = []
    try:
        for label, as_of, stored in (
            ("receivables: ageing of all customers, today", today, True),
            ("receivables: ageing as of 90 days ago", today - timedelta(days=90), False),
        ):

            def floor(as_of: date = as_of, stored: bool = stored) -> float:
                started = time.perf_counter()
                _floor_ageing(db, as_of, today=stored)
                return time.perf_counter() - started

            def ours(as_of: date = as_of) -> float:
                started = time.perf_counter()
                service.ageing(as_of)
                return time.perf_counter() - started

            for _ in range(2):
                floor()
                ours()
            floors = [floor() for _ in range(RUNS)]
            calls = [ours() for _ in range(RUNS)]
            report = service.ageing(as_of)
            goal = "goal ≤ 1.5× and ≤ 200 ms" if stored else "from the allocations; goal ≤ 1.5×"
            rows.append(
                Row(
                    label,
                    statistics.median(calls),
                    statistics.median(floors),
                    f"as of {as_of}: {len(report.customers):,} customers open; {goal}",
                )
            )
    finally:
        database.close()
    return rows
