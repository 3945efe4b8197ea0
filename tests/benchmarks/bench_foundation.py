"""Foundation figures: start-up, first data, demo generation, ``check``."""

from __future__ import annotations

import json
import sqlite3
import sys
import textwrap
from pathlib import Path

from tests.benchmarks.harness import Row, benchmark, env, median_of, time_call, time_until_line

RUNS = 7

BARE_QT = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 820)
    window.show()
    QTimer.singleShot(0, lambda: (print("PROBE shown", flush=True), app.exit(0)))
    app.exec()
""")


@benchmark
def startup(db: Path) -> list[Row]:
    app = [sys.executable, "-m", "sms_desktop", "gui", "--db", str(db)]
    floor = median_of(
        lambda: time_until_line([sys.executable, "-c", BARE_QT], "PROBE shown", env()), RUNS
    )
    shown = median_of(
        lambda: time_until_line(app, "PROBE shown", env(SMS_DESKTOP_PROBE="shown")), RUNS
    )
    data = median_of(
        lambda: time_until_line(app, "PROBE data", env(SMS_DESKTOP_PROBE="data")), RUNS
    )
    return [
        Row("start → main window shown", shown, floor, "floor: bare QApplication+QMainWindow"),
        Row("start → first data visible", data, None, "goal < 500 ms"),
    ]


def _raw_check(db: Path) -> None:
    con = sqlite3.connect(db)
    try:
        con.execute("PRAGMA quick_check").fetchall()
        for table in (
            "customers",
            "contacts",
            "opportunities",
            "activities",
            "orders",
            "order_lines",
            "quotes",
            "products",
        ):
            con.execute(f"SELECT count(*) FROM {table}").fetchone()
    finally:
        con.close()


@benchmark
def check(db: Path) -> list[Row]:
    import subprocess

    floor = median_of(lambda: time_call(lambda: _raw_check(db)), 3)
    ours = median_of(
        lambda: time_call(
            lambda: subprocess.run(
                [sys.executable, "-m", "sms_desktop", "check", "--db", str(db)],
                check=True,
                capture_output=True,
            )
        ),
        3,
    )
    return [
        Row(
            "sms-desktop check (quick_check + counts)",
            ours,
            floor,
            "floor: bare sqlite3 quick_check + counts",
        )
    ]


@benchmark
def demo_generation(db: Path) -> list[Row]:
    meta = json.loads(db.with_suffix(".json").read_text())
    return [
        Row(
            f"demo generation ({db.name.split('-')[1]} customers, once)",
            meta["build_seconds"],
            None,
            "goal < 180 s; cached after the first run",
        )
    ]
