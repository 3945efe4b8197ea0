"""Pipeline tab: board shown, a card dropped and repainted, memory; against bare SQL floors."""

from __future__ import annotations

import os
import sqlite3
import statistics
import time
from pathlib import Path
from typing import Any

from tests.benchmarks.harness import Row, benchmark

RUNS = 9
_BARE_BOARD = """
SELECT o.id, o.title, c.name, o.amount, o.currency, o.expected_close, s.name, o.stage_id,
       o.probability_override, o.stage_changed_at,
       (SELECT MIN(a.due_at) FROM activities a
         WHERE a.opportunity_id = o.id AND a.done_at IS NULL AND a.deleted_at IS NULL)
  FROM opportunities o JOIN customers c ON c.id = o.customer_id
  LEFT JOIN salespeople s ON s.id = o.owner_id
 WHERE o.status = 'open' AND o.deleted_at IS NULL
"""


def _rss_mib() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1_048_576


@benchmark
def pipeline_board(db: Path) -> list[Row]:
    import shutil
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from sms_desktop.persistence.db import open_database
    from sms_desktop.services.registry import Services
    from sms_desktop.ui.tabs.pipeline.tab import PipelineTab

    app: Any = QApplication.instance() or QApplication([])
    # The drop benchmark writes: work on a copy, never on the cached database.
    folder = Path(tempfile.mkdtemp())
    copy = folder / "pipeline.sqlite3"
    shutil.copyfile(db, copy)
    database = open_database(copy)
    services = Services(database)
    rows: list[Row] = []
    try:

        def floor() -> float:
            started = time.perf_counter()
            con = sqlite3.connect(copy)
            con.execute(_BARE_BOARD).fetchall()
            con.close()
            return time.perf_counter() - started

        def shown() -> float:
            started = time.perf_counter()
            tab = PipelineTab(services, QUndoStack(), None)
            tab.resize(1400, 860)
            tab.show()
            tab.load()
            app.processEvents()
            elapsed = time.perf_counter() - started
            tab.close()
            tab.deleteLater()
            # What the app's event loop does with it: this script never enters one, and
            # without this every tab stayed alive (the +124 MiB once reported as a leak).
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
            return elapsed

        shown()
        before = _rss_mib()
        board_times = [shown() for _ in range(RUNS)]
        grown = _rss_mib() - before
        floor_times = [floor() for _ in range(RUNS)]
        open_count = services.pipeline.count_opportunities()
        rows.append(
            Row(
                "pipeline: board shown on opening the tab",
                statistics.median(board_times),
                statistics.median(floor_times),
                f"{open_count:,} open deals; floor: bare SQL of the same columns",
            )
        )

        tab = PipelineTab(services, QUndoStack(), None)
        tab.resize(1400, 860)
        tab.show()
        tab.load()
        app.processEvents()
        stages = [s for s in services.stages.stages() if s.kind.value == "open"]
        drops = []
        for run in range(RUNS):
            source = tab.board.column_of_stage(stages[run % 2].id)
            target = stages[(run + 1) % 2]
            card = source.model.card(0).id
            started = time.perf_counter()
            tab.move_card(card, target.id)
            tab.board.column_of_stage(target.id).view.viewport().repaint()
            drops.append(time.perf_counter() - started)
        rows.append(
            Row(
                "pipeline: card dropped → committed and repainted",
                statistics.median(drops),
                None,
                f"p95 {statistics.quantiles(drops, n=20)[-1] * 1000:.1f} ms",
            )
        )
        rows.append(
            Row(
                "pipeline: memory of the board tab (repeated opening)",
                grown,
                None,
                "RSS growth over the runs",
                unit="MiB",
            )
        )
        tab.close()
    finally:
        database.close()
        shutil.rmtree(folder, ignore_errors=True)
    return rows
