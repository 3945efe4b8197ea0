"""Customers tab: first rows painted, keystroke → repainted results, memory after scrolling.

Runs the real widgets offscreen in this process. Floors: a bare ``sqlite3`` keyset-paged
model of the same page in the same kind of view.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.benchmarks.harness import Row, benchmark

PAGE = 256
RUNS = 15
KEYSTROKE_QUERIES = (
    ("latin 1", "s"),
    ("latin 2", "sh"),
    ("latin 3", "tec"),
    ("latin 5", "techn"),
    ("chinese 1", "伟"),
    ("chinese 2", "王伟"),
    ("chinese 3", "北京华"),
    ("chinese 5", "北京华夏科"),
    ("pinyin 2", "bj"),
    ("pinyin 3", "bjh"),
    ("pinyin 5", "huaxi"),
)
_BARE_SQL = """
SELECT c.id, c.name, c.city, c.industry, c.tier, c.segment, s.name, cs.last_interaction_at,
       cs.revenue_12m, cs.open_pipeline, ''
  FROM customers c LEFT JOIN customer_stats cs ON cs.customer_id = c.id
  LEFT JOIN salespeople s ON s.id = c.owner_id
 WHERE c.deleted_at IS NULL AND (c.name, c.id) > (?, ?)
 ORDER BY c.name, c.id LIMIT ?
"""


def _rss_mib() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1_048_576


def _qt() -> Any:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _bare_model(db: Path) -> Any:
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

    class Bare(QAbstractTableModel):
        def __init__(self) -> None:
            super().__init__()
            self.con = sqlite3.connect(db)
            self.rows = self.con.execute(_BARE_SQL, ("", 0, PAGE)).fetchall()

        def rowCount(self, parent: Any = QModelIndex()) -> int:
            return 0 if parent.isValid() else len(self.rows)

        def columnCount(self, parent: Any = QModelIndex()) -> int:
            return 0 if parent.isValid() else 9

        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role == Qt.ItemDataRole.DisplayRole:
                value = self.rows[index.row()][index.column()]
                return "" if value is None else str(value)
            return None

    return Bare()


def _paint_time(make_model: Callable[[], Any]) -> float:
    from PySide6.QtWidgets import QTableView

    started = time.perf_counter()
    view = QTableView()
    view.resize(1000, 800)
    view.setModel(make_model())
    view.show()
    view.viewport().repaint()
    elapsed = time.perf_counter() - started
    view.close()
    view.deleteLater()
    return elapsed


@benchmark
def customers_tab(db: Path) -> list[Row]:
    from sms_desktop.persistence.db import open_database
    from sms_desktop.services.customers import CustomerFilter
    from sms_desktop.services.registry import Services
    from sms_desktop.ui.tabs.customers.tab import customer_model

    app = _qt()
    database = open_database(db)
    services = Services(database)
    rows: list[Row] = []
    try:

        def ours() -> Any:
            model = customer_model(services.customers, page_size=PAGE)
            model.reload()
            return model

        _paint_time(ours)
        _paint_time(lambda: _bare_model(db))
        first = statistics.median(_paint_time(ours) for _ in range(RUNS))
        floor = statistics.median(_paint_time(lambda: _bare_model(db)) for _ in range(RUNS))
        rows.append(
            Row(
                "customers: first 256 rows painted",
                first,
                floor,
                "floor: bare sqlite3 keyset model, same page and view",
            )
        )

        from PySide6.QtWidgets import QTableView

        model = customer_model(services.customers, page_size=PAGE)
        model.reload()
        view = QTableView()
        view.resize(1000, 800)
        view.setModel(model)
        view.show()
        app.processEvents()
        for label, query in KEYSTROKE_QUERIES:
            samples = []
            for _ in range(RUNS):
                model.set_filter(CustomerFilter())
                started = time.perf_counter()
                model.set_filter(CustomerFilter(search=query))
                view.viewport().repaint()
                samples.append(time.perf_counter() - started)
            p95 = statistics.quantiles(samples, n=20)[-1]
            rows.append(
                Row(
                    f"customers: keystroke → repainted, {label} ({query})",
                    statistics.median(samples),
                    None,
                    f"p95 {p95 * 1000:.1f} ms; {model.total:,} matches",
                )
            )

        model.set_filter(CustomerFilter())
        before = _rss_mib()
        while model.rowCount() < 10_000 and model.canFetchMore():
            model.fetchMore()
        app.processEvents()
        rows.append(
            Row(
                "customers: memory after scrolling 10,000 rows",
                _rss_mib() - before,
                None,
                "RSS growth",
                unit="MiB",
            )
        )
        view.close()
    finally:
        database.close()
    return rows
